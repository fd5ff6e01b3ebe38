/**
 * The Smartup node against the Smartup emulator (real HTTP on 127.0.0.1, test/emulators/smartup.ts):
 * duplicate modes, lost answers, date windows, batching, quotas, organizations, OAuth2.
 */
import { DOCUMENT_TYPES } from '../../nodes/Smartup/types';
import { SmartupEmulator } from '../emulators/smartup';
import { runNode } from '../harness';

const ORDER = '/b/trade/txs/tdeal/order';

let emulator: SmartupEmulator;

// n8n-core's first run loads many modules; on a busy 2-core machine that can pass jest's 5 s default.
jest.setTimeout(20_000);

beforeEach(async () => {
	emulator = new SmartupEmulator();
	await emulator.start();
});
afterEach(async () => emulator.stop());

function credentials(extra: Record<string, unknown> = {}) {
	return {
		smartupApi: {
			baseUrl: emulator.baseUrl,
			authType: 'basic',
			login: emulator.login,
			password: emulator.password,
			projectCode: 'trade',
			filialId: '',
			accessToken: '',
			...extra,
		},
	};
}

function run(
	parameters: Record<string, unknown>,
	items: object[] = [{}],
	options: { onError?: 'continueRegularOutput'; credentials?: Record<string, unknown> } = {},
) {
	return runNode(
		{ type: 'smartup', parameters, onError: options.onError },
		items as never,
		credentials(options.credentials),
	);
}

const orderFields = JSON.stringify({
	deal_time: '={{ "2026-03-20 10:00:00" }}',
	delivery_date: '2026-03-21',
	status: 'B#N',
	room_code: 'R1',
	robot_code: 'AG1',
	sales_manager_code: 'SM1',
	person_code: 'C-77',
	currency_code: '860',
});

function createOrders(
	items: object[],
	extra: Record<string, unknown> = {},
	onError?: 'continueRegularOutput',
) {
	return run(
		{
			resource: 'order',
			operation: 'createOrUpdate',
			externalId: '={{ $json.id }}',
			filialCode: '01',
			documentFields: orderFields.replace(
				'"={{ \\"2026-03-20 10:00:00\\" }}"',
				'"2026-03-20 10:00:00"',
			),
			lines:
				'={{ JSON.stringify([{ product_code: "P-10", warehouse_code: "001", order_quant: $json.quant ?? 1, product_price: 12000, price_type_code: "777" }]) }}',
			...extra,
		},
		items,
		{ onError },
	);
}

