/**
 * Firmino Recurring Invoices through n8n-core's engine, the API mocked with nock: every action, the
 * validation before any request, the envelope errors, the retry policy and Continue On Fail.
 */
import nock from 'nock';

import { runNode } from '../harness';

const HOST = 'https://firmino.test';
const PATH = '/app/services/rest/api/recurring-documents';
const credentials = {
	firminoApi: { login: 'jan@biuro.pl', password: 'S3cret-Pass!', baseUrl: `${HOST}${PATH}/` },
};
const BASIC = `Basic ${Buffer.from('jan@biuro.pl:S3cret-Pass!').toString('base64')}`;

const stored = {
	id: 29910,
	idSaleDocument: 19818500,
	intervalTimeType: 'month',
	name: 'CYKLICZNA - Test',
	startDate: '2022-08-25',
	active: 'true',
	email: 'a@firma.pl;b@firma.pl;',
	emailForConfirmation: null,
	hourToSend: '10',
};

function run(
	parameters: Record<string, unknown>,
	items: object[] = [{}],
	onError?: 'continueRegularOutput',
) {
	return runNode(
		{
			type: 'firminoRecurringInvoices',
			parameters: { resource: 'recurringInvoice', ...parameters },
			onError,
		},
		items as never,
		credentials,
	);
}

const api = () => nock(HOST, { reqheaders: { authorization: BASIC } });

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
});
afterAll(() => nock.enableNetConnect());

describe('Create', () => {
	it('sends name, sales document and the typed optional fields, and returns the document with a boolean Active', async () => {
		let sent: Record<string, unknown> = {};
		api()
			.post(`${PATH}/add`, (body) => ((sent = body), true))
			.reply(200, {
				success: true,
				response: { ...stored, active: 'false', intervalTimeType: 'week' },
			});

		const { items, error } = await run(
			{
				operation: 'create',
				name: '={{ $json.client }}',
				idSaleDocument: '={{ $json.invoiceId }}',
				additionalFields: {
					intervalTimeType: 'week',
					startDate: '2026-12-01T00:00:00',
					active: false,
					email: 'a@firma.pl, b@firma.pl',
					hourToSend: 8,
				},
			},
			[{ client: 'Test', invoiceId: '19818500' }],
		);

		expect(error).toBeUndefined();
		expect(sent).toEqual({
			name: 'Test',
			idSaleDocument: 19818500,
			intervalTimeType: 'week',
			startDate: '2026-12-01',
			active: false,
			email: 'a@firma.pl;b@firma.pl',
			hourToSend: '8',
		});
		expect(items).toHaveLength(1);
		expect(items[0].json.active).toBe(false);
		expect(items[0].json.email).toBe('a@firma.pl;b@firma.pl');
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it.each([
		[{ name: '={{ $json.missing }}', idSaleDocument: '5' }, 'Name: is required [item 0]'],
		[
			{ name: 'X', idSaleDocument: 'abc' },
			'Sales Document ID: must be a whole number, got "abc" [item 0]',
		],
		[
			{ name: 'X', idSaleDocument: '5', additionalFields: { startDate: '2026-02-30' } },
			'Start Date: is not a real calendar date',
		],
		[
			{ name: 'X', idSaleDocument: '5', additionalFields: { email: 'a@firma.pl; nope' } },
			'E-Mail: "nope" is not an e-mail address',
		],
		[
			{ name: 'X', idSaleDocument: '5', additionalFields: { hourToSend: 24 } },
			'Hour to Send: must be a whole number from 0 to 23',
		],
	])('refuses bad input before sending anything: %j', async (parameters, message) => {
		const scope = api().post(`${PATH}/add`).reply(200, { success: true, response: stored });
		const { error } = await run({ operation: 'create', ...parameters });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toContain(message);
		expect(scope.isDone()).toBe(false);
	});

	it('turns success:false into a NodeApiError carrying the Polish message, of kind rejectedByApi', async () => {
		api().post(`${PATH}/add`).reply(200, { success: false, response: 'Brak wymaganych wartości' });
		const { error } = await run({ operation: 'create', name: 'X', idSaleDocument: '5' });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toContain('Required values are missing');
		expect(error?.description).toContain('Brak wymaganych wartości');
		expect(error?.context?.errorKind).toBe('rejectedByApi');
	});

	it('is never retried: a 503 is an error that says to check before running again', async () => {
		api().post(`${PATH}/add`).reply(503, 'Service Unavailable');
		const second = api().post(`${PATH}/add`).reply(200, { success: true, response: stored });
		const { error } = await run({ operation: 'create', name: 'X', idSaleDocument: '5' });
		expect(error?.message).toContain('HTTP 503');
		expect(error?.message).toContain('not retried');
		expect(second.isDone()).toBe(false);
	});
});

describe('Get', () => {
	it("sends POST get/{id} with the JSON content type and a {} body, as the page's curl does", async () => {
		nock(HOST, { reqheaders: { authorization: BASIC, 'content-type': 'application/json' } })
			.post(`${PATH}/get/29910`, (sent) => JSON.stringify(sent) === '{}')
			.reply(200, { success: true, response: stored });
		const { items, error } = await run({ operation: 'get', recurringInvoiceId: '29910' });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ id: 29910, active: true, name: 'CYKLICZNA - Test' });
	});

	// Dropped connections and timeouts are exercised against the emulator's real sockets (emulator.test.ts).
	it('retries a read after 503 and 429, honouring Retry-After', async () => {
		api().post(`${PATH}/get/29910`).reply(503, '', { 'Retry-After': '0' });
		api().post(`${PATH}/get/29910`).reply(429, '', { 'Retry-After': '1' });
		api().post(`${PATH}/get/29910`).reply(200, { success: true, response: stored });
		const { items, error } = await run({
			operation: 'get',
			recurringInvoiceId: 29910,
			requestOptions: { maxRetries: 2 },
		});
		expect(error).toBeUndefined();
		expect(items[0].json.id).toBe(29910);
	});

	it('stops after the configured retries and says how many were made', async () => {
		api().post(`${PATH}/get/1`).times(2).reply(502, '<html>Bad Gateway</html>');
		const { error } = await run({
			operation: 'get',
			recurringInvoiceId: '1',
			requestOptions: { maxRetries: 1 },
		});
		expect(error?.message).toContain('HTTP 502');
		expect(error?.message).toContain('after 1 retries');
	});

	it('quotes the start of a body that is not JSON instead of crashing', async () => {
		api().post(`${PATH}/get/1`).reply(200, '{"success": true, "response": {"hourToSend": "10"S}');
		const { error } = await run({ operation: 'get', recurringInvoiceId: '1' });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('The API answered with something that is not JSON');
		expect(error?.description).toContain('"hourToSend": "10"S');
	});

	it('returns the raw envelope when Simplify is off', async () => {
		api().post(`${PATH}/get/29910`).reply(200, { success: true, response: stored });
		const { items } = await run({ operation: 'get', recurringInvoiceId: '29910', simplify: false });
		expect(items[0].json).toEqual({ success: true, response: stored });
	});
});

