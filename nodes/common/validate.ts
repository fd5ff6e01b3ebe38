import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Typed parameter readers. Each failure is a NodeOperationError that names the field (its label in the
 * editor), the item, and the form that is accepted — raised before any request is sent.
 */

/** What an error naming a field needs of the execution context: the node. */
export type NodeContext = Pick<IExecuteFunctions, 'getNode'>;

/**
 * What reading a parameter needs: the node and getNodeParameter. An execution context is one; so is a reader
 * that is not a context (Smartup's importer reads parameters without an expression once per run), which
 * therefore cannot be passed where a request is sent.
 */
export type ParameterContext = Pick<IExecuteFunctions, 'getNode' | 'getNodeParameter'>;

export function fieldError(
	ctx: NodeContext,
	itemIndex: number,
	field: string,
	problem: string,
): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `${field}: ${problem} [item ${itemIndex}]`, {
		itemIndex,
		description: `Fix the "${field}" field (or the data mapped into it) for item ${itemIndex} and run again.`,
	});
}

/** A value as an error message quotes it: objects and lists by kind (never "[object Object]"), text shortened. */
export function describeValue(value: unknown): string {
	return describe(value);
}

function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	const text = String(value);
	return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** Nothing given: undefined, null, or text that is only spaces. */
export function isBlank(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

/** A value that must be text (a number is taken as its digits), trimmed; an object or list is refused. */
export function toText(ctx: NodeContext, value: unknown, itemIndex: number, field: string): string {
	if (typeof value !== 'string' && typeof value !== 'number')
		throw fieldError(ctx, itemIndex, field, `must be text, got ${describe(value)}`);
	return String(value).trim();
}

/** true / false, also as the text "true" / "false" (what an expression may give). */
export function toBoolean(
	ctx: NodeContext,
	value: unknown,
	itemIndex: number,
	field: string,
): boolean {
	if (value === true || value === 'true') return true;
	if (value === false || value === 'false') return false;
	throw fieldError(ctx, itemIndex, field, `must be true or false, got ${describe(value)}`);
}

/** A text parameter; numbers are accepted as text, objects and lists are not. */
export function readString(
	ctx: ParameterContext,
	name: string,
	itemIndex: number,
	field: string,
	options: { required?: boolean; maxLength?: number } = {},
): string {
	const value = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	if (value === undefined || value === null) {
		if (options.required) throw fieldError(ctx, itemIndex, field, 'is required');
		return '';
	}
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw fieldError(ctx, itemIndex, field, `must be text, got ${describe(value)}`);
	}
	const text = String(value).trim();
	if (options.required && !text) throw fieldError(ctx, itemIndex, field, 'is required');
	if (options.maxLength && text.length > options.maxLength) {
		throw fieldError(ctx, itemIndex, field, `must be at most ${options.maxLength} characters`);
	}
	return text;
}

/** A whole number id (> 0), given as a number or as digits. */
export function toPositiveInteger(
	ctx: NodeContext,
	value: unknown,
	itemIndex: number,
	field: string,
): number {
	const text =
		typeof value === 'number'
			? String(value)
			: typeof value === 'string'
				? value.trim()
				: undefined;
	if (text === undefined || text === '') {
		throw fieldError(
			ctx,
			itemIndex,
			field,
			value === '' || value === undefined
				? 'is required'
				: `must be a whole number, got ${describe(value)}`,
		);
	}
	if (!/^\d+$/.test(text))
		throw fieldError(ctx, itemIndex, field, `must be a whole number, got ${describe(value)}`);
	const number = Number(text);
	if (number <= 0 || !Number.isSafeInteger(number)) {
		throw fieldError(
			ctx,
			itemIndex,
			field,
			`must be a whole number between 1 and ${Number.MAX_SAFE_INTEGER}`,
		);
	}
	return number;
}

export function readPositiveInteger(
	ctx: ParameterContext,
	name: string,
	itemIndex: number,
	field: string,
): number {
	return toPositiveInteger(
		ctx,
		ctx.getNodeParameter(name, itemIndex, '') as unknown,
		itemIndex,
		field,
	);
}

/** An integer within [min, max], given as a number or digits. */
export function toIntegerInRange(
	ctx: NodeContext,
	value: unknown,
	itemIndex: number,
	field: string,
	min: number,
	max: number,
): number {
	const number =
		typeof value === 'number'
			? value
			: typeof value === 'string' && /^-?\d+$/.test(value.trim())
				? Number(value)
				: NaN;
	if (!Number.isInteger(number) || number < min || number > max) {
		throw fieldError(
			ctx,
			itemIndex,
			field,
			`must be a whole number from ${min} to ${max}, got ${describe(value)}`,
		);
	}
	return number;
}

