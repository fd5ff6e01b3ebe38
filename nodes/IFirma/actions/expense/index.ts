import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';

export { create };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['expense'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Book a purchase or business cost (wydatek)',
				action: 'Create an expense',
			},
		],
		default: 'create',
	},
	...create.description,
];
