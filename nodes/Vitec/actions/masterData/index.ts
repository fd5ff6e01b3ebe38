import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['masterData'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'Every current customer, supplier, account or dimension value of a company, for the initial load',
				action: 'Get many master data',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
