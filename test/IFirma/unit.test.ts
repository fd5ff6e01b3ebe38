/**
 * The iFirma node through n8n-core's engine, the API mocked with nock: every action's request (path,
 * key, signature, body, query), validation before any request, Kod errors, no retries of creates,
 * binary PDFs, pagination, Continue On Fail, and no secret in any error.
 */
import { createHmac } from 'node:crypto';

import fc from 'fast-check';
import nock from 'nock';

import { runNode } from '../harness';

import { throttleDelay } from '../../nodes/IFirma/transport';

const HOST = 'https://ifirma.test';
const BASE = `${HOST}/iapi`;
const LOGIN = 'jan.nowak@ifirma.pl';
const KEYS = {
	faktura: 'EAB0D8ACF3308F3B',
	rachunek: 'A1B2C3D4E5F60718',
	abonent: '0123456789ABCDEF',
	wydatek: 'FEDCBA9876543210',
};
// Without the abonent key by default: with it, creates first read the accounting month (tested on its own below).
// The node's spacing of requests (100 a minute, counted per process) is off here, through the credential's own
// setting; it is tested on its own below with a limit of its own.
const credentials = {
	iFirmaApi: {
		login: LOGIN,
		fakturaKey: KEYS.faktura,
		rachunekKey: KEYS.rachunek,
		abonentKey: '',
		wydatekKey: KEYS.wydatek,
		baseUrl: `${BASE}/`,
		requestsPerMinute: 0,
	},
};
const withAbonent = { iFirmaApi: { ...credentials.iFirmaApi, abonentKey: KEYS.abonent } };

interface Seen {
	method: string;
	path: string;
	query: Record<string, string>;
	body: string;
	key: keyof typeof KEYS | 'invalid';
	headers: Record<string, string | string[] | undefined>;
}
let seen: Seen[] = [];

/** Which key signed the request (checked independently of the node's code), or 'invalid'. */
function signedWith(method: string, url: string, body: string, header: unknown): Seen['key'] {
	const match = String(header).match(/^IAPIS user=(.+), hmac-sha1=([0-9a-f]{40})$/);
	if (!match || match[1] !== LOGIN) return 'invalid';
	const plain = url.split('?')[0];
	for (const [name, key] of Object.entries(KEYS)) {
		if (
			createHmac('sha1', Buffer.from(key, 'hex'))
				.update(plain + LOGIN + name + body)
				.digest('hex') === match[2]
		)
			return name as keyof typeof KEYS;
	}
	return 'invalid';
}

type Reply = [number, unknown] | [number, unknown, Record<string, string>];

/** Mocks one request; records it with the key that signed it. */
function mock(
	method: 'get' | 'post' | 'put',
	path: string,
	reply: Reply | ((seen: Seen) => Reply),
	times = 1,
) {
	const scope = nock(HOST);
	return scope[method](new RegExp(`^/iapi/${path.replace(/[.?*+()[\]]/g, '\\$&')}(\\?.*)?$`))
		.times(times)
		.reply(function (uri, body) {
			const text =
				typeof body === 'string'
					? body
					: body === undefined || body === ''
						? ''
						: JSON.stringify(body);
			const url = new URL(`${HOST}${uri}`);
			const entry: Seen = {
				method: method.toUpperCase(),
				path: url.pathname.slice('/iapi/'.length),
				query: Object.fromEntries(url.searchParams),
				body: text,
				key: signedWith(method, `${HOST}${uri}`, text, this.req.headers.authentication),
				headers: this.req.headers,
			};
			seen.push(entry);
			const answer = typeof reply === 'function' ? reply(entry) : reply;
			return [
				answer[0],
				typeof answer[1] === 'string' || Buffer.isBuffer(answer[1])
					? answer[1]
					: JSON.stringify(answer[1]),
				answer[2] ?? { 'Content-Type': 'application/json' },
			];
		});
}

const ok = (fields: Record<string, unknown> = {}): Reply => [
	200,
	{ response: { Kod: 0, Informacja: 'OK', ...fields } },
];
const kod = (code: number, informacja: string): Reply => [
	200,
	{ response: { Kod: code, Informacja: informacja } },
];
const body = (entry: Seen) => JSON.parse(entry.body) as Record<string, unknown>;

function run(
	resource: string,
	parameters: Record<string, unknown>,
	items: object[] = [{}],
	options: { onError?: 'continueRegularOutput'; creds?: object } = {},
) {
	return runNode(
		{ type: 'iFirma', parameters: { resource, ...parameters }, onError: options.onError },
		items as never,
		(options.creds ?? credentials) as never,
	);
}

const LINE = {
	name: 'Usługa programistyczna',
	quantity: 2,
	unit: 'godz.',
	unitPrice: 150,
	vatRate: '23',
};
const FOREIGN_LINE = { ...LINE, foreignName: 'Programming service', foreignUnit: 'h' };
const invoice = (parameters: Record<string, unknown> = {}) => ({
	operation: 'create',
	invoiceType: 'domestic',
	contractorMode: 'id',
	contractorId: 'KLIENT1',
	issueDate: '2026-11-20',
	saleDate: '2026-11-19',
	lines: { line: [LINE] },
	returnDocument: false,
	...parameters,
});

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
	seen = [];
});
afterAll(() => nock.enableNetConnect());

