/**
 * The references added for issue 15 (contracts, return reasons, services, product groups, producers, person groups,
 * workspaces): unit tests through n8n-core with nock (paths and roots copied from docs/api/smartup.md §5.4, not from
 * the node), then the emulator (import, then Get by Code and Get Many find it).
 */
import nock from 'nock';

import { properties } from '../../nodes/Smartup/actions/description';
import { SmartupEmulator } from '../emulators/smartup';
import { runNode } from '../harness';

jest.setTimeout(30_000);

const HOST = 'https://smartup.test';
const REFERENCES: Array<[resource: string, path: string, root: string]> = [
	['contract', '/b/anor/mxsx/mkf/contract', 'contract'],
	['returnReason', '/b/anor/mxsx/mdeal/return_reason', 'return_reason'],
	['service', '/b/anor/mxsx/mr/service', 'service'],
	['productGroup', '/b/anor/mxsx/mr/product_group', 'product_group'],
	['producer', '/b/anor/mxsx/mr/producer', 'producer'],
	['personGroup', '/b/anor/mxsx/mr/person_group', 'person_group'],
];

describe('unit (nock)', () => {
	const credentials = {
		smartupApi: {
			baseUrl: HOST,
			authType: 'basic',
			login: 'admin@acme',
			password: 'pw-Secret-1',
			projectCode: 'trade',
			filialId: '',
			accessToken: '',
		},
	};
	beforeEach(() => {
		nock.cleanAll();
		nock.disableNetConnect();
	});
	afterAll(() => nock.enableNetConnect());

	it.each(REFERENCES)(
		'%s: Create or Update posts to %s$import under its root and maps results by code',
		async (resource, path, root) => {
			const bodies: Array<Record<string, unknown>> = [];
			nock(HOST)
				.post(`${path}$import`, (body) => (bodies.push(body as Record<string, unknown>), true))
				.reply(200, { successes: [{ code: 'K-1' }], errors: [{ code: 'K-2', message: 'Ошибка' }] });
			const { items } = await runNode(
				{
					type: 'smartup',
					parameters: {
						resource,
						operation: 'createOrUpdate',
						code: '={{ $json.code }}',
						referenceFields: '{"name":"X"}',
					},
					onError: 'continueRegularOutput',
				},
				[{ code: 'K-1' }, { code: 'K-2' }],
				credentials,
			);
			expect(
				(bodies[0][root] as Array<Record<string, unknown>>).map((object) => object.code),
			).toEqual(['K-1', 'K-2']);
			expect(items[0].json).toMatchObject({ success: true, code: 'K-1' });
			expect(items[1].json.description).toContain('Ошибка');
		},
	);

	it.each(REFERENCES)(
		'%s: Get Many reads the answer of %s$export',
		async (resource, path, root) => {
			nock(HOST)
				.post(`${path}$export`)
				.reply(200, { [root]: [{ code: 'A1', name: 'One' }] });
			const { items, error } = await runNode(
				{ type: 'smartup', parameters: { resource, operation: 'getMany', returnAll: true } },
				[{}],
				credentials,
			);
			expect(error).toBeUndefined();
			expect(items.map((item) => item.json.code)).toEqual(['A1']);
		},
	);

	it('Price Type: Create or Update posts {price_type: […]} to the v2 import and maps results by code', async () => {
		const bodies: Array<Record<string, unknown>> = [];
		nock(HOST)
			.post(
				'/b/anor/api/v2/mkr/price_type$import',
				(body) => (bodies.push(body as Record<string, unknown>), true),
			)
			.reply(200, { successes: [{ code: 'PT-1' }], errors: [] });
		const { items, error } = await runNode(
			{
				type: 'smartup',
				parameters: {
					resource: 'priceType',
					operation: 'createOrUpdate',
					code: 'PT-1',
					referenceFields: '{"name":"Retail","price_type_kind":"S"}',
				},
			},
			[{}],
			credentials,
		);
		expect(error).toBeUndefined();
		expect(bodies[0]).toEqual({
			price_type: [{ state: 'A', name: 'Retail', price_type_kind: 'S', code: 'PT-1' }],
		});
		expect(items[0].json).toMatchObject({ success: true, code: 'PT-1' });
	});

	it('Visit: Get Many exports tvt/visit$export by visit date; it has no Import', async () => {
		const bodies: Array<Record<string, unknown>> = [];
		nock(HOST)
			.post(
				'/b/trade/txs/tvt/visit$export',
				(body) => (bodies.push(body as Record<string, unknown>), true),
			)
			.reply(200, { visit: [{ visit_id: '11', visit_status: 'C' }] });
		const { items, error } = await runNode(
			{
				type: 'smartup',
				parameters: {
					resource: 'visit',
					operation: 'getMany',
					dateFilter: 'document',
					dateFrom: '={{ $now.toISODate() }}',
					returnAll: true,
				},
			},
			[{}],
			credentials,
		);
		expect(error).toBeUndefined();
		expect(Object.keys(bodies[0]).sort()).toEqual(['begin_visit_date', 'end_visit_date']);
		expect(items[0].json.visit_id).toBe('11');
		const operations = properties.find(
			(property) =>
				property.name === 'operation' && property.displayOptions?.show?.resource?.includes('visit'),
		);
		expect((operations?.options as Array<{ value: string }>).map((option) => option.value)).toEqual(
			['getMany'],
		);
	});

	it('Cross-Organization Movement: Change Status posts {movement: [{movement_id, status}]} and refuses an unknown status before sending', async () => {
		const bodies: Array<Record<string, unknown>> = [];
		nock(HOST)
			.post(
				'/b/anor/mxsx/mfm/movement$change_status',
				(body) => (bodies.push(body as Record<string, unknown>), true),
			)
			.reply(200, { successes: [{ code: '42' }], errors: [] });
		const { items } = await runNode(
			{
				type: 'smartup',
				parameters: {
					resource: 'crossOrgMovement',
					operation: 'changeStatus',
					movementId: '42',
					status: 'A',
				},
			},
			[{}],
			credentials,
		);
		expect(bodies[0]).toEqual({ movement: [{ movement_id: '42', status: 'A' }] });
		expect(items[0].json).toMatchObject({ success: true, movement_id: '42' });
		const bad = await runNode(
			{
				type: 'smartup',
				parameters: {
					resource: 'crossOrgMovement',
					operation: 'changeStatus',
					movementId: '42',
					status: 'Q',
				},
			},
			[{}],
			credentials,
		);
		expect(bad.error?.message).toContain('"Q" is not a movement status');
	});

	it('Equipment Balance: posts offset/limit 50 to tvt/equipment_balance$export_data and stops at count', async () => {
		const bodies: Array<Record<string, unknown>> = [];
		nock(HOST)
			.post(
				'/b/trade/txs/tvt/equipment_balance$export_data',
				(body) => (bodies.push(body as Record<string, unknown>), true),
			)
			.reply(200, {
				count: '1',
				data: [
					{ serial_number: 'SN-1', equipment_status: 'Передано клиенту', last_visit_date: null },
				],
			});
		const { items, error } = await runNode(
			{
				type: 'smartup',
				parameters: {
					resource: 'equipmentBalance',
					operation: 'getMany',
					returnAll: true,
					filters: { productCodes: 'EQ-1' },
				},
			},
			[{}],
			credentials,
		);
		expect(error).toBeUndefined();
		expect(bodies).toEqual([{ product_codes: [{ product_code: 'EQ-1' }], offset: 0, limit: 50 }]);
		expect(items[0].json).toMatchObject({
			serial_number: 'SN-1',
			equipment_status: 'Передано клиенту',
		});
	});

	it('Workspace: Get Many reads room[] of mrf/room$export', async () => {
		nock(HOST)
			.post('/b/anor/mxsx/mrf/room$export', {})
			.reply(200, { room: [{ room_id: '1', room_code: 'R1', room_name: 'Sales' }] });
		const { items, error } = await runNode(
			{
				type: 'smartup',
				parameters: { resource: 'workspace', operation: 'getMany', returnAll: true },
			},
			[{}],
			credentials,
		);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ room_code: 'R1', room_name: 'Sales' });
	});
});

