/* eslint-disable @n8n/community-nodes/no-restricted-globals --
   Test code (never shipped): FC_RUNS / FC_SEED from the environment reproduce or widen a property run. */
/**
 * Property test (issue 8, "Bad input"): Symfonia contractor actions (Handel and FK: create, update, upsert,
 * get) driven through n8n-core's engine against the emulator with random and hostile values (empty, huge,
 * wrong types, unicode, expressions resolving to objects, `__proto__` / `constructor` keys, also inside
 * "Other Fields (JSON)"). Whatever the values: either a NodeOperationError naming the field, or every request
 * the emulator received is well-formed (docs/api/symfonia.md: session headers, a JSON object of
 * PascalCase API fields, Code and Name as text on creates), never a TypeError or a polluted prototype, and
 * the session is closed again.
 */
import fc from 'fast-check';
import type { INodeProperties } from 'n8n-workflow';

import type { RecordedRequest } from '../emulators/base';
import { SymfoniaEmulator } from '../emulators/symfonia';
import { runNode } from '../harness';
import {
	checkOutcome,
	displayNames,
	hostileValue,
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
	.find((d) => d.name === 'symfonia')!;
const FIELDS = displayNames(description.properties);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function problemsOf(request: RecordedRequest): string[] {
	const problems: string[] = [];
	if (!request.path.startsWith('/api/')) problems.push(`path ${request.path.slice(0, 60)}`);
	const auth = String(request.headers.authorization ?? '');
	const [scheme, token] = auth.split(' ');
	const opening = /\/Sessions\/OpenNewSession$/i.test(request.path);
	if (scheme !== (opening ? 'Application' : 'Session') || !GUID.test(token ?? ''))
		problems.push(`Authorization header "${auth.slice(0, 20)}…"`);
	for (const [key, value] of request.query) {
		if (/\[object Object\]/.test(value)) problems.push(`query ${key}=${value.slice(0, 30)}`);
		if (/^(id|position)$/i.test(key) && !/^[1-9]\d*$/.test(value))
			problems.push(`query ${key}=${value.slice(0, 30)} is not a positive whole number`);
	}
	if (request.method === 'GET' || request.method === 'DELETE') return problems;
	let body: unknown;
	try {
		body = JSON.parse(request.body);
	} catch {
		return [...problems, `body is not JSON: ${request.body.slice(0, 60)}`];
	}
	if (!body || typeof body !== 'object' || Array.isArray(body))
		return [...problems, 'body is not an object'];
	problems.push(...prototypeKeysIn(body).map((key) => `prototype key ${key}`));
	const record = body as Record<string, unknown>;
	for (const key of Object.keys(record))
		if (!/^[A-Z][A-Za-z0-9]*$/.test(key))
			problems.push(`key ${JSON.stringify(key).slice(0, 30)} is not an API field name`);
	if (/\/Create$/i.test(request.path)) {
		for (const key of ['Code', 'Name'])
			if (typeof record[key] !== 'string' || !(record[key] as string).trim())
				problems.push(`${key} ${JSON.stringify(record[key])?.slice(0, 30)}`);
	}
	if (record.Positions !== undefined) {
		if (!Array.isArray(record.Positions)) problems.push('Positions is not a list');
		else
			for (const position of record.Positions as unknown[]) {
				if (!position || typeof position !== 'object' || Array.isArray(position)) {
					problems.push(`position ${JSON.stringify(position)?.slice(0, 40)}`);
					continue;
				}
				for (const key of ['Quantity', 'Value', 'PriceValue']) {
					const value = (position as Record<string, unknown>)[key];
					if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value)))
						problems.push(`position ${key} ${JSON.stringify(value)?.slice(0, 30)}`);
				}
			}
	}
	for (const key of ['Code', 'Name', 'NIP', 'Email', 'Phone', 'Note'])
		if (record[key] !== undefined && record[key] !== null && typeof record[key] !== 'string')
			problems.push(`${key} is ${typeof record[key]}`);
	return problems;
}