describe('Invoice: Create', () => {
	it('sends a domestic invoice signed with the faktura key: VAT as a fraction, defaults, due date from the term', async () => {
		mock(
			'post',
			'fakturakraj.json',
			ok({ Identyfikator: 5721327, Informacja: 'Faktura została pomyślnie dodana.' }),
		);
		const { items, error } = await run('invoice', invoice());
		expect(error).toBeUndefined();
		expect(seen[0].key).toBe('faktura');
		expect(seen[0].headers['content-type']).toBe('application/json; charset=UTF-8');
		expect(body(seen[0])).toEqual({
			DataWystawienia: '2026-11-20',
			DataSprzedazy: '2026-11-19',
			FormatDatySprzedazy: 'DZN',
			SposobZaplaty: 'PRZ',
			TerminPlatnosci: '2026-12-03',
			LiczOd: 'NET',
			Zaplacono: 0,
			ZaplaconoNaDokumencie: 0,
			RodzajPodpisuOdbiorcy: 'BPO',
			WidocznyNumerGios: false,
			Numer: null,
			IdentyfikatorKontrahenta: 'KLIENT1',
			Pozycje: [
				{
					NazwaPelna: 'Usługa programistyczna',
					Ilosc: 2,
					CenaJednostkowa: 150,
					Jednostka: 'godz.',
					PKWiU: '',
					StawkaVat: 0.23,
					TypStawkiVat: 'PRC',
				},
			],
		});
		expect(items[0].json).toEqual({
			Identyfikator: 5721327,
			Informacja: 'Faktura została pomyślnie dodana.',
		});
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('reads the new invoice back with Return Full Document (its number for later steps)', async () => {
		mock('post', 'fakturakraj.json', ok({ Identyfikator: '77' }));
		mock('get', 'fakturakraj/77.json', [
			200,
			{ response: { PelnyNumer: '1/11/2026', Brutto: 369 } },
		]);
		const { items } = await run('invoice', invoice({ returnDocument: true }));
		expect(items[0].json).toMatchObject({
			Identyfikator: 77,
			PelnyNumer: '1/11/2026',
			Brutto: 369,
		});
		expect(seen.map((s) => `${s.method} ${s.path} ${s.key}`)).toEqual([
			'POST fakturakraj.json faktura',
			'GET fakturakraj/77.json faktura',
		]);
	});

	it('a failed read-back after a create does not fail the item: the ID is kept and the output says not to rerun', async () => {
		mock('post', 'fakturakraj.json', ok({ Identyfikator: 78 }));
		mock('get', 'fakturakraj/78.json', kod(100, 'Problem techniczny'));
		const { items, error } = await run('invoice', invoice({ returnDocument: true }));
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ Identyfikator: 78, Informacja: 'OK' });
		expect(items[0].json.readBackError).toContain('Do not run this item again');
		expect(seen.filter((s) => s.method === 'POST')).toHaveLength(1);
	});

	it('non-VAT payer: gross prices, exempt lines with the legal basis', async () => {
		mock('post', 'fakturakraj.json', ok({ Identyfikator: 1 }));
		await run('invoice', invoice({ invoiceType: 'domesticNonVat', legalBasis: 'Art. 113 ust. 1' }));
		const sent = body(seen[0]);
		expect(sent.LiczOd).toBe('BRT');
		expect(sent.Pozycje).toEqual([
			expect.objectContaining({
				StawkaVat: null,
				TypStawkiVat: 'ZW',
				PodstawaPrawna: 'Art. 113 ust. 1',
			}),
		]);
	});

	it.each([
		[
			'mailOrder',
			'fakturawysylka.json',
			{ paymentReceivedDate: '2026-11-18' },
			{ DataOtrzymaniaZaplaty: '2026-11-18' },
		],
		['receipt', 'fakturaparagon.json', {}, { IdentyfikatorKontrahenta: 'KLIENT1' }],
		[
			'currency',
			'fakturawaluta.json',
			{ salesType: 'WYSYLKOWA', currency: 'USD' },
			{ TypSprzedazy: 'WYSYLKOWA', Waluta: 'USD' },
		],
		[
			'cashMethod',
			'fakturametodakasowa.json',
			{ settlementType: 'KOMIS' },
			{ TypRozliczenia: 'KOMIS' },
		],
		[
			'wdt',
			'fakturawdt.json',
			{ currency: 'EUR', additionalFields: { language: 'de', exchangeRate: 4.3 } },
			{ Waluta: 'EUR', Jezyk: 'de', KursWalutyZDniaPoprzedzajacegoDzienWystawieniaFaktury: 4.3 },
		],
		[
			'exportGoods',
			'fakturaeksporttowarow.json',
			{},
			{ Waluta: 'EUR', Jezyk: 'en', WidocznyNumerGios: false },
		],
		[
			'euServices',
			'fakturaeksportuslugue.json',
			{ serviceName: 'Consulting', ossLanguage: 'de' },
			{ NazwaUslugi: 'Consulting', DataObowiazkuPodatkowego: '2026-11-19', Jezyk: 'de' },
		],
		[
			'servicesOutside',
			'fakturaeksportuslug.json',
			{ serviceName: 'Hosting', art28b: true, taxPointDate: '2026-11-30' },
			{
				NazwaUslugi: 'Hosting',
				UslugaSwiadczonaTrybArt28b: true,
				DataObowiazkuPodatkowego: '2026-11-30',
				Jezyk: 'en',
			},
		],
		[
			'oss',
			'fakturaoss.json',
			{ deliveryCountry: 'gr', ossLanguage: 'en' },
			{ KrajDostawy: 'EL', Jezyk: 'en', FormatDatySprzedazy: 'DZN' },
		],
		[
			'ioss',
			'fakturaioss.json',
			{ deliveryCountry: 'DE', orderNumber: 'Z-1' },
			{ KrajDostawy: 'DE', NumerZamowienia: 'Z-1' },
		],
	])('%s goes to %s with its own fields', async (invoiceType, path, extra, expected) => {
		mock('post', path, ok({ Identyfikator: 9 }));
		const { error } = await run(
			'invoice',
			invoice({ invoiceType, lines: { line: [FOREIGN_LINE] }, ...extra }),
		);
		expect(error).toBeUndefined();
		expect(seen[0].path).toBe(path);
		const sent = body(seen[0]);
		expect(sent).toMatchObject(expected);
		expect((sent.Pozycje as Array<Record<string, unknown>>)[0]).toMatchObject({
			NazwaPelnaObca: 'Programming service',
			JednostkaObca: 'h',
		});
		// What each kind's own table lacks is not sent (docs/api/ifirma.md §5.2.1).
		const absent: Record<string, string[]> = {
			wdt: ['LiczOd'],
			exportGoods: ['LiczOd'],
			euServices: ['LiczOd'],
			servicesOutside: ['LiczOd', 'Zaplacono', 'ZaplaconoNaDokumencie'],
			oss: ['Zaplacono', 'ZaplaconoNaDokumencie', 'WidocznyNumerGios'],
			ioss: ['Zaplacono', 'ZaplaconoNaDokumencie', 'WidocznyNumerGios'],
		};
		for (const field of absent[invoiceType] ?? [])
			expect({ invoiceType, field, sent: field in sent }).toEqual({
				invoiceType,
				field,
				sent: false,
			});
		if (invoiceType === 'oss')
			expect((sent.Pozycje as Array<{ TypStawkiVat: string }>)[0].TypStawkiVat).toBe('POD');
	});

	it.each([
		['mailOrder', 'fakturawysylka.json', ['SposobZaplaty', 'ZaplaconoNaDokumencie']],
		['currency', 'fakturawaluta.json', []],
		['receipt', 'fakturaparagon.json', []],
	])(
		'%s (%s) carries WidocznyNumerGios and LiczOd, not what its table lacks',
		async (invoiceType, path, absent) => {
			mock('post', path, ok({ Identyfikator: 9 }));
			const { error } = await run('invoice', invoice({ invoiceType }));
			expect(error).toBeUndefined();
			const sent = body(seen[0]);
			expect(sent).toMatchObject({ WidocznyNumerGios: false, LiczOd: 'NET' });
			for (const field of absent) expect(sent).not.toHaveProperty(field);
		},
	);

	it('an export-type line without its foreign name or unit is stopped before sending, naming the line and the field', async () => {
		const scope = mock('post', 'fakturaeksportuslug.json', ok({ Identyfikator: 9 }));
		const noUnit = await run(
			'invoice',
			invoice({
				invoiceType: 'servicesOutside',
				serviceName: 'Hosting',
				lines: { line: [{ ...LINE, foreignName: 'Hosting' }] },
			}),
		);
		expect(noUnit.error?.message).toContain(
			'Line 1 Foreign Unit: is required on a Services Outside Poland',
		);
		const noName = await run(
			'invoice',
			invoice({
				invoiceType: 'wdt',
				linesMode: 'json',
				linesJson: '[{"name": "Towar", "unitPrice": 5, "vatRate": 0, "JednostkaObca": "pcs"}]',
			}),
		);
		expect(noName.error?.message).toContain(
			'Line 1 Foreign Name: is required on an Intra-EU Supply of Goods (WDT)',
		);
		expect(scope.isDone()).toBe(false);
	});

	it('accepts mapped JSON lines in our names or iFirma\'s, VAT in percent or "zw"', async () => {
		mock('post', 'fakturakraj.json', ok({ Identyfikator: 1 }));
		const lines = [
			{ name: 'A', quantity: '1,5', unitPrice: '10,50', vatRate: 8, gtu: '12' },
			{ NazwaPelna: 'B', Ilosc: 1, CenaJednostkowa: 5, StawkaVat: 0.05, TypStawkiVat: 'PRC' },
			{ name: 'C', unitPrice: 1, vatRate: 'zw', legalBasis: 'Art. 43 ust. 1 pkt 37' },
		];
		const { error } = await run(
			'invoice',
			invoice({ linesMode: 'json', linesJson: '={{ $json.lines }}' }),
			[{ lines }],
		);
		expect(error).toBeUndefined();
		expect(body(seen[0]).Pozycje).toEqual([
			{
				NazwaPelna: 'A',
				Ilosc: 1.5,
				CenaJednostkowa: 10.5,
				Jednostka: 'szt.',
				PKWiU: '',
				GTU: '12',
				StawkaVat: 0.08,
				TypStawkiVat: 'PRC',
			},
			{
				NazwaPelna: 'B',
				Ilosc: 1,
				CenaJednostkowa: 5,
				Jednostka: 'szt.',
				PKWiU: '',
				StawkaVat: 0.05,
				TypStawkiVat: 'PRC',
			},
			{
				NazwaPelna: 'C',
				Ilosc: 1,
				CenaJednostkowa: 1,
				Jednostka: 'szt.',
				PKWiU: '',
				StawkaVat: null,
				TypStawkiVat: 'ZW',
				PodstawaPrawna: 'Art. 43 ust. 1 pkt 37',
			},
		]);
	});

	it('inline contractor with a checked NIP; NIP mode sends NIPKontrahenta', async () => {
		mock('post', 'fakturakraj.json', ok({ Identyfikator: 1 }), 2);
		await run(
			'invoice',
			invoice({
				contractorMode: 'inline',
				contractorName: 'Firma Sp. z o.o.',
				contractorPostCode: '00-001',
				contractorCity: 'Warszawa',
				contractorDetails: { NIP: '521-360-91-82', Email: 'biuro@firma.pl' },
			}),
		);
		expect(body(seen[0]).Kontrahent).toEqual({
			Identyfikator: null,
			Nazwa: 'Firma Sp. z o.o.',
			KodPocztowy: '00-001',
			Miejscowosc: 'Warszawa',
			NIP: '5213609182',
			Email: 'biuro@firma.pl',
		});
		await run('invoice', invoice({ contractorMode: 'nip', contractorNip: '5213609182' }));
		expect(body(seen[1])).toMatchObject({ NIPKontrahenta: '5213609182' });
		expect(body(seen[1])).not.toHaveProperty('IdentyfikatorKontrahenta');
	});

	it.each([
		[
			{ contractorMode: 'nip', contractorNip: '5213609181' },
			'Contractor NIP: "5213609181" is not a valid NIP',
		],
		[{ contractorId: '={{ "" }}' }, 'Contractor Identifier: is required [item 0]'],
		[{ lines: { line: [] } }, 'Line Items: add at least one line [item 0]'],
		[
			{ lines: { line: [{ ...LINE, vatRate: 'zw' }] } },
			'Line 1 Legal Basis for Exemption: is required with an exempt (ZW) rate',
		],
		[{ lines: { line: [{ ...LINE, quantity: 0 }] } }, 'Line 1 Quantity: must be a number above 0'],
		[{ lines: { line: [{ ...LINE, name: '' }] } }, 'Line 1 Name: is required'],
		[{ linesMode: 'json', linesJson: '[{"name": "x"' }, 'Line Items (JSON): is not valid JSON'],
		[
			{ linesMode: 'json', linesJson: '[{"name": "x", "unitPrice": 1, "vatRate": "abc"}]' },
			'Line 1 VAT Rate: must be a VAT rate in percent',
		],
		[{ issueDate: '2026-02-30' }, 'Issue Date: is not a real calendar date'],
		[
			{ invoiceType: 'oss', deliveryCountry: 'Germany' },
			'Delivery Country: must be a two-letter country code',
		],
		[
			{ additionalFields: { remarks: 'x'.repeat(1001) } },
			'Remarks: must be at most 1000 characters',
		],
		[{ additionalFields: { additionalJson: '[1]' } }, 'Additional JSON: must be a JSON object'],
	])('refuses bad input before any request: %j', async (parameters, message) => {
		const scope = mock('post', 'fakturakraj.json', ok({ Identyfikator: 1 }));
		const { error } = await run('invoice', invoice(parameters));
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toContain(message);
		expect(scope.isDone()).toBe(false);
	});

	it("Kod 201 is a NodeApiError carrying iFirma's Polish message", async () => {
		mock('post', 'fakturakraj.json', kod(201, 'Nieprawidłowa data sprzedaży'));
		const { error } = await run('invoice', invoice());
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toContain('Kod 201');
		expect(error?.description).toBe('iFirma\'s message: "Nieprawidłowa data sprzedaży"');
	});

	it('an accounting-month refusal says which month is set (read with the abonent key) and how to move it', async () => {
		mock(
			'post',
			'fakturakraj.json',
			kod(202, 'Data 2026-11-19 jest poza ustawionym miesiącem księgowym.'),
		);
		mock('get', 'abonent/miesiacksiegowy.json', [
			200,
			{ response: { RokKsiegowy: 2026, MiesiacKsiegowy: 10 } },
		]);
		const { error } = await run(
			'invoice',
			invoice({ additionalFields: { checkAccountingMonth: false } }),
			[{}],
			{ creds: withAbonent },
		);
		expect(error?.message).toContain('The accounting month set in iFirma is 10/2026');
		expect(error?.message).toContain('Account → Set Accounting Month');
		expect(seen[1].key).toBe('abonent');
	});

	it('a used-up limit points to extended access', async () => {
		mock(
			'post',
			'fakturakraj.json',
			kod(202, 'Przekroczono miesięczny limit dokumentów wystawianych przez API.'),
		);
		const { error } = await run('invoice', invoice());
		expect(error?.message).toContain('API limit of the account seems to be used up');
		expect(error?.message).toContain('extended access');
	});

	it('is never retried: a 503 is an error saying to check before running again', async () => {
		mock('post', 'fakturakraj.json', [503, 'Service Unavailable', { 'Retry-After': '0' }], 2);
		const { error } = await run('invoice', invoice());
		expect(error?.message).toContain('HTTP 503');
		expect(error?.message).toContain('not retried');
		expect(seen).toHaveLength(1);

		// A dropped answer is exercised on the emulator's real sockets (emulator.test.ts).
	});

	it('quotes a body that is not JSON and a JSON without the envelope', async () => {
		mock('post', 'fakturakraj.json', [200, '<html><body>Przerwa techniczna</body></html>']);
		const html = await run('invoice', invoice());
		expect(html.error?.message).toBe('The API answered with something that is not JSON');
		expect(html.error?.description).toContain('Przerwa techniczna');
		mock('post', 'fakturakraj.json', [200, { Kod: 0 }]);
		const bare = await run('invoice', invoice());
		expect(bare.error?.message).toContain('without its usual {"response": ...} envelope');
	});

	it('with Continue On Fail, a bad item becomes an error item paired to it and the others go on', async () => {
		mock('post', 'fakturakraj.json', ok({ Identyfikator: 1 }));
		const { items, error } = await run(
			'invoice',
			invoice({ contractorId: '={{ $json.c }}' }),
			[{ c: '' }, { c: 'K2' }],
			{ onError: 'continueRegularOutput' },
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0].json.error).toContain('Contractor Identifier: is required [item 0]');
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[1].json.Identyfikator).toBe(1);
		expect(items[1].pairedItem).toEqual({ item: 1 });
	});
});

