/* eslint-disable @n8n/community-nodes/no-restricted-globals, @typescript-eslint/no-explicit-any --
   Test code (never shipped): FC_RUNS / FC_SEED from the environment reproduce or widen a property run;
   requests parsed by fast-xml-parser (the test's own oracle, not the node's reader) are untyped trees. */
/**
 * Property test (issue 8, "Bad input"): every Vitec Ekonomi node action driven through n8n-core's engine
 * against the emulator with random and hostile parameter values (empty, huge, wrong types, unicode,
 * expressions resolving to objects, `__proto__` / `constructor` keys, XML metacharacters). Whatever the
 * values: either a NodeOperationError naming the field, or every request the emulator received is a
 * well-formed SOAP 1.1 call (API file ../shared/api/vitec.md): XML that a strict validator accepts, one
 * operation in the Body matching the SOAPAction header, the WS-Security login, company and event ids as
 * positive whole numbers, a known dimension, a report plan in range, no "[object Object]" — read with
 * fast-xml-parser, never with the node's own XML reader; never a TypeError.
 */
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { INodeProperties } from 'n8n-workflow';

import type { RecordedRequest } from '../emulators/base';
import { VitecEmulator, accountingRow } from '../emulators/vitec';
import { runNode } from '../harness';
import { checkOutcome, displayNames, materialise, runOrRefused, type Slot, slot } from './hostile';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { nodes } = require('../../index.js') as {
	nodes: Record<string, new () => { description: { name: string; properties: INodeProperties[] } }>;
};
const description = Object.values(nodes)
	.map((NodeClass) => new NodeClass().description)
	.find((d) => d.name === 'vitecEkonomi')!;
const FIELDS = displayNames(description.properties);

jest.setTimeout(60_000);

const parser = new XMLParser({
	removeNSPrefix: true,
	ignoreAttributes: true,
	parseTagValue: false,
	trimValues: false,
	isArray: (name) => name === 'long',
});
const SERVICES: Record<string, string> = {
	AccountingService: 'IAccountingService',
	CustomerService: 'ICustomerService',
	SupplierService: 'ISupplierService',
};
const DIMENSIONS = new Set([
	'All',
	...Array.from({ length: 10 }, (_, i) => `Dimension${String(i + 1).padStart(2, '0')}`),
]);
const POSITIVE = /^[1-9]\d{0,17}$/;

/** Problems with one request, by the API file's rules; [] when it is well-formed. */
function problemsOf(request: RecordedRequest): string[] {
	const problems: string[] = [];
	const service = /\/VitecEkonomiServices\/(\w+)\.svc$/.exec(request.path)?.[1];
	if (!service || !SERVICES[service]) return [`path ${request.path.slice(0, 60)}`];
	if (request.method !== 'POST') problems.push(`sent as ${request.method}`);
	if (!String(request.headers['content-type']).startsWith('text/xml'))
		problems.push(`content type ${String(request.headers['content-type'])}`);
	const valid = XMLValidator.validate(request.body);
	if (valid !== true) return [...problems, `not well-formed XML: ${valid.err.msg.slice(0, 80)}`];
	const envelope = (parser.parse(request.body) as Record<string, any>).Envelope;
	const body = envelope?.Body;
	if (!body || typeof body !== 'object') return [...problems, 'no SOAP Body'];
	const methods = Object.keys(body);
	if (methods.length !== 1) return [...problems, `Body has ${methods.length} operations`];
	const [method] = methods;
	const action = String(request.headers.soapaction ?? '').replace(/^"|"$/g, '');
	if (action !== `http://tempuri.org/${SERVICES[service]}/${method}`)
		problems.push(`SOAPAction ${action} for ${method}`);
	const token = envelope.Header?.Security?.UsernameToken;
	if (token?.Username !== emulator.username || token?.Password !== emulator.password)
		problems.push('WS-Security login missing or altered');

	const params = (body[method] && typeof body[method] === 'object' ? body[method] : {}) as Record<
		string,
		any
	>;
	const leaves = (value: unknown, path: string): Array<[string, string]> =>
		value && typeof value === 'object'
			? Object.entries(value).flatMap(([key, inner]) => leaves(inner, `${path}.${key}`))
			: [[path, String(value ?? '')]];
	// Literal text such as "NaN" typed as an Integration-ID is data; the numeric members are checked below.
	for (const [path, text] of leaves(params, method))
		if (/\[object Object\]/.test(text)) problems.push(`${path} is "${text.slice(0, 30)}"`);
	if ('integrationId' in params && !String(params.integrationId ?? '').trim())
		problems.push('empty integrationId');
	const company = params.companySelector?.CompanyId;
	if (company !== undefined && !POSITIVE.test(String(company)))
		problems.push(`CompanyId ${String(company).slice(0, 30)}`);
	if ('dimension' in params && !DIMENSIONS.has(String(params.dimension)))
		problems.push(`dimension ${String(params.dimension).slice(0, 30)}`);
	if (
		'reportPlan' in params &&
		!(/^\d+$/.test(String(params.reportPlan)) && Number(params.reportPlan) <= 32767)
	)
		problems.push(`reportPlan ${String(params.reportPlan).slice(0, 30)}`);
	if ('batchId' in params && String(params.batchId) !== '0')
		problems.push(`batchId ${String(params.batchId)}`);
	if (method === 'SendProofOfReceiptForRevisions') {
		const ids = params.revisionReciept?.EventIds?.long as unknown[] | undefined;
		if (!Array.isArray(ids) || !ids.length) problems.push('an acknowledgement without event ids');
		else
			for (const id of ids)
				if (!POSITIVE.test(String(id))) problems.push(`event id ${String(id).slice(0, 30)}`);
		if (!POSITIVE.test(String(company ?? '')))
			problems.push('an acknowledgement without a company');
	}
	return problems;
}

