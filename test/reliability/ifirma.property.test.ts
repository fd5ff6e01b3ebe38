/* eslint-disable @n8n/community-nodes/no-restricted-globals --
   Test code (never shipped): FC_RUNS / FC_SEED from the environment reproduce or widen a property run. */
/**
 * Property test (issue 8, "Bad input"): every iFirma action driven through n8n-core's engine against the
 * emulator with random and hostile parameter values (empty, huge, wrong types, unicode, expressions resolving
 * to objects, `__proto__` / `constructor` keys, also inside "Additional JSON"). Whatever the values: either a
 * NodeOperationError naming the field, or every request the emulator received is well-formed by docs/api/ifirma.md
 * (docs/api/ifirma.md): the `Authentication` header's HMAC-SHA1 — recomputed here with the key the
 * endpoint needs (§2.1) over the URL without query, login, key name and the raw body — matches, a body is a
 * JSON object without prototype keys, its lines carry numbers, its dates are dates; never a TypeError.
 */
import { createHmac } from 'node:crypto';

import fc from 'fast-check';
import type { INodeProperties } from 'n8n-workflow';

import type { RecordedRequest } from '../emulators/base';
import { IFIRMA_PATH, IFirmaEmulator, keyFor } from '../emulators/ifirma';
import { runNode } from '../harness';
import {
	checkOutcome,
	displayNames,
	hostileValue,
	materialise,
	prototypeKeysIn,
	runOrRefused,
	slot,
	type Slot,
} from './hostile';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { nodes } = require('../../index.js') as {
	nodes: Record<string, new () => { description: { name: string; properties: INodeProperties[] } }>;
};
const description = Object.values(nodes)
	.map((NodeClass) => new NodeClass().description)
	.find((d) => d.name === 'iFirma')!;
const FIELDS = displayNames(description.properties);

jest.setTimeout(60_000);

const DATE = /^\d{4}-\d{2}(-\d{2})?$/;