describe('Order: Create or Update and the duplicate modes (Проверка на дубликат)', () => {
	it('creates orders with dates and numbers written as Smartup wants them, and returns the new deal_id per item', async () => {
		const { items, error } = await createOrders([{ id: 'n8n-1' }, { id: 'n8n-2', quant: 3 }]);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.external_id)).toEqual(['n8n-1', 'n8n-2']);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		const stored = [...emulator.docs(ORDER).values()].find((row) => row.external_id === 'n8n-2')!;
		expect(items[1].json.smartup_id).toBe(stored.deal_id);
		expect(stored).toMatchObject({
			deal_time: '20.03.2026 10:00:00',
			delivery_date: '21.03.2026',
			filial_code: '01',
		});
		expect((stored.order_products as Array<Record<string, unknown>>)[0]).toMatchObject({
			order_quant: '3',
			product_price: '12000',
			external_id: 'n8n-2-1',
		});
	});

	it.each([
		['error', 1, false],
		['update', 1, true],
		['skip', 1, true],
	] as const)(
		'mode "%s": the second send leaves %i document and the item succeeds: %s',
		async (mode, count, secondOk) => {
			emulator.setDuplicateMode('order', mode);
			const first = await createOrders([{ id: 'dup-1', quant: 1 }]);
			expect(first.error).toBeUndefined();
			const second = await createOrders([{ id: 'dup-1', quant: 5 }], {}, 'continueRegularOutput');
			const docs = [...emulator.docs(ORDER).values()].filter((row) => row.external_id === 'dup-1');
			expect(docs).toHaveLength(count);
			const quant = (docs[0].order_products as Array<Record<string, unknown>>)[0].order_quant;
			expect(quant).toBe(mode === 'update' ? '5' : '1');
			if (secondOk) {
				expect(second.items[0].json).toMatchObject({
					success: true,
					external_id: 'dup-1',
					smartup_id: docs[0].deal_id,
				});
			} else {
				expect(second.items[0].json.error).toContain(
					'Smartup\'s duplicate check refused order "dup-1"',
				);
				expect(second.items[0].json.duplicate).toBe(true);
				expect(second.items[0].json.description).toContain('уже существует');
			}
		},
	);

	it('a 500 after the order was created is not resent: the node finds it by external ID and reports one document', async () => {
		emulator.injectFault(
			{
				kind: 'status',
				status: 500,
				body: 'ORA-00001: unique constraint (MDEAL_ORIGIN_HEADERS) violated deal_id=5010',
			},
			{ pathPattern: /order\$import$/, processFirst: true },
		);
		const { items, error } = await createOrders([{ id: 'lost-1' }, { id: 'lost-2' }]);
		expect(error).toBeUndefined();
		expect(emulator.requestsTo(/order\$import$/)).toHaveLength(1);
		expect(
			[...emulator.docs(ORDER).values()].filter((row) =>
				String(row.external_id).startsWith('lost-'),
			),
		).toHaveLength(2);
		expect(items.map((item) => item.json)).toEqual([
			expect.objectContaining({ success: true, external_id: 'lost-1', verified: true }),
			expect.objectContaining({ success: true, external_id: 'lost-2', verified: true }),
		]);
	});

	it('an order not found after a lost answer is not called "not created": the export may hide its status', async () => {
		emulator.injectFault({ kind: 'reset' }, { pathPattern: /order\$import$/ });
		const { items } = await createOrders([{ id: 'gone-1' }], {}, 'continueRegularOutput');
		expect(items[0].json.error).toContain('does not prove it was not created');
		expect(items[0].json.error).not.toContain('safe to run');
		expect(emulator.requestsTo(/order\$import$/)).toHaveLength(1);
	});

	it('12,000 orders go in three batches with a result per item; rejected ones keep their own Russian message', async () => {
		const input = Array.from({ length: 12_000 }, (_, i) => ({ id: `b-${i}` }));
		input[7_777] = { id: 'an-external-id-far-too-long-for-smartup' };
		// Already in Smartup, duplicate mode "error": Smartup rejects it inside the second batch.
		emulator.addDocument(ORDER, {
			external_id: 'b-6000',
			status: 'B#N',
			deal_time: '01.03.2026 10:00:00',
		});
		// An installation that refuses external IDs above 20 characters (ORA-06502): the node sends them as given.
		emulator.settings.externalIdMaxLength = 20;
		const started = Date.now();
		const { items, error } = await run(
			{
				resource: 'order',
				operation: 'createOrUpdate',
				externalId: '={{ $json.id }}',
				documentFields:
					'{"deal_time":"2026-03-20 10:00:00","delivery_date":"2026-03-21","status":"B#N","person_code":"C-77","room_code":"R1"}',
				lines: '[{ "product_code": "P-10", "order_quant": 1 }]',
			},
			input,
			{ onError: 'continueRegularOutput' },
		);
		const elapsed = Date.now() - started;
		expect(error).toBeUndefined();
		const batches = emulator
			.requestsTo(/order\$import$/)
			.map((request) => (JSON.parse(request.body) as { order: unknown[] }).order.length);
		expect(batches).toEqual([5000, 5000, 2000]);
		expect(items).toHaveLength(12_000);
		expect(items[7_777].json.error).toContain('the External ID sent has 39 characters');
		expect(items[7_777].json.description).toContain('ORA-06502');
		expect(items[7_777].pairedItem).toEqual({ item: 7_777 });
		expect(items[6_000].json.error).toContain('Smartup\'s duplicate check refused order "b-6000"');
		expect(items[6_000].json.description).toContain('уже существует');
		expect(items[6_000].pairedItem).toEqual({ item: 6_000 });
		expect(items.filter((item) => item.json.success === true)).toHaveLength(11_998);
		expect(items[11_999].json).toMatchObject({ success: true, external_id: 'b-11999' });
		expect(emulator.docs(ORDER).size).toBe(8 + 1 + 11_998);
		// Measured about 5 s through n8n-core on a 2-core machine, most of it n8n's per-item expression evaluation.
		expect(elapsed).toBeLessThan(20_000);
	}, 30_000);
});

