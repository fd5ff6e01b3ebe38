import type { INodeProperties } from 'n8n-workflow';

import type { DocumentType } from '../../types';

/** The two actions every document type has, for its operation dropdown. */
export function documentOperations(type: DocumentType, extra: Array<{ name: string; value: string; description: string; action: string }> = []): INodeProperties {
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
				description: `Send ${label}s (${type.russian}) to Smartup, batched across all items; matched by External ID`,
				action: `Create or update ${label}s`,
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: `Export ${label}s by date, organization or external ID`,
				action: `Get many ${label}s`,
			},
			...extra,
		].sort((a, b) => a.name.localeCompare(b.name)),
		default: 'getMany',
	};
}
