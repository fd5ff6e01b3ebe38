import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as syncFk from './syncFk.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';
import * as upsertForContract from './upsertForContract.operation';

export { create, get, getMany, syncFk, update, upsert, upsertForContract };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contractor'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a contractor in Handel (Contractors/Create)',
				action: 'Create a contractor in handel',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update a contractor in handel',
			},
			{
				name: 'Create or Update for Contract',
				value: 'upsertForContract',
				description: 'One contractor that carries the data of all the clients of a contract',
				action: 'Create or update one contractor for several clients',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a contractor by ID, code, NIP or PESEL',
				action: 'Get a contractor from handel',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List contractors, page by page or filtered',
				action: 'Get many contractors from handel',
			},
			{
				name: 'Sync to FK',
				value: 'syncFk',
				description: 'Send a Handel contractor to FK again (Contractors/SyncFK)',
				action: 'Sync a contractor from handel to FK',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change fields of a contractor; the others keep their values',
				action: 'Update a contractor in handel',
			},
		],
		default: 'upsert',
	},
	...create.description,
	...get.description,
	...getMany.description,
	...syncFk.description,
	...update.description,
	...upsert.description,
	...upsertForContract.description,
];
