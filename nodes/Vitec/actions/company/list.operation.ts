import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { listCompanies } from '../../revisions';
import { requestSettings } from '../shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Only Active Companies',
		name: 'onlyActive',
		type: 'boolean',
		default: false,
		description: 'Whether to leave out inactive companies',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['company'], operation: ['list'] } },
	properties,
);

export const execute: OperationExecute = async function (this, itemIndex) {
	const companies = await listCompanies(this, requestSettings(this, itemIndex));
	const onlyActive = this.getNodeParameter('onlyActive', itemIndex, false) as boolean;
	return onlyActive ? companies.filter((company) => company.Active !== false) : companies;
};
