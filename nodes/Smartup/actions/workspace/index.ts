import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['workspace'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description:
					'List the workspaces (рабочие зоны, rooms): every order and return needs a room_code',
				action: 'Get many workspaces',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
