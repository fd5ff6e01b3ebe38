/**
 * The Smartup node through n8n-core's engine, the API mocked with nock: every action's request and
 * answer handling, validation before any request, body-level errors on HTTP 200, retries, secrets.
 * Paths, roots and filter names below are copied from docs/api/smartup.md, not from the node.
 */
import nock from 'nock';

import { DOCUMENT_TYPES } from '../../nodes/Smartup/types';
import { runNode } from '../harness';

const HOST = 'https://smartup.test';
const PREFIX = '/xtrade';
const LOGIN = 'admin@acme';
const PASSWORD = 'Sm4rt-Secret!';
const BASIC = `Basic ${Buffer.from(`${LOGIN}:${PASSWORD}`).toString('base64')}`;

const credentials = (extra: Record<string, unknown> = {}) => ({
	smartupApi: {
		baseUrl: `${HOST}${PREFIX}/`,
		authType: 'basic',
		login: LOGIN,
		password: PASSWORD,
		projectCode: 'trade',
		filialId: '86401',
		accessToken: '',
		...extra,
	},
});

function run(
	parameters: Record<string, unknown>,
	items: object[] = [{}],
	onError?: 'continueRegularOutput',
	extra?: Record<string, unknown>,
) {
	return runNode({ type: 'smartup', parameters, onError }, items as never, credentials(extra));
}

const api = () =>
	nock(HOST, { reqheaders: { authorization: BASIC, project_code: 'trade', filial_id: '86401' } });

/** Records the JSON bodies sent to one path. */
function capture(path: string, reply: unknown, times = 1, status = 200) {
	const bodies: Array<Record<string, unknown>> = [];
	const scope = api()
		.post(`${PREFIX}${path}`, (body) => (bodies.push(body as Record<string, unknown>), true))
		.times(times)
		.reply(status, reply as nock.Body);
	return { bodies, scope };
}

// n8n-core's first run loads many modules; on a busy 2-core machine that can pass jest's 5 s default.
jest.setTimeout(20_000);

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
});
afterAll(() => nock.enableNetConnect());

const ORDER_EXPORT = '/b/trade/txs/tdeal/order$export';
const ORDER_IMPORT = '/b/trade/txs/tdeal/order$import';
const LIMITS = {
	has_limit: 'Y',
	limit_quant: '500',
	request_quant: '12',
	left_limit_quant: '488',
	object_count: '5000',
	day_range_limit: '7',
};
const orderRow = (id: string, extra: Record<string, unknown> = {}) => ({
	deal_id: id,
	external_id: `n8n-${id}`,
	status: 'B#N',
	total_amount: '24000',
	person_code: 'C-77',
	person_local_code: 'L-77',
	order_products: [
		{
			product_unit_id: '7001',
			product_code: 'P-10',
			product_local_code: 'LP-10',
			order_quant: '2',
			product_price: '12000',
			sold_amount: '24000',
		},
	],
	...extra,
});

