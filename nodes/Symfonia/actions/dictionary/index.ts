import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';

export { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['dictionary'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get the entries of a Handel or FK dictionary',
				action: 'Get a dictionary',
			},
		],
		default: 'get',
	},
	...get.description,
];