let emulator: VitecEmulator;
beforeAll(async () => {
	emulator = new VitecEmulator();
	await emulator.start();
	emulator.subscribe('N8N', { types: ['Accounting', 'Customer', 'Supplier'] });
	emulator.upsert('Customer', 101, { CustomerId: 'K1', Name: 'Kund AB' });
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

let voucher = 1;
async function check(parameters: Record<string, unknown>, item: Record<string, unknown>) {
	// Something to fetch and acknowledge in every run.
	emulator.upsert('Accounting', 101, accountingRow(101, voucher++));
	const before = emulator.requests.length;
	const result = await runOrRefused(() =>
		runNode(
			{
				type: 'vitecEkonomi',
				parameters: { requestOptions: { maxRetries: 0, timeoutSeconds: 5 }, ...parameters },
			},
			[item],
			{
				vitecEkonomiApi: {
					username: emulator.username,
					password: emulator.password,
					baseUrl: emulator.baseUrl,
					domain: '',
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
		problemsOf(request).map((problem) => `${request.path.slice(-24)}: ${problem}`),
	);
	expect(problems).toEqual([]);
	if (outcome === 'api') expect(sent.length).toBeGreaterThan(0);
	count(outcome);
}

const ACTIONS: Array<{
	resource: string;
	operation: string;
	base: Record<string, unknown>;
	fields: string[];
}> = [
	{ resource: 'company', operation: 'list', base: { onlyActive: false }, fields: ['onlyActive'] },
	{
		resource: 'masterData',
		operation: 'getAll',
		base: { dataType: 'customer', companyId: '101' },
		fields: ['dataType', 'companyId', 'reportPlan'],
	},
	{
		resource: 'masterData',
		operation: 'getAll',
		base: { dataType: 'account', companyId: '101', reportPlan: 0 },
		fields: ['companyId', 'reportPlan'],
	},
	{
		resource: 'revision',
		operation: 'getPendingEvents',
		base: { integrationId: 'N8N' },
		fields: ['integrationId'],
	},
	{
		resource: 'revision',
		operation: 'getRevisions',
		base: {
			integrationId: 'N8N',
			informationType: 'accounting',
			companyId: '101',
			dimension: 'All',
		},
		fields: ['integrationId', 'informationType', 'companyId', 'dimension', 'reportPlan'],
	},
	{
		resource: 'revision',
		operation: 'getAndAcknowledge',
		base: {
			integrationId: 'N8N',
			informationType: 'accounting',
			companyId: '101',
			dimension: 'All',
			maxBatches: 2,
		},
		fields: ['integrationId', 'informationType', 'companyId', 'dimension', 'maxBatches'],
	},
	{
		resource: 'revision',
		operation: 'acknowledge',
		base: {
			integrationId: 'N8N',
			companyId: '101',
			eventIds: '1, 2',
			informationType: 'accounting',
		},
		fields: ['integrationId', 'companyId', 'eventIds', 'informationType'],
	},
];

const options = {
	numRuns: Number(process.env.FC_RUNS ?? 120),
	seed: Number(process.env.FC_SEED ?? Date.now() % 2 ** 31),
};
/** XML metacharacters and the like, besides the shared hostile values. */
const xmlish = fc.constantFrom(
	'<x/>',
	']]>',
	'&amp;',
	'&',
	'"\'<>',
	'</integrationId><integrationId>X',
	'<?xml?>',
	'\uFFFE',
	'\uD800',
);

it('every action: hostile values give a field error or well-formed SOAP calls', async () => {
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
									...keys.map(() =>
										fc.oneof(
											{ weight: 4, arbitrary: slot },
											{
												weight: 1,
												arbitrary: fc.record({
													value: xmlish as fc.Arbitrary<unknown>,
													viaExpression: fc.boolean(),
												}),
											},
										),
									),
								)
								.map((slots) => Object.fromEntries(keys.map((key, i) => [key, slots[i] as Slot]))),
						),
				),
			),
			async ([action, hostile]) => {
				const { item, values } = materialise(hostile);
				await check(
					{ resource: action.resource, operation: action.operation, ...action.base, ...values },
					item,
				);
			},
		),
		options,
	);
});