describe('emulator', () => {
	let emulator: SmartupEmulator;
	beforeEach(async () => {
		emulator = new SmartupEmulator();
		await emulator.start();
	});
	afterEach(async () => emulator.stop());
	const run = (parameters: Record<string, unknown>, onError?: 'continueRegularOutput') =>
		runNode({ type: 'smartup', parameters, onError }, [{}], {
			smartupApi: {
				baseUrl: emulator.baseUrl,
				authType: 'basic',
				login: emulator.login,
				password: emulator.password,
				projectCode: 'trade',
				filialId: '',
				accessToken: '',
			},
		});

	it.each(REFERENCES)(
		'%s: imported by code, then found by Get by Code and Get Many',
		async (resource, path) => {
			const created = await run({
				resource,
				operation: 'createOrUpdate',
				code: 'N8N-1',
				referenceFields: '{"name":"From n8n"}',
			});
			expect(created.error).toBeUndefined();
			expect(created.items[0].json).toMatchObject({ success: true, code: 'N8N-1' });
			expect(emulator.refs(path).get('N8N-1')).toMatchObject({ name: 'From n8n', state: 'A' });
			const found = await run({ resource, operation: 'getByCode', code: 'N8N-1' });
			expect(found.items[0].json).toMatchObject({ code: 'N8N-1', name: 'From n8n' });
			const many = await run({ resource, operation: 'getMany', returnAll: true });
			expect(many.items.map((item) => item.json.code)).toContain('N8N-1');
		},
	);

	it("Price Type: imported by code, then listed by Get Many; a wrong kind keeps Smartup's message", async () => {
		const created = await run({
			resource: 'priceType',
			operation: 'createOrUpdate',
			code: 'PT-N8N',
			referenceFields: '{"name":"From n8n","price_type_kind":"S","currency_code":"860"}',
		});
		expect(created.items[0].json).toMatchObject({ success: true, code: 'PT-N8N' });
		const listed = await run({ resource: 'priceType', operation: 'getMany', returnAll: true });
		expect(listed.items.map((item) => item.json.code)).toContain('PT-N8N');
		const wrong = await run(
			{
				resource: 'priceType',
				operation: 'createOrUpdate',
				code: 'PT-X',
				referenceFields: '{"price_type_kind":"Z"}',
			},
			'continueRegularOutput',
		);
		expect(wrong.items[0].json.description).toContain('Неверный вид типа цены');
	});

	it("Logistics: a trip with existing orders is imported, found by Get Many; an unknown deal_id keeps Smartup's message", async () => {
		const dealId = [...emulator.docs('/b/trade/txs/tdeal/order').keys()][0];
		const fields = (deal: string) =>
			JSON.stringify({
				delivery_date: '={{ $now.toISODate() }}',
				expeditor_code: 'EX1',
				van_code: 'V1',
				deals: [{ deal_id: deal }],
			});
		const created = await run({
			resource: 'logistics',
			operation: 'createOrUpdate',
			externalId: 'trip-1',
			documentFields: fields(dealId).replace('"={{ $now.toISODate() }}"', `"${emulator.today()}"`),
		});
		expect(created.error).toBeUndefined();
		expect(created.items[0].json.success).toBe(true);
		const found = await run({
			resource: 'logistics',
			operation: 'getMany',
			dateFilter: 'none',
			returnAll: true,
			filters: { externalId: 'trip-1' },
		});
		expect(found.items).toHaveLength(1);
		expect(found.items[0].json.deals).toEqual([{ deal_id: dealId }]);
		const wrong = await run(
			{
				resource: 'logistics',
				operation: 'createOrUpdate',
				externalId: 'trip-2',
				documentFields: JSON.stringify({ deals: [{ deal_id: '999999' }] }),
			},
			'continueRegularOutput',
		);
		expect(wrong.items[0].json.description).toContain('Заказ не найден');
	});

	it('Visit: Get Many answers the visits; the emulator refuses a visit import (not in the collection)', async () => {
		emulator.addDocument('/b/trade/txs/tvt/visit', {
			visit_status: 'done',
			visit_date: `${emulator.today().split('-').reverse().join('.')}`,
		});
		const { items, error } = await run({
			resource: 'visit',
			operation: 'getMany',
			dateFilter: 'none',
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.visit_status)).toEqual(['done']);
		const custom = await run(
			{
				resource: 'customApiCall',
				operation: 'call',
				path: '/b/trade/txs/tvt/visit$import',
				body: '{"visit":[]}',
			},
			'continueRegularOutput',
		);
		expect(String(custom.items[0].json.error)).toContain('404');
	});

	it("Cross-Organization Movement: Change Status sets the status by movement_id; an unknown ID keeps Smartup's message", async () => {
		const created = await run({
			resource: 'crossOrgMovement',
			operation: 'createOrUpdate',
			externalId: 'cm-1',
			documentFields: JSON.stringify({
				from_filial_code: '01',
				from_room_code: 'R1',
				from_robot_code: 'AG1',
				from_robot_person_code: 'N-1',
				from_warehouse_code: '001',
				from_time: '2026-03-05 10:00:00',
				to_filial_code: '01',
				currency_code: '860',
				price_type_code: '777',
			}),
			lines: '[{ "product_code": "P-10", "quantity": 1 }]',
		});
		const id = String(created.items[0].json.smartup_id);
		const changed = await run({
			resource: 'crossOrgMovement',
			operation: 'changeStatus',
			movementId: id,
			status: 'L',
		});
		expect(changed.items[0].json).toMatchObject({ success: true, movement_id: id });
		expect(emulator.docs('/b/anor/mxsx/mfm/movement').get(id)?.status).toBe('L');
		const unknown = await run(
			{
				resource: 'crossOrgMovement',
				operation: 'changeStatus',
				movementId: '999999',
				status: 'L',
			},
			'continueRegularOutput',
		);
		expect(unknown.items[0].json.description).toContain('Перемещение не найдено');
	});

	it('Equipment Balance: pages of 50 until count, filtered by workspace', async () => {
		const { items, error } = await run({
			resource: 'equipmentBalance',
			operation: 'getMany',
			returnAll: true,
			filters: { roomCodes: 'R1' },
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(60);
		expect(new Set(items.map((item) => item.json.serial_number)).size).toBe(60);
		const pages = emulator
			.requestsTo(/equipment_balance\$export_data$/)
			.map((request) => JSON.parse(request.body));
		expect(pages).toEqual([
			{ room_codes: [{ room_code: 'R1' }], offset: 0, limit: 50 },
			{ room_codes: [{ room_code: 'R1' }], offset: 50, limit: 50 },
		]);
	});

	it('Workspace: Get Many lists the rooms orders need', async () => {
		const { items, error } = await run({
			resource: 'workspace',
			operation: 'getMany',
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.room_code)).toContain('R1');
	});
});