describe('Accounting month checked before sending (Subscriber key present)', () => {
	it('reads the month once per run and stops items dated outside it, naming the field and the month', async () => {
		mock('get', 'abonent/miesiacksiegowy.json', [
			200,
			{ response: { RokKsiegowy: 2026, MiesiacKsiegowy: 11 } },
		]);
		mock('post', 'fakturakraj.json', ok({ Identyfikator: 1 }));
		const { items } = await run(
			'invoice',
			invoice({ saleDate: '={{ $json.sale }}', issueDate: '={{ $json.sale }}' }),
			[{ sale: '2026-11-19' }, { sale: '2026-10-31' }],
			{
				creds: withAbonent,
				onError: 'continueRegularOutput',
			},
		);
		expect(items[0].json.Identyfikator).toBe(1);
		expect(items[1].json.error).toContain(
			'Sale Date: 2026-10-31 is outside the accounting month set in iFirma (11/2026)',
		);
		expect(items[1].json.error).toContain('Set Accounting Month');
		expect(seen.map((s) => `${s.method} ${s.path} ${s.key}`)).toEqual([
			'GET abonent/miesiacksiegowy.json abonent',
			'POST fakturakraj.json faktura',
		]);
	});

	it('can be turned off, and is skipped when the month cannot be read', async () => {
		mock('post', 'fakturakraj.json', ok({ Identyfikator: 1 }), 2);
		const off = await run(
			'invoice',
			invoice({ additionalFields: { checkAccountingMonth: false } }),
			[{}],
			{ creds: withAbonent },
		);
		expect(off.error).toBeUndefined();
		mock('get', 'abonent/miesiacksiegowy.json', kod(402, 'Klucz nie został wygenerowany.'));
		const unreadable = await run('invoice', invoice(), [{}], { creds: withAbonent });
		expect(unreadable.error).toBeUndefined();
		expect(seen.map((s) => s.path)).toEqual([
			'fakturakraj.json',
			'abonent/miesiacksiegowy.json',
			'fakturakraj.json',
		]);
	});

	it('expenses check their issue date', async () => {
		mock('get', 'abonent/miesiacksiegowy.json', [
			200,
			{ response: { RokKsiegowy: 2026, MiesiacKsiegowy: 11 } },
		]);
		const { error } = await run(
			'expense',
			{
				operation: 'create',
				documentNumber: 'A',
				expenseName: 'B',
				contractorId: 'K',
				net23: 1,
				issueDate: '2026-12-01',
			},
			[{}],
			{ creds: withAbonent },
		);
		expect(error?.message).toContain(
			'Issue Date: 2026-12-01 is outside the accounting month set in iFirma (11/2026)',
		);
		expect(seen).toHaveLength(1);
	});
});

