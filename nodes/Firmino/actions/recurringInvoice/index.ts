import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getDefaults from './getDefaults.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export { create, del as delete, get, getDefaults, getMany, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['recurringInvoice'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Make a sales document recurring (add)',
				action: 'Create a recurring invoice',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a recurring invoice',
				action: 'Delete a recurring invoice',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a recurring invoice by ID',
				action: 'Get a recurring invoice',
			},
			{
				name: 'Get Defaults',
				value: 'getDefaults',
				description:
					'Get the values a new recurring invoice would get, without creating one (init)',
				action: 'Get defaults for a new recurring invoice',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List recurring invoices, with search and filters (find)',
				action: 'Get many recurring invoices',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change fields of a recurring invoice; the others keep their values',
				action: 'Update a recurring invoice',
			},
		],
		default: 'getMany',
	},
	...create.description,
	...del.description,
	...get.description,
	...getDefaults.description,
	...getMany.description,
	...update.description,
];
