import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['priceType'] } },
		options: [{ name: 'Get Many', value: 'getMany', description: 'List the price types (типы цен)', action: 'Get many price types' }],
		default: 'getMany',
	},
	...getMany.description,
];
