/**
 * Firmino Recurring Invoices against the Firmino emulator (real HTTP on 127.0.0.1): whole flows, the
 * server's own defaults and quirks, and faults on real sockets (dropped connections, timeouts, HTML pages).
 */
import { FirminoEmulator } from '../emulators/firmino';
import { runNode } from '../harness';

let emulator: FirminoEmulator;

beforeEach(async () => {
	emulator = new FirminoEmulator({ today: () => '2026-11-22' });
	await emulator.start();
});
afterEach(async () => emulator.stop());

function credentials(password = emulator.password) {
	return { firminoApi: { login: emulator.login, password, baseUrl: emulator.apiUrl } };
}

function run(
	parameters: Record<string, unknown>,
	items: object[] = [{}],
	options: { password?: string; onError?: 'continueRegularOutput' } = {},
) {
	return runNode(
		{
			type: 'firminoRecurringInvoices',
			parameters: { resource: 'recurringInvoice', ...parameters },
			onError: options.onError,
		},
		items as never,
		credentials(options.password),
	);
}

it('create → get → get many (weekly) → update keeps untouched fields → delete', async () => {
	const created = await run({
		operation: 'create',
		name: 'Abonament',
		idSaleDocument: '19818500',
		additionalFields: { email: 'a@firma.pl, b@firma.pl' },
	});
	expect(created.error).toBeUndefined();
	const doc = created.items[0].json;
	// The server's defaults and prefix.
	expect(doc).toMatchObject({
		name: 'CYKLICZNA - Abonament',
		intervalTimeType: 'month',
		startDate: '2026-11-22',
		active: true,
		hourToSend: '10',
		email: 'a@firma.pl;b@firma.pl',
	});

	const got = await run({ operation: 'get', recurringInvoiceId: String(doc.id) });
	expect(got.items[0].json).toEqual(doc);

	await run({
		operation: 'create',
		name: 'Tygodniowa',
		idSaleDocument: '5',
		additionalFields: { intervalTimeType: 'week' },
	});
	const weekly = await run({
		operation: 'getMany',
		returnAll: true,
		filters: { intervalTimeType: 'week' },
	});
	expect(weekly.items.map((item) => item.json.name)).toEqual(['CYKLICZNA - Tygodniowa']);
	expect(weekly.items[0].json.intervalTypeName).toBe('Tydzień');

	const updated = await run({
		operation: 'update',
		recurringInvoiceId: String(doc.id),
		updateFields: { active: false },
	});
	expect(updated.error).toBeUndefined();
	// Only Active changed; the name is not prefixed twice and the e-mails survived the whole-object update.
	expect(emulator.documents.get(doc.id as number)).toMatchObject({
		name: 'CYKLICZNA - Abonament',
		active: 'false',
		email: 'a@firma.pl;b@firma.pl;',
		hourToSend: '10',
	});

	const deleted = await run({ operation: 'delete', recurringInvoiceId: String(doc.id) });
	expect(deleted.items[0].json).toEqual({
		id: doc.id,
		deleted: true,
		message: 'Usunięto dokument',
	});
	const gone = await run({ operation: 'get', recurringInvoiceId: String(doc.id) });
	expect(gone.error?.description).toContain('Nie znaleziono dokumentu');
});

it('Get Many pages through more documents than one page holds', async () => {
	for (let i = 0; i < 120; i++)
		emulator.documents.set(i + 1, {
			id: i + 1,
			idSaleDocument: 1,
			intervalTimeType: 'month',
			name: `CYKLICZNA - ${i}`,
			startDate: '2026-01-01',
			active: 'true',
			email: null,
			emailForConfirmation: null,
			hourToSend: '10',
		});
	const all = await run({ operation: 'getMany', returnAll: true });
	expect(all.items).toHaveLength(120);
	expect(new Set(all.items.map((item) => item.json.id)).size).toBe(120);
	expect(emulator.requestsTo(/\/find$/)).toHaveLength(3);
	const some = await run({ operation: 'getMany', returnAll: false, limit: 7 });
	expect(some.items).toHaveLength(7);
});

it('Get Defaults creates nothing', async () => {
	const defaults = await run({
		operation: 'getDefaults',
		additionalFields: { name: 'Test', idSaleDocument: '19818500' },
	});
	expect(defaults.items[0].json).toMatchObject({
		id: null,
		name: 'CYKLICZNA - Test',
		intervalTimeType: 'month',
		active: true,
	});
	expect(emulator.documents.size).toBe(0);
});

it("every method goes as the page's curl sends it: POST, JSON content type, a JSON body ({} for get and delete)", async () => {
	const created = await run({ operation: 'create', name: 'X', idSaleDocument: '1' });
	const id = String(created.items[0].json.id);
	expect((await run({ operation: 'get', recurringInvoiceId: id })).error).toBeUndefined();
	expect((await run({ operation: 'getMany', returnAll: true })).error).toBeUndefined();
	expect((await run({ operation: 'getDefaults' })).error).toBeUndefined();
	expect(
		(await run({ operation: 'update', recurringInvoiceId: id, updateFields: { hourToSend: 8 } }))
			.error,
	).toBeUndefined();
	expect((await run({ operation: 'delete', recurringInvoiceId: id })).error).toBeUndefined();
	expect(
		emulator.requests.map(
			(request) => `${request.method} ${request.path.split('/').slice(-2).join('/')}`,
		),
	).toEqual([
		'POST recurring-documents/add',
		`POST get/${id}`,
		'POST recurring-documents/find',
		'POST recurring-documents/init',
		`POST get/${id}`,
		'POST recurring-documents/update',
		`POST delete/${id}`,
	]);
	expect(
		emulator.requests.every((request) =>
			String(request.headers['content-type']).startsWith('application/json'),
		),
	).toBe(true);
	expect(emulator.requestsTo(/\/(get|delete)\//).map((request) => request.body)).toEqual([
		'{}',
		'{}',
		'{}',
	]);
});

