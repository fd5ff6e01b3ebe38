import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export { create, get, getMany, update, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['fkContractor'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a contractor in Finanse i Księgowość; the output has its Position',
				action: 'Create a contractor in FK',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update a contractor in FK',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get an FK contractor by ID, code, position or NIP',
				action: 'Get a contractor from FK',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List FK contractors page by page',
				action: 'Get many contractors from FK',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change fields of an FK contractor; the others keep their values',
				action: 'Update a contractor in FK',
			},
		],
		default: 'upsert',
	},
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...upsert.description,
];