describe('Order: Get Many', () => {
	it('a 30-day range is split into 7-day windows and returns every document once', async () => {
		// An account serving old data (the age rule off on both sides; it has its own tests in realRules.test.ts).
		emulator.settings.dataAgeDays = 100_000;
		// Orders modified on each of 30 days; the window limit is 7 days, so one request cannot ask for all.
		for (let day = 1; day <= 30; day++) {
			const date = `${String(day).padStart(2, '0')}.03.2026`;
			emulator.addDocument(ORDER, {
				external_id: `m-${day}`,
				status: 'B#N',
				deal_time: `${date} 10:00:00`,
				deal_date: date,
				delivery_date: date,
				modified_on: `${date} 12:00:00`,
				created_on: `${date} 12:00:00`,
			});
		}
		const { items, error } = await run({
			resource: 'order',
			operation: 'getMany',
			dateFilter: 'modified',
			dateFrom: '2026-03-01',
			dateTo: '2026-03-30',
			returnAll: true,
			options: { maxAgeDays: 0 },
		});
		expect(error).toBeUndefined();
		const ids = items.map((item) => item.json.external_id);
		for (let day = 1; day <= 30; day++) expect(ids).toContain(`m-${day}`);
		expect(new Set(items.map((item) => item.json.deal_id)).size).toBe(items.length);
		expect(emulator.requestsTo(/order\$export$/)).toHaveLength(5);
		expect(JSON.parse(emulator.requestsTo(/order\$export$/)[1].body)).toMatchObject({
			begin_modified_on: '08.03.2026',
			end_modified_on: '14.03.2026',
		});
	});

	it('filters by statuses and parses numbers with Simplify; limits can be added', async () => {
		const { items } = await run({
			resource: 'order',
			operation: 'getMany',
			dateFilter: 'none',
			returnAll: true,
			filters: { statuses: ['B#N', 'B#W'] },
			options: { includeLimits: true },
		});
		expect(items.map((item) => item.json.status).sort()).toEqual(['B#N', 'B#W']);
		expect(typeof items[0].json.total_amount).toBe('number');
		expect(typeof items[0].json.deal_id).toBe('string');
		expect(items[0].json.limits).toMatchObject({ limit_quant: '500', day_range_limit: '7' });
	});

	it('with local codes, person_code and product_code are the organization-level ones', async () => {
		const { items } = await run({
			resource: 'order',
			operation: 'getMany',
			dateFilter: 'none',
			returnAll: true,
			options: { codeType: 'local', splitLines: true },
		});
		expect(items[0].json).toMatchObject({
			person_code: 'L-77',
			person_global_code: 'C-77',
			line_product_code: 'LP-10',
			line_product_global_code: 'P-10',
		});
	});
});

