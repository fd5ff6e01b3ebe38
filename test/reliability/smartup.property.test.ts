/* eslint-disable @n8n/community-nodes/no-restricted-globals --
   Test code (never shipped): FC_RUNS / FC_SEED from the environment reproduce or widen a property run. */
/**
 * Property test (issue 8, "Bad input"): every Smartup action (documents, references, prices, stock, the
 * custom call) driven through n8n-core's engine against the emulator with random and hostile parameter values
 * (empty, huge, wrong types, unicode, expressions resolving to objects, `__proto__` / `constructor` keys, also
 * inside the JSON fields). Whatever the values: either a NodeOperationError naming the field, or every request
 * the emulator received is well-formed by docs/api/smartup.md §3-§4: POST with Basic auth and
 * project_code, a JSON object body without prototype keys or "[object Object]", dates as dd.mm.yyyy and
 * date-times as dd.mm.yyyy hh:mm:ss, an import as one root list of 1-5000 objects each keyed by external_id
 * (documents) or code (references); never a TypeError.
 */
import fc from 'fast-check';
import type { INodeProperties } from 'n8n-workflow';

import { DOCUMENT_TYPES, REFERENCE_TYPES } from '../../nodes/Smartup/types';
import type { RecordedRequest } from '../emulators/base';
import { SmartupEmulator } from '../emulators/smartup';
import { runNode } from '../harness';
import {
	checkOutcome,
	displayNames,
	materialise,
	prototypeKeysIn,
	runOrRefused,
	type Slot,
	slot,
} from './hostile';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { nodes } = require('../../index.js') as {
	nodes: Record<string, new () => { description: { name: string; properties: INodeProperties[] } }>;
};
const description = Object.values(nodes)
	.map((NodeClass) => new NodeClass().description)
	.find((d) => d.name === 'smartup')!;
const FIELDS = displayNames(description.properties);

jest.setTimeout(60_000);

const DATE = /^\d{2}\.\d{2}\.\d{4}$/;
const DATE_TIME = /^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}(:\d{2})?$/;

/** Problems with one request, by the rules of docs/api/smartup.md; [] when it is well-formed. `raw`: the custom call's own body. */
function problemsOf(request: RecordedRequest, raw: boolean): string[] {
	const problems: string[] = [];
	if (request.method !== 'POST') problems.push(`sent as ${request.method}`);
	if (!request.path.startsWith('/') || /\[object Object\]/.test(decodeURIComponent(request.path)))
		problems.push(`path ${request.path.slice(0, 60)}`);
	if (!String(request.headers.authorization ?? '').startsWith('Basic '))
		problems.push('no Basic authorization');
	if (request.headers.project_code !== 'trade')
		problems.push(`project_code ${String(request.headers.project_code)}`);
	let body: unknown;
	try {
		body = JSON.parse(request.body);
	} catch {
		return [...problems, `body is not JSON: ${request.body.slice(0, 60)}`];
	}
	if (!body || typeof body !== 'object' || Array.isArray(body))
		return [...problems, 'body is not an object'];
	problems.push(...prototypeKeysIn(body).map((key) => `prototype key ${key}`));
	if (raw) return problems;
	const visit = (value: unknown, key: string, path: string) => {
		if (typeof value === 'string') {
			if (/\[object Object\]/.test(value)) problems.push(`${path} is "[object Object]"`);
			if (value && /_time$/.test(key) && !DATE_TIME.test(value))
				problems.push(`${path} is not dd.mm.yyyy hh:mm:ss: ${value.slice(0, 30)}`);
			else if (
				value &&
				/(_date|_on)$|^(begin|end)_/.test(key) &&
				!DATE.test(value) &&
				!DATE_TIME.test(value)
			)
				problems.push(`${path} is not dd.mm.yyyy: ${value.slice(0, 30)}`);
		}
		if (typeof value === 'number' && !Number.isFinite(value)) problems.push(`${path} is ${value}`);
		if (value && typeof value === 'object')
			for (const [inner, innerValue] of Object.entries(value))
				visit(innerValue, inner, `${path}.${inner}`);
	};
	visit(body, '$', '$');
	const action = /\$(\w+)$/.exec(request.path)?.[1];
	if (action === 'import') {
		const roots = Object.entries(body as Record<string, unknown>);
		const reference = Object.values(REFERENCE_TYPES).some(
			(type) => type.importPath === request.path,
		);
		const document = Object.values(DOCUMENT_TYPES).some((type) => type.importPath === request.path);
		if (roots.length !== 1 || !Array.isArray(roots[0][1]))
			return [...problems, 'an import is not one root list'];
		const objects = roots[0][1] as unknown[];
		if (!objects.length || objects.length > 5000)
			problems.push(`${objects.length} objects in one import`);
		for (const object of objects) {
			if (!object || typeof object !== 'object' || Array.isArray(object)) {
				problems.push(`import object ${JSON.stringify(object)?.slice(0, 30)}`);
				continue;
			}
			if (!reference && !document) continue; // prices: keyed by product and price type, checked as values above
			const key = reference ? 'code' : 'external_id';
			const record = object as Record<string, unknown>;
			const id =
				record[key] ??
				(reference
					? undefined
					: Object.entries(record).find(
							([name]) => name.endsWith('_id') && name !== 'external_id',
						)?.[1]);
			if (typeof id !== 'string' || !id.trim())
				problems.push(`import object without ${key}: ${JSON.stringify(id)?.slice(0, 30)}`);
		}
	}
	return problems;
}