describe('Invoice: other actions', () => {
	it('Create Correction posts the "should be" lines to fakturakraj/korekta/<number with _>, quantity 0 allowed', async () => {
		mock('post', 'fakturakraj/korekta/12_10_2026.json', ok({ Identyfikator: 3 }));
		const { error } = await run('invoice', {
			operation: 'createCorrection',
			documentRef: '12/10/2026',
			reason: 'ZWR_SPRZ_TOW',
			issueDate: '2026-11-20',
			lines: {
				line: [
					{ ...LINE, quantity: 0 },
					{ ...LINE, name: 'B' },
				],
			},
			returnDocument: false,
		});
		expect(error).toBeUndefined();
		expect(body(seen[0])).toMatchObject({
			PowodKorekty: 'ZWR_SPRZ_TOW',
			SpelnionoWarunki: true,
			DataWystawienia: '2026-11-20',
		});
		expect((body(seen[0]).Pozycje as Array<{ Ilosc: number }>).map((l) => l.Ilosc)).toEqual([0, 2]);
	});

	it('Get reads by number with "/" as "_"', async () => {
		mock('get', 'fakturawdt/3_11_2026.json', [200, { response: { PelnyNumer: '3/11/2026' } }]);
		const { items } = await run('invoice', {
			operation: 'get',
			invoiceKind: 'wdt',
			documentRef: '3/11/2026',
		});
		expect(items[0].json).toEqual({ PelnyNumer: '3/11/2026' });
		expect(seen[0].key).toBe('faktura');
	});

	it('Get is retried after a 502 (a read)', async () => {
		mock('get', 'fakturakraj/5.json', [502, 'Bad Gateway', { 'Retry-After': '0' }]);
		mock('get', 'fakturakraj/5.json', [200, { response: { PelnyNumer: '5/11/2026' } }]);
		const { items, error } = await run('invoice', { operation: 'get', documentRef: '5' });
		expect(error).toBeUndefined();
		expect(items[0].json.PelnyNumer).toBe('5/11/2026');
	});

	it('Download PDF gives a binary item, the variant in the signed path', async () => {
		const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n');
		mock('get', 'fakturakraj/1337.pdf.dup', [200, pdf, { 'Content-Type': 'application/pdf' }]);
		const { items, error } = await run('invoice', {
			operation: 'downloadPdf',
			documentRef: '1337',
			variant: 'dup',
			binaryPropertyName: 'invoice',
		});
		expect(error).toBeUndefined();
		expect(seen[0].headers.accept).toBe('application/pdf');
		expect(items[0].json).toMatchObject({
			document: '1337',
			variant: 'dup',
			fileName: 'fakturakraj-1337-dup.pdf',
		});
		const binary = items[0].binary!.invoice;
		expect(binary.mimeType).toBe('application/pdf');
		expect(Buffer.from(binary.data, 'base64').equals(pdf)).toBe(true);
	});

	it('Download PDF: a JSON refusal instead of a PDF is the Kod error', async () => {
		mock('get', 'fakturakraj/9.pdf', kod(500, 'Faktura/rachunek nie istnieje.'));
		const { error } = await run('invoice', { operation: 'downloadPdf', documentRef: '9' });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.description).toContain('Faktura/rachunek nie istnieje.');
	});

	it('Get Many pages with strona / iloscNaStronie until an empty page (not a short one), with the filters in the query', async () => {
		const row = (n: number) => ({ FakturaId: n, PelnyNumer: `${n}/11/2026` });
		const pages: Record<string, unknown[]> = {
			1: Array.from({ length: 100 }, (_, i) => row(i)),
			2: [row(100), row(101)],
			3: [],
		};
		mock('get', 'faktury.json', (s) => ok({ Wynik: pages[s.query.strona] }), 3);
		const { items, error } = await run('invoice', {
			operation: 'getMany',
			dateFrom: '2026-11-01',
			returnAll: true,
			filters: {
				dateTo: '2026-11-30',
				status: ['przeterminowane', 'nieoplacone'],
				type: 'prz_faktura_kraj',
				nip: '521-360-91-82',
				amountFrom: 10,
			},
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(102);
		expect(seen[0].query).toEqual({
			dataOd: '2026-11-01',
			dataDo: '2026-11-30',
			status: 'przeterminowane,nieoplacone',
			typ: 'prz_faktura_kraj',
			nipKontrahenta: '5213609182',
			kwotaOd: '10',
			strona: '1',
			iloscNaStronie: '100',
		});
		expect(seen.map((s) => s.query.strona)).toEqual(['1', '2', '3']);
		expect(seen.every((s) => s.key === 'faktura')).toBe(true);
		// A GET with the JSON content type too (docs/api/ifirma.md §1).
		expect(seen.every((s) => s.headers['content-type'] === 'application/json; charset=UTF-8')).toBe(
			true,
		);
	});

	it('Get Many with a limit asks only what it needs', async () => {
		mock(
			'get',
			'faktury.json',
			ok({ Wynik: [{ FakturaId: 1 }, { FakturaId: 2 }, { FakturaId: 3 }] }),
		);
		const { items } = await run('invoice', {
			operation: 'getMany',
			dateFrom: '2026-11-01',
			returnAll: false,
			limit: 3,
		});
		expect(items).toHaveLength(3);
		expect(seen[0].query.iloscNaStronie).toBe('3');
	});

	it('Get Many accepts a mapped status text and refuses an unknown status', async () => {
		mock('get', 'faktury.json', ok({ Wynik: [] }));
		await run('invoice', {
			operation: 'getMany',
			dateFrom: '2026-11-01',
			filters: { status: '={{ "oplacone, przeterminowane" }}' },
		});
		expect(seen[0].query.status).toBe('oplacone,przeterminowane');
		const bad = await run('invoice', {
			operation: 'getMany',
			dateFrom: '2026-11-01',
			filters: { status: '={{ "paid" }}' },
		});
		expect(bad.error?.message).toContain('Status: "paid" is not one of');
	});

	it('an envelope without the documented list is a NodeApiError quoting it, not a TypeError', async () => {
		mock('get', 'faktury.json', ok({ Wynik: 'brak' }));
		const { error } = await run('invoice', { operation: 'getMany', dateFrom: '2026-11-01' });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toContain('without its "Wynik" list');
		expect(error?.description).toContain('"Wynik":"brak"');
	});

	it('Get Many needs Date From', async () => {
		const { error } = await run('invoice', { operation: 'getMany', dateFrom: '={{ "" }}' });
		expect(error?.message).toContain('Date From: is required');
	});

	it("Send by E-Mail: wyslijEfaktura=true, the options in iFirma's names", async () => {
		mock('post', 'fakturakraj/send/5.json', ok({ Informacja: 'Wysłano' }));
		const { items } = await run('invoice', {
			operation: 'sendByEmail',
			documentRef: '5',
			emailOptions: {
				recipient: 'klient@firma.pl',
				text: 'W załączeniu faktura',
				transfer: true,
				template: 'Domyślny ifirma.pl',
			},
		});
		expect(seen[0].query).toEqual({ wyslijEfaktura: 'true' });
		expect(body(seen[0])).toEqual({
			Tekst: 'W załączeniu faktura',
			Przelew: true,
			SzablonEmail: 'Domyślny ifirma.pl',
			SkrzynkaEmailOdbiorcy: 'klient@firma.pl',
		});
		expect(items[0].json).toMatchObject({ sent: true, recipient: 'klient@firma.pl' });
	});

	it('Send by E-Mail refuses a bad address and is never retried', async () => {
		const bad = await run('invoice', {
			operation: 'sendByEmail',
			documentRef: '5',
			emailOptions: { recipient: 'klient@' },
		});
		expect(bad.error?.message).toContain('Recipient E-Mail: "klient@" is not an e-mail address');
		mock('post', 'fakturakraj/send/5.json', [502, 'Bad Gateway'], 2);
		const failed = await run('invoice', { operation: 'sendByEmail', documentRef: '5' });
		expect(failed.error?.message).toContain('not retried');
		expect(seen).toHaveLength(1);
	});

	it('Send by Post: wyslijPoczta=true', async () => {
		mock('post', 'fakturawaluta/send/8.json', ok());
		await run('invoice', { operation: 'sendByPost', invoiceKind: 'currency', documentRef: '8' });
		expect(seen[0].query).toEqual({ wyslijPoczta: 'true' });
	});

	it('Send to KSeF posts {"DataWysylki": null}; corrections go to their own path', async () => {
		mock('post', 'fakturakraj/ksef/send/8.json', ok());
		mock('post', 'fakturakraj/korekta/ksef/send/KOR%202_11_2026.json', ok());
		await run('invoice', { operation: 'sendToKsef', documentRef: '8' });
		expect(seen[0].body).toBe('{"DataWysylki":null}');
		const correction = await run('invoice', {
			operation: 'sendToKsef',
			invoiceKind: 'correction',
			documentRef: 'KOR 2/11/2026',
		});
		expect(correction.error).toBeUndefined();
		expect(seen[1].key).toBe('faktura');
	});

	it('Register Payment posts to faktury/wplaty/<code>/<number>', async () => {
		mock('post', 'faktury/wplaty/prz_faktura_kraj/1_11_2026.json', ok());
		const { items } = await run('invoice', {
			operation: 'registerPayment',
			documentRef: '1/11/2026',
			amount: '184,50',
			paymentDate: '2026-11-21',
		});
		expect(body(seen[0])).toEqual({ Kwota: 184.5, Data: '2026-11-21' });
		expect(items[0].json).toMatchObject({ Kwota: 184.5 });
		const zero = await run('invoice', {
			operation: 'registerPayment',
			documentRef: '1/11/2026',
			amount: 0,
		});
		expect(zero.error?.message).toContain('Amount: must be more than 0');
	});
});

describe('Proforma', () => {
	it('Create: domestic proforma without sale date or paid fields', async () => {
		mock('post', 'fakturaproformakraj.json', ok({ Identyfikator: 4 }));
		await run('proforma', {
			operation: 'create',
			contractorId: 'K',
			issueDate: '2026-11-20',
			lines: { line: [LINE] },
			returnDocument: false,
			orderNumber: 'Z/1',
		});
		const sent = body(seen[0]);
		expect(sent).toMatchObject({
			TypFakturyKrajowej: 'SPRZ',
			NumerZamowienia: 'Z/1',
			TerminPlatnosci: '2026-12-04',
		});
		for (const absent of [
			'DataSprzedazy',
			'FormatDatySprzedazy',
			'Zaplacono',
			'ZaplaconoNaDokumencie',
		])
			expect(sent).not.toHaveProperty(absent);
	});

	it('Create: export-type proforma', async () => {
		mock('post', 'fakturaproformaeksport.json', ok({ Identyfikator: 4 }));
		await run('proforma', {
			operation: 'create',
			proformaType: 'export',
			exportType: 'prz_dostawa_ue_towarow',
			currency: 'EUR',
			contractorId: 'K',
			lines: { line: [LINE] },
			returnDocument: false,
		});
		expect(body(seen[0])).toMatchObject({ TypFaktury: 'prz_dostawa_ue_towarow', Waluta: 'EUR' });
	});

	it('Get, Get Many, PDF, e-mail and conversion use the proforma paths', async () => {
		mock('get', 'fakturaproformakraj/4.json', [200, { response: { PelnyNumer: 'PRO 1/11/2026' } }]);
		mock('get', 'proformy.json', ok({ Wynik: [] }));
		mock('get', 'fakturaproformakraj/4.pdf', [
			200,
			Buffer.from('%PDF-1.4 x\n%%EOF\n'),
			{ 'Content-Type': 'application/pdf' },
		]);
		mock('post', 'fakturaproformakraj/send/4.json', ok());
		mock('get', 'fakturaproformakraj/add/PRO%201_11_2026.json', ok({ Identyfikator: 99 }));
		await run('proforma', { operation: 'get', documentRef: '4' });
		await run('proforma', { operation: 'getMany', dateFrom: '2026-11-01', returnAll: true });
		const pdf = await run('proforma', { operation: 'downloadPdf', documentRef: '4' });
		expect(pdf.items[0].binary?.data.mimeType).toBe('application/pdf');
		await run('proforma', { operation: 'sendByEmail', documentRef: '4' });
		const converted = await run('proforma', {
			operation: 'convertToInvoice',
			documentRef: 'PRO 1/11/2026',
			returnDocument: false,
		});
		expect(converted.items[0].json).toMatchObject({ Identyfikator: 99, proforma: 'PRO 1/11/2026' });
		expect(seen.map((s) => `${s.method} ${s.path}`)).toEqual([
			'GET fakturaproformakraj/4.json',
			'GET proformy.json',
			'GET fakturaproformakraj/4.pdf',
			'POST fakturaproformakraj/send/4.json',
			'GET fakturaproformakraj/add/PRO%201_11_2026.json',
		]);
	});

	it('Convert to Invoice (a GET that creates) is not retried', async () => {
		mock('get', 'fakturaproformakraj/add/1.json', [503, ''], 2);
		const { error } = await run('proforma', { operation: 'convertToInvoice', documentRef: '1' });
		expect(error?.message).toContain('not retried');
		expect(seen).toHaveLength(1);
	});
});

describe('Bill', () => {
	it('Create is signed with the rachunek key and has no VAT fields', async () => {
		mock('post', 'rachunekkraj.json', ok({ Identyfikator: 6 }));
		mock('get', 'rachunekkraj/6.json', [200, { response: { PelnyNumer: 'R 1/11/2026' } }]);
		const { items } = await run('bill', {
			operation: 'create',
			contractorId: 'K',
			issueDate: '2026-11-20',
			kpirEntry: 'POZ',
			lines: { line: [{ name: 'Usługa', quantity: 1, unitPrice: 100, flatRate: 8.5 }] },
		});
		expect(seen.map((s) => s.key)).toEqual(['rachunek', 'rachunek']);
		const sent = body(seen[0]);
		expect(sent).toMatchObject({ WpisDoKpir: 'POZ', Zaplacono: 0 });
		expect(sent).not.toHaveProperty('LiczOd');
		expect(sent.Pozycje).toEqual([
			{
				NazwaPelna: 'Usługa',
				Ilosc: 1,
				CenaJednostkowa: 100,
				Jednostka: 'szt.',
				StawkaRyczaltu: 0.085,
			},
		]);
		expect(items[0].json.PelnyNumer).toBe('R 1/11/2026');
	});

	it('Get, PDF and e-mail use rachunekkraj with the rachunek key', async () => {
		mock('get', 'rachunekkraj/6.json', [200, { response: {} }]);
		mock('get', 'rachunekkraj/6.pdf.oryg', [
			200,
			Buffer.from('%PDF-1.4 x\n%%EOF\n'),
			{ 'Content-Type': 'application/pdf' },
		]);
		mock('post', 'rachunekkraj/send/6.json', ok());
		await run('bill', { operation: 'get', documentRef: '6' });
		await run('bill', { operation: 'downloadPdf', documentRef: '6', variant: 'oryg' });
		await run('bill', { operation: 'sendByEmail', documentRef: '6' });
		expect(seen.map((s) => s.key)).toEqual(['rachunek', 'rachunek', 'rachunek']);
		expect(seen[2].query).toEqual({ wyslijEfaktura: 'true' });
	});

	it('a bill needs the rachunek key: a clear error naming it, nothing sent', async () => {
		const scope = mock('post', 'rachunekkraj.json', ok());
		const { error } = await run(
			'bill',
			{ operation: 'create', contractorId: 'K', lines: { line: [LINE] } },
			[{}],
			{
				creds: { iFirmaApi: { ...credentials.iFirmaApi, rachunekKey: '' } },
			},
		);
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toContain('the "rachunek" key of the iFirma credential, which is empty');
		expect(error?.description).toContain('Rozszerzenia i integracje → API');
		expect(scope.isDone()).toBe(false);
	});
});

describe('Contractor', () => {
	const stored = {
		Identyfikator: 'FIRMA',
		Nazwa: 'Firma',
		KodPocztowy: '00-001',
		Miejscowosc: 'Warszawa',
		Ulica: 'Prosta 1',
		Email: 'a@firma.pl',
		NIP: '5213609182',
		Wybrany: true,
	};

	it('Create posts the contractor and returns it as stored, found by its NIP (Wynik is a number, not the identifier)', async () => {
		mock('post', 'kontrahenci.json', ok({ Wynik: '124451232' }));
		mock(
			'get',
			'kontrahenci/5213609182.json',
			ok({ Wynik: [{ ...stored, Identyfikator: 'INNA', NIP: '1111111111' }, stored] }),
		);
		const { items } = await run('contractor', {
			operation: 'create',
			name: 'Firma',
			postCode: '00-001',
			city: 'Warszawa',
			additionalFields: { Ulica: 'Prosta 1', NIP: '5213609182', OsobaFizyczna: false },
		});
		expect(body(seen[0])).toEqual({
			Identyfikator: null,
			Nazwa: 'Firma',
			KodPocztowy: '00-001',
			Miejscowosc: 'Warszawa',
			Ulica: 'Prosta 1',
			NIP: '5213609182',
			OsobaFizyczna: false,
		});
		expect(items[0].json).toMatchObject({
			Identyfikator: 'FIRMA',
			Ulica: 'Prosta 1',
			Wynik: '124451232',
		});
	});

	it('Create with its own identifier reads that one back', async () => {
		mock('post', 'kontrahenci.json', ok({ Wynik: '124451233' }));
		mock('get', 'kontrahenci/id/FIRMA.json', ok({ Wynik: [stored] }));
		const { items } = await run('contractor', {
			operation: 'create',
			name: 'Firma',
			postCode: '00-001',
			city: 'Warszawa',
			additionalFields: { Identyfikator: 'FIRMA' },
		});
		expect(items[0].json).toMatchObject({ Identyfikator: 'FIRMA', Ulica: 'Prosta 1' });
	});

	it('Create: when no saved contractor matches the name and NIP, the item keeps Wynik and says why (it is not run again)', async () => {
		mock('post', 'kontrahenci.json', ok({ Wynik: '124451234' }));
		mock('get', 'kontrahenci/Firma.json', kod(208, 'Nie znaleziono kontrahenta.'));
		const { items, error } = await run('contractor', {
			operation: 'create',
			name: 'Firma',
			postCode: '00-001',
			city: 'Warszawa',
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ Wynik: '124451234' });
		expect(items[0].json.readBackError).toContain('no contractor with this name and NIP was found');
		expect(seen.filter((s) => s.method === 'POST')).toHaveLength(1);
	});

	it('a contractor outside the EU keeps its own tax id; a bad Polish NIP is still refused', async () => {
		mock('post', 'kontrahenci.json', ok({ Wynik: '1' }));
		mock('get', 'kontrahenci/id/NORD.json', ok({ Wynik: [{ Identyfikator: 'NORD' }] }));
		const norway = await run('contractor', {
			operation: 'create',
			name: 'Nordfjord AS',
			postCode: '0150',
			city: 'Oslo',
			additionalFields: { Identyfikator: 'NORD', KodKraju: 'no', NIP: '923609016' },
		});
		expect(norway.error).toBeUndefined();
		expect(body(seen[0])).toMatchObject({ NIP: '923609016', KodKraju: 'NO' });
		const polish = await run('contractor', {
			operation: 'create',
			name: 'Firma',
			postCode: '00-001',
			city: 'Warszawa',
			additionalFields: { NIP: '923609016' },
		});
		expect(polish.error?.message).toContain('"923609016" is not a valid NIP');
		const prefixed = await run('invoice', {
			operation: 'getMany',
			dateFrom: '2026-11-01',
			filters: { nip: '5213609181' },
		});
		expect(prefixed.error?.message).toContain('is not a valid NIP');
	});

	it('Get reads kontrahenci/id/<id> and unwraps the one-element list', async () => {
		mock('get', 'kontrahenci/id/FIRMA.json', ok({ Wynik: [stored] }));
		const { items } = await run('contractor', { operation: 'get', contractorId: 'FIRMA' });
		expect(items[0].json).toEqual(stored);
	});

	it('Search encodes the phrase; Kod 208 (nothing found) gives no items, not an error', async () => {
		mock(
			'get',
			'kontrahenci/IFIRMA%20SA.json',
			ok({ Wynik: [stored, { ...stored, Identyfikator: 'F2' }] }),
		);
		const found = await run('contractor', { operation: 'search', phrase: 'IFIRMA SA' });
		expect(found.items).toHaveLength(2);
		mock('get', 'kontrahenci/nikt.json', kod(208, 'Nie znaleziono kontrahenta.'));
		const none = await run('contractor', { operation: 'search', phrase: 'nikt' });
		expect(none.error).toBeUndefined();
		expect(none.items).toHaveLength(0);
	});

	it('Update reads first and PUTs the whole record, so untouched fields survive', async () => {
		mock('get', 'kontrahenci/id/FIRMA.json', ok({ Wynik: [stored] }));
		mock(
			'put',
			'kontrahenci/FIRMA.json',
			ok({ Informacja: 'Zaktualizowano kontrahenta', Wynik: 'FIRMA' }),
		);
		const { items } = await run('contractor', {
			operation: 'update',
			contractorId: 'FIRMA',
			updateFields: { Telefon: '600100200' },
		});
		const kept: Record<string, unknown> = { ...stored, Telefon: '600100200' };
		delete kept.Wybrany;
		expect(body(seen[1])).toEqual(kept);
		expect(items[0].json.Informacja).toBe('Zaktualizowano kontrahenta');
	});

	it('Update with nothing to change or a bad NIP stops before any request', async () => {
		expect(
			(await run('contractor', { operation: 'update', contractorId: 'FIRMA', updateFields: {} }))
				.error?.message,
		).toContain('Update Fields: add at least one field');
		expect(
			(
				await run('contractor', {
					operation: 'update',
					contractorId: 'FIRMA',
					updateFields: { NIP: '1234567890' },
				})
			).error?.message,
		).toContain('is not a valid NIP');
		expect(seen).toHaveLength(0);
	});

	it('Create or Update by NIP updates the match found by NIP', async () => {
		mock('get', 'kontrahenci/5213609182.json', ok({ Wynik: [stored] }));
		mock('get', 'kontrahenci/id/FIRMA.json', ok({ Wynik: [stored] }));
		mock('put', 'kontrahenci/FIRMA.json', ok({ Wynik: 'FIRMA' }));
		const { items } = await run('contractor', {
			operation: 'upsert',
			nip: '5213609182',
			name: 'Firma Nowa',
			postCode: '00-002',
			city: 'Warszawa',
		});
		expect(items[0].json).toMatchObject({
			action: 'updated',
			Nazwa: 'Firma Nowa',
			Ulica: 'Prosta 1',
			Email: 'a@firma.pl',
		});
		expect(seen.map((s) => s.method)).toEqual(['GET', 'GET', 'PUT']);
	});

	it('Create or Update by NIP creates when no contractor has that exact NIP', async () => {
		mock('get', 'kontrahenci/5213609182.json', ok({ Wynik: [{ ...stored, NIP: '15213609182' }] }));
		mock('post', 'kontrahenci.json', ok({ Wynik: '124451232' }));
		mock(
			'get',
			'kontrahenci/5213609182.json',
			ok({
				Wynik: [
					{ ...stored, NIP: '15213609182' },
					{ Identyfikator: 'NOWA', Nazwa: 'Nowa', NIP: '5213609182' },
				],
			}),
		);
		const { items } = await run('contractor', {
			operation: 'upsert',
			nip: '5213609182',
			name: 'Nowa',
			postCode: '00-002',
			city: 'Kraków',
		});
		expect(items[0].json).toMatchObject({ action: 'created', Identyfikator: 'NOWA' });
		expect(body(seen[1])).toMatchObject({ Identyfikator: null, NIP: '5213609182', Nazwa: 'Nowa' });
	});
});

describe('Expense', () => {
	it('VAT-invoice kinds are signed with the wydatek key; VAT left out is calculated per rate', async () => {
		mock('post', 'kosztdzialalnoscivat.json', ok({ Informacja: 'Dodano', Wynik: 12 }));
		const { items } = await run('expense', {
			operation: 'create',
			documentNumber: 'FV/1/2026',
			issueDate: '2026-11-10',
			expenseName: 'Paliwo',
			contractorMode: 'nip',
			contractorNip: '5213609182',
			net23: 100,
			net8: 10.01,
			vatAmounts: { vat23: 22.99 },
		});
		expect(seen[0].key).toBe('wydatek');
		expect(body(seen[0])).toMatchObject({
			NumerFaktury: 'FV/1/2026',
			RodzajSprzedazy: 'OP',
			KwotaNetto23: 100,
			KwotaNetto08: 10.01,
			KwotaNetto05: 0,
			KwotaNetto00: 0,
			KwotaNettoZw: 0,
			KwotaVat23: 22.99,
			KwotaVat08: 0.8,
			KwotaVat05: 0,
			NIPKontrahenta: '5213609182',
		});
		expect(items[0].json).toMatchObject({ Identyfikator: 12, kind: 'kosztdzialalnoscivat' });
	});

	it('Other-document cost sends kind, number and gross amount', async () => {
		mock('post', 'kosztdzialalnosci.json', ok());
		await run('expense', {
			operation: 'create',
			expenseKind: 'costOther',
			documentKind: 'PAR',
			documentNumber: 'P1',
			expenseName: 'Kawa',
			contractorId: 'K',
			amount: 12.3,
		});
		expect(body(seen[0])).toMatchObject({
			RodzajDokumentu: 'PAR',
			NumerDokumentu: 'P1',
			Kwota: 12.3,
		});
		expect(body(seen[0])).not.toHaveProperty('KwotaNetto23');
	});

	it('refuses an expense without any amount, and a receipt date before issue', async () => {
		const empty = await run('expense', {
			operation: 'create',
			expenseKind: 'goods',
			documentNumber: 'A',
			expenseName: 'B',
			contractorId: 'K',
		});
		expect(empty.error?.message).toContain('enter the net amount of at least one VAT rate');
		const early = await run('expense', {
			operation: 'create',
			expenseKind: 'phone',
			documentNumber: 'A',
			expenseName: 'B',
			contractorId: 'K',
			net23: 1,
			issueDate: '2026-11-10',
			additionalFields: { receiptDate: '2026-11-09' },
		});
		expect(early.error?.message).toContain('Receipt Date: must not be before the issue date');
		expect(seen).toHaveLength(0);
	});
});

describe('Account and Dictionary', () => {
	it('Get API Limit (abonent key) adds what is left', async () => {
		mock(
			'get',
			'abonent/limit.json',
			ok({ Informacja: 'Informacja o limitach API', LimitWykorzystany: 998, LimitPrzyznany: 1000 }),
		);
		const { items } = await run('account', { operation: 'getLimit' }, [{}], { creds: withAbonent });
		expect(items[0].json).toMatchObject({ used: 998, granted: 1000, remaining: 2 });
		expect(seen[0].key).toBe('abonent');
	});

	it('Get Accounting Month reads an answer without Kod', async () => {
		mock('get', 'abonent/miesiacksiegowy.json', [
			200,
			{ response: { RokKsiegowy: 2026, MiesiacKsiegowy: 9 } },
		]);
		const { items } = await run('account', { operation: 'getAccountingMonth' }, [{}], {
			creds: withAbonent,
		});
		expect(items[0].json).toEqual({ RokKsiegowy: 2026, MiesiacKsiegowy: 9, month: '2026-09' });
	});

	it('Set Accounting Month to the month of a date steps one PUT at a time, then verifies', async () => {
		let month = 9;
		mock(
			'get',
			'abonent/miesiacksiegowy.json',
			() => [200, { response: { RokKsiegowy: 2026, MiesiacKsiegowy: month } }],
			2,
		);
		mock(
			'put',
			'abonent/miesiacksiegowy.json',
			() => {
				month++;
				return ok({ Informacja: `Zmieniono miesiąc księgowy na ${month}-2026.` });
			},
			2,
		);
		const { items, error } = await run(
			'account',
			{ operation: 'setAccountingMonth', target: 'date', date: '2026-11-15' },
			[{}],
			{ creds: withAbonent },
		);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ month: '2026-11', steps: 2, previous: '2026-09' });
		expect(seen.filter((s) => s.method === 'PUT').map((s) => s.body)).toEqual([
			'{"MiesiacKsiegowy":"NAST","PrzeniesDaneZPoprzedniegoRoku":false}',
			'{"MiesiacKsiegowy":"NAST","PrzeniesDaneZPoprzedniegoRoku":false}',
		]);
	});

	it.each([
		[1, false],
		[1.1, true],
	])(
		"Set Accounting Month, node version %s: carry over defaults to %s (1.1 follows iFirma's module; saved version-1 workflows keep false)",
		async (typeVersion, carryOver) => {
			mock('put', 'abonent/miesiacksiegowy.json', ok());
			mock('get', 'abonent/miesiacksiegowy.json', [
				200,
				{ response: { RokKsiegowy: 2027, MiesiacKsiegowy: 1 } },
			]);
			const { error } = await runNode(
				{
					type: 'iFirma',
					typeVersion,
					parameters: { resource: 'account', operation: 'setAccountingMonth', target: 'next' },
				},
				[{}],
				withAbonent as never,
			);
			expect(error).toBeUndefined();
			expect(body(seen[0])).toEqual({
				MiesiacKsiegowy: 'NAST',
				PrzeniesDaneZPoprzedniegoRoku: carryOver,
			});
		},
	);

	it('Set Accounting Month: previous, and a refusal (Kod 202) is an error', async () => {
		mock('put', 'abonent/miesiacksiegowy.json', ok());
		mock('get', 'abonent/miesiacksiegowy.json', [
			200,
			{ response: { RokKsiegowy: 2026, MiesiacKsiegowy: 8 } },
		]);
		const back = await run(
			'account',
			{ operation: 'setAccountingMonth', target: 'previous', carryOver: true },
			[{}],
			{ creds: withAbonent },
		);
		expect(back.items[0].json).toMatchObject({ month: '2026-08' });
		expect(body(seen[0])).toEqual({
			MiesiacKsiegowy: 'POPRZ',
			PrzeniesDaneZPoprzedniegoRoku: true,
		});
		mock(
			'put',
			'abonent/miesiacksiegowy.json',
			kod(202, 'Brak dostępu do następnego miesiąca księgowego.'),
		);
		mock('get', 'abonent/miesiacksiegowy.json', [
			200,
			{ response: { RokKsiegowy: 2026, MiesiacKsiegowy: 12 } },
		]);
		const refused = await run(
			'account',
			{ operation: 'setAccountingMonth', target: 'next' },
			[{}],
			{ creds: withAbonent },
		);
		expect(refused.error?.description).toContain('Brak dostępu do następnego miesiąca księgowego.');
		expect(refused.error?.message).toContain('The accounting month set in iFirma is 12/2026');
	});

	it('Get EU VAT Rates maps GR to EL and passes the date', async () => {
		mock('get', 'slownik/stawki_vat/EL.json', [
			200,
			{
				response: {
					KodKraju: 'el',
					NazwaKraju: 'Grecja',
					StawkiVat: [{ Rodzaj: 'POD', Wartosc: 24.0 }],
				},
			},
		]);
		const { items } = await run('dictionary', {
			operation: 'getEuVatRates',
			country: 'gr',
			date: '2026-01-01',
		});
		expect(seen[0].query).toEqual({ data: '2026-01-01' });
		expect(items[0].json).toMatchObject({ NazwaKraju: 'Grecja', rates: { POD: 24 } });
	});
});

