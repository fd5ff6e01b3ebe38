import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { PRICE_TYPE } from '../../types';
import type { ImportSpec } from '../importer';
import * as reference from '../reference';
import * as getMany from './getMany.operation';

export { getMany };

/**
 * Price type import (docs/api/smartup.md §8.9), keyed by code like the references. No look-up after a lost answer:
 * the v2 export takes no date filter, so the importer reports the outcome as unknown instead.
 */
export const importSpec: ImportSpec = {
	...reference.createOrUpdate.importSpec(PRICE_TYPE),
	verify: undefined,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['priceType'] } },
		options: [
			{
				name: 'Create or Update',
				value: 'createOrUpdate',
				description: 'Send price types (типы цен) to Smartup by code, batched across all items',
				action: 'Create or update price types',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the price types (типы цен)',
				action: 'Get many price types',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
	...updateDisplayOptions(
		{ show: { resource: ['priceType'], operation: ['createOrUpdate'] } },
		reference.createOrUpdate.properties(PRICE_TYPE),
	),
];
