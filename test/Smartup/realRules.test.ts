/**
 * The API's real rules (docs/api/smartup.md §4.7, §4.8, §6, §7, §8.4, §8.7, §9), against the emulator:
 * data age and request span, lost answers that cannot be proven, duplicate answers, external IDs sent as
 * given, the official required fields, quotas read from `limits`, date-times, known error codes, timeouts.
 * Each test failed before the behaviour it names was fixed (issue 15).
 */
import { properties as nodeDescription } from '../../nodes/Smartup/actions/description';
import { smartupRequestOptions } from '../../nodes/Smartup/transport';
import { SmartupEmulator } from '../emulators/smartup';
import { runNode, type RunResult } from '../harness';

const ORDER = '/b/trade/txs/tdeal/order';
const NODE = 'Node under test';

let emulator: SmartupEmulator;

jest.setTimeout(30_000);

beforeEach(async () => {
	emulator = new SmartupEmulator();
	await emulator.start();
});
afterEach(async () => emulator.stop());

function run(
	parameters: Record<string, unknown>,
	items: object[] = [{}],
	onError?: 'continueRegularOutput',
) {
	const credentials = {
		smartupApi: {
			baseUrl: emulator.baseUrl,
			authType: 'basic',
			login: emulator.login,
			password: emulator.password,
			projectCode: 'trade',
			filialId: '',
			accessToken: '',
		},
	};
	return runNode({ type: 'smartup', parameters, onError }, items as never, credentials);
}

function hints(result: RunResult): string[] {
	const task = result.run.data.resultData.runData[NODE]?.[0] as
		| { hints?: Array<{ message: string }> }
		| undefined;
	return (task?.hints ?? []).map((hint) => hint.message);
}

/** yyyy-mm-dd of `days` days before the emulator's today (Asia/Tashkent). */
function daysAgo(days: number): string {
	const [y, m, d] = emulator.today().split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d - days)).toISOString().slice(0, 10);
}
const smartupDate = (iso: string) => iso.split('-').reverse().join('.');

function addOrder(externalId: string, iso: string) {
	const date = smartupDate(iso);
	emulator.addDocument(ORDER, {
		external_id: externalId,
		status: 'B#N',
		deal_time: `${date} 10:00:00`,
		deal_date: date,
		delivery_date: date,
		modified_on: `${date} 12:00:00`,
		created_on: `${date} 12:00:00`,
	});
}

const orderImport = (externalId: string, extra: Record<string, unknown> = {}) => ({
	resource: 'order',
	operation: 'createOrUpdate',
	externalId,
	documentFields: JSON.stringify({
		deal_time: '2026-03-20 10:00:00',
		delivery_date: '2026-03-21',
		status: 'B#N',
		person_code: 'C-77',
		room_code: 'R1',
	}),
	lines: '[{ "product_code": "P-10", "order_quant": 1 }]',
	...extra,
});