describe('Get Many', () => {
	// List rows carry the Polish label only, no intervalTimeType (docs/api/firmino.md "find").
	const row: Record<string, unknown> = { ...stored };
	delete row.intervalTimeType;
	const listItem = (id: number) => ({
		...row,
		id,
		saleDocumentName: 'FAS 2/08/2022',
		intervalTypeName: 'Tydzień',
	});

	it('Return All pages until params.total, with search text and filters', async () => {
		const bodies: Array<Record<string, unknown>> = [];
		const page = (ids: number[]) => ({
			success: true,
			response: { params: { total: 52, page: 1, size: 50 }, list: ids.map(listItem) },
		});
		api()
			.post(`${PATH}/find`, (body) => (bodies.push(body), body.page === 1))
			.reply(200, page(Array.from({ length: 50 }, (_, i) => i + 1)));
		api()
			.post(`${PATH}/find`, (body) => (bodies.push(body), body.page === 2))
			.reply(200, page([51, 52]));

		const { items, error } = await run({
			operation: 'getMany',
			returnAll: true,
			filters: {
				text: 'FAS',
				intervalTimeType: 'week',
				otherFilters: { filter: [{ name: 'active', value: 'true' }] },
			},
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(52);
		expect(items[51].json.id).toBe(52);
		expect(items[0].json.active).toBe(true);
		expect(bodies[0]).toEqual({
			text: 'FAS',
			filters: [
				{ name: 'intervalTimeType', value: 'week' },
				{ name: 'active', value: 'true' },
			],
			page: 1,
			size: 50,
		});
	});

	it('rows get the interval code back from the Polish label (unknown labels stay without one); Sort goes into the request', async () => {
		let sent: Record<string, unknown> = {};
		api()
			.post(`${PATH}/find`, (body) => ((sent = body as Record<string, unknown>), true))
			.reply(200, {
				success: true,
				response: {
					params: { total: 3 },
					list: [
						listItem(1),
						{ ...listItem(2), intervalTypeName: 'Miesiąc' },
						{ ...listItem(3), intervalTypeName: 'Co dwa tygodnie' },
					],
				},
			});
		const { items, error } = await run({
			operation: 'getMany',
			returnAll: true,
			sort: { sortField: 'startDate', sortOrder: 'desc' },
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.intervalTimeType)).toEqual(['week', 'month', undefined]);
		expect(sent).toMatchObject({ sortField: 'startDate', sortOrder: 'desc', page: 1 });
		const bad = await run({ operation: 'getMany', sort: { sortField: '={{ { a: 1 } }}' } });
		expect(bad.error?.message).toContain('Sort Field: must be text');
	});

	it('Limit asks for no more than needed', async () => {
		api()
			.post(`${PATH}/find`, (body) => body.size === 3 && body.page === 1)
			.reply(200, {
				success: true,
				response: { params: { total: 40 }, list: [1, 2, 3].map(listItem) },
			});
		const { items } = await run({ operation: 'getMany', returnAll: false, limit: 3 });
		expect(items.map((item) => item.json.id)).toEqual([1, 2, 3]);
	});
});

describe('Update', () => {
	it('reads the document, then sends it whole with only the changed fields replaced', async () => {
		let sent: Record<string, unknown> = {};
		api().post(`${PATH}/get/29910`).reply(200, { success: true, response: stored });
		api()
			.post(`${PATH}/update`, (body) => ((sent = body), true))
			.reply(200, { success: true, response: { ...stored, hourToSend: '7' } });

		const { items, error } = await run({
			operation: 'update',
			recurringInvoiceId: '29910',
			updateFields: { hourToSend: 7 },
		});
		expect(error).toBeUndefined();
		expect(sent).toEqual({
			id: 29910,
			idSaleDocument: 19818500,
			intervalTimeType: 'month',
			name: 'Test',
			startDate: '2022-08-25',
			active: true,
			email: 'a@firma.pl;b@firma.pl',
			hourToSend: '7',
		});
		expect(items[0].json.hourToSend).toBe('7');
	});

	it('needs at least one field to change', async () => {
		const { error } = await run({ operation: 'update', recurringInvoiceId: '1', updateFields: {} });
		expect(error?.message).toContain('Update Fields: add at least one field to change [item 0]');
	});
});

describe('Delete and Get Defaults', () => {
	it('deletes by id', async () => {
		api().post(`${PATH}/delete/29892`).reply(200, { success: true, response: 'Usunięto dokument' });
		const { items } = await run({ operation: 'delete', recurringInvoiceId: '29892' });
		expect(items[0].json).toEqual({ id: 29892, deleted: true, message: 'Usunięto dokument' });
	});

	it('gets the defaults for a new document', async () => {
		let sent: Record<string, unknown> = {};
		api()
			.post(`${PATH}/init`, (body) => ((sent = body), true))
			.reply(200, { success: true, response: { ...stored, id: null } });
		const { items } = await run({
			operation: 'getDefaults',
			additionalFields: { name: 'Test', idSaleDocument: 19818500 },
		});
		expect(sent).toEqual({ name: 'Test', idSaleDocument: 19818500 });
		expect(items[0].json).toMatchObject({ id: null, active: true, hourToSend: '10' });
	});
});

describe('Continue On Fail', () => {
	it('keeps the other items going and pairs the error item to its input', async () => {
		api()
			.post(`${PATH}/get/7`)
			.reply(200, { success: true, response: { ...stored, id: 7 } });
		const { items, error } = await run(
			{ operation: 'get', recurringInvoiceId: '={{ $json.id }}' },
			[{ id: 'x1' }, { id: 7 }],
			'continueRegularOutput',
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0].json.error).toContain(
			'Recurring Invoice ID: must be a whole number, got "x1" [item 0]',
		);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[1].json.id).toBe(7);
		expect(items[1].pairedItem).toEqual({ item: 1 });
	});
});

describe('Secrets', () => {
	it('never shows the password or the Basic header in an error, even when the API echoes them', async () => {
		api().post(`${PATH}/find`).reply(401, `Unauthorized: ${BASIC} / S3cret-Pass!`);
		api().post(`${PATH}/add`).reply(200, { success: false, response: 'Złe hasło S3cret-Pass!' });
		const results = [
			await run({ operation: 'getMany', returnAll: true }),
			await run(
				{ operation: 'create', name: 'X', idSaleDocument: '1' },
				[{}],
				'continueRegularOutput',
			),
		];
		const seen = JSON.stringify(
			results.map(({ error, items }) => ({
				error: error && { ...error, message: error.message, description: error.description },
				items,
			})),
		);
		expect(seen).toContain('HTTP 401');
		expect(seen).not.toContain('S3cret-Pass!');
		expect(seen).not.toContain(BASIC.slice(6));
	});
});
