/**
 * Symfonia through n8n-core's engine with the WebAPI mocked by nock: the session handling, every action's
 * request and output, validation before any request, error mapping and Continue On Fail.
 */
import nock from 'nock';

import { runNode } from '../harness';

const HOST = 'http://symfonia.test:9200';
const APP = 'd9add26a-23af-4bf4-8f1a-8b5731c0e1f2';
const S1 = '2ab29954-ca2d-4c6b-873b-9b136e892d7d';
const S2 = '3bc3a065-db3e-5d7c-984c-ac247f903e8e';
const credentials = {
	symfoniaApi: {
		baseUrl: `${HOST}/api/`,
		applicationToken: APP,
		deviceName: 'n8n-unit',
		companyLabel: 'test',
		ignoreSslIssues: false,
		sessionWaitSeconds: 0,
	},
};

function run(
	parameters: Record<string, unknown>,
	items: object[] = [{}],
	onError?: 'continueRegularOutput',
) {
	return runNode({ type: 'symfonia', parameters, onError }, items as never, credentials);
}

/** OpenNewSession (Application header) → "S", and CloseSession with that session. */
function session(token = S1, times = 1) {
	const open = nock(HOST, { reqheaders: { authorization: `Application ${APP}` } })
		.get('/api/Sessions/OpenNewSession')
		.query({ deviceName: 'n8n-unit' })
		.times(times)
		.reply(200, JSON.stringify(token));
	const close = nock(HOST, { reqheaders: { authorization: `Session ${token}` } })
		.get('/api/Sessions/CloseSession')
		.reply(200, '');
	return { open, close };
}

const api = (token = S1) => nock(HOST, { reqheaders: { authorization: `Session ${token}` } });

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
});
afterAll(() => nock.enableNetConnect());

const acme = {
	Id: 7,
	Code: 'ACME',
	Name: 'ACME Sp. z o.o.',
	NIP: '5260001246',
	DefaultAddress: { City: 'Warszawa', Street: 'Prosta' },
	Contact: { Email: 'a@acme.pl' },
};

