import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { fieldError, readString, toPositiveInteger } from '../../../common/validate';
import { asList, symfoniaRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Find By',
		name: 'findBy',
		type: 'options',
		options: [
			{ name: 'ID', value: 'id' },
			{ name: 'Code', value: 'code' },
		],
		default: 'code',
	},
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		required: true,
		default: '',
		description: 'The ID or code of the Handel contractor',
	},
	{
		displayName: 'New in FK',
		name: 'isNew',
		type: 'options',
		options: [
			{
				name: 'Detect',
				value: 'detect',
				description: 'New when FK has no contractor with this code',
			},
			{ name: 'Yes', value: 'yes', description: 'FK does not have this contractor yet' },
			{ name: 'No', value: 'no', description: 'FK has it: update the FK copy' },
		],
		default: 'detect',
		description: 'What SyncFK is told in isNew',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contractor'], operation: ['syncFk'] } },
	properties,
);

/**
 * `PATCH /api/Contractors/SyncFK?contractorId|contractorCode&isNew` sends a Handel contractor to FK again
 * (docs/api/symfonia.md, "Handel contractors: SyncFK"). Detect reads the Handel contractor and asks FK for its code
 * (that FK keeps the Handel code is inferred). Not repeated automatically: isNew=true sent twice is not documented.
 */
export const execute: OperationExecute = async function (this, itemIndex) {
	const findBy = this.getNodeParameter('findBy', itemIndex) as string;
	const value = readString(this, 'value', itemIndex, 'Value', { required: true });
	if (findBy !== 'id' && findBy !== 'code')
		throw fieldError(this, itemIndex, 'Find By', 'must be ID or Code');
	const qs: IDataObject =
		findBy === 'id'
			? { contractorId: toPositiveInteger(this, value, itemIndex, 'Value (ID)') }
			: { contractorCode: value };
	const choice = this.getNodeParameter('isNew', itemIndex, 'detect') as string;
	let isNew = choice === 'yes';
	if (choice === 'detect') {
		const handel = asList(
			await symfoniaRequest.call(
				this,
				itemIndex,
				{
					method: 'GET',
					path: '/Contractors',
					qs: findBy === 'id' ? { id: qs.contractorId } : { code: value },
					safeToRepeat: true,
				},
				{ requireBody: true },
			),
		)[0];
		const code = String(handel?.Code ?? value);
		const inFk = await symfoniaRequest.call(
			this,
			itemIndex,
			{ method: 'GET', path: '/FKContractors', qs: { code }, safeToRepeat: true },
			{ notFoundAsUndefined: true },
		);
		isNew = asList(inFk).length === 0;
	}
	await symfoniaRequest.call(this, itemIndex, {
		method: 'PATCH',
		path: '/Contractors/SyncFK',
		qs: { ...qs, isNew },
		safeToRepeat: false,
	});
	return { success: true, ...qs, isNew, symfoniaAction: isNew ? 'createdInFk' : 'updatedInFk' };
};
