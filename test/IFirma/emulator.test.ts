/**
 * The iFirma node against the iFirma emulator (real HTTP on 127.0.0.1, HMAC verified per key): whole
 * flows, the server's rules (accounting month, limit, PUT erasing omitted fields) and faults on real
 * sockets (dropped answers, HTML pages, HTTP-status errors).
 */
import { IFirmaEmulator, WEB_ONLY_KINDS, type StoredDocument } from '../emulators/ifirma';
import { runNode } from '../harness';

let emulator: IFirmaEmulator;

// Each test's emulator listens on its own port: the node's per-process throttle (keyed by login and base URL)
// starts empty for it, without reaching into the node's internals.
beforeEach(async () => {
	emulator = new IFirmaEmulator({
		today: () => '2026-11-22',
		accountingMonth: { year: 2026, month: 11 },
	});
	await emulator.start();
});
afterEach(async () => emulator.stop());

function credentials(overrides: Record<string, string> = {}) {
	const keys = emulator.keys;
	return {
		iFirmaApi: {
			login: emulator.login,
			fakturaKey: keys.faktura ?? '',
			rachunekKey: keys.rachunek ?? '',
			abonentKey: keys.abonent ?? '',
			wydatekKey: keys.wydatek ?? '',
			baseUrl: emulator.apiUrl,
			...overrides,
		},
	};
}