/** Problems with one request, by docs/api/ifirma.md's rules; [] when it is well-formed. */
function problemsOf(request: RecordedRequest): string[] {
	const problems: string[] = [];
	if (!request.path.startsWith(`${IFIRMA_PATH}/`)) return [`path ${request.path.slice(0, 60)}`];
	const rawPath = request.url.split('?')[0];
	let relative: string;
	try {
		relative = decodeURIComponent(request.path.slice(IFIRMA_PATH.length + 1));
	} catch {
		return [`path is not percent-encoded text: ${rawPath.slice(0, 60)}`];
	}
	if (/\[object Object\]/.test(relative)) problems.push(`path ${relative.slice(0, 60)}`);
	for (const [key, value] of request.query)
		if (/\[object Object\]|^NaN$|^undefined$/.test(value))
			problems.push(`query ${key}=${value.slice(0, 30)}`);

	// §2.5: the signature, recomputed with the key the endpoint needs.
	const match = /^IAPIS user=(.+), hmac-sha1=([0-9a-f]{40})$/.exec(
		String(request.headers.authentication ?? ''),
	);
	if (!match)
		problems.push(`Authentication header "${String(request.headers.authentication).slice(0, 30)}"`);
	else {
		const keyName = keyFor(relative);
		const key = emulator.keys[keyName]!;
		const expected = createHmac('sha1', Buffer.from(key, 'hex'))
			.update(`${emulator.baseUrl}${rawPath}${emulator.login}${keyName}${request.body}`, 'utf8')
			.digest('hex');
		if (match[1] !== emulator.login) problems.push(`signed for user ${match[1]}`);
		if (match[2] !== expected) problems.push(`HMAC does not match the body (key ${keyName})`);
	}
	if (request.body === '') {
		if (request.method === 'POST' && !/^fakturaproformakraj\/add\//.test(relative))
			problems.push('POST without a body');
		return problems;
	}
	if (!String(request.headers['content-type']).includes('application/json'))
		problems.push(`content type ${String(request.headers['content-type'])}`);
	let body: unknown;
	try {
		body = JSON.parse(request.body);
	} catch {
		return [...problems, `body is not JSON: ${request.body.slice(0, 60)}`];
	}
	if (!body || typeof body !== 'object' || Array.isArray(body))
		return [...problems, 'body is not an object'];
	problems.push(...prototypeKeysIn(body).map((key) => `prototype key ${key}`));
	const visit = (value: unknown, path: string) => {
		if (typeof value === 'string') {
			if (/\[object Object\]/.test(value)) problems.push(`${path} is "[object Object]"`);
			if (/(^|\.)Data[A-Z]\w*$/.test(path) && value !== '' && !DATE.test(value))
				problems.push(`${path} is not a date: ${value.slice(0, 30)}`);
		}
		if (value && typeof value === 'object')
			for (const [key, inner] of Object.entries(value)) visit(inner, `${path}.${key}`);
	};
	visit(body, '$');
	const record = body as Record<string, unknown>;
	if (record.Pozycje !== undefined) {
		if (!Array.isArray(record.Pozycje) || !record.Pozycje.length)
			problems.push('Pozycje is not a non-empty list');
		else
			for (const line of record.Pozycje as Array<Record<string, unknown>>) {
				if (!line || typeof line !== 'object') {
					problems.push(`line ${JSON.stringify(line)?.slice(0, 30)}`);
					continue;
				}
				for (const key of ['Ilosc', 'CenaJednostkowa'])
					if (
						line[key] !== undefined &&
						!(typeof line[key] === 'number' && Number.isFinite(line[key]))
					)
						problems.push(`line ${key} ${JSON.stringify(line[key])?.slice(0, 30)}`);
				if (
					line.NazwaPelna !== undefined &&
					(typeof line.NazwaPelna !== 'string' || !line.NazwaPelna.trim())
				)
					problems.push(`line NazwaPelna ${JSON.stringify(line.NazwaPelna)?.slice(0, 30)}`);
			}
	}
	for (const key of ['Kwota', 'KwotaPLN', 'Zaplacono', 'ZaplaconoNaDokumencie', 'Kurs'])
		if (
			record[key] !== undefined &&
			record[key] !== null &&
			!(typeof record[key] === 'number' && Number.isFinite(record[key]))
		)
			problems.push(`${key} ${JSON.stringify(record[key])?.slice(0, 30)}`);
	return problems;
}

let emulator: IFirmaEmulator;
beforeAll(async () => {
	emulator = new IFirmaEmulator({
		today: () => '2026-11-22',
		accountingMonth: { year: 2026, month: 11 },
	});
	await emulator.start();
});
afterAll(async () => emulator.stop());

function seed() {
	emulator.accountingMonth = { year: 2026, month: 11 };
	emulator.contractors.set('ACME', {
		Identyfikator: 'ACME',
		Nazwa: 'Acme Sp. z o.o.',
		KodPocztowy: '00-001',
		Miejscowosc: 'Warszawa',
		NIP: '5213609182',
	});
	const document = (id: number, slug: string, number: string, proforma = false) =>
		emulator.documents.set(id, {
			id,
			slug,
			code: slug,
			number,
			data: { DataWystawienia: '2026-11-02' },
			gross: 1230,
			paid: 0,
			payments: [],
			sent: [],
			proforma,
		});
	document(1, 'fakturakraj', '1/11/2026');
	document(2, 'rachunekkraj', 'R 1/11/2026');
	document(3, 'fakturaproformakraj', 'PRO 1/11/2026', true);
}

const seen: Record<string, number> = {};
const count = (outcome: string) => (seen[outcome] = (seen[outcome] ?? 0) + 1);
afterAll(() => {
	if (process.env.FC_RUNS) process.stdout.write(`outcomes: ${JSON.stringify(seen)}\n`);
	if (Object.values(seen).reduce((a, b) => a + b, 0) < 100) return; // only some tests ran (jest -t)
	expect(seen.ok ?? 0).toBeGreaterThan(0);
	expect(seen.field ?? 0).toBeGreaterThan(0);
});

async function check(
	resource: string,
	parameters: Record<string, unknown>,
	item: Record<string, unknown>,
) {
	seed();
	const before = emulator.requests.length;
	const keys = emulator.keys;
	const result = await runOrRefused(() =>
		runNode(
			{
				type: 'iFirma',
				parameters: {
					resource,
					requestOptions: { maxRetries: 0, timeoutSeconds: 5 },
					...parameters,
				},
			},
			[item],
			{
				// One emulator for every run: the node's spacing of requests (counted per process) is off, by the credential.
				iFirmaApi: {
					login: emulator.login,
					fakturaKey: keys.faktura ?? '',
					rachunekKey: keys.rachunek ?? '',
					abonentKey: keys.abonent ?? '',
					wydatekKey: keys.wydatek ?? '',
					baseUrl: emulator.apiUrl,
					requestsPerMinute: 0,
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
		problemsOf(request).map(
			(problem) => `${request.method} ${request.path.slice(0, 60)}: ${problem}`,
		),
	);
	expect(problems).toEqual([]);
	if (outcome === 'api') expect(sent.length).toBeGreaterThan(0);
	count(outcome);
}

/** Puts a value at a dotted path: `additionalFields.NIP`, `line.quantity` (the first line item). */
function place(parameters: Record<string, unknown>, path: string, value: unknown) {
	const parts = path.split('.');
	if (parts[0] === 'line') {
		const lines = parameters.lines as { line: Array<Record<string, unknown>> };
		lines.line[0][parts[1]] = value;
		return;
	}
	let target = parameters;
	for (const part of parts.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
	target[parts[parts.length - 1]] = value;
}

const LINE = {
	name: 'Wdrożenie systemu',
	quantity: 1,
	unit: 'usł.',
	unitPrice: 1000,
	vatRate: '23',
};
const LINE_FIELDS = [
	'line.name',
	'line.quantity',
	'line.unitPrice',
	'line.unit',
	'line.discount',
	'line.pkwiu',
];
const CONTRACTOR = [
	'contractorDetails.NIP',
	'contractorDetails.Email',
	'contractorDetails.Identyfikator',
	'contractorDetails.KodKraju',
];

/** Every action with valid parameters and the fields that get hostile values. */
const ACTIONS: Array<{
	resource: string;
	operation: string;
	base: () => Record<string, unknown>;
	fields: string[];
}> = [
	{ resource: 'account', operation: 'getLimit', base: () => ({}), fields: [] },
	{ resource: 'account', operation: 'getAccountingMonth', base: () => ({}), fields: [] },
	{
		resource: 'account',
		operation: 'setAccountingMonth',
		base: () => ({ target: 'date', date: '2026-11-20' }),
		fields: ['date'],
	},
	{
		resource: 'bill',
		operation: 'create',
		base: () => ({
			contractorId: 'ACME',
			issueDate: '2026-11-20',
			lines: { line: [{ name: 'Korepetycje', quantity: 2, unitPrice: 80 }] },
			additionalFields: {},
		}),
		fields: [
			'contractorId',
			'issueDate',
			'saleDate',
			'paymentTermDays',
			'line.name',
			'line.quantity',
			'line.unitPrice',
			'additionalFields.paid',
			'additionalFields.additionalJson',
			'additionalFields.number',
			'additionalFields.remarks',
		],
	},
	{
		resource: 'bill',
		operation: 'get',
		base: () => ({ documentRef: 'R 1/11/2026' }),
		fields: ['documentRef'],
	},
	{
		resource: 'bill',
		operation: 'downloadPdf',
		base: () => ({ documentRef: 'R 1/11/2026' }),
		fields: ['documentRef', 'binaryPropertyName'],
	},
	{
		resource: 'bill',
		operation: 'sendByEmail',
		base: () => ({ documentRef: 'R 1/11/2026', emailOptions: {} }),
		fields: ['documentRef', 'emailOptions.recipient', 'emailOptions.text', 'emailOptions.template'],
	},
	{
		resource: 'contractor',
		operation: 'create',
		base: () => ({
			name: 'Nowa Firma',
			postCode: '00-950',
			city: 'Warszawa',
			additionalFields: {},
		}),
		fields: [
			'name',
			'postCode',
			'city',
			'additionalFields.NIP',
			'additionalFields.Email',
			'additionalFields.Identyfikator',
			'additionalFields.Telefon',
			'additionalFields.KodKraju',
		],
	},
	{
		resource: 'contractor',
		operation: 'upsert',
		base: () => ({
			nip: '5213609182',
			name: 'Acme S.A.',
			postCode: '00-001',
			city: 'Warszawa',
			additionalFields: {},
		}),
		fields: ['nip', 'name', 'postCode', 'city', 'additionalFields.Email', 'additionalFields.Ulica'],
	},
	{
		resource: 'contractor',
		operation: 'get',
		base: () => ({ contractorId: 'ACME' }),
		fields: ['contractorId'],
	},
	{
		resource: 'contractor',
		operation: 'search',
		base: () => ({ phrase: 'Acme' }),
		fields: ['phrase'],
	},
	{
		resource: 'contractor',
		operation: 'update',
		base: () => ({ contractorId: 'ACME', updateFields: {} }),
		fields: [
			'contractorId',
			'updateFields.Nazwa',
			'updateFields.NIP',
			'updateFields.Email',
			'updateFields.KodPocztowy',
			'updateFields.Ulica',
		],
	},
	{
		resource: 'dictionary',
		operation: 'getEuVatRates',
		base: () => ({ country: 'LT' }),
		fields: ['country', 'date'],
	},
	{
		resource: 'expense',
		operation: 'create',
		base: () => ({
			expenseKind: 'goods',
			documentNumber: 'FV/1',
			issueDate: '2026-11-05',
			expenseName: 'Zakup',
			contractorId: 'ACME',
			net23: 100,
			additionalFields: {},
		}),
		fields: [
			'documentNumber',
			'issueDate',
			'expenseName',
			'contractorId',
			'net23',
			'net8',
			'vatAmounts.vat23',
			'additionalFields.paymentDue',
			'additionalFields.ksefNumber',
			'additionalFields.additionalJson',
		],
	},
	{
		resource: 'invoice',
		operation: 'create',
		base: () => ({
			invoiceType: 'domestic',
			contractorMode: 'id',
			contractorId: 'ACME',
			issueDate: '2026-11-20',
			saleDate: '2026-11-20',
			lines: { line: [{ ...LINE }] },
			additionalFields: {},
		}),
		fields: [
			'contractorId',
			'issueDate',
			'saleDate',
			'paymentTermDays',
			...LINE_FIELDS,
			'additionalFields.paid',
			'additionalFields.additionalJson',
			'additionalFields.bankAccount',
			'additionalFields.series',
			'additionalFields.exchangeRate',
		],
	},
	{
		resource: 'invoice',
		operation: 'create',
		base: () => ({
			invoiceType: 'domestic',
			contractorMode: 'inline',
			contractorName: 'Jan Kowalski',
			contractorPostCode: '30-001',
			contractorCity: 'Kraków',
			issueDate: '2026-11-20',
			saleDate: '2026-11-20',
			lines: { line: [{ ...LINE }] },
			contractorDetails: {},
		}),
		fields: ['contractorName', 'contractorPostCode', 'contractorCity', ...CONTRACTOR],
	},
	{
		resource: 'invoice',
		operation: 'create',
		base: () => ({
			invoiceType: 'domestic',
			contractorMode: 'id',
			contractorId: 'ACME',
			issueDate: '2026-11-20',
			saleDate: '2026-11-20',
			linesMode: 'json',
			linesJson: JSON.stringify([LINE]),
		}),
		fields: ['linesJson'],
	},
	{
		resource: 'invoice',
		operation: 'createCorrection',
		base: () => ({
			documentRef: '1/11/2026',
			reason: 'POMYLKI',
			issueDate: '2026-11-21',
			lines: { line: [{ ...LINE, quantity: 0 }] },
			additionalFields: {},
		}),
		fields: [
			'documentRef',
			'issueDate',
			...LINE_FIELDS,
			'additionalFields.reasonText',
			'additionalFields.paid',
		],
	},
	{
		resource: 'invoice',
		operation: 'get',
		base: () => ({ documentRef: '1/11/2026' }),
		fields: ['documentRef'],
	},
	{
		resource: 'invoice',
		operation: 'getMany',
		base: () => ({ dateFrom: '2026-11-01', returnAll: false, limit: 5, filters: {} }),
		fields: [
			'dateFrom',
			'limit',
			'filters.amountFrom',
			'filters.amountTo',
			'filters.contractor',
			'filters.nip',
			'filters.dateTo',
		],
	},
	{
		resource: 'invoice',
		operation: 'downloadPdf',
		base: () => ({ documentRef: '1/11/2026' }),
		fields: ['documentRef', 'binaryPropertyName'],
	},
	{
		resource: 'invoice',
		operation: 'registerPayment',
		base: () => ({
			documentRef: '1/11/2026',
			amount: 100,
			paymentDate: '2026-11-22',
			additionalFields: {},
		}),
		fields: [
			'documentRef',
			'amount',
			'paymentDate',
			'additionalFields.amountPln',
			'additionalFields.rate',
		],
	},
	{
		resource: 'invoice',
		operation: 'sendByEmail',
		base: () => ({ documentRef: '1/11/2026', emailOptions: {} }),
		fields: ['documentRef', 'emailOptions.recipient', 'emailOptions.text', 'emailOptions.mailbox'],
	},
	{
		resource: 'invoice',
		operation: 'sendByPost',
		base: () => ({ documentRef: '1/11/2026' }),
		fields: ['documentRef', 'text'],
	},
	{
		resource: 'invoice',
		operation: 'sendToKsef',
		base: () => ({ documentRef: '1/11/2026' }),
		fields: ['documentRef'],
	},
	{
		resource: 'proforma',
		operation: 'create',
		base: () => ({
			contractorId: 'ACME',
			issueDate: '2026-11-20',
			lines: { line: [{ ...LINE }] },
			additionalFields: {},
		}),
		fields: [
			'contractorId',
			'issueDate',
			'orderNumber',
			'paymentTermDays',
			...LINE_FIELDS,
			'additionalFields.additionalJson',
			'additionalFields.place',
		],
	},
	{
		resource: 'proforma',
		operation: 'get',
		base: () => ({ documentRef: 'PRO 1/11/2026' }),
		fields: ['documentRef'],
	},
	{
		resource: 'proforma',
		operation: 'getMany',
		base: () => ({ dateFrom: '2026-11-01', returnAll: false, limit: 5, filters: {} }),
		fields: ['dateFrom', 'limit', 'filters.contractor', 'filters.amountTo'],
	},
	{
		resource: 'proforma',
		operation: 'downloadPdf',
		base: () => ({ documentRef: 'PRO 1/11/2026' }),
		fields: ['documentRef'],
	},
	{
		resource: 'proforma',
		operation: 'sendByEmail',
		base: () => ({ documentRef: 'PRO 1/11/2026', emailOptions: {} }),
		fields: ['documentRef', 'emailOptions.recipient'],
	},
	{
		resource: 'proforma',
		operation: 'convertToInvoice',
		base: () => ({ documentRef: 'PRO 1/11/2026' }),
		fields: ['documentRef'],
	},
];

const options = {
	numRuns: Number(process.env.FC_RUNS ?? 120),
	seed: Number(process.env.FC_SEED ?? Date.now() % 2 ** 31),
};

/** "Additional JSON" gets hostile JSON text too (prototype keys, fields the node sets itself). */
const jsonText = fc.constantFrom(
	'{"__proto__": {"polluted": true}}',
	'{"constructor": {"prototype": {"polluted": true}}}',
	'{"Pozycje": "x"}',
	'{"Uwagi": "ok"}',
	'[1,2]',
	'{not json',
	'null',
	'{"DataWystawienia": {"a": 1}}',
);

it('every action: hostile values in its fields give a field error or well-formed, correctly signed requests', async () => {
	const action = fc.constantFrom(...ACTIONS.filter((candidate) => candidate.fields.length));
	await fc.assert(
		fc.asyncProperty(
			action.chain((chosen) =>
				fc.tuple(
					fc.constant(chosen),
					fc
						.uniqueArray(fc.constantFrom(...chosen.fields), { minLength: 1, maxLength: 3 })
						.chain((keys) =>
							fc
								.tuple(
									...keys.map((key) =>
										/Json$/.test(key)
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
			async ([chosen, hostile]) => {
				const { item, values } = materialise(hostile);
				const parameters: Record<string, unknown> = {
					operation: chosen.operation,
					...chosen.base(),
				};
				for (const [path, value] of Object.entries(values)) place(parameters, path, value);
				await check(chosen.resource, parameters, item);
			},
		),
		options,
	);
});

it('actions without parameters run cleanly', async () => {
	for (const chosen of ACTIONS.filter((candidate) => !candidate.fields.length))
		await check(chosen.resource, { operation: chosen.operation, ...chosen.base() }, {});
});

it('a whole line item or contractor replaced by a hostile value from the data', async () => {
	await fc.assert(
		fc.asyncProperty(hostileValue, fc.constantFrom('line', 'contractor'), async (value, where) => {
			const parameters: Record<string, unknown> =
				where === 'line'
					? {
							operation: 'create',
							invoiceType: 'domestic',
							contractorId: 'ACME',
							issueDate: '2026-11-20',
							saleDate: '2026-11-20',
							linesMode: 'json',
							linesJson: '={{ $json.v }}',
						}
					: {
							operation: 'create',
							invoiceType: 'domestic',
							contractorMode: 'inline',
							contractorName: '={{ $json.v }}',
							contractorPostCode: '={{ $json.v }}',
							contractorCity: 'Kraków',
							issueDate: '2026-11-20',
							saleDate: '2026-11-20',
							lines: { line: [{ ...LINE }] },
						};
			await check('invoice', parameters, { v: value });
		}),
		{ ...options, numRuns: Math.ceil(options.numRuns / 3) },
	);
});

/** Found by this test (each was a TypeError / RangeError, a prototype key sent, or an error naming no field). */
describe('bugs found by the property run', () => {
	const invoice = (extra: Record<string, unknown>) => ({
		operation: 'create',
		invoiceType: 'domestic',
		contractorId: 'ACME',
		issueDate: '2026-11-20',
		saleDate: '2026-11-20',
		lines: { line: [{ ...LINE }] },
		...extra,
	});
	it.each([
		[
			'Download PDF: a non-text output field name (was "trim is not a function")',
			'invoice',
			{ operation: 'downloadPdf', documentRef: '1/11/2026', binaryPropertyName: false },
		],
		[
			'Create: a payment term of billions of days (was RangeError "Invalid time value")',
			'invoice',
			invoice({ paymentTermDays: '5260001246' }),
		],
		[
			'Create: "__proto__" in Additional JSON (was sent to iFirma)',
			'invoice',
			invoice({ additionalFields: { additionalJson: '{"__proto__": {"polluted": true}}' } }),
		],
		[
			'Create: "Pozycje" in Additional JSON replacing the checked lines (was sent as "x")',
			'bill',
			{
				operation: 'create',
				contractorId: 'ACME',
				issueDate: '2026-11-20',
				lines: { line: [{ name: 'Korepetycje', quantity: 2, unitPrice: 80 }] },
				additionalFields: { additionalJson: '{"Pozycje": "x"}' },
			},
		],
		[
			'Contractor Update: an object as Postal Code (the error named "KodPocztowy", not the field)',
			'contractor',
			{
				operation: 'update',
				contractorId: 'ACME',
				updateFields: { KodPocztowy: '={{ { a: 1 } }}' },
			},
		],
		[
			'Contractor Create: a long Country Code (the error named "KodKraju", not the field)',
			'contractor',
			{
				operation: 'create',
				name: 'Nowa',
				postCode: '00-950',
				city: 'Warszawa',
				additionalFields: { KodKraju: 'Polska' },
			},
		],
	])(
		'%s: a NodeOperationError naming the field, nothing malformed sent',
		async (_name, resource, parameters) => {
			const before = seen.field ?? 0;
			await check(resource as string, parameters as Record<string, unknown>, {});
			expect(seen.field).toBe(before + 1);
		},
	);
});
