import type { INodeProperties } from 'n8n-workflow';

import { requestOptionsField } from '../../common/options';
import * as recurringInvoice from './recurringInvoice';

/** Every parameter of the node: the resource selector, then each resource's operations and fields. */
export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'Recurring Invoice', value: 'recurringInvoice' }],
		default: 'recurringInvoice',
	},
	...recurringInvoice.description,
	requestOptionsField,
];
