import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['warehouse'] } },
		options: [{ name: 'Get Many', value: 'getMany', description: 'List the warehouses (склады)', action: 'Get many warehouses' }],
		default: 'getMany',
	},
	...getMany.description,
];