describe('Secrets and credentials', () => {
	it('no key appears in any error, even when the API echoes it', async () => {
		mock('get', 'abonent/limit.json', [
			500,
			`Internal error for key ${KEYS.abonent} and ${KEYS.faktura}`,
		]);
		const { error } = await run(
			'account',
			{ operation: 'getLimit', requestOptions: { maxRetries: 0 } },
			[{}],
			{ creds: withAbonent },
		);
		const text = JSON.stringify({
			message: error?.message,
			description: error?.description,
			context: error?.context,
		});
		for (const key of Object.values(KEYS)) expect(text).not.toContain(key);
		expect(text).toContain('***');
	});

	it('Kod 403 (bad signature) names the key and says to copy or regenerate it', async () => {
		mock('get', 'faktury.json', kod(403, 'Nieprawidłowy skrót wiadomości.'));
		const { error } = await run('invoice', { operation: 'getMany', dateFrom: '2026-11-01' });
		expect(error?.message).toContain('the "faktura" key in the credential is wrong');
		expect(error?.message).toContain('przegeneruj');
	});

	it('a key that is not hex is refused before sending', async () => {
		const { error } = await run('account', { operation: 'getLimit' }, [{}], {
			creds: { iFirmaApi: { ...withAbonent.iFirmaApi, abonentKey: 'not-hex!' } },
		});
		expect(error?.message).toContain('The "abonent" key of the iFirma credential is not a hex key');
		expect(error?.message).not.toContain('not-hex!');
		expect(seen).toHaveLength(0);
	});
});

