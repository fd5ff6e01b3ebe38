import type { INodeProperties } from 'n8n-workflow';

import * as addEntity from './addEntity.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as search from './search.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export { addEntity, create, get, search, update, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contractor'] } },
		options: [
			{
				name: 'Add Additional Entity',
				value: 'addEntity',
				description:
					'Add a recipient, payer or other entity (podmiot dodatkowy) to a saved contractor',
				action: 'Add an additional entity to a contractor',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Add a contractor (kontrahent)',
				action: 'Create a contractor',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update a contractor by NIP',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a contractor by identifier',
				action: 'Get a contractor',
			},
			{
				name: 'Search',
				value: 'search',
				description: 'Find contractors by part of the name, identifier or NIP',
				action: 'Search contractors',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change some fields of a contractor; the others keep their values',
				action: 'Update a contractor',
			},
		],
		default: 'upsert',
	},
	...addEntity.description,
	...create.description,
	...get.description,
	...search.description,
	...update.description,
	...upsert.description,
];