it('Acknowledge with the defaults: whatever items arrive (ids, lists, objects) are mapped or refused by field', async () => {
	await fc.assert(
		fc.asyncProperty(
			fc.record({
				integrationId: fc.oneof(
					fc.constant('N8N'),
					slot.map((s) => s.value),
				),
				companyId: fc.oneof(
					fc.constant(101),
					slot.map((s) => s.value),
				),
				eventId: fc.oneof(
					fc.integer({ min: 1, max: 50 }),
					slot.map((s) => s.value),
				),
				eventIds: fc.option(
					fc.oneof(
						fc.array(fc.integer(), { maxLength: 3 }),
						slot.map((s) => s.value),
					),
					{ nil: undefined },
				),
				type: fc.oneof(
					fc.constant('accounting'),
					slot.map((s) => s.value),
				),
			}),
			async (item) => {
				await check(
					{ resource: 'revision', operation: 'acknowledge' },
					item as Record<string, unknown>,
				);
			},
		),
		{ ...options, numRuns: Math.ceil(options.numRuns / 3) },
	);
});

/** Found by this test. */
describe('bugs found by the property run', () => {
	it.each([
		[
			'Acknowledge: an object as Information Type was quoted as "[object Object]"',
			{
				resource: 'revision',
				operation: 'acknowledge',
				integrationId: 'N8N',
				companyId: '101',
				eventIds: '1',
				informationType: '={{ { a: 1 } }}',
			},
		],
		[
			'Get Revisions: an object as Accounting Dimension Filter was quoted as "[object Object]"',
			{
				resource: 'revision',
				operation: 'getRevisions',
				integrationId: 'N8N',
				informationType: 'accounting',
				companyId: '101',
				dimension: '={{ {} }}',
			},
		],
		[
			'Acknowledge: accounting revisions without a company were acknowledged with an empty company selector',
			{
				resource: 'revision',
				operation: 'acknowledge',
				integrationId: 'N8N',
				companyId: '={{ null }}',
				eventIds: '1',
				informationType: 'accounting',
			},
		],
	])('%s: now a NodeOperationError naming the field, nothing sent', async (_name, parameters) => {
		const before = { field: seen.field ?? 0, requests: emulator.requests.length };
		await check(parameters, {});
		expect(seen.field).toBe(before.field + 1);
		expect(emulator.requests.length).toBe(before.requests);
	});
});
