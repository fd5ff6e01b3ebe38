import type { INodeProperties } from 'n8n-workflow';

import type { ReferenceType } from '../../types';
import { codeTypeOption, timeZoneOption } from '../fields';

/**
 * References (docs/api/smartup.md §8.5-8.7): exported by code or modification date, imported by `code` (an upsert).
 * Their quota is the smallest (100 calls a day), so identical exports in one execution are answered once.
 */

/** The Operation dropdown of one reference type. */
export function referenceOperations(type: ReferenceType): INodeProperties {
	const label = type.label.toLowerCase();
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [type.resource] } },
		options: [
			{
				name: 'Create or Update',
				value: 'createOrUpdate',
				description: `Send ${label}s (${type.russian}) to Smartup by code, batched across all items`,
				action: `Create or update ${label}s`,
			},
			{
				name: 'Get by Code',
				value: 'getByCode',
				description: `Get one ${label} by its code`,
				action: `Get a ${label} by code`,
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: `Export ${label}s`,
				action: `Get many ${label}s`,
			},
		],
		default: 'getMany',
	};
}

/** Options of the reference exports: which codes the account uses, the time zone of dates. */
export const exportOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [codeTypeOption, timeZoneOption],
};