function run(
	resource: string,
	parameters: Record<string, unknown>,
	items: object[] = [{}],
	options: { creds?: Record<string, string>; onError?: 'continueRegularOutput' } = {},
) {
	return runNode(
		{ type: 'iFirma', parameters: { resource, ...parameters }, onError: options.onError },
		items as never,
		credentials(options.creds) as never,
	);
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const LINE = {
	name: 'Wdrożenie systemu',
	quantity: 1,
	unit: 'usł.',
	unitPrice: 1000,
	vatRate: '23',
};
const FOREIGN_LINE = { ...LINE, foreignName: 'System implementation', foreignUnit: 'service' };
const newInvoice = (parameters: Record<string, unknown> = {}) =>
	run('invoice', {
		operation: 'create',
		invoiceType: 'domestic',
		contractorMode: 'id',
		contractorId: 'ACME',
		issueDate: '2026-11-20',
		saleDate: '2026-11-20',
		lines: { line: [LINE] },
		...parameters,
	});

async function seedContractor() {
	const created = await run('contractor', {
		operation: 'create',
		name: 'Acme Sp. z o.o.',
		postCode: '00-001',
		city: 'Warszawa',
		additionalFields: {
			Identyfikator: 'ACME',
			NIP: '5213609182',
			Email: 'faktury@acme.pl',
			Ulica: 'Prosta 1',
			Telefon: '221234567',
		},
	});
	expect(created.error).toBeUndefined();
	return created.items[0].json;
}

it('contractor: create → search → update keeps untouched fields → get; upsert by NIP updates instead of duplicating', async () => {
	const created = await seedContractor();
	expect(created).toMatchObject({
		Identyfikator: 'ACME',
		Nazwa: 'Acme Sp. z o.o.',
		NIP: '5213609182',
	});

	const found = await run('contractor', { operation: 'search', phrase: 'Acme Sp' });
	expect(found.items.map((item) => item.json.Identyfikator)).toEqual(['ACME']);
	const none = await run('contractor', { operation: 'search', phrase: 'Nikt Taki' });
	expect(none.error).toBeUndefined();
	expect(none.items).toEqual([]);

	const updated = await run('contractor', {
		operation: 'update',
		contractorId: 'ACME',
		updateFields: { Ulica: 'Krzywa 2' },
	});
	expect(updated.error).toBeUndefined();
	// The emulator replaces the whole record on PUT, as iFirma does: the other fields must have been sent back.
	expect(emulator.contractors.get('ACME')).toMatchObject({
		Ulica: 'Krzywa 2',
		Email: 'faktury@acme.pl',
		Telefon: '221234567',
		NIP: '5213609182',
	});

	const got = await run('contractor', { operation: 'get', contractorId: 'ACME' });
	expect(got.items[0].json).toMatchObject({ Ulica: 'Krzywa 2', Telefon: '221234567' });

	const upsert = await run('contractor', {
		operation: 'upsert',
		nip: '521-360-91-82',
		name: 'Acme S.A.',
		postCode: '00-001',
		city: 'Warszawa',
	});
	expect(upsert.items[0].json).toMatchObject({ action: 'updated', Identyfikator: 'ACME' });
	const again = await run('contractor', {
		operation: 'upsert',
		nip: '7770000005',
		name: 'Nowy Klient',
		postCode: '30-001',
		city: 'Kraków',
	});
	expect(again.items[0].json).toMatchObject({ action: 'created', Nazwa: 'Nowy Klient' });
	const twice = await run('contractor', {
		operation: 'upsert',
		nip: '7770000005',
		name: 'Nowy Klient',
		postCode: '30-001',
		city: 'Kraków',
	});
	expect(twice.items[0].json.action).toBe('updated');
	expect(emulator.contractors.size).toBe(2);
	expect(emulator.contractors.get('ACME')).toMatchObject({
		Nazwa: 'Acme S.A.',
		Telefon: '221234567',
		Ulica: 'Krzywa 2',
	});
});

it('invoice: create → get → PDF → send by e-mail → payment → listed as paid', async () => {
	await seedContractor();
	const created = await newInvoice();
	expect(created.error).toBeUndefined();
	const invoice = created.items[0].json;
	expect(invoice).toMatchObject({
		Identyfikator: expect.any(Number),
		PelnyNumer: '1/11/2026',
		Brutto: 1230,
	});

	const got = await run('invoice', { operation: 'get', documentRef: '1/11/2026' });
	expect(got.items[0].json.Identyfikator).toBe(invoice.Identyfikator);

	const pdf = await run('invoice', {
		operation: 'downloadPdf',
		documentRef: String(invoice.Identyfikator),
		variant: 'oryg',
	});
	expect(pdf.error).toBeUndefined();
	const binary = pdf.items[0].binary!.data;
	expect(binary.mimeType).toBe('application/pdf');
	expect(Buffer.from(binary.data, 'base64').subarray(0, 8).toString()).toBe('%PDF-1.4');
	expect(binary.fileName).toBe(`fakturakraj-${String(invoice.Identyfikator)}-oryg.pdf`);

	const sent = await run('invoice', {
		operation: 'sendByEmail',
		documentRef: '1/11/2026',
		emailOptions: { text: 'Dziękujemy za zamówienie' },
	});
	expect(sent.error).toBeUndefined();
	const stored = emulator.documents.get(invoice.Identyfikator as number)!;
	expect(stored.sent).toEqual([expect.objectContaining({ email: true, to: 'faktury@acme.pl' })]);

	const unpaid = await run('invoice', {
		operation: 'getMany',
		dateFrom: '2026-11-01',
		returnAll: true,
		filters: { status: ['nieoplacone'] },
	});
	expect(unpaid.items.map((item) => item.json.PelnyNumer)).toEqual(['1/11/2026']);

	const paid = await run('invoice', {
		operation: 'registerPayment',
		documentRef: '1/11/2026',
		amount: 1230,
		paymentDate: '2026-11-22',
	});
	expect(paid.error).toBeUndefined();
	const list = await run('invoice', {
		operation: 'getMany',
		dateFrom: '2026-11-01',
		returnAll: true,
		filters: { status: ['oplacone'] },
	});
	expect(list.items.map((item) => item.json)).toEqual([
		expect.objectContaining({ PelnyNumer: '1/11/2026', Zaplacono: 1230, CzyWyslano: true }),
	]);
});

it('every invoice type is accepted by the emulator with the fields the node sends', async () => {
	await seedContractor();
	const types: Array<[string, Record<string, unknown>]> = [
		['domesticNonVat', { legalBasis: 'Art. 113 ust. 1' }],
		['mailOrder', {}],
		['receipt', {}],
		['currency', { currency: 'EUR' }],
		['cashMethod', {}],
		['wdt', { lines: { line: [{ ...FOREIGN_LINE, vatRate: '0' }] } }],
		['exportGoods', { lines: { line: [{ ...FOREIGN_LINE, vatRate: '0' }] } }],
		[
			'euServices',
			{ serviceName: 'Consulting', lines: { line: [{ ...FOREIGN_LINE, vatRate: '0' }] } },
		],
		['servicesOutside', { serviceName: 'Hosting', lines: { line: [FOREIGN_LINE] } }],
		[
			'oss',
			{
				deliveryCountry: 'DE',
				lines: { line: [{ ...FOREIGN_LINE, vatRate: 'other', customVatRate: 19 }] },
			},
		],
		[
			'ioss',
			{
				deliveryCountry: 'FR',
				lines: { line: [{ ...FOREIGN_LINE, vatRate: 'other', customVatRate: 20 }] },
			},
		],
	];
	for (const [invoiceType, extra] of types) {
		const { error, items } = await newInvoice({ invoiceType, ...extra });
		expect({ invoiceType, error: error?.description }).toEqual({ invoiceType, error: undefined });
		expect(items[0].json.PelnyNumer).toMatch(/^1\/11\/2026$/);
	}
	const oss = [...emulator.documents.values()].find((d) => d.slug === 'fakturaoss')!;
	expect(oss.gross).toBe(1190);
});

it('the other invoice actions: correction, post, KSeF; Get Many pages through more than one page', async () => {
	await seedContractor();
	await newInvoice({ lines: { line: [LINE, { ...LINE, name: 'Szkolenie', unitPrice: 500 }] } });
	const correction = await run('invoice', {
		operation: 'createCorrection',
		documentRef: '1/11/2026',
		reason: 'POMYLKI',
		issueDate: '2026-11-21',
		lines: {
			line: [
				{ ...LINE, quantity: 0 },
				{ ...LINE, name: 'Szkolenie', unitPrice: 400 },
			],
		},
	});
	expect(correction.error).toBeUndefined();
	expect(correction.items[0].json.PelnyNumer).toBe('KOR 2/11/2026');
	const ksefCorrection = await run('invoice', {
		operation: 'sendToKsef',
		invoiceKind: 'correction',
		documentRef: 'KOR 2/11/2026',
	});
	expect(ksefCorrection.error).toBeUndefined();
	expect(emulator.find('fakturakraj', 'KOR 2_11_2026')?.ksef).toBe('WYSLANA');

	expect(
		(await run('invoice', { operation: 'sendByPost', documentRef: '1/11/2026' })).error,
	).toBeUndefined();
	expect(
		(await run('invoice', { operation: 'sendToKsef', documentRef: '1/11/2026' })).error,
	).toBeUndefined();
	const first = [...emulator.documents.values()][0];
	expect(first.sent[0]).toMatchObject({ post: true, email: false });
	expect(first.ksef).toBe('WYSLANA');

	// Seeded directly: 130 creates through the node would (rightly) wait for the 100-a-minute throttle.
	const template = [...emulator.documents.values()][0];
	for (let i = 0; i < 130; i++) {
		const id = 9_000_000 + i;
		emulator.documents.set(id, {
			...template,
			id,
			number: `${i + 10}/11/2026`,
			gross: round2((i + 1) * 1.23),
			paid: 0,
			sent: [],
			payments: [],
			ksef: undefined,
		});
	}
	const all = await run('invoice', {
		operation: 'getMany',
		dateFrom: '2026-11-01',
		returnAll: true,
	});
	expect(all.items).toHaveLength(132);
	expect(new Set(all.items.map((item) => item.json.FakturaId)).size).toBe(132);
	// A full page, a short one, then the empty page that ends the list (a short page does not: §5.5).
	expect(emulator.requestsTo(/faktury\.json$/)).toHaveLength(3);
	const cheap = await run('invoice', {
		operation: 'getMany',
		dateFrom: '2026-11-01',
		returnAll: true,
		filters: { amountTo: 12.3 },
	});
	expect(cheap.items).toHaveLength(10);
});

it('proforma: create → get many → PDF → e-mail → convert to invoice (once)', async () => {
	await seedContractor();
	const proforma = await run('proforma', {
		operation: 'create',
		contractorId: 'ACME',
		issueDate: '2026-11-20',
		lines: { line: [LINE] },
	});
	expect(proforma.error).toBeUndefined();
	expect(proforma.items[0].json.PelnyNumer).toBe('PRO 1/11/2026');
	const got = await run('proforma', { operation: 'get', documentRef: 'PRO 1/11/2026' });
	expect(got.items[0].json).toMatchObject({
		PelnyNumer: 'PRO 1/11/2026',
		TypFakturyKrajowej: 'SPRZ',
	});
	const listed = await run('proforma', {
		operation: 'getMany',
		dateFrom: '2026-11-01',
		returnAll: true,
	});
	expect(listed.items).toHaveLength(1);
	const invoices = await run('invoice', {
		operation: 'getMany',
		dateFrom: '2026-11-01',
		returnAll: true,
	});
	expect(invoices.items).toHaveLength(0);
	const pdf = await run('proforma', { operation: 'downloadPdf', documentRef: 'PRO 1/11/2026' });
	expect(pdf.items[0].binary?.data.mimeType).toBe('application/pdf');
	expect(
		(await run('proforma', { operation: 'sendByEmail', documentRef: 'PRO 1/11/2026' })).error,
	).toBeUndefined();
	const converted = await run('proforma', {
		operation: 'convertToInvoice',
		documentRef: 'PRO 1/11/2026',
	});
	expect(converted.items[0].json).toMatchObject({
		PelnyNumer: '1/11/2026',
		Brutto: 1230,
		proforma: 'PRO 1/11/2026',
	});
	const twice = await run('proforma', {
		operation: 'convertToInvoice',
		documentRef: 'PRO 1/11/2026',
	});
	expect(twice.error?.description).toContain('już zamieniona');
	const exportProforma = await run('proforma', {
		operation: 'create',
		proformaType: 'export',
		contractorId: 'ACME',
		issueDate: '2026-11-20',
		lines: { line: [{ ...LINE, vatRate: '0' }] },
		returnDocument: false,
	});
	expect(exportProforma.error).toBeUndefined();
});

it('bill: create (rachunek key) → get → PDF → e-mail; payment through faktury/wplaty', async () => {
	await seedContractor();
	const bill = await run('bill', {
		operation: 'create',
		contractorId: 'ACME',
		issueDate: '2026-11-20',
		lines: { line: [{ name: 'Korepetycje', quantity: 2, unitPrice: 80 }] },
	});
	expect(bill.error).toBeUndefined();
	expect(bill.items[0].json).toMatchObject({ PelnyNumer: 'R 1/11/2026', Brutto: 160 });
	expect(
		(await run('bill', { operation: 'get', documentRef: 'R 1/11/2026' })).items[0].json.Brutto,
	).toBe(160);
	expect(
		(await run('bill', { operation: 'downloadPdf', documentRef: 'R 1/11/2026' })).items[0].binary
			?.data.mimeType,
	).toBe('application/pdf');
	expect(
		(await run('bill', { operation: 'sendByEmail', documentRef: 'R 1/11/2026' })).error,
	).toBeUndefined();
	const paid = await run('invoice', {
		operation: 'registerPayment',
		invoiceKind: 'bill',
		documentRef: 'R 1/11/2026',
		amount: 160,
	});
	expect(paid.error).toBeUndefined();
	expect([...emulator.documents.values()][0].paid).toBe(160);
});

it('expenses of every kind, dictionary, account', async () => {
	await seedContractor();
	for (const expenseKind of ['goods', 'costVat', 'phone']) {
		const { error } = await run('expense', {
			operation: 'create',
			expenseKind,
			documentNumber: `FV/${expenseKind}`,
			issueDate: '2026-11-05',
			expenseName: 'Zakup',
			contractorId: 'ACME',
			net23: 100,
		});
		expect(error).toBeUndefined();
	}
	const other = await run('expense', {
		operation: 'create',
		expenseKind: 'costOther',
		documentKind: 'PAR',
		documentNumber: 'P/1',
		issueDate: '2026-11-05',
		expenseName: 'Taxi',
		contractorMode: 'nip',
		contractorNip: '5213609182',
		amount: 45.5,
	});
	expect(other.error).toBeUndefined();
	expect(emulator.expenses.map((e) => e.slug)).toEqual([
		'zakuptowaruvat',
		'kosztdzialalnoscivat',
		'oplatatelefon',
		'kosztdzialalnosci',
	]);
	expect(emulator.expenses[0]).toMatchObject({ KwotaVat23: 23 });

	const rates = await run('dictionary', { operation: 'getEuVatRates', country: 'LT' });
	expect(rates.items[0].json).toMatchObject({
		NazwaKraju: 'Litwa',
		rates: { POD: 21, PR1: 9, PR2: 5 },
	});

	const month = await run('account', { operation: 'getAccountingMonth' });
	expect(month.items[0].json.month).toBe('2026-11');
	const limit = await run('account', { operation: 'getLimit' });
	expect(limit.items[0].json).toMatchObject({ used: 0, granted: 1000, remaining: 1000 });
});

it('accounting month: a date outside it is refused with the month named; moving to the date fixes it', async () => {
	await seedContractor();
	emulator.accountingMonth = { year: 2026, month: 9 };
	// With the Subscriber key the node knows the month and stops before sending.
	const stopped = await newInvoice();
	expect(stopped.error?.name).toBe('NodeOperationError');
	expect(stopped.error?.message).toContain(
		'Sale Date: 2026-11-20 is outside the accounting month set in iFirma (09/2026)',
	);
	expect(emulator.requestsTo(/fakturakraj\.json$/)).toHaveLength(0);
	// Without the check, iFirma's own refusal says the same.
	const refused = await newInvoice({ additionalFields: { checkAccountingMonth: false } });
	expect(refused.error?.name).toBe('NodeApiError');
	expect(refused.error?.message).toContain('The accounting month set in iFirma is 09/2026');
	expect(refused.error?.description).toContain('poza ustawionym miesiącem księgowym');
	expect(emulator.documents.size).toBe(0);

	const moved = await run('account', {
		operation: 'setAccountingMonth',
		target: 'date',
		date: '2026-11-20',
	});
	expect(moved.items[0].json).toMatchObject({ month: '2026-11', steps: 2 });
	expect(emulator.requestsTo(/miesiacksiegowy/).filter((r) => r.method === 'PUT')).toHaveLength(2);
	expect((await newInvoice()).error).toBeUndefined();

	const next = await run('account', { operation: 'setAccountingMonth', target: 'next' });
	expect(next.items[0].json.month).toBe('2026-12');
	const tooFar = await run('account', { operation: 'setAccountingMonth', target: 'next' });
	expect(tooFar.error?.description).toContain('Brak dostępu do następnego miesiąca księgowego.');
});

it('limit reached: creates are refused with advice on extended access; Get API Limit shows none left', async () => {
	await seedContractor();
	emulator.limit = { used: 1000, granted: 1000 };
	const { error } = await newInvoice();
	expect(error?.message).toContain('API limit of the account seems to be used up');
	expect(error?.message).toContain('Limity API');
	expect(emulator.documents.size).toBe(0);
	const limit = await run('account', { operation: 'getLimit' });
	expect(limit.items[0].json).toMatchObject({ used: 1000, granted: 1000, remaining: 0 });
});

it('wrong key → Kod 403 naming the key; a key never generated in iFirma → Kod 402; wrong login → Kod 401; no secret in errors', async () => {
	const wrong = 'AAAAAAAAAAAAAAAA';
	const bad = await run('invoice', { operation: 'getMany', dateFrom: '2026-11-01' }, [{}], {
		creds: { fakturaKey: wrong },
	});
	expect(bad.error?.message).toContain('Kod 403');
	expect(bad.error?.message).toContain('the "faktura" key in the credential is wrong');
	expect(JSON.stringify([bad.error?.message, bad.error?.description])).not.toContain(wrong);

	await emulator.stop();
	emulator = new IFirmaEmulator({
		today: () => '2026-11-22',
		accountingMonth: { year: 2026, month: 11 },
		keys: { faktura: 'EAB0D8ACF3308F3B' },
	});
	await emulator.start();
	const notGenerated = await run('account', { operation: 'getLimit' }, [{}], {
		creds: { abonentKey: new IFirmaEmulator().keys.abonent! },
	});
	expect(notGenerated.error?.message).toContain('Kod 402');
	expect(notGenerated.error?.message).toContain('The "abonent" key has not been generated');

	const login = await run('invoice', { operation: 'getMany', dateFrom: '2026-11-01' }, [{}], {
		creds: { login: 'ktos@inny.pl' },
	});
	expect(login.error?.message).toContain('Kod 401');
	expect(login.error?.description).toContain('Niepoprawna nazwa użytkownika.');
});

it('a create whose answer is lost is not sent again: one invoice, an error that says to check', async () => {
	await seedContractor();
	emulator.injectFault(
		{ kind: 'reset' },
		{ pathPattern: /fakturakraj\.json$/, processFirst: true },
	);
	const { error } = await newInvoice();
	expect(error?.description).toContain('may have been created');
	expect(emulator.requestsTo(/fakturakraj\.json$/)).toHaveLength(1);
	expect(emulator.documents.size).toBe(1);
});

it('reads are retried after a dropped connection; an HTML page is a clear error', async () => {
	await seedContractor();
	emulator.injectFault({ kind: 'reset' }, { pathPattern: /faktury\.json$/ });
	const listed = await run('invoice', {
		operation: 'getMany',
		dateFrom: '2026-11-01',
		returnAll: true,
	});
	expect(listed.error).toBeUndefined();
	expect(emulator.requestsTo(/faktury\.json$/)).toHaveLength(2);

	emulator.injectFault({ kind: 'html' }, { pathPattern: /limit\.json$/, times: 5 });
	const html = await run('account', { operation: 'getLimit' });
	expect(html.error?.message).toBe('The API answered with something that is not JSON');
	expect(html.error?.description).toContain('Bad Gateway');
});

it('an error envelope sent with an HTTP error status still shows Kod and Informacja', async () => {
	await emulator.stop();
	emulator = new IFirmaEmulator({
		today: () => '2026-11-22',
		accountingMonth: { year: 2026, month: 11 },
		errorStatus: 400,
	});
	await emulator.start();
	const { error } = await run('contractor', { operation: 'get', contractorId: 'BRAK' });
	expect(error?.message).toContain('HTTP 400');
	expect(error?.description).toContain('Kod 500: Kontrahent nie istnieje.');
});

it("iFirma's date rules come back as its own Polish message: issue after the 15th of the next month, or before the previous invoice", async () => {
	await seedContractor();
	emulator.accountingMonth = { year: 2026, month: 10 };
	const late = await newInvoice({
		saleDate: '2026-10-10',
		issueDate: '2026-11-16',
		additionalFields: { checkAccountingMonth: false },
	});
	expect(late.error?.name).toBe('NodeApiError');
	expect(late.error?.description).toContain('15. dzień miesiąca');
	emulator.accountingMonth = { year: 2026, month: 11 };
	expect(
		(await newInvoice({ saleDate: '2026-11-20', issueDate: '2026-11-20' })).error,
	).toBeUndefined();
	const earlier = await newInvoice({ saleDate: '2026-11-18', issueDate: '2026-11-19' });
	expect(earlier.error?.message).toContain('Kod 201');
	expect(earlier.error?.description).toContain(
		'wcześniejsza niż data poprzedniej faktury (2026-11-20)',
	);
	expect(emulator.documents.size).toBe(1);
});

it('the sandbox (demoData) has a contractor DEMO to issue invoices to', async () => {
	await emulator.stop();
	emulator = new IFirmaEmulator({
		demoData: true,
		today: () => '2026-11-22',
		accountingMonth: { year: 2026, month: 11 },
	});
	await emulator.start();
	const found = await run('contractor', { operation: 'search', phrase: '9510000009' });
	expect(found.items.map((item) => item.json.Identyfikator)).toEqual(['DEMO']);
	const invoice = await newInvoice({ contractorId: 'DEMO' });
	expect(invoice.items[0].json).toMatchObject({
		PelnyNumer: '1/11/2026',
		IdentyfikatorKontrahenta: 'DEMO',
	});
});

it('the emulator verifies signatures exactly as the published vectors (independent of the node)', async () => {
	await emulator.stop();
	// The pnowosie/ifirma-api vector: login jan.nowak@ifirma.pl, faktura key EAB0D8ACF3308F3B, as seen at www.ifirma.pl.
	emulator = new IFirmaEmulator({
		login: 'jan.nowak@ifirma.pl',
		keys: { faktura: 'EAB0D8ACF3308F3B' },
		publicBaseUrl: 'https://www.ifirma.pl',
	});
	await emulator.start();
	const get = async (path: string, hmac: string) => {
		const response = await fetch(`${emulator.baseUrl}${path}`, {
			headers: {
				Authentication: `IAPIS user=jan.nowak@ifirma.pl, hmac-sha1=${hmac}`,
				'Content-Type': 'application/json; charset=UTF-8',
			},
		});
		return ((await response.json()) as { response: { Kod: number } }).response.Kod;
	};
	// Right signature, unknown invoice → 500 "nie istnieje" (the signature was accepted).
	expect(await get('/iapi/fakturakraj/1337.json', '40600699c8f72e4165b11f98c4cb93253a3cc7dc')).toBe(
		500,
	);
	// The query is not signed.
	expect(
		await get('/iapi/faktury.json?dataOd=2026-01-01', '081dec7098dbed6aab839e76501a964aa5b9386a'),
	).toBe(0);
	// One digit off → 403; a garbled header → 400; an area whose key was never generated → 402.
	expect(await get('/iapi/fakturakraj/1337.json', '40600699c8f72e4165b11f98c4cb93253a3cc7dd')).toBe(
		403,
	);
	expect(await get('/iapi/fakturakraj/1337.json', 'zz')).toBe(400);
	expect(await get('/iapi/abonent/limit.json', '0aa973b2148da65a9bdf33fd3501512f8484eb0e')).toBe(
		402,
	);
	// A correctly signed GET without the content type → 102.
	const bare = await fetch(`${emulator.baseUrl}/iapi/fakturakraj/1337.json`, {
		headers: {
			Authentication:
				'IAPIS user=jan.nowak@ifirma.pl, hmac-sha1=40600699c8f72e4165b11f98c4cb93253a3cc7dc',
		},
	});
	expect(((await bare.json()) as { response: { Kod: number } }).response.Kod).toBe(102);
});

// ── issue 16: what the real API accepts per document kind (docs/api/ifirma.md §1, §5.2.1) ────────────────────

const NORWAY = {
	contractorMode: 'inline',
	contractorName: 'Nordfjord Shipping AS',
	contractorPostCode: '0150',
	contractorCity: 'Oslo',
	contractorDetails: { KodKraju: 'NO', Kraj: 'Norwegia', NIP: '923609016' },
};

describe('every request carries the JSON content type (Kod 102 otherwise)', () => {
	it('reads, prints, the accounting month and the credential test work when GETs are checked too', async () => {
		await seedContractor();
		expect((await newInvoice()).error).toBeUndefined();
		for (const [resource, parameters] of [
			['invoice', { operation: 'getMany', dateFrom: '2026-11-01', returnAll: true }],
			['invoice', { operation: 'get', documentRef: '1/11/2026' }],
			['invoice', { operation: 'downloadPdf', documentRef: '1/11/2026' }],
			['account', { operation: 'getLimit' }],
			['account', { operation: 'getAccountingMonth' }],
			['contractor', { operation: 'get', contractorId: 'ACME' }],
			['contractor', { operation: 'search', phrase: 'Acme' }],
			['dictionary', { operation: 'getEuVatRates', country: 'DE' }],
		] as const) {
			const { error } = await run(resource, parameters);
			expect({ resource, operation: parameters.operation, error: error?.message }).toEqual({
				resource,
				operation: parameters.operation,
				error: undefined,
			});
		}
		expect(
			emulator.requests.every((request) =>
				/^application\/(json|pdf)/.test(String(request.headers['content-type'])),
			),
		).toBe(true);
	});
});

describe('export-type invoices to a foreign contractor', () => {
	it('services outside Poland to a Norwegian buyer with its own tax id: Jezyk, foreign line fields, no LiczOd / Zaplacono', async () => {
		const { error, items } = await newInvoice({
			invoiceType: 'servicesOutside',
			...NORWAY,
			serviceName: 'Software development',
			currency: 'EUR',
			lines: { line: [{ ...FOREIGN_LINE, vatRate: 'zw', legalBasis: 'Art. 28b' }] },
		});
		expect(error?.description).toBeUndefined();
		const stored = emulator.documents.get(items[0].json.Identyfikator as number)!;
		expect(stored.data).toMatchObject({ Jezyk: 'en', Waluta: 'EUR', WidocznyNumerGios: false });
		expect(stored.data).not.toHaveProperty('LiczOd');
		expect(stored.data).not.toHaveProperty('Zaplacono');
		expect((stored.data.Pozycje as Array<Record<string, unknown>>)[0]).toMatchObject({
			NazwaPelnaObca: 'System implementation',
			JednostkaObca: 'service',
		});
		expect(stored.contractor).toMatchObject({ NIP: '923609016', KodKraju: 'NO' });
	});

	it('WDT: a line without its foreign name or unit is stopped by the node, naming the line and field', async () => {
		await seedContractor();
		const { error } = await newInvoice({
			invoiceType: 'wdt',
			lines: { line: [{ ...LINE, vatRate: '0', foreignName: 'Implementation' }] },
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toContain('Line 1 Foreign Unit: is required');
		expect(emulator.requestsTo(/fakturawdt\.json$/)).toHaveLength(0);
	});

	it("foreign line fields given in iFirma's own names in Lines (JSON) are kept", async () => {
		await seedContractor();
		const lines = [
			{
				NazwaPelna: 'Towar',
				NazwaPelnaObca: 'Goods',
				Jednostka: 'szt.',
				JednostkaObca: 'pcs',
				Ilosc: 2,
				CenaJednostkowa: 10,
				StawkaVat: 0,
				TypStawkiVat: 'PRC',
			},
		];
		const { error, items } = await newInvoice({
			invoiceType: 'exportGoods',
			linesMode: 'json',
			linesJson: JSON.stringify(lines),
		});
		expect(error?.description).toBeUndefined();
		expect(
			(emulator.documents.get(items[0].json.Identyfikator as number)!.data.Pozycje as unknown[])[0],
		).toMatchObject({ NazwaPelnaObca: 'Goods', JednostkaObca: 'pcs' });
	});

	it('export proforma: Jezyk sent, no LiczOd', async () => {
		await seedContractor();
		const { error } = await run('proforma', {
			operation: 'create',
			proformaType: 'export',
			contractorId: 'ACME',
			issueDate: '2026-11-20',
			lines: { line: [{ ...FOREIGN_LINE, vatRate: '0' }] },
			returnDocument: false,
		});
		expect(error?.description).toBeUndefined();
		expect([...emulator.documents.values()][0].data).toMatchObject({
			Jezyk: 'en',
			TypFaktury: 'prz_eksport_towarow',
		});
	});
});

describe('each kind gets its own header', () => {
	it('mail-order and proforma carry WidocznyNumerGios; OSS carries neither it nor the paid fields', async () => {
		await seedContractor();
		expect((await newInvoice({ invoiceType: 'mailOrder' })).error?.description).toBeUndefined();
		expect(
			(
				await run('proforma', {
					operation: 'create',
					contractorId: 'ACME',
					issueDate: '2026-11-20',
					lines: { line: [LINE] },
					returnDocument: false,
				})
			).error?.description,
		).toBeUndefined();
		expect(
			(
				await newInvoice({
					invoiceType: 'oss',
					deliveryCountry: 'DE',
					lines: { line: [{ ...FOREIGN_LINE, vatRate: 'other', customVatRate: 19 }] },
				})
			).error?.description,
		).toBeUndefined();
		const bySlug = Object.fromEntries(
			[...emulator.documents.values()].map((d) => [d.slug, d.data]),
		);
		expect(bySlug.fakturawysylka.WidocznyNumerGios).toBe(false);
		expect(bySlug.fakturaproformakraj.WidocznyNumerGios).toBe(false);
		for (const field of ['WidocznyNumerGios', 'Zaplacono', 'ZaplaconoNaDokumencie'])
			expect(bySlug.fakturaoss).not.toHaveProperty(field);
	});
});

describe("Get Many is complete whatever the server's page cap, and accepts every form of an empty page", () => {
	it.each([20, 50, 100])(
		'a server that serves at most %i rows a page: every row, none twice',
		async (cap) => {
			await emulator.stop();
			emulator = new IFirmaEmulator({
				today: () => '2026-11-22',
				accountingMonth: { year: 2026, month: 11 },
				maxPageSize: cap,
			});
			await emulator.start();
			seedDocuments(145);
			const all = await run('invoice', {
				operation: 'getMany',
				dateFrom: '2026-11-01',
				returnAll: true,
			});
			expect(all.error).toBeUndefined();
			expect(all.items).toHaveLength(145);
			expect(new Set(all.items.map((item) => item.json.FakturaId)).size).toBe(145);
		},
	);

	it.each(['list', 'null', 'absent'] as const)(
		'an empty result with Wynik %s is no items, not an error',
		async (emptyPage) => {
			await emulator.stop();
			emulator = new IFirmaEmulator({
				today: () => '2026-11-22',
				accountingMonth: { year: 2026, month: 11 },
				emptyPage,
			});
			await emulator.start();
			const none = await run('invoice', {
				operation: 'getMany',
				dateFrom: '2026-11-01',
				returnAll: true,
			});
			expect(none.error).toBeUndefined();
			expect(none.items).toEqual([]);
			seedDocuments(3);
			const some = await run('proforma', {
				operation: 'getMany',
				dateFrom: '2026-11-01',
				returnAll: true,
			});
			expect(some.error).toBeUndefined();
		},
	);
});

function seedDocuments(count: number) {
	for (let i = 0; i < count; i++) {
		const id = 9_000_000 + i;
		const document: StoredDocument = {
			id,
			slug: 'fakturakraj',
			code: 'prz_faktura_kraj',
			number: `${i + 10}/11/2026`,
			data: { DataWystawienia: '2026-11-05' },
			gross: 100 + i,
			paid: 0,
			payments: [],
			sent: [],
			proforma: false,
		};
		emulator.documents.set(id, document);
	}
}

describe('smaller points of issue 16', () => {
	it('contractor create without an identifier: the output has the identifier iFirma made, not the number in Wynik', async () => {
		const created = await run('contractor', {
			operation: 'create',
			name: 'Nowa Firma',
			postCode: '00-001',
			city: 'Warszawa',
			additionalFields: { NIP: '5213609182' },
		});
		expect(created.error).toBeUndefined();
		expect(created.items[0].json).toMatchObject({
			Identyfikator: 'NOWAFIRMA',
			Nazwa: 'Nowa Firma',
		});
	});

	it('a contractor outside the EU keeps its own tax id (Norway, 923609016)', async () => {
		const created = await run('contractor', {
			operation: 'create',
			name: 'Nordfjord Shipping AS',
			postCode: '0150',
			city: 'Oslo',
			additionalFields: { KodKraju: 'NO', NIP: '923609016', Identyfikator: 'NORDFJORD' },
		});
		expect(created.error).toBeUndefined();
		expect(emulator.contractors.get('NORDFJORD')).toMatchObject({ NIP: '923609016' });
		const listed = await run('invoice', {
			operation: 'getMany',
			dateFrom: '2026-11-01',
			filters: { nip: '923609016' },
		});
		expect(listed.error).toBeUndefined();
		const byNip = await newInvoice({
			invoiceType: 'servicesOutside',
			serviceName: 'Hosting',
			contractorMode: 'nip',
			contractorNip: '923609016',
			lines: { line: [FOREIGN_LINE] },
		});
		expect(byNip.error?.description).toBeUndefined();
	});

	it('a bill is checked against the accounting month by its issue date: a sale in the previous month is fine', async () => {
		await seedContractor();
		const bill = await run('bill', {
			operation: 'create',
			contractorId: 'ACME',
			issueDate: '2026-11-03',
			saleDate: '2026-10-30',
			lines: { line: [{ name: 'Korepetycje', quantity: 1, unitPrice: 80 }] },
		});
		expect(bill.error?.message).toBeUndefined();
	});

	it('an expense with a VAT invoice carries its KSeF marking: BFK without a number, NUMER with one', async () => {
		await seedContractor();
		const base = {
			operation: 'create',
			expenseKind: 'goods',
			issueDate: '2026-11-05',
			expenseName: 'Zakup',
			contractorId: 'ACME',
			net23: 100,
		};
		expect(
			(await run('expense', { ...base, documentNumber: 'FV/1' })).error?.description,
		).toBeUndefined();
		expect(
			(
				await run('expense', {
					...base,
					documentNumber: 'FV/2',
					additionalFields: { ksefNumber: '5213609182-20261105-ABCDEF123456-7A' },
				})
			).error?.description,
		).toBeUndefined();
		expect(emulator.expenses.map((e) => [e.OznaczenieKSeF, e.NumerKSeF])).toEqual([
			['BFK', undefined],
			['NUMER', '5213609182-20261105-ABCDEF123456-7A'],
		]);
	});

	it('a 500 explains the super-account requirement', async () => {
		const { error } = await run('contractor', { operation: 'get', contractorId: 'BRAK' });
		expect(error?.message).toContain('super');
	});
});

describe('the operations issue 16 found missing', () => {
	it('contractor: add an additional entity (podmiot dodatkowy) to a saved contractor', async () => {
		await seedContractor();
		const added = await run('contractor', {
			operation: 'addEntity',
			contractorId: 'ACME',
			role: 'DOKONUJACY_PLATNOSCI',
			entityName: 'Acme Holding S.A.',
			additionalFields: {
				NIP: '5213609182',
				KodPocztowy: '00-002',
				Miejscowosc: 'Warszawa',
				CzyDomyslny: true,
			},
		});
		expect(added.error?.description).toBeUndefined();
		expect(emulator.contractors.get('ACME')?.PodmiotyDodatkowe).toEqual([
			expect.objectContaining({
				Rola: 'DOKONUJACY_PLATNOSCI',
				Nazwa: 'Acme Holding S.A.',
				CzyDomyslny: true,
			}),
		]);
		const unknown = await run('contractor', {
			operation: 'addEntity',
			contractorId: 'NIKT',
			role: 'ODBIORCA',
			entityName: 'X',
		});
		expect(unknown.error?.name).toBe('NodeApiError');
	});

	it('KSeF and payments for the kinds issued in the web application', async () => {
		let id = 8_000_000;
		for (const [slug, code] of Object.entries(WEB_ONLY_KINDS)) {
			emulator.documents.set(id, {
				id,
				slug,
				code,
				number: `${id}/11/2026`,
				data: { DataWystawienia: '2026-11-02' },
				gross: 100,
				paid: 0,
				payments: [],
				sent: [],
				proforma: false,
			});
			id++;
		}
		const ksefKinds = [
			'advance',
			'final',
			'advanceCurrency',
			'finalCurrency',
			'construction',
			'equipment',
			'fixedAsset',
			'specialObligation',
		];
		for (const [index, invoiceKind] of ksefKinds.entries()) {
			const { error } = await run('invoice', {
				operation: 'sendToKsef',
				invoiceKind,
				documentRef: String(8_000_000 + index),
			});
			expect({ invoiceKind, error: error?.description }).toEqual({ invoiceKind, error: undefined });
		}
		const sent = [...emulator.documents.values()]
			.filter((d) => d.ksef === 'WYSLANA')
			.map((d) => d.slug);
		expect(sent.sort()).toEqual(Object.keys(WEB_ONLY_KINDS).sort());

		for (const [invoiceKind, number] of [
			['construction', '8000004/11/2026'],
			['final', '8000001/11/2026'],
			['specialObligation', '8000007/11/2026'],
		]) {
			const { error } = await run('invoice', {
				operation: 'registerPayment',
				invoiceKind,
				documentRef: number,
				amount: 100,
			});
			expect({ invoiceKind, error: error?.description }).toEqual({ invoiceKind, error: undefined });
		}
		expect([...emulator.documents.values()].filter((d) => d.paid === 100)).toHaveLength(3);
	});

	it('a payment for an OSS invoice with the code shown in iFirma; the list filter takes the same codes', async () => {
		await seedContractor();
		await newInvoice({
			invoiceType: 'oss',
			deliveryCountry: 'DE',
			lines: { line: [{ ...FOREIGN_LINE, vatRate: 'other', customVatRate: 19 }] },
		});
		const paid = await run('invoice', {
			operation: 'registerPayment',
			invoiceKind: 'otherCode',
			paymentCode: 'prz_faktura_oss',
			documentRef: '1/11/2026',
			amount: 1190,
		});
		expect(paid.error?.description).toBeUndefined();
		const listed = await run('invoice', {
			operation: 'getMany',
			dateFrom: '2026-11-01',
			returnAll: true,
			filters: { type: 'otherCode', typeCode: 'prz_faktura_oss' },
		});
		expect(listed.items.map((item) => item.json.Rodzaj)).toEqual(['prz_faktura_oss']);
	});

	it('the XML version of an invoice, and a proforma sent by post', async () => {
		await seedContractor();
		await newInvoice();
		const xml = await run('invoice', { operation: 'downloadXml', documentRef: '1/11/2026' });
		expect(xml.error).toBeUndefined();
		const binary = xml.items[0].binary!.data;
		expect(binary.mimeType).toBe('application/xml');
		expect(Buffer.from(binary.data, 'base64').toString()).toContain(
			'<PelnyNumer>1/11/2026</PelnyNumer>',
		);
		await run('proforma', {
			operation: 'create',
			contractorId: 'ACME',
			issueDate: '2026-11-20',
			lines: { line: [LINE] },
			returnDocument: false,
		});
		const posted = await run('proforma', { operation: 'sendByPost', documentRef: 'PRO 1/11/2026' });
		expect(posted.error).toBeUndefined();
		expect(emulator.find('fakturaproformakraj', 'PRO 1_11_2026')?.sent).toEqual([
			expect.objectContaining({ post: true, email: false }),
		]);
	});
});
