import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	fieldError,
	readString,
	type NodeContext,
	type ParameterContext,
} from '../../../common/validate';
import { DOCUMENT_TYPES, ORDER_STATUSES, type DocumentType } from '../../types';
import {
	EXTERNAL_ID_MAX,
	batchSizeOption,
	checkExternalId,
	nameValueField,
	organizationCodeField,
	readJson,
	readNameValues,
	readOptions,
	readTimeZone,
	shortId,
	timeZoneOption,
	toApiObject,
} from '../fields';
import type { BuiltObject, ImportSpec } from '../importer';

/**
 * Create or Update of every document type (docs/api/smartup.md §4.4, §4.5, §8): `$import` keyed by external_id,
 * batched across all input items by the importer, never resent after a lost answer (looked up instead).
 * The types differ only in what DOCUMENT_TYPES says of them (paths, root, required fields, lines).
 */

function properties(type: DocumentType): INodeProperties[] {
	const properties: INodeProperties[] = [
		{
			displayName: 'External ID',
			name: 'externalId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'n8n-1001',
			description:
				'Your system\'s ID for this document (external_id), sent as given (a 1C GUID is fine). Smartup\'s duplicate check (Проверка на дубликат) uses it: keep it the same when the same document is sent again, e.g. "n8n-" followed by your order number.',
		},
		{
			...organizationCodeField,
		},
		{
			displayName: `Smartup ID (${type.idField})`,
			name: 'documentId',
			type: 'string',
			default: '',
			description:
				'Fill in to update that document; leave empty to create one (or let the duplicate check decide by External ID)',
		},
		{
			displayName: 'Document Fields',
			name: 'documentFields',
			type: 'json',
			default: '{}',
			placeholder: JSON.stringify(type.example),
			description: `The ${type.label} (${type.russian}) fields as Smartup names them. Dates may be ISO (2026-03-05) or n8n dates: they are written dd.mm.yyyy; numbers and true/false are sent as text and Y/N. Required: ${type.required.join(', ')}.`,
		},
	];
	properties.push(
		nameValueField(
			'fieldValues',
			'Field Values',
			'Fields one by one, e.g. person_code from a previous node; they replace the same names in Document Fields',
		),
	);
	if (type.linesKey) {
		properties.push(
			nameValueField(
				'lineValues',
				'Line Values',
				'One more line from this item, field by field (e.g. product_code, order_quant); handy with Group Items Into One Document',
			),
			{
				displayName: 'Lines',
				name: 'lines',
				type: 'json',
				default: '[]',
				placeholder: JSON.stringify([type.exampleLine ?? {}]),
				description: `The lines (${type.linesKey}): a list of objects, or one object per item when items are grouped. Required on each line: ${(type.requiredLine ?? []).join(', ') || 'nothing'}. A line without external_id gets the External ID followed by -1, -2 and so on.`,
			},
			{
				displayName: 'Items to Documents',
				name: 'grouping',
				type: 'options',
				options: [
					{ name: 'One Document per Item', value: 'perItem' },
					{
						name: 'Group Items Into One Document',
						value: 'group',
						description:
							'Items with the same Group Key make one document; each item adds its lines',
					},
				],
				default: 'perItem',
			},
			{
				displayName: 'Group Key',
				name: 'groupKey',
				type: 'string',
				default: '',
				required: true,
				placeholder: '={{ $json.order_number }}',
				description:
					'Items with the same value become one document; its header fields and External ID come from the first of them',
				displayOptions: { show: { grouping: ['group'] } },
			},
		);
	}
	properties.push({
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			batchSizeOption,
			{
				displayName: 'Shorten Long External IDs',
				name: 'shortenIds',
				type: 'boolean',
				default: false,
				description: `Whether to replace an External ID longer than ${EXTERNAL_ID_MAX} characters (or not ASCII) by a deterministic hash of it. Only for installations that refuse long IDs (ORA-06502); the hash is what Smartup then shows.`,
			},
			timeZoneOption,
		],
	});
	return properties;
}

function checkRequired(
	ctx: NodeContext,
	object: IDataObject,
	required: string[],
	itemIndex: number,
	field: string,
	what: string,
) {
	for (const name of required) {
		const value = object[name];
		if (value === undefined || value === null || String(value).trim() === '') {
			throw fieldError(
				ctx,
				itemIndex,
				field,
				`"${name}" is required for ${what} (Smartup marks it required)`,
			);
		}
	}
}

/** The fields of Create or Update, for each document type (the same names for every type). */
export const description: INodeProperties[] = Object.values(DOCUMENT_TYPES)
	.filter((type) => type.importPath)
	.flatMap((type) =>
		updateDisplayOptions(
			{ show: { resource: [type.resource], operation: ['createOrUpdate'] } },
			properties(type),
		),
	);