describe('Organizations, auth and quotas', () => {
	it('a single-organization filial_id with another organization code gives A02-24-048 explained in English', async () => {
		const { error } = await run(
			{
				resource: 'order',
				operation: 'getMany',
				dateFilter: 'none',
				filters: { filialCode: '01' },
			},
			[{}],
			{ credentials: { filialId: '2002' } },
		);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toContain('does not match the organization');
		expect(error?.description).toContain('A02-24-048');
	});

	it('detects error_code on HTTP 200 as well', async () => {
		emulator.settings.orgErrorStatus = 200;
		const { error } = await run({
			resource: 'order',
			operation: 'getMany',
			dateFilter: 'none',
			filters: { filialCode: 'ZZ' },
		});
		expect(error?.message).toContain('does not know this organization code');
		expect(error?.description).toContain('Организация с кодом ZZ не найдена');
	});

	it('a wrong project code is a 401 naming the project code, without the password anywhere', async () => {
		const { error } = await run(
			{ resource: 'warehouse', operation: 'getMany', returnAll: true },
			[{}],
			{ credentials: { projectCode: 'nope' } },
		);
		expect(error?.message).toContain('HTTP 401');
		expect(error?.message).toContain(
			'Smartup refused the Project Code "nope" (HTTP 401): the same login works with "trade"',
		);
		const all = JSON.stringify(error) + String(error?.message) + String(error?.description);
		expect(all).not.toContain(emulator.password);
		expect(all).not.toContain(
			Buffer.from(`${emulator.login}:${emulator.password}`).toString('base64'),
		);
	});

	it('a 401 says which setting Smartup refuses: an Organization ID this user may not use', async () => {
		const { error } = await run(
			{ resource: 'warehouse', operation: 'getMany', returnAll: true },
			[{}],
			{ credentials: { filialId: '9999' } },
		);
		expect(error?.message).toContain(
			'Smartup refused the Organization ID "9999" (HTTP 401): the same login works without it',
		);
		const wrongPassword = await run(
			{ resource: 'warehouse', operation: 'getMany', returnAll: true },
			[{}],
			{ credentials: { password: 'wrong-pass', filialId: '2001' } },
		);
		expect(wrongPassword.error?.message).toContain('Check the login (user@company) and password');
	});

	it('OAuth2: fetches a token once, and a new one when it has expired', async () => {
		const oauth = {
			authType: 'oauth2',
			clientId: emulator.clientId,
			clientSecret: emulator.clientSecret,
			tokenUrl: '',
			scope: 'read',
			login: '',
			password: '',
		};
		const first = await runNode(
			{
				type: 'smartup',
				parameters: { resource: 'warehouse', operation: 'getMany', returnAll: true },
			},
			[{}],
			credentials(oauth),
		);
		expect(first.error).toBeUndefined();
		expect(first.items).toHaveLength(2);
		const stored = first.credentialsHelper.store.smartupApi;
		expect(stored.accessToken).toMatch(/^tok-/);
		emulator.expireTokens();
		const second = await runNode(
			{
				type: 'smartup',
				parameters: { resource: 'warehouse', operation: 'getMany', returnAll: true },
			},
			[{}],
			{ smartupApi: stored },
		);
		expect(second.error).toBeUndefined();
		expect(emulator.requestsTo(/oauth\/token$/)).toHaveLength(2);
		expect(second.credentialsHelper.store.smartupApi.accessToken).not.toBe(stored.accessToken);
	});

	it('a spent quota is a clear error, and Continue On Fail keeps each item', async () => {
		emulator.settings.quotaLimits.frequent = 2;
		const { items } = await run(
			{ resource: 'order', operation: 'getMany', dateFilter: 'none', returnAll: true },
			[{}, {}, {}],
			{ onError: 'continueRegularOutput' },
		);
		const errors = items.filter((item) => item.json.error);
		expect(errors).toHaveLength(1);
		expect(errors[0].json.error).toContain('daily Smartup request quota');
		// The second answer said left_limit_quant 0: the third call is not sent (it would be refused and counted).
		expect(errors[0].json.description).toContain('left_limit_quant 0');
		expect(errors[0].pairedItem).toEqual({ item: 2 });
		expect(emulator.requestsTo(/order\$export$/)).toHaveLength(2);
	});
});