let emulator: SymfoniaEmulator;
beforeAll(async () => {
	emulator = new SymfoniaEmulator({ maxSessions: 1 });
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
	const before = emulator.requests.length;
	const result = await runOrRefused(() =>
		runNode(
			{
				type: 'symfonia',
				parameters: { requestOptions: { maxRetries: 0, timeoutSeconds: 5 }, ...parameters },
			},
			[item],
			{
				symfoniaApi: {
					baseUrl: emulator.baseUrl,
					applicationToken: emulator.applicationToken,
					deviceName: 'n8n-property',
					companyLabel: 'testsymfonia',
					ignoreSslIssues: false,
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
	const problems = sent.flatMap((request) =>
		problemsOf(request).map((problem) => `${request.method} ${request.path}: ${problem}`),
	);
	expect(problems).toEqual([]);
	// Every session this run opened was closed, and requests never overlapped.
	expect(emulator.liveSessions()).toHaveLength(0);
	expect(emulator.overlaps).toBe(0);
	count(outcome);
}

const options = {
	numRuns: Number(process.env.FC_RUNS ?? 30),
	seed: Number(process.env.FC_SEED ?? Date.now() % 2 ** 31),
};
const system = fc.constantFrom('contractor', 'fkContractor');
/** "Other Fields (JSON)": JSON text with hostile keys, or any hostile value. */
const extraJson = fc.oneof(
	// `{"constructor": ...}` and `{"Name": {...}}` are the known bugs below, left out here so the rest keeps being checked.
	fc.constantFrom(
		'{"__proto__": {"polluted": true}}',
		'{"Marker": 2}',
		'[1,2]',
		'{not json',
		'null',
		'"text"',
		'{"Marker": "x", "PriceKind": 2}',
	),
	// Objects are left to the known-bug tests below (they are merged unchecked).
	hostileValue.filter((value) => !(value && typeof value === 'object' && !Array.isArray(value))),
);

it('Create: hostile code, name, NIP and additional fields (Handel and FK)', async () => {
	let n = 0;
	await fc.assert(
		fc.asyncProperty(
			system,
			someFields(['code', 'name', 'nip', 'city', 'email', 'country', 'note', 'type', 'active']),
			fc.option(extraJson, { nil: undefined }),
			async (resource, hostile, extra) => {
				const { item, values } = materialise({
					...valid({ code: `V${n++}`, name: 'Nazwa Sp. z o.o.', city: 'Gdańsk' }),
					...hostile,
				});
				// A fresh code now and then, so that valid creates are not refused as duplicates.
				if (typeof values.code === 'string' && /^(ACME|700)$/.test(values.code))
					values.code = `P${n++}`;
				const { code, name, nip, ...additionalFields } = values;
				if (extra !== undefined) additionalFields.extraJson = extra;
				await check(
					{ resource, operation: 'create', code, name, nip: nip ?? '', additionalFields },
					item,
				);
			},
		),
		options,
	);
});

it('Update and Upsert: hostile lookups and fields', async () => {
	await fc.assert(
		fc.asyncProperty(
			system,
			fc.constantFrom('update', 'upsert'),
			fc.constantFrom('id', 'code', 'nip'),
			someFields(['value', 'name', 'nip', 'city', 'phone']),
			fc.option(extraJson, { nil: undefined }),
			async (resource, operation, findBy, hostile, extra) => {
				const { item, values } = materialise({
					...valid({
						value: findBy === 'id' ? '1000' : findBy === 'nip' ? '5260001246' : 'ACME',
						name: 'ACME Sp. z o.o.',
						nip: '5260001246',
						city: 'Warszawa',
						phone: '+48 22 000 00 00',
					}),
					...hostile,
				});
				const fields: Record<string, unknown> = {
					name: values.name,
					city: values.city,
					phone: values.phone,
					...(extra !== undefined ? { extraJson: extra } : {}),
				};
				const parameters =
					operation === 'update'
						? {
								resource,
								operation,
								findBy,
								value: values.value,
								updateFields: { ...fields, nip: values.nip },
							}
						: {
								resource,
								operation,
								matchBy: 'nip',
								code: values.value,
								name: values.name,
								nip: values.nip,
								additionalFields: { city: values.city, phone: values.phone },
							};
				await check(parameters, item);
			},
		),
		options,
	);
});

it('Get: hostile lookup values for every Find By', async () => {
	await fc.assert(
		fc.asyncProperty(
			system,
			fc.constantFrom('id', 'code', 'nip', 'pesel', 'position'),
			slot,
			async (resource, findBy, value) => {
				const { item, values } = materialise({ value });
				await check({ resource, operation: 'get', findBy, value: values.value }, item);
			},
		),
		options,
	);
});

/**
 * Found by this test: "Other Fields (JSON)" used to be applied last and unchecked, so a key that is not an API
 * field name (`constructor`, `prototype`, `__proto__` nested) went to WebAPI as sent, and it could replace
 * Code / Name with an object. Now both are a NodeOperationError naming "Other Fields (JSON)".
 */
describe('"Other Fields (JSON)" with keys that are not API fields', () => {
	it.each([
		[
			'constructor.prototype on Update',
			{
				resource: 'contractor',
				operation: 'update',
				findBy: 'code',
				value: 'ACME',
				updateFields: { extraJson: '{"constructor": {"prototype": {"polluted": true}}}' },
			},
		],
		[
			'an object as Name on Create',
			{
				resource: 'contractor',
				operation: 'create',
				code: 'KNOWN1',
				name: 'Nazwa',
				additionalFields: { extraJson: '{"Name": {"__proto__": {"polluted": 1}}}' },
			},
		],
		[
			'a nested __proto__ key on Create',
			{
				resource: 'contractor',
				operation: 'create',
				code: 'KNOWN2',
				name: 'Nazwa',
				additionalFields: { extraJson: '{"Marker": {"__proto__": {"polluted": 1}}}' },
			},
		],
		[
			'an object (from an expression) replacing Name with a number on Create',
			{
				resource: 'contractor',
				operation: 'create',
				code: 'KNOWN4',
				name: 'Nazwa',
				additionalFields: { extraJson: '={{ { Name: 0 } }}' },
			},
		],
		[
			'an object (from an expression) with a "prototype" key on Create',
			{
				resource: 'contractor',
				operation: 'create',
				code: 'KNOWN3',
				name: 'Nazwa',
				additionalFields: { extraJson: '={{ { prototype: 0 } }}' },
			},
		],
	])('%s: named as a field error or never sent', async (_name, parameters) => {
		await check(parameters, {});
	});
});

it('Sales and purchase documents: hostile type, party, dates, numbers and positions', async () => {
	await fc.assert(
		fc.asyncProperty(
			fc.constantFrom('salesDocument', 'purchaseDocument'),
			someFields(
				[
					'typeCode',
					'partyCode',
					'issueDate',
					'foreignNumber',
					'foreignDate',
					'code',
					'quantity',
					'value',
					'vatRate',
				],
				2,
			),
			async (resource, hostile) => {
				const sales = resource === 'salesDocument';
				const { item, values } = materialise({
					...valid({
						typeCode: sales ? 'FVS' : 'FVZ',
						partyCode: sales ? 'ACME' : 'DOST1',
						issueDate: '2026-05-10',
						foreignNumber: 'P/1/2026',
						foreignDate: '2026-05-09',
						code: 'USLUGA-IT',
						quantity: 2,
						value: 150,
						vatRate: '23',
					}),
					...hostile,
				});
				const position = {
					code: values.code,
					quantity: values.quantity,
					value: values.value,
					vatRate: values.vatRate,
				};
				const parameters: Record<string, unknown> = {
					resource,
					operation: 'create',
					typeCode: values.typeCode,
					partyCode: values.partyCode,
					issueDate: values.issueDate,
					positions: { position: [position] },
				};
				if (!sales)
					Object.assign(parameters, {
						foreignNumber: values.foreignNumber,
						foreignDate: values.foreignDate,
					});
				else parameters.issue = false;
				await check(parameters, item);
			},
		),
		options,
	);
});
