import type { IDataObject } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { fieldError, readString } from '../../../common/validate';
import { asList, symfoniaRequest } from '../../transport';
import { toContractorData } from '../fields';
import { readLookup, updateContractor, updateFields } from '../contractors';

export const description = updateDisplayOptions(
	{ show: { resource: ['fkContractor'], operation: ['update'] } },
	updateFields('fk'),
);

/** Reads the contractor, then sends it whole with the changed fields (docs/api/symfonia.md §7.1); nothing is sent when nothing changes. */
export const execute: OperationExecute = async function (this, itemIndex) {
	const findBy = this.getNodeParameter('findBy', itemIndex) as string;
	const lookup = readLookup(
		this,
		itemIndex,
		findBy,
		readString(this, 'value', itemIndex, 'Value', { required: true }),
	);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	if (Object.keys(fields).length === 0)
		throw fieldError(this, itemIndex, 'Update Fields', 'add at least one field to change');
	const patch = toContractorData(this, fields, itemIndex, 'fk');
	const found = asList(
		await symfoniaRequest.call(this, itemIndex, {
			method: 'GET',
			path: '/FKContractors',
			qs: lookup,
			safeToRepeat: true,
		}),
	)[0];
	if (!found) throw fieldError(this, itemIndex, 'Value', 'no contractor found');
	return await updateContractor(this, itemIndex, 'fk', found, patch);
};