describe("Every document type: Create or Update, then Get Many finds it (with the editor's example placeholder)", () => {
	it.each([
		['orderReturn', '/b/anor/mxsx/mdeal/return', 'deal_id'],
		['purchase', '/b/anor/mxsx/mkw/purchase', 'purchase_id'],
		['warehouseReceipt', '/b/anor/mxsx/mkw/input', 'input_id'],
		['internalMovement', '/b/anor/mxsx/mkw/movement', 'movement_id'],
		['crossOrgMovement', '/b/anor/mxsx/mfm/movement', 'movement_id'],
		['supplierReturn', '/b/anor/mxsx/mkw/return', 'return_id'],
		['stocktaking', '/b/anor/mxsx/mkw/stocktaking', 'stocktaking_id'],
		['writeOff', '/b/anor/mxsx/mkw/writeoff', 'writeoff_id'],
		['clientPayment', '/b/trade/txs/tcs/cashin', 'cashin_id'],
		['cashOperation', '/b/anor/mxsx/mkcs/cash_operation', 'operation_id'],
		['bankOperation', '/b/anor/mxsx/mkcs/bank_operation', 'operation_id'],
	])('%s', async (resource, path, idField) => {
		// The example shown in the editor's placeholder, with the sandbox's codes.
		const example = {
			documentFields: JSON.stringify(DOCUMENT_TYPES[resource].example),
			lines: JSON.stringify(
				DOCUMENT_TYPES[resource].exampleLine ? [DOCUMENT_TYPES[resource].exampleLine] : [],
			),
		};
		const created = await run({
			resource,
			operation: 'createOrUpdate',
			externalId: `${resource.slice(0, 12)}-1`,
			filialCode: '01',
			...example,
		});
		expect(created.error).toBeUndefined();
		expect(created.items[0].json.success).toBe(true);
		const stored = [...emulator.docs(path).values()];
		expect(stored).toHaveLength(1);
		expect(created.items[0].json.smartup_id).toBe(stored[0][idField]);

		const again = await run(
			{
				resource,
				operation: 'createOrUpdate',
				externalId: `${resource.slice(0, 12)}-1`,
				filialCode: '01',
				...example,
			},
			[{}],
			{ onError: 'continueRegularOutput' },
		);
		expect(again.items[0].json.description).toContain('уже существует');
		expect(emulator.docs(path).size).toBe(1);

		const found = await run({
			resource,
			operation: 'getMany',
			dateFilter: 'modified',
			dateFrom: '={{ $now.toISO() }}',
			returnAll: true,
			filters: { externalId: `${resource.slice(0, 12)}-1` },
		});
		expect(found.error).toBeUndefined();
		expect(found.items).toHaveLength(1);
		expect(found.items[0].json[idField]).toBe(stored[0][idField]);
	});
});

describe('Order: Get, Change Status, Attach Data, Attach Marking Codes', () => {
	it('changes status, attaches data and marking codes, and Get shows all of it', async () => {
		const order = [...emulator.docs(ORDER).values()].find((row) => row.status === 'B#N')!;
		const dealId = String(order.deal_id);
		const status = await run(
			{ resource: 'order', operation: 'changeStatus', dealId: '={{ $json.id }}', status: 'B#W' },
			[{ id: dealId }, { id: '999999' }],
			{ onError: 'continueRegularOutput' },
		);
		expect(status.items[0].json).toMatchObject({ success: true, deal_id: dealId });
		expect(status.items[1].json.description).toContain('Заказ не найден');
		const attached = await run({
			resource: 'order',
			operation: 'attachData',
			dealId,
			attachFields: { delivery_number: 'INV-7', self_shipment: true },
		});
		expect(attached.error).toBeUndefined();
		const unit = String(
			(order.order_products as Array<Record<string, unknown>>)[0].product_unit_id,
		);
		const marked = await run({
			resource: 'order',
			operation: 'attachMarkingCodes',
			dealId,
			products: JSON.stringify([{ product_unit_id: unit, marking_codes: ['0104780000000017'] }]),
		});
		expect(marked.error).toBeUndefined();
		const got = await run({ resource: 'order', operation: 'get', dealId });
		expect(got.items[0].json).toMatchObject({
			deal_id: dealId,
			status: 'B#W',
			delivery_number: 'INV-7',
			self_shipment: 'Y',
		});
		expect(
			(got.items[0].json.order_products as Array<Record<string, unknown>>)[0].marking_codes,
		).toEqual(['0104780000000017']);
		const missing = await run({ resource: 'order', operation: 'get', dealId: '999999' });
		expect(missing.error?.message).toContain('no order with deal_id 999999');
	});

	it('Get Many returns only the statuses the integration settings export', async () => {
		emulator.settings.exportedOrderStatuses = ['B#N'];
		const { items } = await run({
			resource: 'order',
			operation: 'getMany',
			dateFilter: 'none',
			returnAll: true,
		});
		expect(items.map((item) => item.json.status)).toEqual(['B#N']);
	});
});

