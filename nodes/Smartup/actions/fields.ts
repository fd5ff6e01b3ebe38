import { createHash } from 'node:crypto';
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { readJsonParameter } from '../../common/json';
import {
	describeValue,
	fieldError,
	type NodeContext,
	type ParameterContext,
} from '../../common/validate';
import {
	DEFAULT_TIME_ZONE,
	formatDate,
	formatDateTime,
	isValidTimeZone,
	readDateTime,
} from '../dates';

export const organizationCodeField: INodeProperties = {
	displayName: 'Organization Code',
	name: 'filialCode',
	type: 'string',
	default: '',
	placeholder: '01',
	description:
		'The organization\'s integration code (filial_code). Needed when the credential\'s Organization ID is the head organization ("Администрирование"); leave empty for a single organization or for all.',
};

export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to parse quantities, prices and amounts into numbers (Smartup sends every value as text) and use the code type chosen in Options',
};

export const timeZoneOption: INodeProperties = {
	displayName: 'Time Zone',
	name: 'timeZone',
	type: 'string',
	default: DEFAULT_TIME_ZONE,
	description: 'Time zone in which dates are written for Smartup (dd.mm.yyyy)',
};

export const codeTypeOption: INodeProperties = {
	displayName: 'Codes Used by the Account',
	name: 'codeType',
	type: 'options',
	options: [
		{ name: 'Global', value: 'global', description: 'Company-level codes (глобальный код)' },
		{ name: 'Local', value: 'local', description: 'Organization-level codes (локальный код)' },
	],
	default: 'global',
	description:
		'Must match "Использует код" in Smartup\'s integration settings. With Local and Simplify on, person_code and product_code in the output are the local codes (the global ones stay in *_global_code).',
};

export const batchSizeOption: INodeProperties = {
	displayName: 'Batch Size',
	name: 'batchSize',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 5000 },
	default: 5000,
	description:
		'How many objects go into one request. Smartup accepts at most 5000; each request counts against the daily quota.',
};

/** The Smartup time zone chosen in Options (validated). */
export function readTimeZone(ctx: ParameterContext, itemIndex: number): string {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const zone = String(options.timeZone ?? '').trim() || DEFAULT_TIME_ZONE;
	if (!isValidTimeZone(zone))
		throw fieldError(
			ctx,
			itemIndex,
			'Time Zone',
			`"${zone}" is not a time zone name like Asia/Tashkent`,
		);
	return zone;
}

export function readOptions(ctx: ParameterContext, itemIndex: number): IDataObject {
	return ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
}

/**
 * A JSON parameter of Smartup fields: an object, a list (one object is taken as a list of one) or either,
 * read by common/json.ts (prototype keys refused, errors name the field and item).
 */
export function readJson(
	ctx: ParameterContext,
	name: string,
	itemIndex: number,
	field: string,
	shape: 'object' | 'list' | 'objectOrList',
): IDataObject | IDataObject[] | undefined {
	return readJsonParameter(ctx, name, itemIndex, field, shape, { api: 'Smartup', oneAsList: true });
}

/** A list of name/value pairs (fixedCollection `field`), for fields the node has no parameter of its own for. */
export function nameValueField(
	name: string,
	displayName: string,
	description: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field',
		default: {},
		description,
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'person_code',
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	};
}

/** A name/value list as an object; a field without a name is refused. */
export function readNameValues(
	ctx: ParameterContext,
	name: string,
	itemIndex: number,
	label: string,
): IDataObject | undefined {
	const collection = ctx.getNodeParameter(name, itemIndex, {}) as {
		field?: Array<{ name?: unknown; value?: unknown }>;
	};
	const fields = collection.field ?? [];
	if (fields.length === 0) return undefined;
	const result: IDataObject = {};
	for (const field of fields) {
		const key = String(field.name ?? '').trim();
		if (!key) throw fieldError(ctx, itemIndex, label, 'each field needs a name');
		result[key] = field.value as IDataObject[string];
	}
	return result;
}

/**
 * The length some installations refused external IDs above (ORA-06502, one integrator). No official source
 * sets a limit (docs/api/smartup.md §9), so IDs are sent as given; this is only the length "Shorten Long
 * External IDs" hashes down to, for users whose installation refuses longer ones.
 */
export const EXTERNAL_ID_MAX = 20;

export function shortId(value: string): string {
	return `h${createHash('sha1')
		.update(value, 'utf8')
		.digest('hex')
		.slice(0, EXTERNAL_ID_MAX - 1)}`;
}

/** The external ID as given (no official length limit); hashed only when the user asked for short IDs. */
export function checkExternalId(
	ctx: NodeContext,
	value: string,
	itemIndex: number,
	field: string,
	shorten: boolean,
): string {
	if (!value)
		throw fieldError(
			ctx,
			itemIndex,
			field,
			'is required: it is how Smartup recognises a document sent twice',
		);
	if (shorten && !/^[\x21-\x7e]{1,20}$/.test(value)) return shortId(value);
	return value;
}

