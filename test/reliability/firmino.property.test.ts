/* eslint-disable @n8n/community-nodes/no-restricted-globals --
   Test code (never shipped): FC_RUNS / FC_SEED from the environment reproduce or widen a property run. */
/**
 * Property test (issue 8, "Bad input"): every Firmino action driven through n8n-core's engine against the
 * emulator with random and hostile parameter values (empty, huge, wrong types, unicode, expressions resolving
 * to objects, `__proto__` / `constructor` keys). Whatever the values: either a NodeOperationError that names
 * the field, or every request the emulator received is well-formed — the documented method, a JSON body of
 * the documented shape (docs/api/firmino.md) — and never a TypeError or a polluted prototype.
 */
import fc from 'fast-check';
import type { INodeProperties } from 'n8n-workflow';

import type { RecordedRequest } from '../emulators/base';
import { FirminoEmulator, FIRMINO_PATH } from '../emulators/firmino';
import { runNode } from '../harness';
import {
	checkOutcome,
	displayNames,
	materialise,
	prototypeKeysIn,
	runOrRefused,
	slot,
	someFields,
	valid,
} from './hostile';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { nodes } = require('../../index.js') as {
	nodes: Record<string, new () => { description: { name: string; properties: INodeProperties[] } }>;
};
const description = Object.values(nodes)
	.map((NodeClass) => new NodeClass().description)
	.find((d) => d.name === 'firminoRecurringInvoices')!;
const FIELDS = displayNames(description.properties);

const DOCUMENT_KEYS = new Set([
	'id',
	'idSaleDocument',
	'intervalTimeType',
	'name',
	'startDate',
	'active',
	'email',
	'emailForConfirmation',
	'hourToSend',
]);
const FIND_KEYS = new Set(['page', 'size', 'text', 'filters', 'sortField', 'sortOrder']);
const INTERVALS = ['week', 'month', 'two months', 'three months', 'six months', 'year'];

/** Problems with one request, by docs/api/firmino.md's rules; [] when it is well-formed. */
function problemsOf(request: RecordedRequest): string[] {
	const problems: string[] = [];
	const [method, id, ...rest] = request.path.slice(FIRMINO_PATH.length + 1).split('/');
	if (!request.path.startsWith(`${FIRMINO_PATH}/`) || rest.length)
		return [`unexpected path ${request.path.slice(0, 80)}`];
	if (method === 'get' || method === 'delete') {
		if (!/^[1-9]\d*$/.test(id ?? ''))
			problems.push(`${method} with id ${JSON.stringify(id)?.slice(0, 40)}`);
		return problems;
	}
	if (!['add', 'update', 'find', 'init'].includes(method)) return [`unknown method ${method}`];
	if (request.method !== 'POST') problems.push(`${method} sent as ${request.method}`);
	let body: Record<string, unknown>;
	try {
		body = JSON.parse(request.body);
	} catch {
		return [...problems, `${method} body is not JSON: ${request.body.slice(0, 60)}`];
	}
	if (!body || typeof body !== 'object' || Array.isArray(body))
		return [...problems, `${method} body is not an object`];
	problems.push(...prototypeKeysIn(body).map((key) => `prototype key ${key}`));
	const allowed = method === 'find' ? FIND_KEYS : DOCUMENT_KEYS;
	for (const key of Object.keys(body))
		if (!allowed.has(key)) problems.push(`${method} sends undocumented key ${key}`);
	if (method === 'find') {
		if (body.filters !== undefined && body.filters !== null) {
			if (!Array.isArray(body.filters)) problems.push('filters is not a list');
			else
				for (const filter of body.filters as unknown[])
					if (
						!filter ||
						typeof filter !== 'object' ||
						typeof (filter as { name?: unknown }).name !== 'string' ||
						!(filter as { name: string }).name
					)
						problems.push(`bad filter ${JSON.stringify(filter).slice(0, 60)}`);
		}
		if (body.text !== undefined && body.text !== null && typeof body.text !== 'string')
			problems.push('text is not a string');
		for (const key of ['page', 'size'])
			if (body[key] !== undefined && !(Number.isInteger(body[key]) && (body[key] as number) > 0))
				problems.push(`${key} ${String(body[key])}`);
		return problems;
	}
	const isString = (key: string) =>
		body[key] === undefined || body[key] === null || typeof body[key] === 'string';
	if (method === 'add' || method === 'update') {
		if (typeof body.name !== 'string' || !body.name.trim())
			problems.push(`name ${JSON.stringify(body.name)?.slice(0, 40)}`);
		if (!Number.isInteger(body.idSaleDocument) || (body.idSaleDocument as number) <= 0)
			problems.push(`idSaleDocument ${JSON.stringify(body.idSaleDocument)?.slice(0, 40)}`);
	}
	if (method === 'update' && !(Number.isInteger(body.id) && (body.id as number) > 0))
		problems.push(`update id ${JSON.stringify(body.id)}`);
	if (body.intervalTimeType !== undefined && !INTERVALS.includes(body.intervalTimeType as string))
		problems.push(`intervalTimeType ${JSON.stringify(body.intervalTimeType)?.slice(0, 40)}`);
	if (
		body.startDate !== undefined &&
		!(typeof body.startDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(body.startDate))
	)
		problems.push(`startDate ${JSON.stringify(body.startDate)?.slice(0, 40)}`);
	if (body.active !== undefined && ![true, false, 'true', 'false'].includes(body.active as never))
		problems.push(`active ${JSON.stringify(body.active)?.slice(0, 40)}`);
	if (body.hourToSend !== undefined && !/^([01]?\d|2[0-3])$/.test(String(body.hourToSend)))
		problems.push(`hourToSend ${JSON.stringify(body.hourToSend)?.slice(0, 40)}`);
	for (const key of ['email', 'emailForConfirmation', 'name'])
		if (!isString(key)) problems.push(`${key} is not a string`);
	return problems;
}

