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
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				// docs/api/smartup.md §8.8: not among the 63 official requests; its one public user sends project_code anor.
				description:
					"List the warehouses (склады) through mkw/warehouse$export, a path outside Smartup's official API documentation: it may answer 404 or 401 on some accounts",
				action: 'Get many warehouses',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