describe('Throttle (100 requests a minute per login, counted across runs of this process)', () => {
	it('lets 100 requests through in a minute and makes the 101st wait for the oldest to leave the window', () => {
		const now = 1_000_000;
		const sent = Array.from({ length: 100 }, (_, i) => now - 30_000 + i * 10);
		expect(throttleDelay(sent.slice(1), now)).toBe(0);
		expect(throttleDelay(sent, now)).toBe(30_000);
		expect(throttleDelay(sent, now + 30_000)).toBe(0);
		expect(throttleDelay([...sent, now], now, 100)).toBe(30_010);
	});

	// The real setImmediate lets the work in flight finish while the faked clock stands still (test code, never shipped).
	/* eslint-disable @n8n/community-nodes/no-restricted-globals */
	it("holds the request over the credential's limit until a minute has passed, also in the next run (the clock faked)", async () => {
		jest.useFakeTimers({
			doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'],
			now: new Date('2026-11-20T10:00:00Z'),
		});
		try {
			// Its own base URL: a count of its own, whatever other tests sent.
			const host = 'https://throttle.ifirma.test';
			const creds = {
				iFirmaApi: { ...withAbonent.iFirmaApi, baseUrl: `${host}/iapi`, requestsPerMinute: 3 },
			};
			const times: number[] = [];
			nock(host)
				.persist()
				.get('/iapi/abonent/limit.json')
				.reply(() => {
					times.push(Date.now());
					return [
						200,
						JSON.stringify({ response: { Kod: 0, LimitWykorzystany: 1, LimitPrzyznany: 1000 } }),
					];
				});
			const until = async (done: () => boolean) => {
				for (let i = 0; i < 5000 && !done(); i++)
					await new Promise((resolve) => setImmediate(resolve));
			};
			// Settles a run: the faked clock moves a second at a time, only once the work in flight is done (else a
			// request still in flight would see its own timeout come).
			const settle = async <T>(promise: Promise<T>) => {
				let settled = false;
				void promise.finally(() => (settled = true));
				for (let i = 0; i < 120 && !settled; i++) {
					for (let turn = 0; turn < 300 && !settled; turn++)
						await new Promise((resolve) => setImmediate(resolve));
					if (!settled) await jest.advanceTimersByTimeAsync(1000);
				}
				return await promise;
			};
			const first = run('account', { operation: 'getLimit' }, [{}, {}, {}, {}], { creds });
			await until(() => times.length >= 3);
			await jest.advanceTimersByTimeAsync(59_000);
			expect(times).toHaveLength(3);
			const result = await settle(first);
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(4);
			expect(times[3] - times[0]).toBeGreaterThanOrEqual(60_000);

			// The next run of the same login counts the request the first one sent a moment ago: the count outlives the
			// run, on purpose. Two more fit in the window; the third waits for it.
			const second = run('account', { operation: 'getLimit' }, [{}, {}, {}], { creds });
			await until(() => times.length >= 6);
			await jest.advanceTimersByTimeAsync(50_000);
			expect(times).toHaveLength(6);
			expect((await settle(second)).error).toBeUndefined();
			expect(times).toHaveLength(7);
			expect(times[6] - times[3]).toBeGreaterThanOrEqual(60_000);
		} finally {
			jest.useRealTimers();
			nock.cleanAll();
		}
	});
	/* eslint-enable @n8n/community-nodes/no-restricted-globals */
});