let emulator: FirminoEmulator;
beforeAll(async () => {
	emulator = new FirminoEmulator({ today: () => '2026-11-22' });
	await emulator.start();
});
afterAll(async () => emulator.stop());

async function check(
	operation: string,
	parameters: Record<string, unknown>,
	item: Record<string, unknown>,
) {
	emulator.documents.set(700, {
		id: 700,
		idSaleDocument: 3,
		intervalTimeType: 'month',
		name: 'CYKLICZNA - Seeded',
		startDate: '2026-01-01',
		active: 'true',
		email: null,
		emailForConfirmation: null,
		hourToSend: '10',
	});
	const before = emulator.requests.length;
	const result = await runOrRefused(() =>
		runNode(
			{
				type: 'firminoRecurringInvoices',
				parameters: {
					resource: 'recurringInvoice',
					operation,
					requestOptions: { maxRetries: 0, timeoutSeconds: 5 },
					...parameters,
				},
			},
			[item],
			{
				firminoApi: {
					login: emulator.login,
					password: emulator.password,
					baseUrl: emulator.apiUrl,
				},
			},
		),
	);
	if (result === 'refused') {
		expect(emulator.requests.length).toBe(before);
		return 'refused';
	}
	const outcome = checkOutcome(result, FIELDS);
	const sent = emulator.requests.slice(before);
	const problems = sent.flatMap((request) =>
		problemsOf(request).map(
			(problem) => `${request.method} ${request.path.slice(-30)}: ${problem}`,
		),
	);
	expect(problems).toEqual([]);
	if (outcome === 'api') expect(sent.length).toBeGreaterThan(0);
	return outcome;
}

const seen: Record<string, number> = {};
afterAll(() => {
	if (Object.values(seen).reduce((a, b) => a + b, 0) < 100) return; // only some tests ran (jest -t)
	// The runs covered both sides of the rule (otherwise the values were too tame or too wild to test anything).
	expect(seen.ok ?? 0).toBeGreaterThan(0);
	expect(seen.field ?? 0).toBeGreaterThan(0);
});
const count = (outcome: string) => (seen[outcome] = (seen[outcome] ?? 0) + 1);
afterAll(() => process.env.FC_RUNS && process.stdout.write(`outcomes: ${JSON.stringify(seen)}\n`));

const options = {
	numRuns: Number(process.env.FC_RUNS ?? 40),
	seed: Number(process.env.FC_SEED ?? Date.now() % 2 ** 31),
};

it('Create: hostile name, sales document id and every additional field', async () => {
	await fc.assert(
		fc.asyncProperty(
			someFields([
				'name',
				'idSaleDocument',
				'intervalTimeType',
				'startDate',
				'active',
				'email',
				'emailForConfirmation',
				'hourToSend',
			]),
			async (hostile) => {
				const { item, values } = materialise({
					...valid({ name: 'Abonament', idSaleDocument: '19818500' }),
					...hostile,
				});
				const { name: n, idSaleDocument: s, ...additionalFields } = values;
				count(await check('create', { name: n, idSaleDocument: s, additionalFields }, item));
			},
		),
		options,
	);
});

it('Update: hostile id and update fields (whole-object update keeps the rest)', async () => {
	await fc.assert(
		fc.asyncProperty(
			someFields([
				'id',
				'name',
				'idSaleDocument',
				'active',
				'startDate',
				'intervalTimeType',
				'hourToSend',
			]),
			async (hostile) => {
				const { item, values } = materialise({ ...valid({ id: '700' }), ...hostile });
				const { id: recurringInvoiceId, ...updateFields } = values;
				count(await check('update', { recurringInvoiceId, updateFields }, item));
			},
		),
		options,
	);
});

it('Get, Delete, Get Defaults and Get Many: hostile ids, filters and search text', async () => {
	await fc.assert(
		fc.asyncProperty(
			fc.constantFrom('get', 'delete', 'getDefaults', 'getMany'),
			slot,
			slot,
			slot,
			async (operation, a, b, c) => {
				const { item, values } = materialise({ a, b, c });
				const parameters: Record<string, unknown> =
					operation === 'getMany'
						? {
								returnAll: false,
								limit: 3,
								filters: {
									intervalTimeType: values.a,
									text: values.b,
									otherFilters: { filter: [{ name: values.c, value: values.a }] },
								},
							}
						: operation === 'getDefaults'
							? {
									additionalFields: {
										name: values.a,
										idSaleDocument: values.b,
										intervalTimeType: values.c,
									},
								}
							: { recurringInvoiceId: values.a };
				count(await check(operation, parameters, item));
			},
		),
		options,
	);
});

/**
 * Found by this test: an object from the data whose own `toString` is not a function (any JSON with a
 * "toString" key) used to reach `String(value)` in Get Many (filter name / value, search text) and throw
 * "TypeError: Cannot convert object to primitive value". Now refused by field name.
 */
describe('objects with a "toString" key from the data', () => {
	const object = { toString: { a: 1 } };
	it.each([
		[
			'Get Many, Other Filters name',
			'getMany',
			{
				returnAll: false,
				limit: 3,
				filters: { otherFilters: { filter: [{ name: '={{ $json.v }}', value: 'x' }] } },
			},
		],
		[
			'Get Many, Search Text',
			'getMany',
			{ returnAll: false, limit: 3, filters: { text: '={{ $json.v }}' } },
		],
	])(
		'%s: a NodeOperationError naming the field, not a TypeError',
		async (_name, operation, parameters) => {
			await check(operation as string, parameters as Record<string, unknown>, { v: object });
		},
	);
});
