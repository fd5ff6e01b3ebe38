import type { INodeProperties } from 'n8n-workflow';

import * as list from './list.operation';

export { list };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['company'] } },
		options: [
			{
				name: 'List',
				value: 'list',
				description: 'The companies (bolag) the API user can see, inactive ones included',
				action: 'List companies',
			},
		],
		default: 'list',
	},
	...list.description,
];
