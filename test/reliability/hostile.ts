/* eslint-disable @n8n/community-nodes/require-node-api-error --
   Test helper (never shipped): an engine error that is not n8n's own "workflow has issues" is rethrown as it is. */
/**
 * Shared by the property tests: hostile parameter values, and the checks every run must pass whatever the
 * values were (an error is a NodeOperationError naming a field, or an API error; never a TypeError; nothing
 * polluted; no prototype keys sent).
 */
import fc from 'fast-check';
import type { INodeProperties } from 'n8n-workflow';

import type { RunResult } from '../harness';

/**
 * n8n itself refuses to start a workflow whose required parameter is empty as stored (not via an
 * expression): WorkflowHasIssuesError, before our node runs. That is the editor's "parameter is required"
 * check, a clear outcome; anything else thrown out of the engine is not.
 */
export async function runOrRefused(run: () => Promise<RunResult>): Promise<RunResult | 'refused'> {
	try {
		return await run();
	} catch (error) {
		if (
			(error as Error).name === 'WorkflowHasIssuesError' ||
			/The workflow has issues/.test((error as Error).message)
		)
			return 'refused';
		throw error;
	}
}

/** Values a user's data or a careless expression can put into a field. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
	fc.constantFrom(
		'',
		' ',
		'0',
		'-1',
		'1e309',
		'NaN',
		'null',
		'undefined',
		'true',
		'__proto__',
		'constructor',
		'prototype',
		'{{ $json }}',
		'=',
		';;;',
		'\u0000',
		'\u202e‮abc',
		'2026-13-45',
		'9999-99-99T99:99',
	),
	fc.string(),
	fc.fullUnicodeString({ maxLength: 40 }),
	fc.constantFrom('ż'.repeat(5000), 'x'.repeat(100_000), '😀'.repeat(2000)),
	fc.integer(),
	fc.double(),
	fc.boolean(),
	fc.constant(null),
	fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 4 }),
	// `toString` / `valueOf` keys are left to the explicit known-bug tests (String(value) throws on them).
	fc.dictionary(
		fc.constantFrom('__proto__', 'constructor', 'prototype', 'a', 'Name'),
		fc.oneof(fc.string(), fc.integer(), fc.constant({ polluted: true })),
		{ maxKeys: 3 },
	),
	fc.jsonValue({ maxDepth: 2 }),
);

/** A parameter value: either the hostile value itself, or an expression that resolves to it from the item. */
export interface Slot {
	value: unknown;
	viaExpression: boolean;
}

/** Plausible values mixed in, so that many runs get past validation and send requests to be checked. */
export const plausibleValue: fc.Arbitrary<unknown> = fc.constantFrom(
	'700',
	5,
	1,
	'week',
	'month',
	'year',
	'2026-12-01',
	'2026-12-01T08:00:00',
	8,
	'8',
	true,
	'true',
	false,
	'a@firma.pl',
	'a@firma.pl; b@firma.pl',
	'ACME',
	'Nazwa Sp. z o.o.',
	'5260001246',
	'Zażółć gęślą jaźń',
);

export const slot: fc.Arbitrary<Slot> = fc.record({
	value: fc.oneof({ weight: 2, arbitrary: plausibleValue }, { weight: 3, arbitrary: hostileValue }),
	viaExpression: fc.boolean(),
});

/** Puts each slot into the parameters (raw, or `={{ $json.p<n> }}`) and its value into the item. */
export function materialise(slots: Record<string, Slot>): {
	item: Record<string, unknown>;
	values: Record<string, unknown>;
} {
	const item: Record<string, unknown> = {};
	const values: Record<string, unknown> = {};
	for (const [key, { value, viaExpression }] of Object.entries(slots)) {
		const name = `p_${key.replace(/\W/g, '_')}`;
		if (viaExpression) {
			item[name] = value;
			values[key] = `={{ $json.${name} }}`;
		} else {
			values[key] = value;
		}
	}
	return { item, values };
}

/** Every displayName in a node's properties (fields, options of collections, values of fixed collections). */
export function displayNames(properties: INodeProperties[]): Set<string> {
	const names = new Set<string>();
	const visit = (list: unknown[]) => {
		for (const entry of list as Array<{
			displayName?: string;
			options?: unknown[];
			values?: unknown[];
		}>) {
			if (entry?.displayName) names.add(entry.displayName);
			if (Array.isArray(entry?.options)) visit(entry.options);
			if (Array.isArray(entry?.values)) visit(entry.values);
		}
	};
	visit(properties);
	return names;
}

const CRASH =
	/TypeError|ReferenceError|RangeError|Cannot read prop|Cannot convert|is not a function|is not iterable|undefined is not|Maximum call stack|\[object Object\]/;

/**
 * The outcome rule: no error, or a NodeOperationError whose message starts with a field's display name
 * ("Field: problem [item n]"), or a NodeApiError (the API refused a well-formed request — the caller checks
 * the requests). Returns the field named, if any.
 */
export function checkOutcome(result: RunResult, fields: Set<string>): 'ok' | 'field' | 'api' {
	expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	const error = result.error ?? errorFromItems(result);
	if (!error) return 'ok';
	expect(`${error.message} ${error.description ?? ''}`).not.toMatch(CRASH);
	expect(['NodeOperationError', 'NodeApiError']).toContain(error.name);
	if (error.name === 'NodeApiError') return 'api';
	// Operation errors name the field (or a part of it: "Value (ID)", "Additional Fields > Email").
	const label = /^(.+?): /.exec(error.message)?.[1] ?? '';
	const named = [...fields].some(
		(field) => label === field || label.startsWith(`${field} `) || label.includes(field),
	);
	expect({ message: error.message, namesAField: named }).toEqual({
		message: error.message,
		namesAField: true,
	});
	return 'field';
}

function errorFromItems(result: RunResult): (Error & { description?: string }) | undefined {
	const failed = result.items.find((item) => item.json.error !== undefined);
	if (!failed) return undefined;
	return Object.assign(new Error(String(failed.json.error)), {
		name: 'NodeOperationError',
		description: failed.json.description as string | undefined,
	});
}

/** No `__proto__` / `constructor` / `prototype` key anywhere in a parsed JSON value. */
export function prototypeKeysIn(value: unknown, path = '$'): string[] {
	if (!value || typeof value !== 'object') return [];
	const found: string[] = [];
	for (const key of Object.keys(value)) {
		if (key === '__proto__' || key === 'constructor' || key === 'prototype')
			found.push(`${path}.${key}`);
		found.push(...prototypeKeysIn((value as Record<string, unknown>)[key], `${path}.${key}`));
	}
	return found;
}

/** One to `max` of the given fields get a hostile (or plausible) slot; the caller fills the rest with valid values. */
export function someFields(keys: string[], max = 3): fc.Arbitrary<Record<string, Slot>> {
	return fc
		.uniqueArray(fc.constantFrom(...keys), { minLength: 1, maxLength: max })
		.chain((chosen) =>
			fc
				.tuple(...chosen.map(() => slot))
				.map((slots) => Object.fromEntries(chosen.map((key, i) => [key, slots[i]]))),
		);
}

/** Valid values as plain (non-expression) slots. */
export function valid(values: Record<string, unknown>): Record<string, Slot> {
	return Object.fromEntries(
		Object.entries(values).map(([key, value]) => [key, { value, viaExpression: false }]),
	);
}
