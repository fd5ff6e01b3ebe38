import type { INodeProperties } from 'n8n-workflow';

import type { DocumentType } from '../../types';

/** The two actions every document type has, for its operation dropdown. */
export function documentOperations(
	type: DocumentType,
	extra: Array<{ name: string; value: string; description: string; action: string }> = [],
): INodeProperties {
	const label = type.label.toLowerCase();
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [type.resource] } },
		options: [
			...(type.importPath ? [importOption(type)] : []),
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

function importOption(type: DocumentType) {
	const label = type.label.toLowerCase();
	return {
		// What it sends: $import. What Smartup does with a known External ID is the account's duplicate setting
		// (error / update / skip / off), which the API cannot read (docs/api/smartup.md §7).
		name: 'Import',
		value: 'createOrUpdate',
		description: `Send ${label}s (${type.russian}) to Smartup's import, batched across all items. A new External ID creates one; a known one is refused, updated or skipped as the duplicate setting of this method says (Проверка на дубликат), or created again when it is off. A Smartup ID updates that document.`,
		action: `Import ${label}s`,
	};
}
