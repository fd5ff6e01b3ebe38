import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as set from './set.operation';

export { get, set };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['price'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get product prices per price type',
				action: 'Get prices',
			},
			{
				name: 'Set',
				value: 'set',
				description: 'Set product prices (batched across all items)',
				action: 'Set prices',
			},
		],
		default: 'get',
	},
	...get.description,
	...set.description,
];