let emulator: SmartupEmulator;
beforeAll(async () => {
	emulator = new SmartupEmulator({ today: () => '2026-03-05' });
	await emulator.start();
});
afterAll(async () => emulator.stop());

const seen: Record<string, number> = {};
const count = (outcome: string) => (seen[outcome] = (seen[outcome] ?? 0) + 1);
afterAll(() => {
	if (process.env.FC_RUNS) process.stdout.write(`outcomes: ${JSON.stringify(seen)}\n`);
	if (Object.values(seen).reduce((a, b) => a + b, 0) < 100) return; // only some tests ran (jest -t)
	expect(seen.ok ?? 0).toBeGreaterThan(0);
	expect(seen.field ?? 0).toBeGreaterThan(0);
});

async function check(parameters: Record<string, unknown>, item: Record<string, unknown>) {
	emulator.resetQuotas();
	const before = emulator.requests.length;
	const result = await runOrRefused(() =>
		runNode(
			{
				type: 'smartup',
				parameters: { requestOptions: { maxRetries: 0, timeoutSeconds: 5 }, ...parameters },
			},
			[item],
			{
				smartupApi: {
					baseUrl: emulator.baseUrl,
					authType: 'basic',
					login: emulator.login,
					password: emulator.password,
					projectCode: 'trade',
					filialId: '',
					accessToken: '',
				},
			},
		),
	);
	const sent = emulator.requests.slice(before);
	if (result === 'refused') {
		expect(sent).toHaveLength(0);
		return count('refused');
	}
	const outcome = checkOutcome(result, FIELDS);
	const raw = parameters.resource === 'customApiCall';
	const problems = sent.flatMap((request) =>
		problemsOf(request, raw).map((problem) => `${request.path.slice(-30)}: ${problem}`),
	);
	expect(problems).toEqual([]);
	if (outcome === 'api') expect(sent.length).toBeGreaterThan(0);
	count(outcome);
}

let n = 0;
const DATES = {
	dateFilter: 'modified',
	dateFrom: '2026-03-01',
	dateTo: '2026-03-05',
	returnAll: true,
};
const ACTIONS: Array<{ base: () => Record<string, unknown>; fields: string[] }> = [
	...Object.values(DOCUMENT_TYPES).flatMap((type) => [
		// Export-only documents (visits) have no Import.
		...(type.importPath
			? [
					{
						base: () => ({
							resource: type.resource,
							operation: 'createOrUpdate',
							externalId: `P-${n++}`,
							documentFields: JSON.stringify(type.example),
							...(type.linesKey ? { lines: JSON.stringify([type.exampleLine]) } : {}),
						}),
						fields: [
							'externalId',
							'filialCode',
							'documentId',
							'documentFields',
							...(type.linesKey ? ['lines'] : []),
						],
					},
				]
			: []),
		{
			base: () => ({ resource: type.resource, operation: 'getMany', ...DATES }),
			fields: ['dateFrom', 'dateTo', 'returnAll', 'limit'],
		},
	]),
	...Object.values(REFERENCE_TYPES).flatMap((type) => [
		{
			base: () => ({
				resource: type.resource,
				operation: 'createOrUpdate',
				code: `R-${n++}`,
				referenceFields: JSON.stringify(type.example),
			}),
			fields: ['code', 'referenceFields'],
		},
		{
			base: () => ({ resource: type.resource, operation: 'getByCode', code: 'C-77' }),
			fields: ['code'],
		},
		{
			base: () => ({ resource: type.resource, operation: 'getMany', returnAll: false, limit: 5 }),
			fields: ['limit', 'returnAll'],
		},
	]),
	{ base: () => ({ resource: 'order', operation: 'get', dealId: '5001' }), fields: ['dealId'] },
	{
		base: () => ({ resource: 'order', operation: 'changeStatus', dealId: '5001', status: 'B#W' }),
		fields: ['dealId', 'status'],
	},
	{
		base: () => ({
			resource: 'order',
			operation: 'attachData',
			dealId: '5001',
			attachFields: { note: 'x' },
		}),
		fields: ['dealId'],
	},
	{
		base: () => ({
			resource: 'order',
			operation: 'attachMarkingCodes',
			dealId: '5001',
			products: JSON.stringify([{ product_code: 'P-10', marking_codes: ['010478'] }]),
		}),
		fields: ['dealId', 'products'],
	},
	{
		base: () => ({
			resource: 'price',
			operation: 'get',
			priceTypeCodes: '777',
			productCode: 'P-10',
		}),
		fields: ['priceTypeCodes', 'productCode'],
	},
	{
		base: () => ({
			resource: 'price',
			operation: 'set',
			productCode: 'P-10',
			priceTypeCode: '777',
			price: '12500',
		}),
		fields: ['productCode', 'priceTypeCode', 'price', 'cardCode'],
	},
	{
		base: () => ({ resource: 'priceType', operation: 'getMany', returnAll: false, limit: 5 }),
		fields: ['limit'],
	},
	{
		base: () => ({ resource: 'warehouse', operation: 'getMany', returnAll: false, limit: 5 }),
		fields: ['limit'],
	},
	{
		base: () => ({
			resource: 'stock',
			operation: 'getBalance',
			warehouseCodes: '001',
			dateFrom: '2026-03-01',
			dateTo: '2026-03-05',
		}),
		fields: ['warehouseCodes', 'dateFrom', 'dateTo', 'filialCode'],
	},
	{
		base: () => ({
			resource: 'customApiCall',
			operation: 'call',
			path: '/b/anor/mxsx/mr/inventory$export',
			body: '{}',
			safeToRepeat: true,
		}),
		fields: ['path', 'body'],
	},
];