describe('References, prices, stock, custom call', () => {
	it.each([
		['product', '/b/anor/mxsx/mr/inventory', '{"name":"Green tea","measure_code":"pcs"}'],
		['legalPerson', '/b/anor/mxsx/mr/legal_person', '{"name":"OOO New","tin":"301000001"}'],
		['naturalPerson', '/b/anor/mxsx/mr/natural_person', '{"first_name":"Dilnoza","gender":"F"}'],
	])(
		'%s: Create or Update upserts by code, Get by Code and Get Many find it',
		async (resource, path, fields) => {
			const created = await run({
				resource,
				operation: 'createOrUpdate',
				code: 'NEW-1',
				referenceFields: fields,
			});
			expect(created.items[0].json).toMatchObject({ success: true, code: 'NEW-1' });
			const updated = await run({
				resource,
				operation: 'createOrUpdate',
				code: 'NEW-1',
				referenceFields: fields.replace('}', ',"short_name":"Changed"}'),
			});
			expect(updated.error).toBeUndefined();
			expect(emulator.refs(path).get('NEW-1')).toMatchObject({
				code: 'NEW-1',
				short_name: 'Changed',
				state: 'A',
			});
			const byCode = await run({ resource, operation: 'getByCode', code: 'NEW-1' });
			expect(byCode.items[0].json.short_name).toBe('Changed');
			const many = await run({
				resource,
				operation: 'getMany',
				returnAll: true,
				filters: { modifiedSince: '={{ $now.minus({ days: 1 }).toISO() }}' },
			});
			expect(many.items.map((item) => item.json.code)).toEqual(['NEW-1']);
		},
	);

	it('a legal person without its required short name and state defaults fills them; a missing name is refused before sending', async () => {
		const refused = await run({
			resource: 'legalPerson',
			operation: 'createOrUpdate',
			code: 'X',
			referenceFields: '{"tin":"1"}',
		});
		expect(refused.error?.message).toContain('Fields: "name" is required for a legal person');
		expect(emulator.requestsTo(/legal_person\$import/)).toHaveLength(0);
	});

	it('products without a code are exported only when the setting allows it', async () => {
		const hidden = await run({ resource: 'product', operation: 'getMany', returnAll: true });
		expect(hidden.items.map((item) => item.json.name)).not.toContain('Loose goods');
		emulator.settings.exportWithoutCodes = true;
		const shown = await run({ resource: 'product', operation: 'getMany', returnAll: true });
		expect(shown.items.map((item) => item.json.name)).toContain('Loose goods');
	});

	it('warehouses and price types are listed; an identical warehouse export is made once per execution', async () => {
		const warehouses = await run({ resource: 'warehouse', operation: 'getMany', returnAll: true }, [
			{},
			{},
		]);
		expect(warehouses.items.map((item) => item.json.code)).toEqual(['001', '002', '001', '002']);
		expect(emulator.requestsTo(/warehouse\$export/)).toHaveLength(1);
		const types = await run({ resource: 'priceType', operation: 'getMany', returnAll: true });
		expect(types.items.map((item) => item.json.code)).toEqual(['777', '778']);
	});

	it("Price: Set then Get; an unknown price type is rejected with Smartup's message", async () => {
		const set = await run(
			{
				resource: 'price',
				operation: 'set',
				productCode: 'P-20',
				priceTypeCode: '={{ $json.type }}',
				price: '={{ $json.price }}',
			},
			[
				{ type: '777', price: 16000 },
				{ type: '778', price: 15500 },
			],
		);
		expect(set.error).toBeUndefined();
		const got = await run({
			resource: 'price',
			operation: 'get',
			priceTypeCodes: '777,778',
			productCode: 'P-20',
		});
		expect(got.items[0].json.price_type).toEqual([
			{ price_type_code: '777', card_code: '', price: 16000 },
			{ price_type_code: '778', card_code: '', price: 15500 },
		]);
		const bad = await run({
			resource: 'price',
			operation: 'set',
			productCode: 'P-20',
			priceTypeCode: '999',
			price: '1',
		});
		expect(bad.error?.description).toContain('Тип цены не найден');
	});

	it('Price: Get from the head organization needs price type codes (Smartup says so)', async () => {
		const { error } = await run({ resource: 'price', operation: 'get' }, [{}], {
			credentials: { filialId: '1000' },
		});
		expect(error?.description).toContain('price_type_codes');
	});

	it('Stock: Get Balance over 10 days gives one row per day and warehouse, in two windows', async () => {
		emulator.settings.dataAgeDays = 100_000;
		const { items, error } = await run({
			resource: 'stock',
			operation: 'getBalance',
			warehouseCodes: '001',
			dateFrom: '2026-03-01',
			dateTo: '2026-03-10',
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(10);
		expect(items[9].json).toMatchObject({
			date: '10.03.2026',
			warehouse_code: '001',
			quantity: 140,
		});
		expect(emulator.requestsTo(/balance\$export/)).toHaveLength(2);
	});

	it('Custom API Call reaches any method with the same auth', async () => {
		const { items } = await run({
			resource: 'customApiCall',
			operation: 'call',
			path: '/b/anor/mxsx/mrf/room$export',
			body: '{}',
			safeToRepeat: true,
		});
		expect((items[0].json.room as Array<Record<string, unknown>>)[0].room_code).toBe('R1');
		const unknown = await run({
			resource: 'customApiCall',
			operation: 'call',
			path: '/b/anor/mxsx/nothing$export',
			body: '{}',
		});
		expect(unknown.error?.message).toContain('HTTP 404');
	});
});

describe('Quota during a batched import', () => {
	it('once the quota is spent, the remaining batches are not sent and every item says why', async () => {
		emulator.settings.quotaLimits.frequent = 1;
		const { items } = await createOrders(
			[1, 2, 3, 4, 5].map((n) => ({ id: `q-${n}` })),
			{ options: { batchSize: 2 } },
			'continueRegularOutput',
		);
		expect(emulator.requestsTo(/order\$import$/)).toHaveLength(2);
		expect(items.slice(0, 2).every((item) => item.json.success === true)).toBe(true);
		expect(
			items.slice(2).map((item) => String(item.json.error).includes('daily Smartup request quota')),
		).toEqual([true, true, true]);
		expect(items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
	});
});

describe('Account settings the node must match', () => {
	it('local codes: an import names the client and product by their local codes', async () => {
		emulator.settings.codeType = 'local';
		const fields = (person: string) =>
			JSON.stringify({
				deal_time: '2026-03-20 10:00:00',
				delivery_date: '2026-03-21',
				status: 'B#N',
				person_code: person,
				room_code: 'R1',
			});
		const params = (person: string, product: string) => ({
			resource: 'order',
			operation: 'createOrUpdate',
			externalId: `loc-${person}`,
			documentFields: fields(person),
			lines: JSON.stringify([{ product_code: product, order_quant: 1 }]),
		});
		const local = await run(params('L-77', 'LP-10'));
		expect(local.items[0].json.success).toBe(true);
		const global = await run(params('C-77', 'P-10'), [{}], { onError: 'continueRegularOutput' });
		expect(global.items[0].json.description).toContain('Клиент не найден: C-77');
	});

	it("a window wider than the server allows is Smartup's error, shown as such", async () => {
		emulator.settings.dataAgeDays = 100_000;
		const { error } = await run({
			resource: 'order',
			operation: 'getMany',
			dateFilter: 'modified',
			dateFrom: '2026-03-01',
			dateTo: '2026-03-30',
			options: { windowDays: 30, maxAgeDays: 0 },
		});
		expect(error?.name).toBe('NodeApiError');
		expect(error?.description).toContain('Период выгрузки не может превышать 7 дней');
	});
});
