import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	fieldsOrJsonProperties,
	readFieldsOrJson,
	type FieldsOrJson,
} from '../../nodes/common/fieldsOrJson';
import { parseJsonValue, prototypeKeyIn } from '../../nodes/common/json';

function contextWith(parameters: IDataObject): IExecuteFunctions {
	return {
		getNode: () => ({
			id: '1',
			name: 'Node',
			type: 'test',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		}),
		getNodeParameter: (name: string, _item: number, fallback?: unknown) =>
			name in parameters ? parameters[name] : fallback,
	} as unknown as IExecuteFunctions;
}
const ctx = contextWith({});

describe('parseJsonValue', () => {
	it('reads JSON text and values mapped by an expression alike', () => {
		expect(parseJsonValue(ctx, '{"a": 1}', 0, 'F', 'object')).toEqual({ a: 1 });
		expect(parseJsonValue(ctx, { a: 1 }, 0, 'F', 'object')).toEqual({ a: 1 });
		expect(parseJsonValue(ctx, '[{"a": 1}]', 0, 'F', 'list')).toEqual([{ a: 1 }]);
		expect(parseJsonValue(ctx, [{ a: 1 }], 0, 'F', 'objectOrList')).toEqual([{ a: 1 }]);
	});
	it('empty is undefined', () => {
		for (const blank of ['', '  ', undefined, null])
			expect(parseJsonValue(ctx, blank, 0, 'F', 'object')).toBeUndefined();
	});
	it.each([
		['{oops', 'object', 'Body: is not valid JSON'],
		['[{"a": 1}]', 'object', 'Body: must be a JSON object like {"Field": "value"}, not a list'],
		['"text"', 'object', 'Body: must be a JSON object'],
		['[1, 2]', 'list', 'Body: entry 1 of the list must be an object'],
		['{"a": 1}', 'list', 'Body: must be a JSON list of objects'],
		['null', 'list', 'Body: must be a JSON list of objects'],
	] as const)(
		'%s as %s: a NodeOperationError naming the field and the item',
		(text, shape, message) => {
			let caught: unknown;
			try {
				parseJsonValue(ctx, text, 4, 'Body', shape);
			} catch (error) {
				caught = error;
			}
			expect(caught).toBeInstanceOf(NodeOperationError);
			expect((caught as Error).message).toContain(message);
			expect((caught as Error).message).toContain('[item 4]');
		},
	);
	it('one object is a list of one only when asked', () => {
		expect(parseJsonValue(ctx, '{"a": 1}', 0, 'F', 'list', { oneAsList: true })).toEqual([
			{ a: 1 },
		]);
	});
	it.each([
		'{"__proto__": {"polluted": true}}',
		'{"a": {"constructor": {"prototype": 1}}}',
		'[{"b": 1}, {"c": {"__proto__": 1}}]',
	])('refuses a prototype key anywhere: %s', (text) => {
		expect(() =>
			parseJsonValue(ctx, text, 2, 'Other Fields (JSON)', 'objectOrList', { api: 'Symfonia' }),
		).toThrow(
			/^Other Fields \(JSON\): "(__proto__|constructor)" is not a field name Symfonia knows \[item 2\]$/,
		);
		expect(({} as IDataObject).polluted).toBeUndefined();
	});
	it('prototypeKeyIn looks into nested objects and lists', () => {
		expect(prototypeKeyIn(JSON.parse('{"a": [{"b": {"prototype": 1}}]}'))).toBe('prototype');
		expect(prototypeKeyIn({ a: [{ b: 1 }] })).toBeUndefined();
	});
});

describe('Fields or JSON', () => {
	const spec: FieldsOrJson = {
		selector: { name: 'linesInput', displayName: 'Lines Input' },
		fields: {
			name: 'lines',
			displayName: 'Lines',
			rowName: 'line',
			rowDisplayName: 'Line',
			placeholder: 'Add Line',
			values: [{ displayName: 'Name', name: 'name', type: 'string', default: '' }],
		},
		json: { name: 'linesJson', displayName: 'Lines (JSON)', description: 'Lines as JSON' },
		displayOptions: { hide: { kind: ['simple'] } },
	};
	it('builds the selector, the collection shown for Fields and the JSON field shown for JSON', () => {
		const [selector, collection, json] = fieldsOrJsonProperties(spec);
		expect(selector).toMatchObject({
			name: 'linesInput',
			type: 'options',
			default: 'fields',
			displayOptions: { hide: { kind: ['simple'] } },
		});
		expect(collection).toMatchObject({
			name: 'lines',
			type: 'fixedCollection',
			displayOptions: { show: { linesInput: ['fields'] }, hide: { kind: ['simple'] } },
		});
		expect(collection.options).toEqual([
			{ displayName: 'Line', name: 'line', values: spec.fields.values },
		]);
		expect(json).toMatchObject({
			name: 'linesJson',
			type: 'json',
			default: '[]',
			displayOptions: { show: { linesInput: ['json'] } },
		});
	});
	it('reads the rows of the chosen input', () => {
		expect(
			readFieldsOrJson(contextWith({ lines: { line: [{ name: 'a' }, { name: 'b' }] } }), 0, spec),
		).toEqual({ source: 'fields', rows: [{ name: 'a' }, { name: 'b' }] });
		expect(
			readFieldsOrJson(contextWith({ linesInput: 'json', linesJson: '[{"name": "c"}]' }), 0, spec),
		).toEqual({ source: 'json', rows: [{ name: 'c' }] });
		expect(readFieldsOrJson(contextWith({ linesInput: 'json', linesJson: '' }), 0, spec)).toEqual({
			source: 'json',
			rows: [],
		});
	});
	it('a JSON error names the JSON field', () => {
		expect(() =>
			readFieldsOrJson(
				contextWith({ linesInput: 'json', linesJson: '[{"__proto__": 1}]' }),
				3,
				spec,
			),
		).toThrow(/^Lines \(JSON\): .* \[item 3\]$/);
	});
});