describe('session handling', () => {
	it('opens one session (JSON-quoted GUID, braces accepted), uses it for every item and closes it', async () => {
		const open = nock(HOST)
			.get('/api/Sessions/OpenNewSession')
			.query(true)
			.reply(200, `"{${S1.toUpperCase()}}"`);
		const rates = api(S1.toUpperCase())
			.get('/api/VatRates')
			.times(2)
			.reply(200, [{ Code: '23' }]);
		const close = nock(HOST, { reqheaders: { authorization: `Session ${S1.toUpperCase()}` } })
			.get('/api/Sessions/CloseSession')
			.reply(200);
		const { items, error } = await run(
			{ resource: 'dictionary', operation: 'get', dictionary: 'vatRates' },
			[{}, {}],
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(open.isDone() && rates.isDone() && close.isDone()).toBe(true);
	});

	it('reopens once and repeats the request on HTTP 401', async () => {
		const first = session(S1);
		api(S1)
			.get('/api/Warehouses')
			.reply(401, { Message: 'Authorization has been denied for this request.' });
		const second = session(S2);
		api(S2)
			.get('/api/Warehouses')
			.reply(200, [{ Code: 'MAG' }]);
		const { items, error } = await run({
			resource: 'dictionary',
			operation: 'get',
			dictionary: 'warehouses',
		});
		expect(error).toBeUndefined();
		expect(items[0].json.Code).toBe('MAG');
		expect(first.open.isDone() && second.open.isDone() && second.close.isDone()).toBe(true);
		// The old session is closed before the new one opens: if it still held a slot, a limit of one
		// session ("Liczba instancji" = 1) would refuse the new one.
		expect(first.close.isDone()).toBe(true);
	});

	it.each([
		['a 400 with {Message}', 400, { Message: 'Nieprawidłowy klucz lub sesja wygasła.' }],
		['a 200 whose body is the text', 200, '"Nieprawidłowy klucz lub sesja wygasła."'],
		['a 500 with plain text', 500, 'Nieprawidłowy klucz lub sesja wygasła.'],
	])('reopens once on the Polish expiry text in %s', async (_, status, body) => {
		session(S1);
		api(S1)
			.get('/api/Warehouses')
			.reply(status, body as never);
		session(S2);
		api(S2)
			.get('/api/Warehouses')
			.reply(200, [{ Code: 'MAG' }]);
		const { items, error } = await run({
			resource: 'dictionary',
			operation: 'get',
			dictionary: 'warehouses',
		});
		expect(error).toBeUndefined();
		expect(items[0].json.Code).toBe('MAG');
	});

	it('does not take data that merely mentions the text for an expiry', async () => {
		session(S1);
		api(S1)
			.get('/api/Contractors')
			.query({ code: 'X' })
			.reply(200, { ...acme, Note: 'Nieprawidłowy klucz lub sesja wygasła.' });
		const { items } = await run({
			resource: 'contractor',
			operation: 'get',
			findBy: 'code',
			value: 'X',
		});
		expect(items[0].json.Note).toContain('sesja wygasła');
	});

	it('fails clearly when the new session is refused too, and reopens only once', async () => {
		const open = nock(HOST)
			.get('/api/Sessions/OpenNewSession')
			.query(true)
			.times(2)
			.reply(200, JSON.stringify(S1));
		api(S1).get('/api/Warehouses').times(2).reply(401, '');
		// The expired session is closed before reopening (mocked, so no unmatched request leaks into a later test).
		const closed = api(S1).get('/api/Sessions/CloseSession').reply(200, '');
		const { error } = await run({
			resource: 'dictionary',
			operation: 'get',
			dictionary: 'warehouses',
		});
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe(
			'Symfonia WebAPI refused a session it had just opened (HTTP 401 on GET /api/Warehouses)',
		);
		// Not blamed on the session length first: the other module's token, the licence, the rights.
		expect(error?.description).toMatch(
			/rarely expiry\. Likelier: the application token belongs to a user of the other module .*licence .*rights/,
		);
		expect(open.isDone()).toBe(true);
		expect(closed.isDone()).toBe(true);
	});

	it('a JSON object instead of the GUID is the session limit', async () => {
		nock(HOST)
			.get('/api/Sessions/OpenNewSession')
			.query(true)
			.reply(200, { Message: 'Przekroczono limit sesji.' });
		const { error } = await run({
			resource: 'dictionary',
			operation: 'get',
			dictionary: 'warehouses',
		});
		expect(error?.message).toBe(
			'Symfonia WebAPI did not open a session: the limit of concurrent sessions for this user is reached',
		);
		expect(error?.description).toContain('Symfonia\'s message: "Przekroczono limit sesji."');
		expect(error?.description).toContain('Liczba instancji');
	});

	it('an HTML page instead of the GUID is a clear error quoting it', async () => {
		nock(HOST)
			.get('/api/Sessions/OpenNewSession')
			.query(true)
			.reply(200, '<html><body>IIS</body></html>');
		const { error } = await run({
			resource: 'dictionary',
			operation: 'get',
			dictionary: 'warehouses',
		});
		expect(error?.message).toContain('not a session token');
		expect(error?.description).toContain('<html><body>IIS');
	});

	it('a failing close does not fail a successful run', async () => {
		nock(HOST).get('/api/Sessions/OpenNewSession').query(true).reply(200, JSON.stringify(S1));
		api(S1)
			.get('/api/Warehouses')
			.reply(200, [{ Code: 'MAG' }]);
		nock(HOST).get('/api/Sessions/CloseSession').times(2).reply(503, '');
		const { items, error } = await run({
			resource: 'dictionary',
			operation: 'get',
			dictionary: 'warehouses',
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
	});

	it('closes the session after an error and never shows the application token', async () => {
		const { close } = session(S1);
		api(S1)
			.get('/api/Contractors')
			.query({ code: 'X' })
			.reply(400, { Message: `Błąd ${APP}` });
		const { error } = await run({
			resource: 'contractor',
			operation: 'get',
			findBy: 'code',
			value: 'X',
		});
		expect(close.isDone()).toBe(true);
		expect(error?.httpCode).toBe('400');
		expect(`${error?.message} ${error?.description}`).not.toContain(APP);
		expect(error?.description).toContain('Błąd ***');
	});
});

it('a server message that echoes the session token does not show it', async () => {
	session();
	api()
		.get('/api/Warehouses')
		.reply(500, { Message: `Sesja ${S1} nie ma uprawnień.` });
	const { error } = await run({
		resource: 'dictionary',
		operation: 'get',
		dictionary: 'warehouses',
	});
	expect(error?.message).toContain('Sesja *** nie ma uprawnień.');
	expect(`${error?.message} ${error?.description}`).not.toContain(S1);
});

describe('Contractor (Handel)', () => {
	it('Create sends the contractor with syncFk and returns it', async () => {
		session();
		let sent: Record<string, unknown> = {};
		api()
			.post('/api/Contractors/Create', (body) => ((sent = body), true))
			.query({ syncFk: 'true' })
			.reply(200, { ...acme, Id: 99 });
		const { items, error } = await run({
			resource: 'contractor',
			operation: 'create',
			code: 'ACME',
			name: 'ACME Sp. z o.o.',
			nip: 'PL 526-000-12-46',
			syncFk: true,
			additionalFields: {
				city: 'Warszawa',
				country: 'pl',
				email: 'a@acme.pl',
				type: 1,
				vatTaxPayer: false,
				extraJson: '{"Marker": 2}',
			},
		});
		expect(error).toBeUndefined();
		expect(sent).toEqual({
			Code: 'ACME',
			Name: 'ACME Sp. z o.o.',
			NIP: '5260001246',
			DefaultAddress: { City: 'Warszawa', Country: 'PL' },
			Contact: { Email: 'a@acme.pl' },
			Type: 1,
			VATTaxPayer: false,
			Marker: 2,
		});
		expect(items[0].json.Id).toBe(99);
	});

	it.each([
		[{ code: 'X', name: 'Y', nip: '5260001245' }, 'NIP: "5260001245" is not a valid NIP'],
		[{ code: '={{ $json.none }}', name: 'Y' }, 'Code: is required [item 0]'],
		[{ code: 'X', name: 'Y', additionalFields: { pesel: '123' } }, 'PESEL: must be 11 digits'],
		[
			{ code: 'X', name: 'Y', additionalFields: { extraJson: '{oops' } },
			'Other Fields (JSON): is not valid JSON',
		],
	])('refuses bad input before any request: %j', async (parameters, message) => {
		const open = nock(HOST)
			.get('/api/Sessions/OpenNewSession')
			.query(true)
			.reply(200, JSON.stringify(S1));
		const { error } = await run({ resource: 'contractor', operation: 'create', ...parameters });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toContain(message);
		expect(open.isDone()).toBe(false);
	});

	it('a foreign NIP is sent as given when the country is not PL', async () => {
		session();
		let sent: Record<string, unknown> = {};
		api()
			.post('/api/Contractors/Create', (body) => ((sent = body), true))
			.query(true)
			.reply(200, {});
		await run({
			resource: 'contractor',
			operation: 'create',
			code: 'DE1',
			name: 'GmbH',
			nip: 'DE 123456789',
			additionalFields: { country: 'DE' },
		});
		expect(sent.NIP).toBe('DE123456789');
	});

	it('Get by ID answers one object, by NIP a list (both become items)', async () => {
		session();
		api().get('/api/Contractors').query({ id: '7' }).reply(200, acme);
		const one = await run({ resource: 'contractor', operation: 'get', findBy: 'id', value: '7' });
		expect(one.items.map((item) => item.json.Code)).toEqual(['ACME']);
		session();
		api()
			.get('/api/Contractors')
			.query({ nip: '5260001246' })
			.reply(200, [acme, { ...acme, Id: 8, Code: 'ACME2' }]);
		const many = await run({
			resource: 'contractor',
			operation: 'get',
			findBy: 'nip',
			value: '526-000-12-46',
		});
		expect(many.items.map((item) => item.json.Code)).toEqual(['ACME', 'ACME2']);
	});

	it('Get Many pages (orderBy=1, page from 1) until TotalItems; Limit stops early', async () => {
		session();
		const page = (n: number, ids: number[]) => ({
			Data: ids.map((Id) => ({ Id, Code: `C${Id}` })),
			PageNumber: n,
			LimitPerPage: 100,
			TotalItems: 150,
		});
		api()
			.get('/api/Contractors/Page')
			.query({ orderBy: '1', page: '1', size: '100' })
			.reply(
				200,
				page(
					1,
					Array.from({ length: 100 }, (_, i) => i + 1),
				),
			);
		api()
			.get('/api/Contractors/Page')
			.query({ orderBy: '1', page: '2', size: '100' })
			.reply(
				200,
				page(
					2,
					Array.from({ length: 50 }, (_, i) => i + 101),
				),
			);
		const { items } = await run({ resource: 'contractor', operation: 'getMany', returnAll: true });
		expect(items).toHaveLength(150);
		session();
		api()
			.get('/api/Contractors/Page')
			.query({ orderBy: '1', page: '1', size: '5' })
			.reply(200, page(1, [1, 2, 3, 4, 5]));
		const limited = await run({
			resource: 'contractor',
			operation: 'getMany',
			returnAll: false,
			limit: 5,
		});
		expect(limited.items).toHaveLength(5);
	});

	it('Get Many with filters sends Filter criteria with StartsWith', async () => {
		session();
		let sent: Record<string, unknown> = {};
		api()
			.patch('/api/Contractors/Filter', (body) => ((sent = body), true))
			.reply(200, [{ Id: 1 }, { Id: 2 }, { Id: 3 }]);
		const { items } = await run({
			resource: 'contractor',
			operation: 'getMany',
			returnAll: false,
			limit: 2,
			filters: { name: 'AC', active: true },
		});
		expect(sent).toEqual({ Name_From: 'AC', Name_Mode: 1, Active: true });
		expect(items).toHaveLength(2);
	});

	it('Update reads the contractor and sends it whole with the changes', async () => {
		session();
		let sent: Record<string, unknown> = {};
		api().get('/api/Contractors').query({ code: 'ACME' }).reply(200, acme);
		api()
			.put('/api/Contractors/Update', (body) => ((sent = body), true))
			.query({ syncFk: 'false' })
			.reply(200, '');
		const { items, error } = await run({
			resource: 'contractor',
			operation: 'update',
			findBy: 'code',
			value: 'ACME',
			updateFields: { city: 'Kraków', phone: '600' },
		});
		expect(error).toBeUndefined();
		expect(sent).toEqual({
			...acme,
			DefaultAddress: { City: 'Kraków', Street: 'Prosta' },
			Contact: { Email: 'a@acme.pl', Phone1: '600' },
		});
		expect(items[0].json.symfoniaAction).toBe('updated');
	});

	it('Update needs at least one field', async () => {
		const { error } = await run({
			resource: 'contractor',
			operation: 'update',
			findBy: 'code',
			value: 'ACME',
			updateFields: {},
		});
		expect(error?.message).toContain('Update Fields: add at least one field to change [item 0]');
	});

	it('Create or Update by NIP: finds nothing → creates with the NIP as code; finds one → updates; finds two → asks to match by code', async () => {
		session();
		let created: Record<string, unknown> = {};
		api().get('/api/Contractors').query({ nip: '5260001246' }).reply(200, []);
		api()
			.post('/api/Contractors/Create', (body) => ((created = body), true))
			.query(true)
			.reply(200, { ...acme, Id: 100, Code: '5260001246' });
		const first = await run({
			resource: 'contractor',
			operation: 'upsert',
			matchBy: 'nip',
			name: 'ACME',
			nip: '5260001246',
		});
		expect(created).toEqual({ Name: 'ACME', NIP: '5260001246', Code: '5260001246' });
		expect(first.items[0].json.symfoniaAction).toBe('created');

		session();
		api().get('/api/Contractors').query({ nip: '5260001246' }).reply(200, [acme]);
		const update = api()
			.put('/api/Contractors/Update', (body) => body.Code === 'ACME' && body.Name === 'ACME Nowa')
			.query(true)
			.reply(200, '');
		const second = await run({
			resource: 'contractor',
			operation: 'upsert',
			matchBy: 'nip',
			code: 'OTHER',
			name: 'ACME Nowa',
			nip: '5260001246',
		});
		expect(second.error).toBeUndefined();
		expect(update.isDone()).toBe(true);

		session();
		api()
			.get('/api/Contractors')
			.query({ nip: '5260001246' })
			.reply(200, [acme, { ...acme, Code: 'ACME2' }]);
		const third = await run({
			resource: 'contractor',
			operation: 'upsert',
			matchBy: 'nip',
			name: 'ACME',
			nip: '5260001246',
		});
		expect(third.error?.message).toContain(
			'2 contractors in Symfonia have NIP 5260001246 (codes: ACME, ACME2); match by code instead',
		);
	});

	it('Create or Update by code treats 404 as "not there yet" and can search the dashed NIP form', async () => {
		session();
		api().get('/api/Contractors').query({ code: 'NEW' }).reply(404, { Message: 'Nie znaleziono' });
		api().post('/api/Contractors/Create').query(true).reply(200, { Id: 5, Code: 'NEW' });
		const byCode = await run({
			resource: 'contractor',
			operation: 'upsert',
			matchBy: 'code',
			code: 'NEW',
			name: 'Nowy',
		});
		expect(byCode.items[0].json).toMatchObject({ Id: 5, symfoniaAction: 'created' });

		session();
		api().get('/api/Contractors').query({ nip: '5260001246' }).reply(200, []);
		api().get('/api/Contractors').query({ nip: '526-000-12-46' }).reply(200, [acme]);
		const dashed = await run({
			resource: 'contractor',
			operation: 'upsert',
			matchBy: 'nip',
			name: 'ACME Sp. z o.o.',
			nip: '5260001246',
			searchDashedNip: true,
		});
		expect(dashed.items[0].json.symfoniaAction).toBe('unchanged');
	});

	it('Create or Update for Contract builds one contractor from the clients (fields input)', async () => {
		session();
		let sent: Record<string, unknown> = {};
		api().get('/api/Contractors').query({ code: 'UM-1' }).reply(404, '');
		api()
			.post('/api/Contractors/Create', (body) => ((sent = body), true))
			.query({ syncFk: 'false' })
			.reply(200, { Id: 1 });
		const { items, error } = await run({
			resource: 'contractor',
			operation: 'upsertForContract',
			code: 'UM-1',
			clients: {
				client: [
					{ name: 'ACME', nip: '5260001246', city: 'Warszawa', email: 'a@acme.pl' },
					{ name: 'Jan Kowalski', pesel: '80010112345' },
				],
			},
		});
		expect(error).toBeUndefined();
		expect(sent).toEqual({
			Code: 'UM-1',
			Name: 'ACME / Jan Kowalski',
			NIP: '5260001246',
			Type: 0,
			Note: '2 client(s):\n1. ACME; NIP 5260001246; Warszawa; a@acme.pl\n2. Jan Kowalski; PESEL 80010112345',
			DefaultAddress: { City: 'Warszawa' },
			Contact: { Email: 'a@acme.pl' },
		});
		expect(items[0].json.clients).toHaveLength(2);
	});

	it('Create or Update for Contract names the client and field of bad input', async () => {
		const { error } = await run({
			resource: 'contractor',
			operation: 'upsertForContract',
			code: 'UM-1',
			clientsInput: 'json',
			clientsJson: '[{"name": "A"}, {"name": "B", "nip": "123"}]',
		});
		expect(error?.message).toContain('Clients, client 2, NIP: "123" is not a valid NIP');
	});
});

describe('Contractor (Handel) → Sync to FK', () => {
	it('sends PATCH Contractors/SyncFK with the code and the isNew chosen, without reading anything first', async () => {
		session();
		const sync = api()
			.patch('/api/Contractors/SyncFK')
			.query({ contractorCode: 'ACME', isNew: 'false' })
			.reply(200, '');
		const { items, error } = await run({
			resource: 'contractor',
			operation: 'syncFk',
			findBy: 'code',
			value: 'ACME',
			isNew: 'no',
		});
		expect(error).toBeUndefined();
		expect(sync.isDone()).toBe(true);
		expect(items[0].json).toEqual({
			success: true,
			contractorCode: 'ACME',
			isNew: false,
			symfoniaAction: 'updatedInFk',
		});
	});

	it('Detect: new in FK when FK has no contractor with the Handel code; an ID that is not a number is refused', async () => {
		session();
		api().get('/api/Contractors').query({ id: '7' }).reply(200, acme);
		api()
			.get('/api/FKContractors')
			.query({ code: 'ACME' })
			.reply(404, { Message: 'Nie znaleziono kontrahenta.' });
		const sync = api()
			.patch('/api/Contractors/SyncFK')
			.query({ contractorId: '7', isNew: 'true' })
			.reply(200, '');
		const { items } = await run({
			resource: 'contractor',
			operation: 'syncFk',
			findBy: 'id',
			value: '7',
		});
		expect(sync.isDone()).toBe(true);
		expect(items[0].json).toMatchObject({
			contractorId: 7,
			isNew: true,
			symfoniaAction: 'createdInFk',
		});
		const bad = await run({
			resource: 'contractor',
			operation: 'syncFk',
			findBy: 'id',
			value: 'x7',
		});
		expect(bad.error?.message).toContain('Value (ID)');
	});
});

describe('Sales and purchase documents', () => {
	const positions = {
		position: [{ code: 'USL', quantity: 3, value: '19,999', vatRate: '23', unit: 'szt.' }],
	};

	it('Sales Create issues now with ?issue=true and rounds prices to 2 decimals', async () => {
		session();
		let sent: Record<string, unknown> = {};
		api()
			.post('/api/SalesIssue/New', (body) => ((sent = body), true))
			.query({ issue: 'true' })
			.reply(200, { Id: 1, DocumentNumber: 'FVS 1/2026' });
		const { items, error } = await run({
			resource: 'salesDocument',
			operation: 'create',
			typeCode: 'FVS',
			partyCode: 'ACME',
			issueDate: '2026-05-10T12:00:00',
			positions,
			additionalFields: {
				priceKind: 1,
				series: 'sFVS',
				secondPartyCode: 'ODB',
				currency: 'eur',
				currencyRate: 4.3,
				splitPayment: true,
				operationDate: '2026-05-09',
				extraJson: '{"JPK_V7Attributes": 4}',
			},
		});
		expect(error).toBeUndefined();
		expect(sent).toEqual({
			TypeCode: 'FVS',
			Buyer: { Code: 'ACME' },
			IssueDate: '2026-05-10T00:00:00',
			Positions: [
				{ Code: 'USL', Quantity: 3, Value: 20, UnitOfMeasurement: 'szt.', VatRate: { Code: '23' } },
			],
			PriceKind: 1,
			Series: 'sFVS',
			Recipient: { Code: 'ODB' },
			Currency: 'EUR',
			CurrencyRate: 4.3,
			SplitPayment: true,
			SaleDate: '2026-05-09T00:00:00',
			JPK_V7Attributes: 4,
		});
		expect(items[0].json).toMatchObject({
			DocumentNumber: 'FVS 1/2026',
			symfoniaAction: 'created',
		});
	});

	it('a document create is never retried (503 → error that says to check)', async () => {
		session();
		const post = api().post('/api/SalesIssue/New').query(true).reply(503, '');
		const second = api().post('/api/SalesIssue/New').query(true).reply(200, {});
		const { error } = await run({
			resource: 'salesDocument',
			operation: 'create',
			typeCode: 'FVS',
			partyCode: 'ACME',
			positions,
		});
		expect(post.isDone()).toBe(true);
		expect(second.isDone()).toBe(false);
		expect(error?.message).toContain('not retried');
	});

	it.each([
		[{ positions: {} }, 'Positions: add at least one position'],
		[
			{ positions: { position: [{ quantity: 1, value: 1 }] } },
			'Positions, position 1, Product Code: give a product code or a name',
		],
		[
			{ positions: { position: [{ code: 'X', value: 'abc' }] } },
			'Positions, position 1, Price: must be an amount',
		],
		[
			{ positionsInput: 'json', positionsJson: '{"a":1}' },
			'Positions (JSON): must be a JSON list of objects',
		],
		[{ issueDate: '2026-13-01' }, 'Issue Date: is not a real calendar date'],
		[{ issueDate: '10.05.2026' }, 'Issue Date: must be a date like 2026-01-31'],
	])('refuses bad document input before any request: %j', async (parameters, message) => {
		const open = nock(HOST)
			.get('/api/Sessions/OpenNewSession')
			.query(true)
			.reply(200, JSON.stringify(S1));
		const { error } = await run({
			resource: 'salesDocument',
			operation: 'create',
			typeCode: 'FVS',
			partyCode: 'ACME',
			positions,
			...parameters,
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toContain(message);
		expect(open.isDone()).toBe(false);
	});

	const purchase = {
		resource: 'purchaseDocument',
		operation: 'create',
		typeCode: 'FVZ',
		partyCode: 'DOST1',
		foreignNumber: 'FV/1/2026',
		foreignDate: '2026-05-09',
		issue: false,
		positionsInput: 'json',
		positionsJson: '[{"Code": "USL", "Quantity": 1, "Value": 100.006, "VatRate": {"Code": "23"}}]',
	};

	it('Purchase Create returns the document already registered when the list carries ForeignDocumentNumber', async () => {
		session();
		api()
			.get('/api/Purchases/Filter')
			.query(
				(q) =>
					q.sellerCode === 'DOST1' && q.dateFrom === '2025-05-08' && typeof q.dateTo === 'string',
			)
			.reply(200, [
				{ Id: 3, ForeignDocumentNumber: 'FV/0/2026' },
				{ Id: 4, ForeignDocumentNumber: 'fv/1/2026' },
			]);
		api()
			.get('/api/Purchases')
			.query({ id: '4' })
			.reply(200, { Id: 4, DocumentNumber: 'FVZ 4/2026', ForeignDocumentNumber: 'FV/1/2026' });
		const create = api().post('/api/PurchasesIssue/New').query(true).reply(200, {});
		const { items } = await run(purchase);
		expect(items[0].json).toMatchObject({ Id: 4, symfoniaAction: 'existing' });
		expect(create.isDone()).toBe(false);
	});

	it('Purchase Create reads candidates in full when the list has no ForeignDocumentNumber, then creates into the buffer', async () => {
		session();
		let sent: Record<string, unknown> = {};
		api()
			.get('/api/Purchases/Filter')
			.query(true)
			.reply(200, [{ Id: 3 }]);
		api()
			.get('/api/Purchases')
			.query({ id: '3' })
			.reply(200, { Id: 3, ForeignDocumentNumber: 'FV/99/2026' });
		api()
			.post('/api/PurchasesIssue/New', (body) => ((sent = body), true))
			.query((q) => !('issue' in q))
			.reply(200, { Id: 5, Buffer: true });
		const { items, error } = await run(purchase);
		expect(error).toBeUndefined();
		expect(sent).toMatchObject({
			TypeCode: 'FVZ',
			Seller: { Code: 'DOST1' },
			ForeignDocumentNumber: 'FV/1/2026',
			ForeignDocumentDate: '2026-05-09T00:00:00',
			Positions: [{ Code: 'USL', Quantity: 1, Value: 100.01, VatRate: { Code: '23' } }],
		});
		expect(items[0].json).toMatchObject({ Id: 5, symfoniaAction: 'created' });
	});

	it('Purchase Create without the duplicate check sends the create only', async () => {
		session();
		const create = api().post('/api/PurchasesIssue/New').query(true).reply(200, { Id: 6 });
		const { items } = await run({ ...purchase, checkDuplicate: false });
		expect(create.isDone()).toBe(true);
		expect(items[0].json.Id).toBe(6);
	});

	it.each(['salesDocument', 'purchaseDocument'])(
		'%s: Get (number in buffer), Get Status, Issue, Get Many',
		async (resource) => {
			const read = resource === 'salesDocument' ? 'Sales' : 'Purchases';
			const issue = resource === 'salesDocument' ? 'SalesIssue' : 'PurchasesIssue';
			const party = resource === 'salesDocument' ? 'buyerCode' : 'sellerCode';
			session();
			api().get(`/api/${read}`).query({ number: 'BUF/1', buffer: 'true' }).reply(200, { Id: 1 });
			expect(
				(await run({ resource, operation: 'get', findBy: 'number', value: 'BUF/1', buffer: true }))
					.items[0].json.Id,
			).toBe(1);
			session();
			api()
				.get(`/api/${read}/Status`)
				.query({ documentId: '1' })
				.reply(200, { Id: 1, DocumentStatus: 4 });
			expect(
				(await run({ resource, operation: 'getStatus', findBy: 'id', value: '1' })).items[0].json
					.DocumentStatus,
			).toBe(4);
			session();
			api()
				.put(`/api/${issue}/InBuffer`)
				.query({ number: 'BUF/1' })
				.reply(200, { Id: 1, Buffer: false });
			expect(
				(await run({ resource, operation: 'issue', findBy: 'number', value: 'BUF/1' })).items[0]
					.json.Buffer,
			).toBe(false);
			session();
			api()
				.get(`/api/${read}/Filter`)
				.query({ dateFrom: '2026-05-01', dateTo: '2026-05-31', [party]: 'ACME' })
				.reply(200, [{ Id: 1 }, { Id: 2 }]);
			const many = await run({
				resource,
				operation: 'getMany',
				dateFrom: '2026-05-01',
				dateTo: '2026-05-31T10:00:00',
				partyCode: 'ACME',
				returnAll: true,
			});
			expect(many.items).toHaveLength(2);
			const reversed = await run({
				resource,
				operation: 'getMany',
				dateFrom: '2026-06-01',
				dateTo: '2026-05-01',
				returnAll: true,
			});
			expect(reversed.error?.message).toContain('Date To: must not be before Date From');
		},
	);

	it('reads are retried after 502 and an ID that is not a number is refused', async () => {
		session();
		api().get('/api/Sales').query({ id: '2' }).reply(502, '');
		api().get('/api/Sales').query({ id: '2' }).reply(200, { Id: 2 });
		const { items } = await run({
			resource: 'salesDocument',
			operation: 'get',
			findBy: 'id',
			value: '2',
			requestOptions: { maxRetries: 1 },
		});
		expect(items[0].json.Id).toBe(2);
		const bad = await run({
			resource: 'salesDocument',
			operation: 'get',
			findBy: 'id',
			value: 'FVS 1',
		});
		expect(bad.error?.message).toContain('Value (ID): must be a whole number');
	});
});

describe('Contractor (FK)', () => {
	const fk = {
		Id: 1,
		Position: 154,
		Code: 'DOST1',
		Name: 'Dostawca',
		NIP: '7740001454',
		Address: { City: 'Kraków' },
	};

	it('Get by position, Get Many paged', async () => {
		session();
		api().get('/api/FKContractors').query({ position: '154' }).reply(200, fk);
		expect(
			(await run({ resource: 'fkContractor', operation: 'get', findBy: 'position', value: '154' }))
				.items[0].json.Position,
		).toBe(154);
		session();
		api()
			.get('/api/FKContractors/Page')
			.query(true)
			.reply(200, { Data: [fk], TotalItems: 1 });
		expect(
			(await run({ resource: 'fkContractor', operation: 'getMany', returnAll: true })).items,
		).toHaveLength(1);
	});

	it('Create uses Address (not DefaultAddress) and reads the contractor back when the answer has no Position', async () => {
		session();
		let sent: Record<string, unknown> = {};
		api()
			.post('/api/FKContractors/Create', (body) => ((sent = body), true))
			.reply(200, { Id: 2, Code: 'N1' });
		api()
			.get('/api/FKContractors')
			.query({ code: 'N1' })
			.reply(200, { Id: 2, Code: 'N1', Position: 155 });
		const { items } = await run({
			resource: 'fkContractor',
			operation: 'create',
			code: 'N1',
			name: 'Nowy',
			additionalFields: { city: 'Lublin' },
		});
		expect(sent).toEqual({ Code: 'N1', Name: 'Nowy', Address: { City: 'Lublin' } });
		expect(items[0].json.Position).toBe(155);
	});

	it('Update and Create or Update keep the Position in the output', async () => {
		session();
		api().get('/api/FKContractors').query({ id: '1' }).reply(200, fk);
		api()
			.put(
				'/api/FKContractors/Update',
				(body) => body.Position === 154 && body.Address.City === 'Gdynia',
			)
			.reply(200, '');
		const updated = await run({
			resource: 'fkContractor',
			operation: 'update',
			findBy: 'id',
			value: '1',
			updateFields: { city: 'Gdynia' },
		});
		expect(updated.items[0].json).toMatchObject({ Position: 154, symfoniaAction: 'updated' });
		session();
		api().get('/api/FKContractors').query({ nip: '7740001454' }).reply(200, [fk]);
		const upserted = await run({
			resource: 'fkContractor',
			operation: 'upsert',
			matchBy: 'nip',
			name: 'Dostawca',
			nip: '7740001454',
		});
		expect(upserted.items[0].json).toMatchObject({ Position: 154, symfoniaAction: 'unchanged' });
	});
});

describe('Accounting Document (FK)', () => {
	const doc = {
		resource: 'fkDocument',
		operation: 'create',
		kind: 'saleInvoice',
		yearId: 12,
		typeCode: 'FS',
		documentNumber: 'FS/1/2026',
		issueDate: '2026-05-10',
		contractorPosition: '154',
		postings: {
			posting: [
				{ side: 0, account: '201-2-1-154', value: 123, maturityDate: '2026-05-24' },
				{ side: 1, account: '700', value: 100 },
				{ side: 1, account: '222', value: 23 },
			],
		},
		vatRegisters: {
			entry: [{ definitionId: 4, type: 1, vatRate: '23', net: 100, vat: 23, period: '2026-05-17' }],
		},
		additionalFields: {
			currency: 'EUR',
			currencyRate: 4.25,
			documentFeatures: [7, 9],
			features: '3, 7',
			periodDate: '2026-05-01',
		},
	};

	/** The reads a create makes before it posts: the currency's rates tables, then the buffer and books of the year. */
	function lookups(found: { buffer?: object[]; books?: object[] } = {}) {
		const currencies = api()
			.get('/api/FKCurrencies')
			.reply(200, [
				{ Id: 1, Shortcut: 'PLN' },
				{ Id: 2, Shortcut: 'EUR' },
			]);
		const tables = api()
			.get('/api/FKCurrenciesTables')
			.query({ currencyId: '2' })
			.reply(200, [
				{
					Id: 70,
					CurrencyId: 2,
					Date: '2026-05-07T00:00:00',
					PurchaseCurrencyRate: 4.2,
					SaleCurrencyRate: 4.3,
				},
				{
					Id: 71,
					CurrencyId: 2,
					Date: '2026-05-08T00:00:00',
					PurchaseCurrencyRate: 4.24,
					SaleCurrencyRate: 4.26,
				},
				{
					Id: 72,
					CurrencyId: 2,
					Date: '2026-05-10T00:00:00',
					PurchaseCurrencyRate: 4.5,
					SaleCurrencyRate: 4.5,
				},
			]);
		const years = api()
			.get('/api/FKYears')
			.reply(200, [
				{ Id: 11, StartDate: '2025-01-01T00:00:00', EndDate: '2025-12-31T00:00:00' },
				{ Id: 12, StartDate: '2026-01-01T00:00:00', EndDate: '2026-12-31T00:00:00' },
			]);
		const query = {
			yearId: '12',
			dateFrom: '2026-01-01',
			dateTo: '2026-12-31',
			contractorPosition: '154',
		};
		const buffer = api()
			.get('/api/FKDocuments/Buffer')
			.query(query)
			.reply(200, found.buffer ?? []);
		const books = found.buffer?.length
			? undefined
			: api()
					.get('/api/FKDocuments/AccountingBooks')
					.query(query)
					.reply(200, found.books ?? []);
		return { currencies, tables, years, buffer, books };
	}

	it('Create sends postings and VAT registers (PLN values from the rate) and passes FK warnings through', async () => {
		session();
		const reads = lookups();
		let sent: Record<string, unknown> = {};
		api()
			.post('/api/FKDocumentsIssue/NewSaleInvoice', (body) => ((sent = body), true))
			.reply(200, {
				Id: 9,
				Source: 1,
				FKMessages: [
					{ Message: 'Uwaga: kurs', Type: 1 },
					{ Message: 'Info', Type: 0 },
				],
			});
		const { items, error } = await run(doc);
		expect(error).toBeUndefined();
		// The rate the user gave; the table of the last day before the issue date (mean type by default).
		expect(sent).toMatchObject({
			YearId: 12,
			TypeCode: 'FS',
			DocumentNumber: 'FS/1/2026',
			IssueDate: '2026-05-10T00:00:00',
			ContractorPosition: 154,
			Currency: 'EUR',
			CurrencyRate: 4.25,
			CurrencyRateType: 3,
			CurrencyRateTableId: 71,
			Features: [7, 9, 3],
			PeriodDate: '2026-05-01T00:00:00',
		});
		expect((sent.Records as object[])[0]).toEqual({
			No: 1,
			Side: 0,
			Account: { Synthetic: 201, Analytic1: 2, Analytic2: 1, Analytic3: 154 },
			Value: 123,
			ValuePLN: 522.75,
			DescriptionKind: 0,
			Transactions: [{ MaturityDate: '2026-05-24T00:00:00', Value: 123, ValuePLN: 522.75 }],
		});
		expect((sent.VatRegisters as object[])[0]).toMatchObject({
			DefinitionId: 4,
			Period: '2026-05-01T00:00:00',
			GrossValuePLN: 123,
		});
		expect(items[0].json).toMatchObject({
			Id: 9,
			warnings: ['Uwaga: kurs'],
			symfoniaAction: 'created',
		});
		expect(Object.values(reads).every((scope) => !scope || scope.isDone())).toBe(true);
	});

	it('without a rate, the rate of the chosen kind comes from the table; PLN sends PLN at rate 1', async () => {
		session();
		lookups();
		let sent: Record<string, unknown> = {};
		api()
			.post('/api/FKDocumentsIssue/NewSaleInvoice', (body) => ((sent = body), true))
			.reply(200, { Id: 9 });
		await run({ ...doc, additionalFields: { currency: 'eur', currencyRateType: 2 } });
		expect(sent).toMatchObject({
			Currency: 'EUR',
			CurrencyRate: 4.26,
			CurrencyRateType: 2,
			CurrencyRateTableId: 71,
		});
		session();
		api()
			.get('/api/FKYears')
			.reply(200, [{ Id: 12, StartDate: '2026-01-01T00:00:00', EndDate: '2026-12-31T00:00:00' }]);
		api().get('/api/FKDocuments/Buffer').query(true).reply(200, []);
		api().get('/api/FKDocuments/AccountingBooks').query(true).reply(200, []);
		api()
			.post('/api/FKDocumentsIssue/NewSaleInvoice', (body) => ((sent = body), true))
			.reply(200, { Id: 10 });
		const pln = await run({
			...doc,
			postings: {
				posting: [
					{ side: 0, account: '201', value: 10, description: 'Należność' },
					{ side: 1, account: '700', value: 10 },
				],
			},
			additionalFields: {},
		});
		expect(pln.error).toBeUndefined();
		expect(sent).toMatchObject({
			Currency: 'PLN',
			CurrencyRate: 1,
			CurrencyRateType: 0,
			CurrencyRateTableId: 0,
		});
		expect(sent.Records).toEqual([
			{
				No: 1,
				Side: 0,
				Account: { Synthetic: 201 },
				Value: 10,
				ValuePLN: 10,
				Description: 'Należność',
				DescriptionKind: 1,
			},
			{ No: 2, Side: 1, Account: { Synthetic: 700 }, Value: 10, ValuePLN: 10, DescriptionKind: 0 },
		]);
	});

	it.each([
		[
			'no Id',
			{ FKMessages: [{ Message: 'Brak roku', Type: 2 }] },
			'Symfonia FK did not save the document: Brak roku',
			'rejectedByApi',
		],
		[
			'Id 0',
			{
				Id: 0,
				DocumentNumber: 'FS/1/2026',
				FKMessages: [
					{ Message: 'Konto 999 nie istnieje', Type: 2 },
					{ Message: 'Uwaga', Type: 1 },
				],
			},
			'Symfonia FK did not save the document: Konto 999 nie istnieje',
			'rejectedByApi',
		],
		[
			'Id 0 without messages',
			{ Id: 0 },
			'Symfonia FK answered without the ID of the document',
			'unreadableAnswer',
		],
	])(
		'a 200 with %s is not "created": an error carrying the FK messages',
		async (_label, answer, message, kind) => {
			session();
			lookups();
			api().post('/api/FKDocumentsIssue/NewSaleInvoice').reply(200, answer);
			if (kind === 'unreadableAnswer') {
				// Whether FK saved it is unknown, so the lists are read again before giving up.
				api()
					.get('/api/FKYears')
					.reply(200, [
						{ Id: 12, StartDate: '2026-01-01T00:00:00', EndDate: '2026-12-31T00:00:00' },
					]);
				api().get('/api/FKDocuments/Buffer').query(true).reply(200, []);
				api().get('/api/FKDocuments/AccountingBooks').query(true).reply(200, []);
			}
			const { error } = await run(doc);
			expect(error?.name).toBe('NodeApiError');
			expect(error?.message).toContain(message);
			expect((error as { context?: { errorKind?: string } }).context?.errorKind).toBe(kind);
			expect(nock.pendingMocks()).toEqual([]);
		},
	);

	it('a document already in the buffer (same number, same contractor) is returned and nothing is posted', async () => {
		session();
		lookups({
			buffer: [
				{ Id: 5, DocumentNumber: 'FS/1/2025', ContractorPosition: 154 },
				{ Id: 6, DocumentNumber: ' fs/1/2026 ', ContractorPosition: 154, Source: 1 },
			],
		});
		const post = api().post('/api/FKDocumentsIssue/NewSaleInvoice').reply(200, { Id: 99 });
		const { items, error } = await run(doc);
		expect(error).toBeUndefined();
		expect(post.isDone()).toBe(false);
		expect(items[0].json).toMatchObject({
			Id: 6,
			symfoniaAction: 'existing',
			symfoniaFoundIn: 'buffer',
			symfoniaMessage:
				'Document  fs/1/2026  of contractor position 154 is already in the FK buffer (ID 6); nothing was created',
		});
	});

	it('an unknown currency names the field and what FK has', async () => {
		session();
		api()
			.get('/api/FKCurrencies')
			.reply(200, [
				{ Id: 1, Shortcut: 'PLN' },
				{ Id: 2, Shortcut: 'EUR' },
			]);
		const { error } = await run({ ...doc, additionalFields: { currency: 'XYZ' } });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toContain(
			'Currency: "XYZ" is not a currency of this FK (FKCurrencies: PLN, EUR)',
		);
	});

	it.each([
		[
			{ postings: { posting: [{ side: 0, account: '40x-1', value: 1 }] } },
			'Postings, posting 1, Account: "40x-1" is not an account number',
		],
		[{ contractorPosition: '' }, 'Contractor Position: is required for an invoice'],
		[
			{ vatRegisters: { entry: [{ definitionId: 4, net: 1, vat: 0 }] } },
			'VAT Registers, entry 1, VAT Rate: is required',
		],
		[{ yearId: '={{ $json.none }}' }, 'Fiscal Year: is required'],
	])('refuses bad FK input before any request: %j', async (parameters, message) => {
		const open = nock(HOST)
			.get('/api/Sessions/OpenNewSession')
			.query(true)
			.reply(200, JSON.stringify(S1));
		const { error } = await run({ ...doc, ...parameters });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toContain(message);
		expect(open.isDone()).toBe(false);
	});

	it('Validate Only sends PATCH to the same path and reports errors and warnings (simple document, JSON postings)', async () => {
		session();
		let sent: Record<string, unknown> = {};
		api()
			.patch('/api/FKDocumentsIssue/NewSimple', (body) => ((sent = body), true))
			.reply(200, [
				{ Message: 'Niezbilansowany', Type: 2 },
				{ Message: 'Uwaga', Type: 1 },
			]);
		const { items } = await run({
			...doc,
			operation: 'validate',
			kind: 'simple',
			contractorPosition: '',
			postingsInput: 'json',
			postingsJson: '[{"Side": 0, "Account": {"Synthetic": 402}, "Value": 10.005}]',
			additionalFields: {},
		});
		expect(sent.VatRegisters).toBeUndefined();
		expect((sent.Records as object[])[0]).toEqual({
			No: 1,
			Side: 0,
			Account: { Synthetic: 402 },
			Value: 10.01,
			ValuePLN: 10.01,
			DescriptionKind: 0,
		});
		expect(sent.Currency).toBeUndefined();
		expect(items[0].json).toMatchObject({
			valid: false,
			errors: ['Niezbilansowany'],
			warnings: ['Uwaga'],
		});
	});

	it('Create by Posting Scheme posts to FKDocumentsBussinessIssue', async () => {
		session();
		let sent: Record<string, unknown> = {};
		api()
			.post(
				'/api/FKDocumentsBussinessIssue/NewPurchaseInvoiceCorrection',
				(body) => ((sent = body), true),
			)
			.reply(200, { Id: 3, FKMessages: [] });
		const { items } = await run({
			resource: 'fkDocument',
			operation: 'createBusiness',
			businessKind: 'purchaseInvoiceCorrection',
			documentType: 'FZK',
			documentNumber: 'K/1',
			issueDate: '2026-05-10',
			contractorPosition: '154',
			positions: { position: [{ vatRate: '23', net: -10, vat: -2.3 }] },
			additionalFields: { extraJson: '{"Corrections": [{"DocumentNumber": "FV/1"}]}' },
		});
		expect(sent).toMatchObject({
			DocumentType: 'FZK',
			ContractorPosition: 154,
			Currency: 'PLN',
			CurrencyRate: 1,
			Positions: [
				{
					VatRate: '23',
					NetValue: -10,
					VatValue: -2.3,
					GrossValue: -12.3,
					NetValuePLN: -10,
					GrossValuePLN: -12.3,
				},
			],
			Corrections: [{ DocumentNumber: 'FV/1' }],
		});
		expect(items[0].json.Id).toBe(3);
	});

	it('Get and Get Many (books)', async () => {
		session();
		api().get('/api/FKDocuments').query({ id: '9', yearId: '12' }).reply(200, { Id: 9 });
		expect(
			(await run({ resource: 'fkDocument', operation: 'get', documentId: '9', yearId: 12 }))
				.items[0].json.Id,
		).toBe(9);
		session();
		api()
			.get('/api/FKDocuments/AccountingBooks')
			.query({
				yearId: '12',
				dateFrom: '2026-01-01',
				dateTo: '2026-12-31',
				contractorPosition: '154',
			})
			.reply(200, [{ Id: 1 }, { Id: 2 }, { Id: 3 }]);
		const many = await run({
			resource: 'fkDocument',
			operation: 'getMany',
			source: 'AccountingBooks',
			yearId: 12,
			dateFrom: '2026-01-01',
			dateTo: '2026-12-31',
			contractorPosition: '154',
			returnAll: false,
			limit: 2,
		});
		expect(many.items).toHaveLength(2);
	});
});

describe('Dictionary, Custom API Call, Continue On Fail', () => {
	it.each([
		['fkDocumentTypes', { fiscalYearId: '12' }, '/api/FKDocuments/DocumentTypes', { yearId: '12' }],
		['documentSeries', { documentTypeId: '3' }, '/api/DocumentSeries', { documentTypeId: '3' }],
		['fkYears', { date: '2026-02-01' }, '/api/FKYears', { date: '2026-02-01' }],
		['paymentForms', {}, '/api/PaymentForms', {}],
	])('dictionary %s', async (dictionary, extra, path, query) => {
		session();
		api()
			.get(path)
			.query(query)
			.reply(200, dictionary === 'fkYears' ? { Id: 12 } : [{ Id: 1 }, { Id: 2 }]);
		const { items, error } = await run({
			resource: 'dictionary',
			operation: 'get',
			dictionary,
			...extra,
		});
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThanOrEqual(1);
	});

	it('custom call: path with or without /api, query, JSON body, empty answer; POST not retried', async () => {
		session();
		let sent: unknown;
		api()
			.post('/api/Products/Filter', (body) => ((sent = body), true))
			.query({ salePrices: 'true' })
			.reply(200, '');
		const { items, error } = await run({
			resource: 'customApiCall',
			operation: 'call',
			method: 'POST',
			path: '/api/Products/Filter',
			query: { pair: [{ name: 'salePrices', value: 'true' }] },
			body: '[{"Code":"X"}]',
		});
		expect(error).toBeUndefined();
		expect(sent).toEqual([{ Code: 'X' }]);
		expect(items[0].json).toEqual({ success: true });
		const bad = await run({
			resource: 'customApiCall',
			operation: 'call',
			method: 'GET',
			path: 'http://evil.test/api/x',
		});
		expect(bad.error?.message).toContain('Path: must be a path');
	});

	it('an error answered with HTTP 200 and only {Message} is an error', async () => {
		session();
		api().get('/api/Warehouses').reply(200, { Message: 'Moduł Handel nie jest uruchomiony.' });
		const { error } = await run({
			resource: 'dictionary',
			operation: 'get',
			dictionary: 'warehouses',
		});
		expect(error?.message).toBe(
			'Symfonia WebAPI answered HTTP 200 to GET /api/Warehouses: Moduł Handel nie jest uruchomiony.',
		);
	});

	it('ModelState and ExceptionMessage are read when there is no plain Message', async () => {
		session();
		api()
			.post('/api/Contractors/Create')
			.query(true)
			.reply(400, { ModelState: { 'contractor.Name': ['Pole Nazwa jest wymagane.'] } });
		const { error } = await run({
			resource: 'contractor',
			operation: 'create',
			code: 'X',
			name: 'Y',
		});
		expect(error?.description).toContain('contractor.Name: Pole Nazwa jest wymagane.');
	});

	it('Continue On Fail: error items paired to their input, the other items go on in the same session', async () => {
		const { open, close } = session();
		api().get('/api/Contractors').query({ code: 'OK' }).reply(200, acme);
		api()
			.get('/api/Contractors')
			.query({ code: 'BAD' })
			.reply(404, { Message: 'Nie znaleziono kontrahenta.' });
		const { items, error } = await run(
			{ resource: 'contractor', operation: 'get', findBy: 'code', value: '={{ $json.code }}' },
			[{ code: 'BAD' }, { code: '' }, { code: 'OK' }],
			'continueRegularOutput',
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json).toMatchObject({
			httpCode: '404',
			description: expect.stringContaining('Nie znaleziono kontrahenta.'),
		});
		expect(items[1].json.error).toContain('Value: is required [item 1]');
		expect(items[2].json.Code).toBe('ACME');
		expect(open.isDone() && close.isDone()).toBe(true);
	});
});

describe('find-before-create safety', () => {
	it('a routing 404 (endpoint missing in this WebAPI version) is an error, not "contractor not found"', async () => {
		session();
		api().get('/api/Contractors').query({ code: 'NEW' }).reply(404, {
			Message:
				"No HTTP resource was found that matches the request URI 'http://x/api/Contractors?code=NEW'.",
		});
		const create = api().post('/api/Contractors/Create').query(true).reply(200, {});
		const { error } = await run({
			resource: 'contractor',
			operation: 'upsert',
			matchBy: 'code',
			code: 'NEW',
			name: 'Nowy',
		});
		expect(error?.message).toContain('HTTP 404');
		expect(error?.description).toContain('Swagger');
		expect(create.isDone()).toBe(false);
	});
});

describe('odd answers are errors, never a TypeError', () => {
	it.each([
		['an empty body', ''],
		['null', 'null'],
		['a bare string', '"abc"'],
	])('Get answered with %s', async (_, body) => {
		session();
		api().get('/api/Sales').query({ id: '1' }).reply(200, body);
		const { error } = await run({
			resource: 'salesDocument',
			operation: 'get',
			findBy: 'id',
			value: '1',
		});
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toMatch(/empty body|where a record or a list was expected/);
	});

	it('a truncated list is quoted, not parsed', async () => {
		session();
		api().get('/api/FKVatRates').reply(200, '[{"Code": "23", "Ra');
		const { error } = await run({
			resource: 'dictionary',
			operation: 'get',
			dictionary: 'fkVatRates',
		});
		expect(error?.message).toBe('The API answered with something that is not JSON');
		expect(error?.description).toContain('[{"Code": "23", "Ra');
	});
});