const DATE_KEY = /(_date|^birthday|^date)$/;
/**
 * Date-times: every *_time field, and five whose names end in _date but are typed dd.mm.yyyy hh24:mi:ss in
 * the official tables (docs/api/smartup.md §4.8; input_date is a date-time on purchases, the only import with it).
 */
const DATE_TIME_KEY =
	/(_time|^from_movement_date|^to_movement_date|^stocktaking_date|^writeoff_date|^input_date)$/;

/**
 * Turns a user's object into what Smartup expects: dates as dd.mm.yyyy / dd.mm.yyyy HH:mm:ss (from ISO or
 * n8n dates), numbers as text, true/false as Y/N. Nested lists (lines) are converted the same way.
 */
export function toApiObject(
	ctx: NodeContext,
	input: IDataObject,
	itemIndex: number,
	field: string,
	timeZone: string,
): IDataObject {
	const convert = (key: string, value: unknown, path: string): unknown => {
		if (value === null || value === undefined) return '';
		if (typeof value === 'boolean') return value ? 'Y' : 'N';
		if (typeof value === 'number') {
			if (!Number.isFinite(value))
				throw fieldError(ctx, itemIndex, field, `${path} is not a finite number`);
			return String(value);
		}
		if (Array.isArray(value))
			return value.map((entry, index) => convert(key, entry, `${path}[${index}]`));
		if (
			value instanceof Date ||
			(typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function')
		) {
			return convertDate(key, value, path);
		}
		if (typeof value === 'object') {
			const result: IDataObject = {};
			for (const [innerKey, inner] of Object.entries(value as IDataObject))
				result[innerKey] = convert(innerKey, inner, `${path}.${innerKey}`) as IDataObject[string];
			return result;
		}
		const text = String(value);
		if ((DATE_KEY.test(key) || DATE_TIME_KEY.test(key)) && text.trim() !== '')
			return convertDate(key, text, path);
		return text;
	};
	const convertDate = (key: string, value: unknown, path: string): string => {
		const parts = readDateTime(value, timeZone);
		if (!parts) {
			throw fieldError(
				ctx,
				itemIndex,
				field,
				`${path} must be a date like 2026-03-05 (or 05.03.2026), got ${describeValue(value)}`,
			);
		}
		return DATE_TIME_KEY.test(key) ? formatDateTime(parts) : formatDate(parts);
	};
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(input))
		result[key] = convert(key, value, key) as IDataObject[string];
	return result;
}

const NUMERIC_KEY =
	/(quant|quantity|amount|price|percent|_value$|^value$|weight|litre|^litr$|count$|_sum$|^amount$)/;
/** Codes, IDs and numbers-as-names stay text even when they look numeric (price_type_code "777"). */
const TEXT_KEY = /(code|_id|^id|barcode|number|gtin|ikpu|tnved|kind)$/;

/** Simplify: numbers parsed in quantity/price/amount fields (IDs and codes stay text), local codes if chosen. */
export function simplifyRecord(record: IDataObject, codeType: string): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(record)) {
		if (Array.isArray(value)) {
			result[key] = value.map((entry) =>
				entry && typeof entry === 'object' ? simplifyRecord(entry as IDataObject, codeType) : entry,
			);
		} else if (value && typeof value === 'object') {
			result[key] = simplifyRecord(value as IDataObject, codeType);
		} else if (
			typeof value === 'string' &&
			NUMERIC_KEY.test(key) &&
			!TEXT_KEY.test(key) &&
			/^-?\d+(\.\d+)?$/.test(value.trim())
		) {
			result[key] = Number(value);
		} else {
			result[key] = value;
		}
	}
	if (codeType === 'local') {
		for (const base of ['person', 'product']) {
			const local = record[`${base}_local_code`];
			if (local !== undefined && local !== null && local !== '') {
				result[`${base}_global_code`] = record[`${base}_code`];
				result[`${base}_code`] = local;
			}
		}
	}
	return result;
}

/** One output item per line: the document's fields, and the line's fields prefixed with `line_`. */
export function splitLines(record: IDataObject, linesKey: string): IDataObject[] {
	const lines = Array.isArray(record[linesKey]) ? (record[linesKey] as IDataObject[]) : [];
	const header: IDataObject = {};
	for (const [key, value] of Object.entries(record)) if (!Array.isArray(value)) header[key] = value;
	if (lines.length === 0) return [header];
	return lines.map((line) => {
		const row: IDataObject = { ...header };
		for (const [key, value] of Object.entries(line)) row[`line_${key}`] = value;
		return row;
	});
}