describe('1. Date windows: the data age rule and the span Smartup reports', () => {
	it('a 90-day range asks only for the days Smartup serves (the last 7), and says so', async () => {
		addOrder('recent', daysAgo(2));
		const result = await run({
			resource: 'order',
			operation: 'getMany',
			dateFilter: 'modified',
			dateFrom: daysAgo(89),
			dateTo: daysAgo(0),
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.external_id)).toContain('recent');
		// 8 days (today and the 7 before) in windows of at most 7 days: 2 calls instead of 13.
		expect(emulator.requestsTo(/order\$export$/)).toHaveLength(2);
		expect(hints(result).join(' ')).toContain(`before ${smartupDate(daysAgo(7))}`);
	});

	it('a range entirely older than Smartup serves is refused before any call, naming the reachable range', async () => {
		const { error } = await run({
			resource: 'order',
			operation: 'getMany',
			dateFilter: 'modified',
			dateFrom: daysAgo(40),
			dateTo: daysAgo(20),
			returnAll: true,
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toContain(smartupDate(daysAgo(7)));
		expect(emulator.requestsTo(/\$export$/)).toHaveLength(0);
	});

	it('reads limits.day_range_limit from the first answer and uses it for the rest of the range', async () => {
		emulator.settings.dataAgeDays = 60;
		emulator.settings.dayRangeLimit = 30;
		addOrder('old', daysAgo(50));
		addOrder('new', daysAgo(1));
		const { items, error } = await run({
			resource: 'order',
			operation: 'getMany',
			dateFilter: 'modified',
			dateFrom: daysAgo(59),
			dateTo: daysAgo(0),
			returnAll: true,
			options: { maxAgeDays: 60 },
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.external_id)).toEqual(
			expect.arrayContaining(['new', 'old']),
		);
		// First call 7 days (nothing known yet), then the 53 days left in windows of 30: 3 calls, not 9.
		expect(emulator.requestsTo(/order\$export$/)).toHaveLength(3);
	});

	it('a window refused after others answered keeps what was fetched and says which days are missing', async () => {
		emulator.settings.dataAgeDays = 60;
		addOrder('first-window', daysAgo(20));
		// The first window is served, the second refused.
		let calls = 0;
		emulator.beforeHandle = (request) => {
			if (/order\$export$/.test(request.path) && ++calls === 2)
				return {
					status: 400,
					headers: { 'Content-Type': 'application/json' },
					body: '{"error_code":"A02-01-009","message":"Ошибка выгрузки"}',
				};
			return undefined;
		};
		const result = await run({
			resource: 'order',
			operation: 'getMany',
			dateFilter: 'modified',
			dateFrom: daysAgo(20),
			dateTo: daysAgo(0),
			returnAll: true,
			options: { maxAgeDays: 60 },
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.external_id)).toEqual(['first-window']);
		expect(hints(result).join(' ')).toContain('Ошибка выгрузки');
	});
});

describe('2. The lost-answer check says only what it knows', () => {
	it('an order not found after a lost answer is "unknown", not "safe to run again" (exported statuses may hide it)', async () => {
		emulator.settings.exportedOrderStatuses = ['B#S'];
		emulator.injectFault({ kind: 'reset' }, { pathPattern: /order\$import$/, processFirst: true });
		const { items } = await run(orderImport('hidden-1'), [{}], 'continueRegularOutput');
		expect(emulator.docs(ORDER).size).toBeGreaterThan(0);
		expect(String(items[0].json.error)).not.toContain('safe to run');
		expect(String(items[0].json.error)).not.toContain('never be created twice');
		expect(String(items[0].json.error)).toContain('Статус заказа');
	});

	it('a cross-organization movement not found says Smartup has no duplicate check for it', async () => {
		emulator.injectFault({ kind: 'reset' }, { pathPattern: /mfm\/movement\$import$/ });
		const { items } = await run(
			{
				resource: 'crossOrgMovement',
				operation: 'createOrUpdate',
				externalId: 'x-1',
				documentFields: JSON.stringify(crossOrgFields()),
				lines: '[{ "product_code": "P-10", "quantity": 1 }]',
			},
			[{}],
			'continueRegularOutput',
		);
		expect(String(items[0].json.error)).not.toContain('never be created twice');
		expect(String(items[0].json.error)).toContain('no duplicate check');
	});
});

function crossOrgFields(extra: Record<string, unknown> = {}) {
	return {
		from_filial_code: '01',
		from_room_code: 'R1',
		from_robot_code: 'AG1',
		from_robot_person_code: 'N-1',
		from_warehouse_code: '001',
		from_time: '2026-03-05 10:00:00',
		to_filial_code: '01',
		currency_code: '860',
		price_type_code: '777',
		...extra,
	};
}

describe('3. Import: named by what it sends, duplicate answers per item', () => {
	it('the document action is not called "Create or Update" and its hint explains the duplicate setting', () => {
		const operations = nodeDescription.filter(
			(property) =>
				property.name === 'operation' && property.displayOptions?.show?.resource?.includes('order'),
		);
		const option = (
			operations[0].options as Array<{
				value: string;
				name: string;
				action: string;
				description: string;
			}>
		).find((o) => o.value === 'createOrUpdate')!;
		expect(option.name).not.toMatch(/create or update/i);
		expect(option.action).not.toMatch(/create or update/i);
		expect(option.description).toMatch(/duplicate/i);
	});

	it('a duplicate refused by the "return error" setting is reported as such on its item', async () => {
		emulator.setDuplicateMode('order', 'error');
		await run(orderImport('dup-1'));
		const { items } = await run(orderImport('dup-1'), [{}], 'continueRegularOutput');
		expect(String(items[0].json.error)).toContain('duplicate check');
		expect(items[0].json.duplicate).toBe(true);
	});
});

describe('4. external_id is sent as the user gives it', () => {
	it('a 36-character 1C GUID goes to Smartup unchanged', async () => {
		const guid = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
		const { items, error } = await run(orderImport(guid));
		expect(error).toBeUndefined();
		expect(items[0].json.success).toBe(true);
		expect(JSON.parse(emulator.requestsTo(/order\$import$/)[0].body).order[0].external_id).toBe(
			guid,
		);
	});

	it('when an installation refuses the length, the error says so with the length sent', async () => {
		emulator.settings.externalIdMaxLength = 20;
		const { items } = await run(
			orderImport('3f2504e0-4f89-11d3-9a0c-0305e82c3301'),
			[{}],
			'continueRegularOutput',
		);
		expect(String(items[0].json.error)).toContain('36 characters');
	});
});

describe('5. Required fields as the official field tables mark them', () => {
	it('a natural person without gender is sent (the vendor imports one that way)', async () => {
		const { items, error } = await run({
			resource: 'naturalPerson',
			operation: 'createOrUpdate',
			code: 'N-9',
			referenceFields: JSON.stringify({ first_name: 'Dilnoza' }),
		});
		expect(error).toBeUndefined();
		expect(items[0].json.success).toBe(true);
	});

	it('a cross-organization movement needs the sender fields, not to_warehouse_code', async () => {
		const ok = await run({
			resource: 'crossOrgMovement',
			operation: 'createOrUpdate',
			externalId: 'x-ok',
			documentFields: JSON.stringify(crossOrgFields()),
			lines: '[{ "product_code": "P-10", "quantity": 1 }]',
		});
		expect(ok.error).toBeUndefined();
		const missing = await run({
			resource: 'crossOrgMovement',
			operation: 'createOrUpdate',
			externalId: 'x-bad',
			documentFields: JSON.stringify(crossOrgFields({ from_room_code: '' })),
			lines: '[{ "product_code": "P-10", "quantity": 1 }]',
		});
		expect(missing.error?.message).toContain('from_room_code');
		expect(emulator.requestsTo(/mfm\/movement\$import$/)).toHaveLength(1);
	});
});

describe('6. Quota decided from limits, no further batch after a spent quota', () => {
	it('a refusal carrying left_limit_quant 0 stops the remaining batches (no LIMIT code needed)', async () => {
		emulator.settings.quotaLimits.frequent = 1;
		emulator.settings.quotaStatus = 400;
		const { items } = await run(
			orderImport('={{ $json.id }}', { options: { batchSize: 2 } }),
			[1, 2, 3, 4, 5].map((n) => ({ id: `q-${n}` })),
			'continueRegularOutput',
		);
		expect(emulator.requestsTo(/order\$import$/)).toHaveLength(2);
		expect(items.slice(2).every((item) => String(item.json.error).includes('quota'))).toBe(true);
	});

	it('after an answer with left_limit_quant 0, the next call of that kind is not sent', async () => {
		emulator.settings.quotaLimits.frequent = 1;
		const { items } = await run(
			{ resource: 'order', operation: 'getMany', dateFilter: 'none', returnAll: true },
			[{}, {}],
			'continueRegularOutput',
		);
		expect(emulator.requestsTo(/order\$export$/)).toHaveLength(1);
		expect(String(items[items.length - 1].json.error)).toContain('quota');
	});

	it('calls spent and calls left are shown after the run', async () => {
		const result = await run({
			resource: 'order',
			operation: 'getMany',
			dateFilter: 'none',
			returnAll: true,
		});
		expect(hints(result).join(' ')).toMatch(/1 Smartup call.*499 of 500/);
	});
});

describe('7. Date-times, known error codes, export timeouts', () => {
	it('from_movement_date keeps its time of day', async () => {
		await run({
			resource: 'internalMovement',
			operation: 'createOrUpdate',
			externalId: 'mv-1',
			documentFields: JSON.stringify({
				from_movement_date: '2026-03-05 14:30:00',
				to_movement_date: '2026-03-05 16:00:00',
				from_warehouse_code: '001',
				to_warehouse_code: '002',
			}),
			lines: '[{ "product_code": "P-10", "quantity": 1 }]',
		});
		const sent = JSON.parse(emulator.requestsTo(/mkw\/movement\$import$/)[0].body).movement[0];
		expect(sent.from_movement_date).toBe('05.03.2026 14:30:00');
		expect(sent.to_movement_date).toBe('05.03.2026 16:00:00');
	});

	it('A02-24-122 and A02-24-194 come with a hint', async () => {
		emulator.injectFault({
			kind: 'status',
			status: 400,
			body: '{"error_code":"A02-24-122","message":"Неверный формат даты в фильтре"}',
			contentType: 'application/json',
		});
		const bad = await run({
			resource: 'order',
			operation: 'getMany',
			dateFilter: 'none',
			returnAll: true,
		});
		expect(bad.error?.message).toMatch(/date filter/i);
		emulator.injectFault({
			kind: 'status',
			status: 400,
			body: '{"error_code":"A02-24-194","message":"Тело запроса пустое"}',
			contentType: 'application/json',
		});
		const empty = await run({
			resource: 'order',
			operation: 'getMany',
			dateFilter: 'none',
			returnAll: true,
		});
		expect(empty.error?.message).toMatch(/empty body/i);
	});

	it('an export that timed out is retried at most once', async () => {
		emulator.injectFault({ kind: 'delay', ms: 1500 }, { pathPattern: /order\$export$/, times: 4 });
		await run({
			resource: 'order',
			operation: 'getMany',
			dateFilter: 'none',
			returnAll: true,
			requestOptions: { timeoutSeconds: 1 },
		});
		expect(emulator.requestsTo(/order\$export$/)).toHaveLength(2);
	});

	it('the default timeout fits heavy exports (150 s, as integrators use)', () => {
		expect(smartupRequestOptions({}).timeoutMs).toBe(150_000);
		expect(smartupRequestOptions({ timeoutSeconds: 30 }).timeoutMs).toBe(30_000);
	});
});