describe('issue 16: headers, missing operations', () => {
	it('every request names its content type: JSON for reads and writes, PDF for prints', async () => {
		mock('get', 'fakturakraj/5.json', [200, { response: { PelnyNumer: '5/11/2026' } }]);
		mock('get', 'fakturakraj/5.pdf', [
			200,
			Buffer.from('%PDF-1.4 x\n%%EOF\n'),
			{ 'Content-Type': 'application/pdf' },
		]);
		mock('get', 'kontrahenci/FIRMA.json', ok({ Wynik: [] }));
		await run('invoice', { operation: 'get', documentRef: '5' });
		await run('invoice', { operation: 'downloadPdf', documentRef: '5' });
		await run('contractor', { operation: 'search', phrase: 'FIRMA' });
		expect(seen.map((s) => s.headers['content-type'])).toEqual([
			'application/json; charset=UTF-8',
			'application/pdf; charset=UTF-8',
			'application/json; charset=UTF-8',
		]);
	});

	it.each([
		['an empty list', ok({ Wynik: [] })],
		['Wynik null', ok({ Wynik: null })],
		['no Wynik', ok({ Informacja: 'Brak faktur' })],
	])('Get Many: %s is an empty page, no error', async (_, reply) => {
		mock('get', 'faktury.json', reply as Reply);
		const { items, error } = await run('invoice', {
			operation: 'getMany',
			dateFrom: '2026-11-01',
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});

	it('Get Many: a server that repeats page 1 for every page is an error, not an endless loop', async () => {
		mock('get', 'faktury.json', ok({ Wynik: [{ FakturaId: 1 }] }), 2);
		const { error } = await run('invoice', {
			operation: 'getMany',
			dateFrom: '2026-11-01',
			returnAll: true,
		});
		expect(error?.message).toContain('page 2 of the list the same as page 1');
	});

	it('Add Additional Entity posts podmiotdodatkowy.json with the contractor in the query (faktura key)', async () => {
		mock('post', 'podmiotdodatkowy.json', ok({ Informacja: 'Dodano' }));
		const { items, error } = await run('contractor', {
			operation: 'addEntity',
			contractorId: 'FIRMA',
			role: 'INNA',
			roleName: 'Płatnik',
			entityName: 'Holding',
			additionalFields: { NIP: '521-360-91-82', CzyDomyslny: false, PrefiksUE: 'pl' },
		});
		expect(error).toBeUndefined();
		expect(seen[0]).toMatchObject({ key: 'faktura', query: { kontrahentIdentyfikator: 'FIRMA' } });
		expect(body(seen[0])).toEqual({
			Rola: 'INNA',
			Nazwa: 'Holding',
			NazwaRoli: 'Płatnik',
			CzyDomyslny: false,
			PrefiksUE: 'PL',
			NIP: '5213609182',
		});
		expect(items[0].json).toMatchObject({ contractor: 'FIRMA', Informacja: 'Dodano' });
		const noName = await run('contractor', {
			operation: 'addEntity',
			contractorId: 'FIRMA',
			role: 'INNA',
			roleName: '={{ "" }}',
			entityName: 'Holding',
		});
		expect(noName.error?.message).toContain('Role Name: is required');
	});

	it('Download XML: GET <slug>/<ref>.xml as a binary XML item; a JSON refusal is the Kod error', async () => {
		mock('get', 'fakturawdt/3_11_2026.xml', [
			200,
			'<?xml version="1.0"?><Faktura/>',
			{ 'Content-Type': 'application/xml' },
		]);
		const { items, error } = await run('invoice', {
			operation: 'downloadXml',
			invoiceKind: 'wdt',
			documentRef: '3/11/2026',
		});
		expect(error).toBeUndefined();
		expect(seen[0].headers.accept).toBe('application/xml');
		expect(items[0].binary?.data.mimeType).toBe('application/xml');
		expect(items[0].json).toMatchObject({ fileName: 'fakturawdt-3_11_2026.xml' });
		mock('get', 'fakturakraj/9.xml', kod(500, 'Faktura/rachunek nie istnieje.'));
		const missing = await run('invoice', { operation: 'downloadXml', documentRef: '9' });
		expect(missing.error?.description).toContain('nie istnieje');
	});

	it('Proforma Send by Post: wyslijPoczta=true on the proforma path', async () => {
		mock('post', 'fakturaproformakraj/send/4.json', ok());
		const { error } = await run('proforma', {
			operation: 'sendByPost',
			documentRef: '4',
			text: 'Proszę o wpłatę',
		});
		expect(error).toBeUndefined();
		expect(seen[0].query).toEqual({ wyslijPoczta: 'true' });
		expect(body(seen[0])).toEqual({ Tekst: 'Proszę o wpłatę' });
	});

	it('Send to KSeF: the kinds issued in the web application have their own paths', async () => {
		const kinds: Array<[string, string]> = [
			['advance', 'fakturazaliczka'],
			['final', 'fakturakoncowa'],
			['advanceCurrency', 'fakturazaliczkowawaluta'],
			['finalCurrency', 'fakturakoncowawaluta'],
			['construction', 'fakturabudowa'],
			['equipment', 'fakturawyposazenie'],
			['fixedAsset', 'fakturasrodektrwaly'],
			['specialObligation', 'fakturaszczegolnyobowiazek'],
		];
		for (const [invoiceKind, slug] of kinds) {
			mock('post', `${slug}/ksef/send/7.json`, ok());
			expect(
				(await run('invoice', { operation: 'sendToKsef', invoiceKind, documentRef: '7' })).error,
			).toBeUndefined();
		}
		expect(seen.map((s) => s.path)).toEqual(kinds.map(([, slug]) => `${slug}/ksef/send/7.json`));
	});

	it('Register Payment: documented codes of web-only kinds, and a typed code for OSS / IOSS', async () => {
		mock('post', 'faktury/wplaty/prz_faktura_odwr_obciaz_budowa/2_11_2026.json', ok());
		mock('post', 'faktury/wplaty/prz_faktura_ioss/3_11_2026.json', ok());
		await run('invoice', {
			operation: 'registerPayment',
			invoiceKind: 'reverseChargeConstruction',
			documentRef: '2/11/2026',
			amount: 10,
		});
		await run('invoice', {
			operation: 'registerPayment',
			invoiceKind: 'otherCode',
			paymentCode: 'prz_faktura_ioss',
			documentRef: '3/11/2026',
			amount: 10,
		});
		expect(seen.map((s) => s.path)).toEqual([
			'faktury/wplaty/prz_faktura_odwr_obciaz_budowa/2_11_2026.json',
			'faktury/wplaty/prz_faktura_ioss/3_11_2026.json',
		]);
		const bad = await run('invoice', {
			operation: 'registerPayment',
			invoiceKind: 'otherCode',
			paymentCode: 'OSS',
			documentRef: '3/11/2026',
			amount: 10,
		});
		expect(bad.error?.message).toContain(
			'Document Type Code: must be a document type code like prz_faktura_kraj',
		);
	});

	it('Expense: the KSeF marking is BFK without a number, NUMER with one, on VAT-invoice kinds only', async () => {
		mock('post', 'zakuptowaruvat.json', ok(), 2);
		mock('post', 'kosztdzialalnosci.json', ok());
		const base = {
			operation: 'create',
			documentNumber: 'FV/1',
			expenseName: 'Towar',
			contractorId: 'K',
			net23: 10,
			issueDate: '2026-11-10',
			expenseKind: 'goods',
		};
		await run('expense', base);
		await run('expense', {
			...base,
			additionalFields: { ksefNumber: '5213609182-20261110-0123456789AB-CD' },
		});
		await run('expense', { ...base, expenseKind: 'costOther', amount: 5 });
		expect(seen.map((s) => [body(s).OznaczenieKSeF, body(s).NumerKSeF])).toEqual([
			['BFK', undefined],
			['NUMER', '5213609182-20261110-0123456789AB-CD'],
			[undefined, undefined],
		]);
		const numberMissing = await run('expense', {
			...base,
			additionalFields: { ksefMarking: 'NUMER' },
		});
		expect(numberMissing.error?.message).toContain('KSeF Number: is required');
	});

	it('Bill: the accounting month is checked on the issue date, not the sale date', async () => {
		mock(
			'get',
			'abonent/miesiacksiegowy.json',
			[200, { response: { RokKsiegowy: 2026, MiesiacKsiegowy: 11 } }],
			2,
		);
		mock('post', 'rachunekkraj.json', ok({ Identyfikator: 6 }));
		const { error } = await run(
			'bill',
			{
				operation: 'create',
				contractorId: 'K',
				issueDate: '2026-11-02',
				saleDate: '2026-10-28',
				lines: { line: [{ name: 'Usługa', quantity: 1, unitPrice: 100 }] },
				returnDocument: false,
			},
			[{}],
			{ creds: withAbonent },
		);
		expect(error).toBeUndefined();
		const late = await run(
			'bill',
			{
				operation: 'create',
				contractorId: 'K',
				issueDate: '2026-12-01',
				lines: { line: [{ name: 'Usługa', quantity: 1, unitPrice: 100 }] },
			},
			[{}],
			{ creds: withAbonent },
		);
		expect(late.error?.message).toContain('Issue Date: 2026-12-01 is outside the accounting month');
	});

	it('a 500 says the API needs a super-account user', async () => {
		mock('get', 'kontrahenci/id/X.json', kod(500, 'Brak uprawnień do zasobu.'));
		const { error } = await run('contractor', { operation: 'get', contractorId: 'X' });
		expect(error?.message).toContain('super-account');
	});
});

describe('errors carry a machine-readable kind (read by decisions, never the wording)', () => {
	it.each([
		[100, 'Problem techniczny', 'serverError'],
		[201, 'Nieprawidłowa data sprzedaży', 'rejectedByApi'],
		[202, 'Brak dostępu do następnego miesiąca księgowego.', 'rejectedByApi'],
		[202, 'Przekroczono miesięczny limit dokumentów wystawianych przez API.', 'quotaSpent'],
		[403, 'Nieprawidłowy skrót wiadomości.', 'credentialRefused'],
		[500, 'Faktura/rachunek nie istnieje.', 'notFound'],
	])('Kod %i ("%s") is %s', async (code, informacja, kind) => {
		mock('get', 'fakturakraj/5.json', kod(code, informacja));
		const { error } = await run('invoice', { operation: 'get', documentRef: '5' });
		expect(error?.context?.errorKind).toBe(kind);
	});

	it('an answer without the envelope is unreadableAnswer', async () => {
		mock('get', 'fakturakraj/5.json', [200, { Kod: 0 }]);
		const { error } = await run('invoice', { operation: 'get', documentRef: '5' });
		expect(error?.context?.errorKind).toBe('unreadableAnswer');
	});
});

describe('no TypeError, whatever is mapped in', () => {
	it('random data in the line items, contractor and amounts ends in a clear error or a valid request', async () => {
		let sent: unknown[] = [];
		nock(HOST)
			.persist()
			.post('/iapi/fakturakraj.json')
			.reply((_, requestBody) => {
				sent.push(typeof requestBody === 'string' ? JSON.parse(requestBody) : requestBody);
				return [200, JSON.stringify({ response: { Kod: 0, Identyfikator: 1 } })];
			});
		let accepted = 0;
		await fc.assert(
			fc.asyncProperty(
				fc.anything(),
				fc.anything(),
				fc.anything(),
				async (lines, contractor, paid) => {
					sent = [];
					const { error } = await run(
						'invoice',
						invoice({
							linesMode: 'json',
							linesJson: '={{ $json.lines }}',
							contractorId: '={{ $json.contractor }}',
							additionalFields: { paid: '={{ $json.paid }}' },
						}),
						[{ lines, contractor, paid }],
					);
					if (error) {
						expect(['NodeOperationError', 'NodeApiError', 'ExpressionError']).toContain(error.name);
						expect(error.message).not.toMatch(/Cannot read|is not a function|undefined \(reading/);
						expect(sent).toEqual([]);
						return;
					}
					// No error: exactly one request, and it is a domestic invoice iFirma's table accepts.
					accepted++;
					expect(sent).toHaveLength(1);
					const request = sent[0] as Record<string, unknown>;
					expect(typeof request.IdentyfikatorKontrahenta).toBe('string');
					expect((request.IdentyfikatorKontrahenta as string).length).toBeGreaterThan(0);
					expect((request.IdentyfikatorKontrahenta as string).length).toBeLessThanOrEqual(15);
					expect(typeof request.Zaplacono === 'number' && request.Zaplacono >= 0).toBe(true);
					expect(Array.isArray(request.Pozycje) && request.Pozycje.length > 0).toBe(true);
					for (const line of request.Pozycje as Array<Record<string, unknown>>) {
						expect(
							typeof line.NazwaPelna === 'string' &&
								line.NazwaPelna.length > 0 &&
								line.NazwaPelna.length <= 300,
						).toBe(true);
						expect(typeof line.Ilosc === 'number' && line.Ilosc > 0).toBe(true);
						expect(
							typeof line.CenaJednostkowa === 'number' &&
								Number.isFinite(line.CenaJednostkowa) &&
								line.CenaJednostkowa >= 0,
						).toBe(true);
						if (line.TypStawkiVat === 'ZW') expect(line.StawkaVat).toBeNull();
						else
							expect({
								kind: line.TypStawkiVat,
								rate:
									typeof line.StawkaVat === 'number' && line.StawkaVat >= 0 && line.StawkaVat < 1,
							}).toEqual({ kind: 'PRC', rate: true });
					}
				},
			),
			// Random data is mostly refused: valid examples make sure the checks of a sent request run too.
			{
				numRuns: 60,
				examples: [
					[[{ name: 'A', unitPrice: 1, vatRate: 23 }], 'KLIENT1', 0],
					[
						{
							NazwaPelna: 'B',
							Ilosc: 2,
							CenaJednostkowa: 3,
							StawkaVat: null,
							TypStawkiVat: 'ZW',
							PodstawaPrawna: 'Art. 43',
						},
						'K',
						'1,5',
					],
				],
			},
		);
		expect(accepted).toBeGreaterThanOrEqual(2);
	}, 60_000);
});
