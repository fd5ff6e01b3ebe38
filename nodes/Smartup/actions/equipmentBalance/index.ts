import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['equipmentBalance'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the equipment installed at clients (fridges, shelves …), 50 per request',
				action: 'Get many equipment balances',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
