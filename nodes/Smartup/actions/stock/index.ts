import type { INodeProperties } from 'n8n-workflow';

import * as getBalance from './getBalance.operation';

export { getBalance };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['stock'] } },
		options: [
			{
				name: 'Get Balance',
				value: 'getBalance',
				description: 'Stock balance (остатки) per day, warehouse and product',
				action: 'Get the stock balance',
			},
		],
		default: 'getBalance',
	},
	...getBalance.description,
];
