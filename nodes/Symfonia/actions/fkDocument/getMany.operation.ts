import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readLimit, returnAllOrLimit } from '../../../common/paginate';
import type { OperationExecute } from '../../../common/router';
import {
	fieldError,
	isBlank,
	readPositiveInteger,
	toIsoDate,
	toPositiveInteger,
} from '../../../common/validate';
import { asList, symfoniaRequest } from '../../transport';

import { yearField } from './helpers';

const properties: INodeProperties[] = [
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		options: [
			{
				name: 'Buffer',
				value: 'Buffer',
				description: 'Documents waiting in the FK buffer (where WebAPI puts new ones)',
			},
			{
				name: 'Accounting Books',
				value: 'AccountingBooks',
				description: 'Documents already booked',
			},
		],
		default: 'Buffer',
	},
	yearField,
	{ displayName: 'Date From', name: 'dateFrom', type: 'dateTime', required: true, default: '' },
	{ displayName: 'Date To', name: 'dateTo', type: 'dateTime', required: true, default: '' },
	{
		displayName: 'Contractor Position',
		name: 'contractorPosition',
		type: 'string',
		default: '',
		description: 'Only documents of this FK contractor',
	},
	...returnAllOrLimit,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['fkDocument'], operation: ['getMany'] } },
	properties,
);

export const execute: OperationExecute = async function (this, itemIndex) {
	const source = this.getNodeParameter('source', itemIndex) as string;
	if (source !== 'Buffer' && source !== 'AccountingBooks')
		throw fieldError(this, itemIndex, 'Source', 'must be Buffer or Accounting Books');
	const qs: IDataObject = {
		yearId: readPositiveInteger(this, 'yearId', itemIndex, 'Fiscal Year'),
		dateFrom: toIsoDate(
			this,
			this.getNodeParameter('dateFrom', itemIndex, ''),
			itemIndex,
			'Date From',
		),
		dateTo: toIsoDate(this, this.getNodeParameter('dateTo', itemIndex, ''), itemIndex, 'Date To'),
	};
	const position = this.getNodeParameter('contractorPosition', itemIndex, '') as unknown;
	if (!isBlank(position))
		qs.contractorPosition = toPositiveInteger(this, position, itemIndex, 'Contractor Position');
	const list = asList(
		await symfoniaRequest.call(this, itemIndex, {
			method: 'GET',
			path: `/FKDocuments/${source}`,
			qs,
			safeToRepeat: true,
		}),
	);
	const limit = readLimit(this, itemIndex);
	return Number.isFinite(limit) ? list.slice(0, limit) : list;
};