describe('Credential', () => {
	it('sends Basic auth, project_code and filial_id on every call, to the base URL with its prefix', async () => {
		const { scope } = capture('/b/anor/mxsx/mkw/warehouse$export', {
			warehouse: [{ warehouse_id: '61', code: '001', name: 'Main' }],
		});
		const { items, error } = await run({
			resource: 'warehouse',
			operation: 'getMany',
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(items[0].json).toEqual({ warehouse_id: '61', code: '001', name: 'Main' });
	});

	it('leaves filial_id out when it is empty', async () => {
		let headers: Record<string, unknown> = {};
		nock(HOST)
			.post(`${PREFIX}/b/anor/mxsx/mkw/warehouse$export`)
			.reply(function () {
				headers = this.req.headers;
				return [200, { warehouse: [] }];
			});
		await run({ resource: 'warehouse', operation: 'getMany', returnAll: true }, [{}], undefined, {
			filialId: '',
		});
		expect(headers.filial_id).toBeUndefined();
		expect(headers.project_code).toBe('trade');
	});

	it('OAuth2: gets a token from {base}/security/oauth/token and sends it as Bearer', async () => {
		let tokenBody: Record<string, unknown> = {};
		nock(HOST)
			.post(`${PREFIX}/security/oauth/token`, (body) => ((tokenBody = body), true))
			.reply(200, { access_token: 'T0KEN-abc', token_type: 'bearer', expires_in: 3600 });
		nock(HOST, { reqheaders: { authorization: 'Bearer T0KEN-abc' } })
			.post(`${PREFIX}/b/anor/mxsx/mkw/warehouse$export`)
			.reply(200, { warehouse: [] });
		const { error } = await run(
			{ resource: 'warehouse', operation: 'getMany', returnAll: true },
			[{}],
			undefined,
			{
				authType: 'oauth2',
				clientId: 'cid',
				clientSecret: 'csecret-123',
				scope: 'read',
			},
		);
		expect(error).toBeUndefined();
		expect(tokenBody).toEqual({
			grant_type: 'client_credentials',
			client_id: 'cid',
			client_secret: 'csecret-123',
			scope: 'read',
		});
	});

	it('a refused OAuth2 client is an error without the client secret in it', async () => {
		nock(HOST)
			.post(`${PREFIX}/security/oauth/token`)
			.times(2)
			.reply(401, { error: 'invalid_client', client_secret: 'csecret-123' });
		const { error } = await run(
			{ resource: 'warehouse', operation: 'getMany', returnAll: true },
			[{}],
			undefined,
			{
				authType: 'oauth2',
				clientId: 'cid',
				clientSecret: 'csecret-123',
			},
		);
		expect(error?.name).toBe('NodeApiError');
		expect(`${error?.message} ${error?.description} ${JSON.stringify(error)}`).not.toContain(
			'csecret-123',
		);
	});

	it('never shows the password or the Basic header in an error', async () => {
		api()
			.post(`${PREFIX}${ORDER_EXPORT}`)
			.reply(500, `internal error for ${LOGIN}:${PASSWORD} ${BASIC}`);
		const { error } = await run({
			resource: 'order',
			operation: 'getMany',
			dateFilter: 'none',
			requestOptions: { maxRetries: 0 },
		});
		const text = `${error?.message} ${error?.description} ${JSON.stringify(error)}`;
		expect(error?.name).toBe('NodeApiError');
		expect(text).not.toContain(PASSWORD);
		expect(text).not.toContain(BASIC.slice(6));
	});
});

describe('Order: Get Many', () => {
	it('splits a 10-day range into 7 + 3 days, sends statuses and merges without duplicates', async () => {
		const { bodies } = capture(
			ORDER_EXPORT,
			{ order: [orderRow('1'), orderRow('2')], limits: LIMITS },
			2,
		);
		const { items, error } = await run({
			resource: 'order',
			operation: 'getMany',
			dateFilter: 'document',
			dateFrom: '2026-03-01',
			dateTo: '2026-03-10T23:00:00',
			returnAll: true,
			filters: { statuses: ['B#N'], filialCode: '01' },
			// Dates of the past: the data age rule is switched off here (it has its own tests in realRules.test.ts).
			options: { maxAgeDays: 0 },
		});
		expect(error).toBeUndefined();
		expect(bodies).toEqual([
			{
				filial_code: '01',
				statuses: ['B#N'],
				begin_deal_date: '01.03.2026',
				end_deal_date: '07.03.2026',
			},
			{
				filial_code: '01',
				statuses: ['B#N'],
				begin_deal_date: '08.03.2026',
				end_deal_date: '10.03.2026',
			},
		]);
		expect(items.map((item) => item.json.deal_id)).toEqual(['1', '2']);
		expect(items[0].json.total_amount).toBe(24000);
		expect((items[0].json.order_products as Array<Record<string, unknown>>)[0].order_quant).toBe(2);
		expect(items[0].json.person_code).toBe('C-77');
	});

	it('delivery date is a single-date filter: one request per day', async () => {
		const { bodies } = capture(ORDER_EXPORT, { order: [], limits: LIMITS }, 2);
		await run({
			resource: 'order',
			operation: 'getMany',
			dateFilter: 'delivery',
			dateFrom: '2026-03-01',
			dateTo: '2026-03-02',
			returnAll: true,
			options: { maxAgeDays: 0 },
		});
		expect(bodies).toEqual([{ delivery_date: '01.03.2026' }, { delivery_date: '02.03.2026' }]);
	});

	it('an instant with a time zone is read in Asia/Tashkent (UTC+5)', async () => {
		const { bodies } = capture(ORDER_EXPORT, { order: [] });
		await run({
			resource: 'order',
			operation: 'getMany',
			dateFilter: 'created',
			dateFrom: '2026-03-01T20:30:00Z',
			returnAll: true,
			options: { maxAgeDays: 0 },
		});
		expect(bodies[0]).toEqual({ begin_created_on: '02.03.2026', end_created_on: '02.03.2026' });
	});

	it('Simplify off keeps the strings; local codes and split lines on request; limit', async () => {
		capture(ORDER_EXPORT, { order: [orderRow('1'), orderRow('2')] });
		const raw = await run({
			resource: 'order',
			operation: 'getMany',
			dateFilter: 'none',
			returnAll: false,
			limit: 1,
			simplify: false,
		});
		expect(raw.items).toHaveLength(1);
		expect(raw.items[0].json.total_amount).toBe('24000');
		capture(ORDER_EXPORT, { order: [orderRow('1')] });
		const split = await run({
			resource: 'order',
			operation: 'getMany',
			dateFilter: 'none',
			returnAll: true,
			options: { codeType: 'local', splitLines: true },
		});
		expect(split.items[0].json).toMatchObject({
			deal_id: '1',
			person_code: 'L-77',
			line_product_code: 'LP-10',
			line_order_quant: 2,
		});
		expect(split.items[0].json.order_products).toBeUndefined();
	});

	it.each([
		[
			'error_code on HTTP 200',
			200,
			{ error_code: 'A02-24-070', message: 'Код организации обязателен' },
			'the current organization has none',
			'A02-24-070: Код организации обязателен',
		],
		[
			'errors[] on an export',
			200,
			{ errors: [{ code: '', message: 'Ошибка выгрузки' }] },
			'Smartup refused the request: Ошибка выгрузки',
			'Ошибка выгрузки',
		],
		[
			'plain Russian text on HTTP 200',
			200,
			'Внутренняя ошибка сервера',
			'not JSON',
			'Внутренняя ошибка сервера',
		],
		[
			'HTTP 400 with error_code',
			400,
			{ error_code: 'A02-24-048', message: 'Организация не совпадает' },
			'does not match the organization',
			'Организация не совпадает',
		],
		[
			'HTTP 401 plain text',
			401,
			'Требуется авторизация',
			'Project Code "trade"',
			'Требуется авторизация',
		],
	])(
		'%s is a NodeApiError with the Russian text in the description',
		async (_label, status, body, message, description) => {
			api()
				.post(`${PREFIX}${ORDER_EXPORT}`)
				.reply(status, body as nock.Body);
			// A 401 makes the node try the same login without the Organization ID (which setting is refused?);
			// that refused too, so the generic message stays. Mocked so no unmatched request leaks into the next test.
			if (status === 401)
				nock(HOST)
					.post(`${PREFIX}/b/anor/mxsx/mrf/room$export`)
					.reply(401, 'Требуется авторизация');
			const { error } = await run({ resource: 'order', operation: 'getMany', dateFilter: 'none' });
			expect(error?.name).toBe('NodeApiError');
			expect(error?.message).toContain(message);
			expect(error?.description).toContain(description);
		},
	);

	it('a spent quota (429) is not retried and says so', async () => {
		const { scope } = capture(
			ORDER_EXPORT,
			{ error_code: 'LIMIT', message: 'Превышен лимит' },
			1,
			429,
		);
		const again = api().post(`${PREFIX}${ORDER_EXPORT}`).reply(200, { order: [] });
		const { error } = await run({ resource: 'order', operation: 'getMany', dateFilter: 'none' });
		expect(scope.isDone()).toBe(true);
		expect(again.isDone()).toBe(false);
		expect(error?.message).toContain('daily Smartup request quota');
		expect(error?.description).toContain('Превышен лимит');
	});

	it('retries an export after 503', async () => {
		api().post(`${PREFIX}${ORDER_EXPORT}`).reply(503, 'busy', { 'Retry-After': '0' });
		capture(ORDER_EXPORT, { order: [orderRow('1')] });
		const { items, error } = await run({
			resource: 'order',
			operation: 'getMany',
			dateFilter: 'none',
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
	});

	it.each([
		[
			{ dateFilter: 'modified', dateFrom: '={{ $json.missing }}' },
			'From: is required when a Date Filter is chosen [item 0]',
		],
		[
			{ dateFilter: 'modified', dateFrom: '2026-03-10', dateTo: '2026-03-01' },
			'To: must not be before From [item 0]',
		],
		[{ dateFilter: 'modified', dateFrom: 'yesterday' }, 'From: must be a date like 2026-03-05'],
		[
			{
				dateFilter: 'modified',
				dateFrom: '2024-01-01',
				dateTo: '2026-01-01',
				options: { maxAgeDays: 0 },
			},
			'at most 60 are made in one run',
		],
		[
			{ dateFilter: 'modified', dateFrom: '2024-01-01', dateTo: '2024-02-01' },
			'is older than Smartup serves',
		],
		[
			{ dateFilter: 'none', filters: { documentId: 'abc' } },
			'Smartup ID (deal_id): must be a whole number',
		],
		[
			{ dateFilter: 'none', options: { timeZone: 'Mars/Base' } },
			'Time Zone: "Mars/Base" is not a time zone',
		],
	])('refuses %j before any request', async (parameters, message) => {
		const { scope } = capture(ORDER_EXPORT, { order: [] });
		const { error } = await run({ resource: 'order', operation: 'getMany', ...parameters });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toContain(message);
		expect(scope.isDone()).toBe(false);
	});
});

describe('Order: Get', () => {
	it('exports by deal_id and returns the one order', async () => {
		const { bodies } = capture(ORDER_EXPORT, { order: [orderRow('642')] });
		const { items } = await run({ resource: 'order', operation: 'get', dealId: '642' });
		expect(bodies).toEqual([{ deal_id: '642' }]);
		expect(items[0].json).toMatchObject({ deal_id: '642', total_amount: 24000 });
	});

	it('an order that does not come back is a clear not-found error', async () => {
		capture(ORDER_EXPORT, { order: [] });
		const { error } = await run({ resource: 'order', operation: 'get', dealId: '9' });
		expect(error?.message).toContain('no order with deal_id 9');
	});

	it('refuses a deal_id that is not a number', async () => {
		const { error } = await run({ resource: 'order', operation: 'get', dealId: 'x1' });
		expect(error?.message).toContain(
			'Order ID (Deal_id): must be a whole number, got "x1" [item 0]',
		);
	});
});

const orderParams = {
	resource: 'order',
	operation: 'createOrUpdate',
	externalId: '={{ $json.id }}',
	filialCode: '01',
	documentFields:
		'={{ JSON.stringify({ deal_time: "2026-03-05T10:15:00", delivery_date: "2026-03-06", status: "B#N", person_code: $json.client, self_shipment: false, currency_code: 860 }) }}',
	lines:
		'={{ JSON.stringify([{ product_code: "P-10", order_quant: $json.quant, product_price: 12000 }]) }}',
};

describe('Order: Create or Update (batched import)', () => {
	it('sends every item in one request, converted for Smartup, and maps successes (new IDs) and errors back', async () => {
		const { bodies } = capture(ORDER_IMPORT, {
			successes: [{ code: '5001' }, { code: '5003' }],
			errors: [{ code: 'n8n-2', message: 'Клиент не найден: C-404' }],
		});
		const { items, error } = await run(
			orderParams,
			[
				{ id: 'n8n-1', client: 'C-77', quant: 5 },
				{ id: 'n8n-2', client: 'C-404', quant: 1 },
				{ id: 'n8n-3', client: 'C-77', quant: 2 },
			],
			'continueRegularOutput',
		);
		expect(error).toBeUndefined();
		expect(bodies).toHaveLength(1);
		const sent = bodies[0].order as Array<Record<string, unknown>>;
		expect(sent[0]).toEqual({
			deal_time: '05.03.2026 10:15:00',
			delivery_date: '06.03.2026',
			status: 'B#N',
			person_code: 'C-77',
			self_shipment: 'N',
			currency_code: '860',
			external_id: 'n8n-1',
			filial_code: '01',
			order_products: [
				{ product_code: 'P-10', order_quant: '5', product_price: '12000', external_id: 'n8n-1-1' },
			],
		});
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json).toMatchObject({
			success: true,
			external_id: 'n8n-1',
			smartup_id: '5001',
		});
		expect(items[1].json).toMatchObject({
			error: 'Smartup rejected order "n8n-2": Клиент не найден: C-404',
			description: 'Клиент не найден: C-404',
		});
		expect(items[2].json).toMatchObject({
			success: true,
			external_id: 'n8n-3',
			smartup_id: '5003',
		});
	});

	it('without Continue On Fail a rejected item fails the node and says how many others were accepted', async () => {
		capture(ORDER_IMPORT, {
			successes: [{ code: '5001' }],
			errors: [{ code: 'n8n-2', message: 'Штат не найден' }],
		});
		const { error } = await run(orderParams, [
			{ id: 'n8n-1', client: 'C-77', quant: 1 },
			{ id: 'n8n-2', client: 'C-77', quant: 1 },
		]);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toContain('Smartup rejected order "n8n-2": Штат не найден');
		expect(error?.message).toContain('1 other item(s) were accepted');
	});

	it('an answer with neither successes nor errors is an error for every item', async () => {
		capture(ORDER_IMPORT, { successes: [], errors: [] });
		const { items } = await run(
			orderParams,
			[{ id: 'a', client: 'C', quant: 1 }],
			'continueRegularOutput',
		);
		expect(items[0].json.error).toContain('accepted none');
	});

	it('groups items into one document by a key, lines in input order, each item paired', async () => {
		const { bodies } = capture(ORDER_IMPORT, {
			successes: [{ code: 'A-1' }, { code: 'B-1' }],
			errors: [],
		});
		const { items } = await run(
			{
				...orderParams,
				externalId: '={{ $json.order }}',
				grouping: 'group',
				groupKey: '={{ $json.order }}',
			},
			[
				{ order: 'A-1', client: 'C-77', quant: 1 },
				{ order: 'B-1', client: 'C-77', quant: 2 },
				{ order: 'A-1', client: 'C-77', quant: 3 },
			],
		);
		const sent = bodies[0].order as Array<Record<string, unknown>>;
		expect(sent).toHaveLength(2);
		expect(
			(sent[0].order_products as Array<Record<string, unknown>>).map((line) => [
				line.order_quant,
				line.external_id,
			]),
		).toEqual([
			['1', 'A-1-1'],
			['3', 'A-1-2'],
		]);
		expect(items.map((item) => [item.pairedItem, item.json.external_id])).toEqual([
			[{ item: 0 }, 'A-1'],
			[{ item: 1 }, 'B-1'],
			[{ item: 2 }, 'A-1'],
		]);
	});

	it('Field Values and Line Values build a document without JSON: one order, one line per item', async () => {
		const { bodies } = capture(ORDER_IMPORT, { successes: [{ code: '5001' }], errors: [] });
		const { items } = await run(
			{
				resource: 'order',
				operation: 'createOrUpdate',
				externalId: '={{ "n8n-" + $json.order }}',
				grouping: 'group',
				groupKey: '={{ $json.order }}',
				fieldValues: {
					field: [
						{ name: 'deal_time', value: '2026-03-05 10:00:00' },
						{ name: 'delivery_date', value: '2026-03-06' },
						{ name: 'status', value: 'B#N' },
						{ name: 'person_code', value: '={{ $json.client }}' },
					],
				},
				lineValues: {
					field: [
						{ name: 'product_code', value: '={{ $json.sku }}' },
						{ name: 'order_quant', value: '={{ $json.qty }}' },
					],
				},
			},
			[
				{ order: 'A7', client: 'C-77', sku: 'P-10', qty: 2 },
				{ order: 'A7', client: 'C-77', sku: 'P-20', qty: 1 },
			],
		);
		expect(bodies[0].order).toEqual([
			{
				deal_time: '05.03.2026 10:00:00',
				delivery_date: '06.03.2026',
				status: 'B#N',
				person_code: 'C-77',
				external_id: 'n8n-A7',
				order_products: [
					{ product_code: 'P-10', order_quant: '2', external_id: 'n8n-A7-1' },
					{ product_code: 'P-20', order_quant: '1', external_id: 'n8n-A7-2' },
				],
			},
		]);
		expect(items.map((item) => item.json.smartup_id)).toEqual(['5001', '5001']);
	});

	it('splits at the chosen batch size', async () => {
		const { bodies } = capture(ORDER_IMPORT, { successes: [{ code: 'x' }], errors: [] }, 3);
		nock.cleanAll();
		const sizes: number[] = [];
		api()
			.post(
				`${PREFIX}${ORDER_IMPORT}`,
				(body) => (sizes.push((body.order as unknown[]).length), true),
			)
			.times(3)
			.reply(200, (_uri, body) => ({
				successes: (body as { order: Array<{ external_id: string }> }).order.map((order) => ({
					code: order.external_id,
				})),
				errors: [],
			}));
		const { items } = await run(
			{ ...orderParams, options: { batchSize: 2 } },
			[1, 2, 3, 4, 5].map((n) => ({ id: `o-${n}`, client: 'C', quant: 1 })),
		);
		expect(bodies).toHaveLength(0);
		expect(sizes).toEqual([2, 2, 1]);
		expect(items.every((item) => item.json.success === true)).toBe(true);
	});

	it('a 503 is not resent: the node exports the last two days and reports what it finds', async () => {
		api().post(`${PREFIX}${ORDER_IMPORT}`).reply(503, 'Service Unavailable');
		const { bodies } = capture(ORDER_EXPORT, { order: [orderRow('77', { external_id: 'n8n-1' })] });
		const { items } = await run(
			orderParams,
			[
				{ id: 'n8n-1', client: 'C', quant: 1 },
				{ id: 'n8n-2', client: 'C', quant: 1 },
			],
			'continueRegularOutput',
		);
		expect(Object.keys(bodies[0]).sort()).toEqual([
			'begin_modified_on',
			'end_modified_on',
			'filial_code',
		]);
		expect(items[0].json).toMatchObject({ success: true, verified: true, smartup_id: '77' });
		expect(items[1].json.error).toContain('was not created');
	});

	it('when the check fails too, the item says the order may exist', async () => {
		api().post(`${PREFIX}${ORDER_IMPORT}`).reply(500, 'ORA-06502');
		api().post(`${PREFIX}${ORDER_EXPORT}`).times(4).reply(502, 'Bad Gateway');
		const { items } = await run(
			orderParams,
			[{ id: 'n8n-1', client: 'C', quant: 1 }],
			'continueRegularOutput',
		);
		expect(items[0].json.error).toContain('It may exist');
		expect(items[0].json.description).toContain('ORA-06502');
	});

	it.each([
		[
			{ documentFields: '{"deal_time": "2026-03-05 10:00:00"' },
			'Document Fields: is not valid JSON',
		],
		[
			{ documentFields: '{"deal_time":"2026-03-05 10:00:00","status":"B#N"}' },
			'Document Fields: "delivery_date" is required for a order',
		],
		[
			{
				documentFields:
					'{"deal_time":"2026-03-05 10:00:00","delivery_date":"2026-03-06","status":"NEW"}',
			},
			'status "NEW" is not an order status',
		],
		[
			{ documentFields: '{"deal_time":"05/03/2026","delivery_date":"2026-03-06","status":"B#N"}' },
			'deal_time must be a date like 2026-03-05',
		],
		[{ externalId: '={{ $json.missing }}' }, 'External ID: is required'],
		[{ documentId: 'abc' }, 'Smartup ID (deal_id): must be a whole number'],
	])(
		'refuses bad input %j naming the field and item, before any request',
		async (parameters, message) => {
			const { scope } = capture(ORDER_IMPORT, { successes: [{ code: '1' }], errors: [] });
			const { error } = await run({ ...orderParams, ...parameters }, [
				{ id: 'n8n-1', client: 'C', quant: 1 },
			]);
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toContain(message);
			expect(error?.message).toContain('[item 0]');
			expect(scope.isDone()).toBe(false);
		},
	);

	it('two items with the same External ID: the second is refused, not sent', async () => {
		const { bodies } = capture(ORDER_IMPORT, { successes: [{ code: '1' }], errors: [] });
		const { items } = await run(
			orderParams,
			[
				{ id: 'same', client: 'C', quant: 1 },
				{ id: 'same', client: 'C', quant: 2 },
			],
			'continueRegularOutput',
		);
		expect((bodies[0].order as unknown[]).length).toBe(1);
		expect(items[1].json.error).toContain('"same" is also used by item 0');
	});

	it('Shorten Long External IDs gives a deterministic 20-character ASCII ID', async () => {
		const { bodies } = capture(ORDER_IMPORT, { successes: [{ code: '1' }], errors: [] }, 2);
		await run({ ...orderParams, options: { shortenIds: true } }, [
			{ id: 'Заказ из 1С № 000123 от 05.03', client: 'C', quant: 1 },
		]);
		await run({ ...orderParams, options: { shortenIds: true } }, [
			{ id: 'Заказ из 1С № 000123 от 05.03', client: 'C', quant: 1 },
		]);
		const ids = bodies.map((body) => (body.order as Array<{ external_id: string }>)[0].external_id);
		expect(ids[0]).toMatch(/^h[0-9a-f]{19}$/);
		expect(ids[1]).toBe(ids[0]);
	});
});

describe('Order: Change Status, Attach Data, Attach Marking Codes', () => {
	it('Change Status sends one batch and maps results by deal_id; it is retried after 503 (same result twice)', async () => {
		api()
			.post(`${PREFIX}/b/trade/txs/tdeal/order$change_status`)
			.reply(503, '', { 'Retry-After': '0' });
		const { bodies } = capture('/b/trade/txs/tdeal/order$change_status', {
			successes: [{ code: '642' }],
			errors: [{ code: '643', message: 'Заказ не найден: 643' }],
		});
		const { items } = await run(
			{ resource: 'order', operation: 'changeStatus', dealId: '={{ $json.id }}', status: 'B#W' },
			[{ id: 642 }, { id: 643 }],
			'continueRegularOutput',
		);
		expect(bodies[0]).toEqual({
			order: [
				{ deal_id: '642', status: 'B#W' },
				{ deal_id: '643', status: 'B#W' },
			],
		});
		expect(items[0].json).toMatchObject({ success: true, deal_id: '642' });
		expect(items[1].json.description).toBe('Заказ не найден: 643');
	});

	it('Attach Data sends the chosen fields with Y/N flags', async () => {
		const { bodies } = capture('/b/trade/txs/tdeal/order$attach_data', {
			successes: [{ code: '642' }],
			errors: [],
		});
		const { items } = await run({
			resource: 'order',
			operation: 'attachData',
			dealId: '642',
			attachFields: { delivery_number: 'INV-7', self_shipment: true, van_code: 'V1' },
		});
		expect(bodies[0]).toEqual({
			order: [{ deal_id: '642', delivery_number: 'INV-7', self_shipment: 'Y', van_code: 'V1' }],
		});
		expect(items[0].json.success).toBe(true);
	});

	it('Attach Data with nothing to attach is refused', async () => {
		const { error } = await run({ resource: 'order', operation: 'attachData', dealId: '642' });
		expect(error?.message).toContain('Data to Attach: add at least one field');
	});

	it('Attach Marking Codes sends one flat object per item and surfaces errors[]', async () => {
		const { bodies } = capture('/b/anor/mxsx/mdeal/order$import_order_marking_codes', {
			successes: [{ code: '642' }],
			errors: [],
		});
		const { items } = await run({
			resource: 'order',
			operation: 'attachMarkingCodes',
			dealId: '642',
			products: '[{"product_unit_id": 7001, "marking_codes": ["010478"]}]',
		});
		expect(bodies[0]).toEqual({
			deal_id: '642',
			products: [{ product_unit_id: '7001', marking_codes: ['010478'] }],
		});
		expect(items[0].json).toMatchObject({ success: true, deal_id: '642' });
		api()
			.post(`${PREFIX}/b/anor/mxsx/mdeal/order$import_order_marking_codes`)
			.reply(200, {
				successes: [],
				errors: [{ code: '7001', message: 'Строка заказа не найдена' }],
			});
		const failed = await run({
			resource: 'order',
			operation: 'attachMarkingCodes',
			dealId: '642',
			products: '[{"product_unit_id": 7001, "marking_codes": ["010478"]}]',
		});
		expect(failed.error?.message).toContain('Строка заказа не найдена');
	});

	it('Attach Marking Codes refuses a line without codes', async () => {
		const { error } = await run({
			resource: 'order',
			operation: 'attachMarkingCodes',
			dealId: '642',
			products: '[{"product_unit_id": 7001, "marking_codes": []}]',
		});
		expect(error?.message).toContain('Products: line 1: marking_codes must be a list of codes');
	});
});

// From docs/api/smartup.md §5 and §8: each document's paths, root, ID, document-date filter and one required field.
const DOCUMENTS: Array<[string, string, string, string, string, string]> = [
	[
		'orderReturn',
		'/b/anor/mxsx/mdeal/return',
		'return',
		'deal_id',
		'begin_return_date',
		'room_code',
	],
	[
		'purchase',
		'/b/anor/mxsx/mkw/purchase',
		'purchase',
		'purchase_id',
		'begin_purchase_date',
		'supplier_code',
	],
	[
		'warehouseReceipt',
		'/b/anor/mxsx/mkw/input',
		'input',
		'input_id',
		'begin_input_date',
		'warehouse_code',
	],
	[
		'internalMovement',
		'/b/anor/mxsx/mkw/movement',
		'movement',
		'movement_id',
		'begin_from_movement_date',
		'to_warehouse_code',
	],
	[
		'crossOrgMovement',
		'/b/anor/mxsx/mfm/movement',
		'movement',
		'movement_id',
		'begin_from_date',
		'to_filial_code',
	],
	[
		'supplierReturn',
		'/b/anor/mxsx/mkw/return',
		'return',
		'return_id',
		'begin_return_date',
		'supplier_code',
	],
	[
		'stocktaking',
		'/b/anor/mxsx/mkw/stocktaking',
		'stocktaking',
		'stocktaking_id',
		'begin_stocktaking_date',
		'warehouse_code',
	],
	[
		'writeOff',
		'/b/anor/mxsx/mkw/writeoff',
		'writeoff',
		'writeoff_id',
		'begin_writeoff_date',
		'currency_code',
	],
	[
		'clientPayment',
		'/b/trade/txs/tcs/cashin',
		'cashin',
		'cashin_id',
		'begin_cashin_date',
		'cashbox_code',
	],
	[
		'cashOperation',
		'/b/anor/mxsx/mkcs/cash_operation',
		'cash_operation',
		'operation_id',
		'begin_operation_date',
		'corr_coa_code',
	],
	[
		'bankOperation',
		'/b/anor/mxsx/mkcs/bank_operation',
		'bank_operation',
		'operation_id',
		'begin_operation_date',
		'amount',
	],
];

describe.each(DOCUMENTS)('%s', (resource, path, root, idField, beginField, requiredField) => {
	it('Get Many exports by document date and de-duplicates by its ID', async () => {
		const { bodies } = capture(`${path}$export`, {
			[root]: [
				{ [idField]: '1', amount: '5' },
				{ [idField]: '1', amount: '5' },
			],
			limits: LIMITS,
		});
		const { items, error } = await run({
			resource,
			operation: 'getMany',
			dateFilter: 'document',
			dateFrom: '2026-03-02',
			returnAll: true,
			options: { maxAgeDays: 0 },
		});
		expect(error).toBeUndefined();
		expect(bodies[0]).toEqual({
			[beginField]: '02.03.2026',
			[beginField.replace('begin_', 'end_')]: '02.03.2026',
		});
		expect(items).toHaveLength(1);
		expect(items[0].json[idField]).toBe('1');
	});

	it('Create or Update imports under its root, fields given one by one or as JSON, result per item', async () => {
		const { bodies } = capture(`${path}$import`, { successes: [{ code: '900' }], errors: [] });
		const example = DOCUMENT_TYPES[resource].example;
		const [firstKey, ...otherKeys] = Object.keys(example);
		const { items, error } = await run({
			resource,
			operation: 'createOrUpdate',
			externalId: 'ext-1',
			documentFields: JSON.stringify(
				Object.fromEntries(otherKeys.map((key) => [key, example[key]])),
			),
			fieldValues: { field: [{ name: firstKey, value: String(example[firstKey]) }] },
		});
		expect(error).toBeUndefined();
		const sent = (bodies[0][root] as Array<Record<string, unknown>>)[0];
		expect(sent.external_id).toBe('ext-1');
		expect(sent[firstKey]).not.toBe('');
		expect(sent[firstKey]).toBeDefined();
		expect(Object.values(sent).some((value) => typeof value === 'number')).toBe(false);
		expect(items[0].json).toMatchObject({ success: true, external_id: 'ext-1', smartup_id: '900' });
	});

	it(`Create or Update refuses a document without ${requiredField} before any request`, async () => {
		const { scope } = capture(`${path}$import`, { successes: [], errors: [] });
		const { error } = await run(
			{
				resource,
				operation: 'createOrUpdate',
				externalId: 'ext-1',
				fieldValues: { field: [{ name: 'note', value: 'x' }] },
			},
			[{}, {}],
		);
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(/Document Fields: "\w+" is required/);
		expect(scope.isDone()).toBe(false);
	});
});

const REFERENCES: Array<[string, string, string]> = [
	['product', '/b/anor/mxsx/mr/inventory', 'inventory'],
	['legalPerson', '/b/anor/mxsx/mr/legal_person', 'legal_person'],
	['naturalPerson', '/b/anor/mxsx/mr/natural_person', 'natural_person'],
];

describe.each(REFERENCES)('%s', (resource, path, root) => {
	it('Get Many passes the filters and returns every row', async () => {
		const { bodies } = capture(`${path}$export`, { [root]: [{ code: 'A' }, { code: 'B' }] });
		const { items } = await run({
			resource,
			operation: 'getMany',
			returnAll: true,
			filters: { filialCode: '01' },
		});
		expect(bodies[0]).toMatchObject({ filial_code: '01' });
		expect(items.map((item) => item.json.code)).toEqual(['A', 'B']);
	});

	it('Get by Code asks once per execution for the same code (quota) and checks the code itself', async () => {
		const { bodies } = capture(`${path}$export`, {
			[root]: [{ code: 'X-1', name: 'Found' }, { code: 'other' }],
		});
		const { items } = await run({ resource, operation: 'getByCode', code: 'X-1' }, [{}, {}]);
		expect(bodies).toEqual([{ code: 'X-1' }]);
		expect(items.map((item) => item.json.name)).toEqual(['Found', 'Found']);
		capture(`${path}$export`, { [root]: [{ code: 'other' }] });
		const missing = await run({ resource, operation: 'getByCode', code: 'nope' });
		expect(missing.error?.message).toContain('with code "nope"');
	});

	it('Create or Update upserts by code with the defaults and maps results by code', async () => {
		const { bodies } = capture(`${path}$import`, {
			successes: [{ code: 'K-2' }],
			errors: [{ code: 'K-1', message: 'A02-05-003: уже существует' }],
		});
		const fields =
			resource === 'naturalPerson'
				? '{"first_name":"Aziz","gender":"M"}'
				: '{"name":"Tea","measure_code":"pcs"}';
		const { items } = await run(
			{
				resource,
				operation: 'createOrUpdate',
				code: '={{ $json.code }}',
				referenceFields: fields,
				fieldValues: { field: [{ name: 'main_phone', value: '={{ $json.phone }}' }] },
			},
			[
				{ code: 'K-1', phone: '+998901' },
				{ code: 'K-2', phone: '+998902' },
			],
			'continueRegularOutput',
		);
		const sent = bodies[0][root] as Array<Record<string, unknown>>;
		expect(sent.map((object) => object.main_phone)).toEqual(['+998901', '+998902']);
		expect(sent.map((object) => [object.code, object.state])).toEqual([
			['K-1', 'A'],
			['K-2', 'A'],
		]);
		expect(items[0].json.error).toContain('Smartup rejected');
		expect(items[0].json.description).toContain('A02-05-003');
		expect(items[1].json).toMatchObject({ success: true, code: 'K-2' });
	});
});

describe('Prices, price types, stock, custom call', () => {
	it('Price Type: Get Many pages with limit/offset until count', async () => {
		const bodies: Array<Record<string, unknown>> = [];
		api()
			.post(`${PREFIX}/b/anor/api/v2/mkr/price_type$export`, (body) => (bodies.push(body), true))
			.times(2)
			.reply(200, (_uri, body) => {
				const offset = (body as { offset: number }).offset;
				const data = Array.from({ length: offset === 0 ? 1000 : 5 }, (_, i) => ({
					code: String(offset + i),
					name: 'T',
				}));
				return { count: '1005', data };
			});
		const { items } = await run({ resource: 'priceType', operation: 'getMany', returnAll: true });
		expect(bodies).toEqual([
			{ limit: 1000, offset: 0 },
			{ limit: 1000, offset: 1000 },
		]);
		expect(items).toHaveLength(1005);
	});

	it('Price: Get sends price_type_codes and filters by product', async () => {
		const { bodies } = capture('/b/anor/api/v2/mkf/product_price$export', {
			inventory: [
				{
					inventory_code: 'P-10',
					price_type: [{ price_type_code: '777', card_code: '', price: '12000' }],
				},
				{ inventory_code: 'P-20', price_type: [] },
			],
		});
		const { items } = await run({
			resource: 'price',
			operation: 'get',
			priceTypeCodes: '777, 778',
			productCode: 'P-10',
		});
		expect(bodies[0]).toEqual({ price_type_codes: ['777', '778'] });
		expect(items).toHaveLength(1);
		// Simplify parses the price but leaves the code text, even though it looks like a number.
		expect((items[0].json.price_type as Array<Record<string, unknown>>)[0]).toEqual({
			price_type_code: '777',
			card_code: '',
			price: 12000,
		});
	});

	it('Price: Set joins the prices of one product into one object', async () => {
		const { bodies } = capture('/b/anor/api/v2/mkf/product_price$import', {
			successes: [{ code: 'P-10' }],
			errors: [],
		});
		const { items } = await run(
			{
				resource: 'price',
				operation: 'set',
				productCode: '={{ $json.p }}',
				priceTypeCode: '={{ $json.t }}',
				price: '={{ $json.price }}',
			},
			[
				{ p: 'P-10', t: '777', price: 12000 },
				{ p: 'P-10', t: '778', price: '11000,50' },
			],
		);
		expect(bodies[0]).toEqual({
			inventory: [
				{
					inventory_code: 'P-10',
					price_type: [
						{ price_type_code: '777', price: '12000' },
						{ price_type_code: '778', price: '11000.50' },
					],
				},
			],
		});
		expect(items.map((item) => item.json.success)).toEqual([true, true]);
	});

	it('Price: Set refuses a price that is not a number', async () => {
		const { error } = await run({
			resource: 'price',
			operation: 'set',
			productCode: 'P-10',
			priceTypeCode: '777',
			price: 'cheap',
		});
		expect(error?.message).toContain('Price: must be a number like 12000.50, got "cheap" [item 0]');
	});

	it('Stock: Get Balance sends dates, warehouses and conditions', async () => {
		const { bodies } = capture('/b/anor/mxsx/mkw/balance$export', {
			balance: [
				{ date: '05.03.2026', warehouse_code: '001', product_code: 'P-10', quantity: '140' },
			],
			limits: LIMITS,
		});
		const { items } = await run({
			resource: 'stock',
			operation: 'getBalance',
			warehouseCodes: '001, 002',
			dateFrom: '2026-03-05',
			conditions: ['F', 'B'],
		});
		expect(bodies[0]).toEqual({
			warehouse_codes: [{ warehouse_code: '001' }, { warehouse_code: '002' }],
			product_conditions: ['F', 'B'],
			begin_date: '05.03.2026',
			end_date: '05.03.2026',
		});
		expect(items[0].json.quantity).toBe(140);
	});

	it('Custom API Call sends the body to the path and returns the answer as it is', async () => {
		const { bodies } = capture('/b/anor/mxsx/mr/product_group$export', {
			product_group: [{ code: 'G1' }],
		});
		const { items } = await run({
			resource: 'customApiCall',
			operation: 'call',
			path: '/b/anor/mxsx/mr/product_group$export',
			body: '{"code": ""}',
		});
		expect(bodies[0]).toEqual({ code: '' });
		expect(items[0].json).toEqual({ product_group: [{ code: 'G1' }] });
	});

	it('Custom API Call refuses a full URL as path', async () => {
		const { error } = await run({
			resource: 'customApiCall',
			operation: 'call',
			path: 'https://evil.test/x',
			body: '{}',
		});
		expect(error?.message).toContain('Path: must start with /');
	});

	it('Custom API Call does not retry an import unless told it is safe', async () => {
		const { scope } = capture('/b/anor/mxsx/mr/service$import', 'Bad Gateway', 1, 502);
		const again = api().post(`${PREFIX}/b/anor/mxsx/mr/service$import`).reply(200, {});
		const { error } = await run({
			resource: 'customApiCall',
			operation: 'call',
			path: '/b/anor/mxsx/mr/service$import',
			body: '{"service": []}',
		});
		expect(scope.isDone()).toBe(true);
		expect(again.isDone()).toBe(false);
		expect(error?.message).toContain('not retried');
	});
});

describe('Whatever Smartup answers, the node never fails with a TypeError', () => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const fc = require('fast-check') as typeof import('fast-check');
	const answers = fc.oneof(
		fc.json(),
		fc.record({ successes: fc.anything(), errors: fc.anything() }),
		fc.record({
			order: fc.array(fc.oneof(fc.constant(null), fc.dictionary(fc.string(), fc.jsonValue()))),
			limits: fc.anything(),
		}),
		fc.record({
			successes: fc.array(fc.oneof(fc.constant(null), fc.record({ code: fc.jsonValue() }))),
			errors: fc.array(
				fc.oneof(fc.constant(null), fc.record({ code: fc.jsonValue(), message: fc.jsonValue() })),
			),
		}),
	);

	it.each([
		[
			'Order: Get Many',
			ORDER_EXPORT,
			{ resource: 'order', operation: 'getMany', dateFilter: 'none' },
		],
		['Order: Create or Update', ORDER_IMPORT, orderParams],
	])(
		'%s',
		async (_label, path, parameters) => {
			await fc.assert(
				fc.asyncProperty(answers, fc.constantFrom(200, 400, 500), async (answer, status) => {
					nock.cleanAll();
					api()
						.post(`${PREFIX}${path}`)
						.reply(status, typeof answer === 'string' ? answer : JSON.stringify(answer));
					api().post(`${PREFIX}${ORDER_EXPORT}`).optionally().reply(200, { order: [] });
					const { error, items } = await run(
						{ ...parameters, requestOptions: { maxRetries: 0 } },
						[{ id: 'p-1', client: 'C', quant: 1 }],
						'continueRegularOutput',
					);
					const texts = [
						error?.message,
						...items.map((item) => String(item.json.error ?? '')),
					].join(' ');
					expect(texts).not.toMatch(
						/TypeError|Cannot read prop|is not a function|undefined \(reading/,
					);
				}),
				{ numRuns: 40 },
			);
		},
		60_000,
	);
});