/** What the importer needs to send one document type: how to build each object and how to check a lost answer. */
export function importSpec(type: DocumentType): ImportSpec {
	const label = type.label.toLowerCase();
	const build = function (this: ParameterContext, itemIndex: number): BuiltObject {
		const options = readOptions(this, itemIndex);
		const zone = readTimeZone(this, itemIndex);
		const externalId = checkExternalId(
			this,
			readString(this, 'externalId', itemIndex, 'External ID'),
			itemIndex,
			'External ID',
			options.shortenIds === true,
		);
		const fields = (readJson(this, 'documentFields', itemIndex, 'Document Fields', 'object') ??
			{}) as IDataObject;
		const object = toApiObject(this, fields, itemIndex, 'Document Fields', zone);
		const values = readNameValues(this, 'fieldValues', itemIndex, 'Field Values');
		if (values) Object.assign(object, toApiObject(this, values, itemIndex, 'Field Values', zone));
		object.external_id = externalId;
		const filialCode = readString(this, 'filialCode', itemIndex, 'Organization Code');
		if (filialCode) object.filial_code = filialCode;
		const documentId = readString(this, 'documentId', itemIndex, `Smartup ID (${type.idField})`);
		if (documentId) {
			if (!/^\d+$/.test(documentId))
				throw fieldError(
					this,
					itemIndex,
					`Smartup ID (${type.idField})`,
					`must be a whole number, got "${documentId.slice(0, 40)}"`,
				);
			object[type.idField] = documentId;
		}
		checkRequired(this, object, type.required, itemIndex, 'Document Fields', `a ${label}`);
		const status = object.status ?? object.status_code;
		if (
			type.resource === 'order' &&
			status !== undefined &&
			!ORDER_STATUSES.some((known) => known.value === status)
		) {
			throw fieldError(
				this,
				itemIndex,
				'Document Fields',
				`status "${String(status)}" is not an order status (${ORDER_STATUSES.map((known) => `${known.value} ${known.russian}`).join(', ')})`,
			);
		}
		if (type.resource === 'writeOff' && status === 'C') {
			throw fieldError(
				this,
				itemIndex,
				'Document Fields',
				'status "C" cannot be set through the API for a write-off (use D, A or P)',
			);
		}
		let lines: IDataObject[] | undefined;
		let groupKey: string | undefined;
		if (type.linesKey) {
			const raw = (readJson(this, 'lines', itemIndex, 'Lines', 'objectOrList') ?? []) as
				| IDataObject
				| IDataObject[];
			lines = (Array.isArray(raw) ? raw : [raw]).map((line) =>
				toApiObject(this, line, itemIndex, 'Lines', zone),
			);
			const lineValues = readNameValues(this, 'lineValues', itemIndex, 'Line Values');
			if (lineValues) lines.push(toApiObject(this, lineValues, itemIndex, 'Line Values', zone));
			lines.forEach((line, index) =>
				checkRequired(
					this,
					line,
					type.requiredLine ?? [],
					itemIndex,
					'Lines',
					`line ${index + 1} of a ${label}`,
				),
			);
			if (this.getNodeParameter('grouping', itemIndex, 'perItem') === 'group') {
				groupKey = readString(this, 'groupKey', itemIndex, 'Group Key', { required: true });
			}
		}
		return { key: externalId, object, lines, groupKey };
	};
	const finish = function (this: ParameterContext, object: IDataObject, itemIndex: number) {
		if (!type.linesKey) return object;
		const shorten = readOptions(this, itemIndex).shortenIds === true;
		const lines = (object[type.linesKey] as IDataObject[] | undefined) ?? [];
		if (lines.length === 0) return object;
		const documentId = String(object.external_id);
		const withIds = lines.map((line, index) => {
			if (line.external_id) return line;
			const id = `${documentId}-${index + 1}`;
			return { ...line, external_id: shorten && id.length > EXTERNAL_ID_MAX ? shortId(id) : id };
		});
		return { ...object, [type.linesKey]: withIds };
	};
	return {
		path: type.importPath ?? '',
		root: type.root,
		keyField: 'external_id',
		label,
		linesKey: type.linesKey,
		safeToRepeat: false,
		build,
		finish,
		verify: {
			exportPath: type.exportPath,
			root: type.root,
			keyField: 'external_id',
			idField: type.idField,
			exportHidesSomeStatuses: type.resource === 'order',
		},
		noDuplicateCheck: type.resource === 'crossOrgMovement',
	};
}
