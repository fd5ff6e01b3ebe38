import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { fieldError, readString, type ParameterContext } from '../../../common/validate';
import { REFERENCE_TYPES, type ReferenceType } from '../../types';
import {
	batchSizeOption,
	nameValueField,
	readJson,
	readNameValues,
	readTimeZone,
	timeZoneOption,
	toApiObject,
} from '../fields';
import type { ImportSpec } from '../importer';

/**
 * Create or Update of a reference (docs/api/smartup.md §4.4, §8.5-8.7): `$import` keyed by `code` (an upsert), batched
 * across all input items by the importer; after a lost answer the code is looked up, never resent.
 */

export function properties(type: ReferenceType): INodeProperties[] {
	const properties: INodeProperties[] = [
		{
			displayName: 'Code',
			name: 'code',
			type: 'string',
			required: true,
			default: '',
			description:
				'Integration code: an existing object with this code is updated, otherwise one is created',
		},
		{
			displayName: 'Fields',
			name: 'referenceFields',
			type: 'json',
			default: '{}',
			placeholder: JSON.stringify(type.example),
			description: `The ${type.label} (${type.russian}) fields as Smartup names them. Required: ${type.required.join(', ')} (${Object.entries(
				type.defaults,
			)
				.map(([key, value]) => `${key} defaults to ${String(value)}`)
				.join(', ')}).`,
		},
		nameValueField(
			'fieldValues',
			'Field Values',
			'Fields one by one (name and value); they replace the same names in Fields',
		),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [batchSizeOption, timeZoneOption],
		},
	];
	return properties;
}

export const description: INodeProperties[] = Object.values(REFERENCE_TYPES).flatMap((type) =>
	updateDisplayOptions(
		{ show: { resource: [type.resource], operation: ['createOrUpdate'] } },
		properties(type),
	),
);

/** What the importer needs to send one reference type. */
export function importSpec(type: ReferenceType): ImportSpec {
	const label = type.label.toLowerCase();
	return {
		path: type.importPath,
		root: type.root,
		keyField: 'code',
		label,
		safeToRepeat: false,
		build(this: ParameterContext, itemIndex: number) {
			const code = readString(this, 'code', itemIndex, 'Code', { required: true });
			const fields = (readJson(this, 'referenceFields', itemIndex, 'Fields', 'object') ??
				{}) as IDataObject;
			const zone = readTimeZone(this, itemIndex);
			const values = readNameValues(this, 'fieldValues', itemIndex, 'Field Values') ?? {};
			const object: IDataObject = {
				...type.defaults,
				...toApiObject(this, fields, itemIndex, 'Fields', zone),
				...toApiObject(this, values, itemIndex, 'Field Values', zone),
				code,
			};
			if (type.resource === 'legalPerson' && !object.short_name && object.name)
				object.short_name = object.name;
			for (const name of type.required) {
				if (object[name] === undefined || String(object[name]).trim() === '') {
					throw fieldError(
						this,
						itemIndex,
						'Fields',
						`"${name}" is required for a ${label} (Smartup marks it required)`,
					);
				}
			}
			return { key: code, object };
		},
		verify: {
			exportPath: type.exportPath,
			root: type.root,
			keyField: 'code',
			idField: type.idField,
		},
	};
}
