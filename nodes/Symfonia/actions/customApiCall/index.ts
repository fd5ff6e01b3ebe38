import type { INodeProperties } from 'n8n-workflow';

import * as call from './call.operation';

export { call };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customApiCall'] } },
		options: [
			{
				name: 'Call',
				value: 'call',
				description:
					'Call any WebAPI endpoint with the managed session (versions and add-ons differ between customers)',
				action: 'Make a custom API call',
			},
		],
		default: 'call',
	},
	...call.description,
];
