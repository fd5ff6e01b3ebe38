import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getStatus from './getStatus.operation';
import * as issue from './issue.operation';

export { create, get, getMany, getStatus, issue };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['purchaseDocument'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description:
					'Create a purchase document in Handel; an invoice already registered for the seller is returned instead of a duplicate',
				action: 'Create a purchase document',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a purchase document by ID or number',
				action: 'Get a purchase document',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List purchase documents of a date range, optionally of one contractor',
				action: 'Get many purchase documents',
			},
			{
				name: 'Get Status',
				value: 'getStatus',
				description: 'Get the status of a purchase document (buffer, settled, realised)',
				action: 'Get the status of a purchase document',
			},
			{
				name: 'Issue',
				value: 'issue',
				description: 'Issue (approve) a purchase document that waits in the buffer',
				action: 'Issue a buffered purchase document',
			},
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getMany.description,
	...getStatus.description,
	...issue.description,
];
