import type { IDataObject } from 'n8n-workflow';

import { fieldError, type NodeContext, type ParameterContext } from './validate';

/**
 * The one reader of JSON parameters: JSON text typed into the editor, or an object or list mapped in by an
 * expression. Every failure names the field and the item. A `__proto__` / `constructor` / `prototype` key
 * anywhere in the value is refused: it is never a field of any of our APIs, and merged into a body it would
 * change the object's prototype or be sent as given.
 */

/** `object`: one object. `list`: a list of objects. `objectOrList`: either, as given. */
export type JsonShape = 'object' | 'list' | 'objectOrList';

export interface JsonReadOptions {
	/** With shape `list`: one object alone is taken as a list of one. */
	oneAsList?: boolean;
	/** Names the API in the message about a prototype key, e.g. "Symfonia". */
	api?: string;
}

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The first `__proto__` / `constructor` / `prototype` key anywhere in a value (20 levels deep), if any. */
export function prototypeKeyIn(value: unknown, depth = 0): string | undefined {
	if (!value || typeof value !== 'object' || depth > 20) return undefined;
	for (const key of Object.keys(value)) {
		if (PROTOTYPE_KEYS.has(key)) return key;
		const inner = prototypeKeyIn((value as Record<string, unknown>)[key], depth + 1);
		if (inner) return inner;
	}
	return undefined;
}

function isBlankJson(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

function isObject(value: unknown): value is IDataObject {
	return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** A JSON value already read from a parameter; undefined when it is empty. */
export function parseJsonValue(
	ctx: NodeContext,
	value: unknown,
	itemIndex: number,
	field: string,
	shape: 'object',
	options?: JsonReadOptions,
): IDataObject | undefined;
export function parseJsonValue(
	ctx: NodeContext,
	value: unknown,
	itemIndex: number,
	field: string,
	shape: 'list',
	options?: JsonReadOptions,
): IDataObject[] | undefined;
export function parseJsonValue(
	ctx: NodeContext,
	value: unknown,
	itemIndex: number,
	field: string,
	shape: JsonShape,
	options?: JsonReadOptions,
): IDataObject | IDataObject[] | undefined;
export function parseJsonValue(
	ctx: NodeContext,
	value: unknown,
	itemIndex: number,
	field: string,
	shape: JsonShape,
	options: JsonReadOptions = {},
): IDataObject | IDataObject[] | undefined {
	if (isBlankJson(value)) return undefined;
	let parsed: unknown = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch (error) {
			throw fieldError(ctx, itemIndex, field, `is not valid JSON (${(error as Error).message})`);
		}
	}
	const prototypeKey = prototypeKeyIn(parsed);
	if (prototypeKey) {
		throw fieldError(
			ctx,
			itemIndex,
			field,
			`"${prototypeKey}" is not a field name ${options.api ?? 'the API'} knows`,
		);
	}
	if (Array.isArray(parsed)) {
		if (shape === 'object')
			throw fieldError(
				ctx,
				itemIndex,
				field,
				'must be a JSON object like {"Field": "value"}, not a list',
			);
		parsed.forEach((entry, index) => {
			if (!isObject(entry))
				throw fieldError(
					ctx,
					itemIndex,
					field,
					`entry ${index + 1} of the list must be an object like {"Field": "value"}`,
				);
		});
		return parsed as IDataObject[];
	}
	if (!isObject(parsed)) {
		const expected =
			shape === 'list'
				? 'a JSON list of objects like [{"Field": "value"}]'
				: 'a JSON object like {"Field": "value"}';
		throw fieldError(ctx, itemIndex, field, `must be ${expected}`);
	}
	if (shape === 'list') {
		if (options.oneAsList) return [parsed];
		throw fieldError(
			ctx,
			itemIndex,
			field,
			'must be a JSON list of objects like [{"Field": "value"}]',
		);
	}
	return parsed;
}

/** A JSON parameter by name; undefined when it is empty. */
export function readJsonParameter(
	ctx: ParameterContext,
	name: string,
	itemIndex: number,
	field: string,
	shape: 'object',
	options?: JsonReadOptions,
): IDataObject | undefined;
export function readJsonParameter(
	ctx: ParameterContext,
	name: string,
	itemIndex: number,
	field: string,
	shape: 'list',
	options?: JsonReadOptions,
): IDataObject[] | undefined;
export function readJsonParameter(
	ctx: ParameterContext,
	name: string,
	itemIndex: number,
	field: string,
	shape: JsonShape,
	options?: JsonReadOptions,
): IDataObject | IDataObject[] | undefined;
export function readJsonParameter(
	ctx: ParameterContext,
	name: string,
	itemIndex: number,
	field: string,
	shape: JsonShape,
	options: JsonReadOptions = {},
): IDataObject | IDataObject[] | undefined {
	return parseJsonValue(
		ctx,
		ctx.getNodeParameter(name, itemIndex, '') as unknown,
		itemIndex,
		field,
		shape,
		options,
	);
}