it('Get Many rows carry the interval code next to the Polish label, so a row can be fed to Update; sort is passed on', async () => {
	await run({
		operation: 'create',
		name: 'B',
		idSaleDocument: '5',
		additionalFields: { intervalTimeType: 'week', startDate: '2026-12-01' },
	});
	await run({
		operation: 'create',
		name: 'A',
		idSaleDocument: '6',
		additionalFields: { startDate: '2026-11-25' },
	});
	const rows = await run({
		operation: 'getMany',
		returnAll: true,
		sort: { sortField: 'startDate', sortOrder: 'asc' },
	});
	expect(
		rows.items.map((item) => [
			item.json.name,
			item.json.intervalTypeName,
			item.json.intervalTimeType,
		]),
	).toEqual([
		['CYKLICZNA - A', 'Miesiąc', 'month'],
		['CYKLICZNA - B', 'Tydzień', 'week'],
	]);
	const find = JSON.parse(emulator.requestsTo(/\/find$/).at(-1)!.body) as Record<string, unknown>;
	expect(find).toMatchObject({ sortField: 'startDate', sortOrder: 'asc' });
	// A row fed to Update as it is: its interval stays what it was.
	const row = rows.items[1].json;
	const updated = await run(
		{
			operation: 'update',
			recurringInvoiceId: String(row.id),
			updateFields: { intervalTimeType: '={{ $json.intervalTimeType }}', active: false },
		},
		[row],
	);
	expect(updated.error).toBeUndefined();
	expect(emulator.documents.get(row.id as number)).toMatchObject({
		intervalTimeType: 'week',
		active: 'false',
	});
});

it('a wrong password is a clear error without the password in it', async () => {
	const { error } = await run({ operation: 'getMany', returnAll: true }, [{}], {
		password: 'wrong-Pa55word',
	});
	expect(error?.message).toContain('HTTP 401');
	expect(JSON.stringify({ ...error, message: error?.message })).not.toContain('wrong-Pa55word');
});

it('success:false from the server comes back with its Polish text', async () => {
	const { error } = await run(
		{
			operation: 'create',
			name: 'X',
			idSaleDocument: '1',
			additionalFields: { intervalTimeType: 'month' },
		},
		[{}],
	);
	expect(error).toBeUndefined();
	const update = await run({
		operation: 'update',
		recurringInvoiceId: '999',
		updateFields: { active: true },
	});
	expect(update.error?.name).toBe('NodeApiError');
	expect(update.error?.description).toBe('Firmino\'s message: "Nie znaleziono dokumentu"');
});

describe('faults on real sockets', () => {
	it('a read survives a dropped connection and a 503', async () => {
		const created = await run({ operation: 'create', name: 'X', idSaleDocument: '1' });
		emulator.injectFault({ kind: 'reset' }, { pathPattern: /\/get\// });
		emulator.injectFault(
			{ kind: 'status', status: 503, retryAfter: '0' },
			{ pathPattern: /\/get\// },
		);
		const got = await run({
			operation: 'get',
			recurringInvoiceId: String(created.items[0].json.id),
		});
		expect(got.error).toBeUndefined();
		expect(emulator.requestsTo(/\/get\//)).toHaveLength(3);
	});

	it('a read that times out is retried', async () => {
		const created = await run({ operation: 'create', name: 'X', idSaleDocument: '1' });
		emulator.injectFault({ kind: 'delay', ms: 1500 }, { pathPattern: /\/get\// });
		const got = await run({
			operation: 'get',
			recurringInvoiceId: String(created.items[0].json.id),
			requestOptions: { timeoutSeconds: 0.5 },
		} as never);
		expect(got.error).toBeUndefined();
		expect(emulator.requestsTo(/\/get\//).length).toBeGreaterThanOrEqual(2);
	});

	it('a create whose answer is lost is not sent again: one document, and an error that says to check', async () => {
		emulator.injectFault({ kind: 'reset' }, { pathPattern: /\/add$/, processFirst: true });
		const { error } = await run({ operation: 'create', name: 'X', idSaleDocument: '1' });
		expect(error?.message).toBe('The connection to the API was closed before its answer arrived');
		expect(error?.description).toContain('may have been created');
		expect(emulator.requestsTo(/\/add$/)).toHaveLength(1);
		expect(emulator.documents.size).toBe(1);
	});

	it.each([
		['an HTML error page', { kind: 'html' } as const, 'not JSON'],
		['a truncated body', { kind: 'truncated' } as const, 'not JSON'],
		[
			'a body cut mid-way by a reset',
			{ kind: 'resetMidBody' } as const,
			'closed before its answer',
		],
	])('%s is a clear error, never a TypeError', async (_, fault, text) => {
		emulator.injectFault(fault, { pathPattern: /\/add$/ });
		const { error } = await run({ operation: 'create', name: 'X', idSaleDocument: '1' });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toContain(text);
	});
});
