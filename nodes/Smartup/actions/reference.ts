import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiError } from '../../common/http';
import { readLimit, returnAllOrLimit } from '../../common/paginate';
import type { OperationExecute } from '../../common/router';
import { fieldError, readString } from '../../common/validate';
import { formatDate, readDateTime, today } from '../dates';
import { callSmartup } from '../transport';
import type { ReferenceType } from '../types';
import { shapeRows } from './exporter';
import {
	batchSizeOption,
	codeTypeOption,
	organizationCodeField,
	readJson,
	readTimeZone,
	simplifyField,
	timeZoneOption,
	toApiObject,
} from './fields';
import { nameValueField, readNameValues } from './document';
import type { ImportSpec } from './importer';

/**
 * References (API file §8.5-8.7): exported by code or modification date, imported by `code` (an upsert).
 * Their quota is the smallest (100 calls a day), so identical exports in one execution are answered once.
 */

const show = (type: ReferenceType, operation: string) => ({ show: { resource: [type.resource], operation: [operation] } });

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
			{ name: 'Get by Code', value: 'getByCode', description: `Get one ${label} by its code`, action: `Get a ${label} by code` },
			{ name: 'Get Many', value: 'getMany', description: `Export ${label}s`, action: `Get many ${label}s` },
		],
		default: 'getMany',
	};
}

const exportOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [codeTypeOption, timeZoneOption],
};

export function getManyReference(type: ReferenceType): { description: INodeProperties[]; execute: OperationExecute } {
	const filters: INodeProperties[] = [
		{ ...organizationCodeField },
		{
			displayName: 'Modified Since',
			name: 'modifiedSince',
			type: 'dateTime',
			default: '',
			description: 'Only objects created or changed from this day to today',
		},
	];
	if (type.resource !== 'product') {
		filters.push({
			displayName: 'State',
			name: 'state',
			type: 'options',
			options: [
				{ name: 'Active (A)', value: 'A' },
				{ name: 'Passive (P)', value: 'P' },
				{ name: 'Both', value: 'A,P' },
			],
			default: 'A',
		});
	}
	const properties: INodeProperties[] = [
		...returnAllOrLimit,
		{ displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, options: filters },
		simplifyField,
		exportOptions,
	];
	return {
		description: updateDisplayOptions(show(type, 'getMany'), properties),
		execute: async function (this, itemIndex) {
			const values = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
			const body: IDataObject = {};
			if (values.filialCode) body.filial_code = String(values.filialCode).trim();
			if (values.state) body.state = String(values.state);
			if (values.modifiedSince) {
				const zone = readTimeZone(this, itemIndex);
				const since = readDateTime(values.modifiedSince, zone);
				if (!since) throw fieldError(this, itemIndex, 'Modified Since', 'must be a date like 2026-03-05');
				body.begin_modified_on = formatDate(since);
				body.end_modified_on = formatDate(today(zone));
			}
			const answer = await callSmartup.call(this, { path: type.exportPath, body, safeToRepeat: true, itemIndex, cacheable: true });
			const rows = Array.isArray(answer[type.root]) ? (answer[type.root] as IDataObject[]) : [];
			return shapeRows(this, rows.slice(0, readLimit(this, itemIndex)), itemIndex);
		},
	};
}

export function getByCodeReference(type: ReferenceType): { description: INodeProperties[]; execute: OperationExecute } {
	const properties: INodeProperties[] = [
		{ displayName: 'Code', name: 'code', type: 'string', required: true, default: '', description: `The ${type.label.toLowerCase()}'s integration code` },
		simplifyField,
		exportOptions,
	];
	return {
		description: updateDisplayOptions(show(type, 'getByCode'), properties),
		execute: async function (this, itemIndex) {
			const code = readString(this, 'code', itemIndex, 'Code', { required: true });
			const answer = await callSmartup.call(this, { path: type.exportPath, body: { code }, safeToRepeat: true, itemIndex, cacheable: true });
			const rows = Array.isArray(answer[type.root]) ? (answer[type.root] as IDataObject[]) : [];
			// One integrator saw filters ignored (API file §8.6): the code is checked here too.
			const row = rows.find((candidate) => String(candidate.code ?? '') === code);
			if (!row) {
				throw apiError(this.getNode(), { message: `Smartup has no ${type.label.toLowerCase()} with code "${code}"`, httpCode: '404', itemIndex }, []);
			}
			return shapeRows(this, [row], itemIndex);
		},
	};
}

export function createOrUpdateReference(type: ReferenceType): { description: INodeProperties[]; importSpec: ImportSpec } {
	const properties: INodeProperties[] = [
		{
			displayName: 'Code',
			name: 'code',
			type: 'string',
			required: true,
			default: '',
			description: 'Integration code: an existing object with this code is updated, otherwise one is created',
		},
		{
			displayName: 'Fields',
			name: 'referenceFields',
			type: 'json',
			default: '{}',
			placeholder: JSON.stringify(type.example),
			description: `The ${type.label} (${type.russian}) fields as Smartup names them. Required: ${type.required.join(', ')} (${Object.entries(type.defaults).map(([key, value]) => `${key} defaults to ${String(value)}`).join(', ')}).`,
		},
		nameValueField('fieldValues', 'Field Values', 'Fields one by one (name and value); they replace the same names in Fields'),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [batchSizeOption, timeZoneOption],
		},
	];
	const label = type.label.toLowerCase();
	return {
		description: updateDisplayOptions(show(type, 'createOrUpdate'), properties),
		importSpec: {
			path: type.importPath,
			root: type.root,
			keyField: 'code',
			label,
			safeToRepeat: false,
			build(this: IExecuteFunctions, itemIndex: number) {
				const code = readString(this, 'code', itemIndex, 'Code', { required: true });
				const fields = (readJson(this, 'referenceFields', itemIndex, 'Fields', 'object') ?? {}) as IDataObject;
				const zone = readTimeZone(this, itemIndex);
				const values = readNameValues(this, 'fieldValues', itemIndex, 'Field Values') ?? {};
				const object: IDataObject = {
					...type.defaults,
					...toApiObject(this, fields, itemIndex, 'Fields', zone),
					...toApiObject(this, values, itemIndex, 'Field Values', zone),
					code,
				};
				if (type.resource === 'legalPerson' && !object.short_name && object.name) object.short_name = object.name;
				for (const name of type.required) {
					if (object[name] === undefined || String(object[name]).trim() === '') {
						throw fieldError(this, itemIndex, 'Fields', `"${name}" is required for a ${label} (Smartup marks it required)`);
					}
				}
				return { key: code, object };
			},
			verify: { exportPath: type.exportPath, root: type.root, keyField: 'code', idField: type.idField },
		},
	};
}