const options = {
	numRuns: Number(process.env.FC_RUNS ?? 150),
	seed: Number(process.env.FC_SEED ?? Date.now() % 2 ** 31),
};
/** JSON text with prototype keys, wrong shapes or hostile values inside, for the JSON fields. */
const jsonText = fc.oneof(
	fc.constantFrom(
		'{"__proto__": {"polluted": true}}',
		'{"constructor": {"prototype": {"polluted": true}}}',
		'[1,2]',
		'[{"__proto__": 1}]',
		'{not json',
		'null',
		'[]',
		'[null]',
		'{"external_id": {"a": 1}}',
		'[{"product_code": {"a": 1}}]',
		'{"deal_time": "yesterday"}',
		'{"delivery_date": "2026-13-45"}',
	),
	fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value)),
);

it('every action: hostile values give a field error or well-formed requests', async () => {
	await fc.assert(
		fc.asyncProperty(
			fc.constantFrom(...ACTIONS).chain((action) =>
				fc.tuple(
					fc.constant(action),
					fc
						.uniqueArray(fc.constantFrom(...action.fields), { minLength: 1, maxLength: 3 })
						.chain((keys) =>
							fc
								.tuple(
									...keys.map((key) =>
										/Fields$|^lines$|^products$|^body$/.test(key)
											? fc.oneof(
													slot,
													fc.record({
														value: jsonText as fc.Arbitrary<unknown>,
														viaExpression: fc.boolean(),
													}),
												)
											: slot,
									),
								)
								.map((slots) => Object.fromEntries(keys.map((key, i) => [key, slots[i] as Slot]))),
						),
				),
			),
			async ([action, hostile]) => {
				const { item, values } = materialise(hostile);
				await check({ ...action.base(), ...values }, item);
			},
		),
		options,
	);
});

/** Found by this test. */
describe('bugs found by the property run', () => {
	it.each([
		[
			'Get Many: an object as From was quoted as "[object Object]"',
			{ resource: 'order', operation: 'getMany', ...DATES, dateFrom: '={{ {} }}' },
		],
		[
			'Stock: an object as From was quoted as "[object Object]"',
			{ resource: 'stock', operation: 'getBalance', warehouseCodes: '001', dateFrom: '={{ {} }}' },
		],
		[
			'Stock: an object as Warehouse Codes was sent as "[object Object]"',
			{
				resource: 'stock',
				operation: 'getBalance',
				warehouseCodes: '={{ { a: 1 } }}',
				dateFrom: '2026-03-01',
			},
		],
		[
			'Price: an object as Price Type Codes was sent as "[object Object]"',
			{ resource: 'price', operation: 'get', priceTypeCodes: '={{ {} }}' },
		],
		[
			'Custom API Call: a "constructor" key in the Body was sent',
			{
				resource: 'customApiCall',
				operation: 'call',
				path: '/b/anor/mxsx/mr/inventory$export',
				body: '{"constructor": ""}',
				safeToRepeat: true,
			},
		],
		[
			'Create or Update: a "__proto__" key in a line was sent',
			{
				resource: 'order',
				operation: 'createOrUpdate',
				externalId: 'P-X',
				documentFields: JSON.stringify(DOCUMENT_TYPES.order.example),
				lines: '[{"product_code": "P-10", "order_quant": 1, "__proto__": {"polluted": true}}]',
			},
		],
	])('%s: now a NodeOperationError naming the field, nothing sent', async (_name, parameters) => {
		const before = { field: seen.field ?? 0, requests: emulator.requests.length };
		await check(parameters, {});
		expect(seen.field).toBe(before.field + 1);
		expect(emulator.requests.length).toBe(before.requests);
	});
});