/**
 * A calendar date as the API wants it (yyyy-mm-dd). Accepts yyyy-mm-dd, an ISO date-time (the editor's
 * date picker gives one; only its date part is used) or a JavaScript Date / luxon DateTime from an expression.
 */
export function toIsoDate(
	ctx: NodeContext,
	value: unknown,
	itemIndex: number,
	field: string,
): string {
	let text: string | undefined;
	if (typeof value === 'string') text = value.trim();
	else if (value instanceof Date && !Number.isNaN(value.getTime())) text = value.toISOString();
	else if (
		value &&
		typeof value === 'object' &&
		typeof (value as { toISO?: unknown }).toISO === 'function'
	) {
		text = String((value as { toISO: () => string }).toISO());
	}
	const match = text?.match(/^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/);
	if (!match)
		throw fieldError(
			ctx,
			itemIndex,
			field,
			`must be a date like 2026-01-31, got ${describe(value)}`,
		);
	const [, year, month, day] = match;
	const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
	if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) {
		throw fieldError(ctx, itemIndex, field, `is not a real calendar date: ${describe(value)}`);
	}
	return `${year}-${month}-${day}`;
}

const EMAIL = /^[^\s@;,<>()[\]"]+@[^\s@;,<>()[\]"]+\.[^\s@;,<>()[\]"]{2,}$/;

/** One or more e-mail addresses separated by commas, semicolons or spaces; each one checked. */
export function toEmailList(
	ctx: NodeContext,
	value: unknown,
	itemIndex: number,
	field: string,
): string[] {
	const parts = Array.isArray(value)
		? value
		: typeof value === 'string'
			? value.split(/[;,\s]+/)
			: undefined;
	if (!parts)
		throw fieldError(ctx, itemIndex, field, `must be e-mail addresses, got ${describe(value)}`);
	const emails = parts
		.map((part) => (typeof part === 'string' ? part.trim() : part))
		.filter((part) => part !== '');
	for (const email of emails) {
		if (typeof email !== 'string' || !EMAIL.test(email)) {
			throw fieldError(
				ctx,
				itemIndex,
				field,
				`${describe(email)} is not an e-mail address (separate several with commas)`,
			);
		}
	}
	return emails as string[];
}

/** Polish tax id (NIP): 10 digits whose last one is the weighted checksum. Accepts "PL", dashes, spaces. */
export function isValidNip(nip: string): boolean {
	const digits = nip.replace(/^PL/i, '').replace(/[\s-]/g, '');
	if (!/^\d{10}$/.test(digits)) return false;
	const weights = [6, 5, 7, 2, 3, 4, 5, 6, 7];
	const sum = weights.reduce((total, weight, index) => total + weight * Number(digits[index]), 0);
	const check = sum % 11;
	return check !== 10 && check === Number(digits[9]);
}

export function toNip(ctx: NodeContext, value: unknown, itemIndex: number, field: string): string {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
	if (!isValidNip(text)) {
		throw fieldError(
			ctx,
			itemIndex,
			field,
			`${describe(value)} is not a valid NIP (10 digits with a correct checksum)`,
		);
	}
	return text.replace(/^PL/i, '').replace(/[\s-]/g, '');
}

/** A money amount rounded to 2 decimals; accepts "12,50" (Polish decimal comma) as well as 12.5. */
export function toAmount(
	ctx: NodeContext,
	value: unknown,
	itemIndex: number,
	field: string,
): number {
	const number =
		typeof value === 'number'
			? value
			: typeof value === 'string' && /^-?\d+([.,]\d+)?$/.test(value.trim())
				? Number(value.trim().replace(',', '.'))
				: NaN;
	if (!Number.isFinite(number))
		throw fieldError(
			ctx,
			itemIndex,
			field,
			`must be an amount like 123.45, got ${describe(value)}`,
		);
	return Math.round(number * 100) / 100;
}

/**
 * The rows of a fixedCollection parameter (`{ <key>: [row, ...] }`). Only an own property counts: a
 * collection that arrives as a list would otherwise hand back Array.prototype.filter for a key "filter".
 */
export function fixedCollectionRows(collection: unknown, key: string): IDataObject[] {
	if (!collection || typeof collection !== 'object' || Array.isArray(collection)) return [];
	const rows = Object.prototype.hasOwnProperty.call(collection, key)
		? (collection as IDataObject)[key]
		: undefined;
	if (Array.isArray(rows))
		return rows.filter(
			(row): row is IDataObject => !!row && typeof row === 'object' && !Array.isArray(row),
		);
	return rows && typeof rows === 'object' ? [rows as IDataObject] : [];
}
