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
		displayOptions: { show: { resource: ['salesDocument'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a sales document in Handel, issued or in the buffer (SalesIssue/New)',
				action: 'Create a sales document',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a sales document by ID or number',
				action: 'Get a sales document',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List sales documents of a date range, optionally of one contractor',
				action: 'Get many sales documents',
			},
			{
				name: 'Get Status',
				value: 'getStatus',
				description: 'Get the status of a sales document (buffer, settled, realised)',
				action: 'Get the status of a sales document',
			},
			{
				name: 'Issue',
				value: 'issue',
				description: 'Issue (approve) a sales document that waits in the buffer',
				action: 'Issue a buffered sales document',
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
