/* eslint-disable @n8n/community-nodes/require-node-api-error --
   Test-only code: an emulator of the Smartup server, not node code; its own errors become HTTP 500s in base.ts. */
import {
	Emulator,
	basicCredentials,
	json,
	type EmulatorResponse,
	type RecordedRequest,
} from './base';

/**
 * Smartup ERP API, as `docs/api/smartup.md` describes it:
 * every method is POST with a JSON body; Basic auth (`user@company`) or OAuth2 client credentials
 * (`/security/oauth/token`, Bearer); `project_code` and `filial_id` headers; head versus single
 * organization with the A02-24-0xx errors; `$export` answers `{root:[…], limits}` with every scalar a
 * string and a day-range window; `$import` answers HTTP 200 `{successes, errors}`, at most 5000 objects,
 * a duplicate mode per method (error / update / skip) keyed by external_id, references upserted by code;
 * daily quotas per class; global or local codes. Points docs/api/smartup.md marks INF are switches here.
 */

export type DuplicateMode = 'error' | 'update' | 'skip';
type QuotaClass = 'reference' | 'rare' | 'frequent';
type Row = Record<string, unknown>;

interface Organization {
	id: string;
	code: string | null;
	name: string;
	head: boolean;
}

interface DocType {
	root: string;
	idField: string;
	linesKey?: string;
	/** Export date filters: begin/end field name → the document field holding the date. */
	dates: Array<{ begin: string; end?: string; field: string }>;
	required: string[];
	requiredLine: string[];
	quota: QuotaClass;
	/** Fields that name other objects and must exist. */
	refs: Array<{ field: string; kind: 'person' | 'room' | 'warehouse' | 'product' }>;
	lineRefs: Array<{ field: string; kind: 'product' | 'warehouse' }>;
	/** Visits have only an export in the collection (§5.6 #8): their $import is a wrong path. */
	exportOnly?: boolean;
}

const common = (field: string) => [
	{ begin: 'begin_created_on', end: 'end_created_on', field: 'created_on' },
	{ begin: 'begin_modified_on', end: 'end_modified_on', field: 'modified_on' },
	{ begin: `begin_${field}`, end: `end_${field}`, field },
];

/** docs/api/smartup.md §5 and §8. Keyed by the path without `$export` / `$import`. */
export const DOC_TYPES: Record<string, DocType> = {
	'/b/trade/txs/tvt/visit': {
		root: 'visit',
		idField: 'visit_id',
		dates: common('visit_date'),
		required: [],
		requiredLine: [],
		quota: 'frequent',
		refs: [],
		lineRefs: [],
		exportOnly: true,
	},
	// §8.21: no field of logistics is marked required; deals[] name existing orders.
	'/b/trade/txs/tdeal/logistics': {
		root: 'logistics',
		idField: 'logistics_id',
		dates: common('delivery_date'),
		required: [],
		requiredLine: [],
		quota: 'rare',
		refs: [],
		lineRefs: [],
	},
	'/b/trade/txs/tdeal/order': {
		root: 'order',
		idField: 'deal_id',
		linesKey: 'order_products',
		dates: [...common('deal_date'), { begin: 'delivery_date', field: 'delivery_date' }],
		required: ['delivery_date', 'deal_time', 'status'],
		requiredLine: [],
		quota: 'frequent',
		refs: [
			{ field: 'person_code', kind: 'person' },
			{ field: 'room_code', kind: 'room' },
		],
		lineRefs: [
			{ field: 'product_code', kind: 'product' },
			{ field: 'warehouse_code', kind: 'warehouse' },
		],
	},
	'/b/anor/mxsx/mdeal/return': {
		root: 'return',
		idField: 'deal_id',
		linesKey: 'return_products',
		dates: common('return_date'),
		required: [
			'delivery_date',
			'deal_time',
			'status',
			'currency_code',
			'room_code',
			'robot_code',
			'sales_manager_code',
			'person_code',
		],
		requiredLine: ['warehouse_code'],
		quota: 'frequent',
		refs: [
			{ field: 'person_code', kind: 'person' },
			{ field: 'room_code', kind: 'room' },
		],
		lineRefs: [{ field: 'product_code', kind: 'product' }],
	},
	'/b/anor/mxsx/mkw/purchase': {
		root: 'purchase',
		idField: 'purchase_id',
		linesKey: 'purchase_items',
		dates: common('purchase_date'),
		required: ['purchase_time', 'status_code', 'supplier_code', 'currency_code', 'posted'],
		requiredLine: [],
		quota: 'rare',
		refs: [{ field: 'supplier_code', kind: 'person' }],
		lineRefs: [{ field: 'product_code', kind: 'product' }],
	},
	'/b/anor/mxsx/mkw/input': {
		root: 'input',
		idField: 'input_id',
		linesKey: 'input_items',
		dates: common('input_date'),
		required: ['input_time', 'warehouse_code'],
		requiredLine: ['purchase_id', 'purchase_item_id', 'quantity'],
		quota: 'rare',
		refs: [{ field: 'warehouse_code', kind: 'warehouse' }],
		lineRefs: [],
	},
	'/b/anor/mxsx/mkw/movement': {
		root: 'movement',
		idField: 'movement_id',
		linesKey: 'movement_items',
		dates: [
			...common('from_movement_date'),
			{ begin: 'begin_to_movement_date', end: 'end_to_movement_date', field: 'to_movement_date' },
		],
		required: [
			'from_movement_date',
			'to_movement_date',
			'from_warehouse_code',
			'to_warehouse_code',
		],
		requiredLine: [],
		quota: 'rare',
		refs: [
			{ field: 'from_warehouse_code', kind: 'warehouse' },
			{ field: 'to_warehouse_code', kind: 'warehouse' },
		],
		lineRefs: [{ field: 'product_code', kind: 'product' }],
	},
	'/b/anor/mxsx/mfm/movement': {
		root: 'movement',
		idField: 'movement_id',
		linesKey: 'movement_items',
		dates: [
			...common('from_date'),
			{ begin: 'begin_to_date', end: 'end_to_date', field: 'to_date' },
		],
		// §8.14: the sender side, currency and price type are required; to_warehouse_code and to_time are not.
		required: [
			'from_filial_code',
			'from_room_code',
			'from_robot_code',
			'from_robot_person_code',
			'from_warehouse_code',
			'from_time',
			'to_filial_code',
			'currency_code',
			'price_type_code',
		],
		requiredLine: [],
		quota: 'rare',
		refs: [
			{ field: 'from_room_code', kind: 'room' },
			{ field: 'from_warehouse_code', kind: 'warehouse' },
		],
		lineRefs: [{ field: 'product_code', kind: 'product' }],
	},
	'/b/anor/mxsx/mkw/return': {
		root: 'return',
		idField: 'return_id',
		linesKey: 'return_items',
		dates: common('return_date'),
		required: ['return_time', 'warehouse_code', 'currency_code', 'supplier_code'],
		requiredLine: [],
		quota: 'rare',
		refs: [{ field: 'warehouse_code', kind: 'warehouse' }],
		lineRefs: [{ field: 'product_code', kind: 'product' }],
	},
	'/b/anor/mxsx/mkw/stocktaking': {
		root: 'stocktaking',
		idField: 'stocktaking_id',
		linesKey: 'stocktaking_items',
		dates: common('stocktaking_date'),
		required: ['stocktaking_date', 'warehouse_code', 'currency_code'],
		requiredLine: [],
		quota: 'rare',
		refs: [{ field: 'warehouse_code', kind: 'warehouse' }],
		lineRefs: [{ field: 'product_code', kind: 'product' }],
	},
	'/b/anor/mxsx/mkw/writeoff': {
		root: 'writeoff',
		idField: 'writeoff_id',
		linesKey: 'writeoff_items',
		dates: common('writeoff_date'),
		required: ['writeoff_date', 'warehouse_code', 'currency_code'],
		requiredLine: [],
		quota: 'rare',
		refs: [{ field: 'warehouse_code', kind: 'warehouse' }],
		lineRefs: [{ field: 'product_code', kind: 'product' }],
	},
	'/b/trade/txs/tcs/cashin': {
		root: 'cashin',
		idField: 'cashin_id',
		dates: common('cashin_date'),
		required: [
			'cashin_time',
			'cashin_date',
			'client_code',
			'payment_type_code',
			'currency_code',
			'cashbox_code',
			'amount',
			'posted',
		],
		requiredLine: [],
		quota: 'frequent',
		refs: [{ field: 'client_code', kind: 'person' }],
		lineRefs: [],
	},
	'/b/anor/mxsx/mkcs/cash_operation': {
		root: 'cash_operation',
		idField: 'operation_id',
		dates: common('operation_date'),
		required: [
			'operation_date',
			'posted',
			'cashbox_code',
			'cashflow_reason_code',
			'cashflow_kind',
			'corr_coa_code',
			'currency_code',
			'amount',
		],
		requiredLine: [],
		quota: 'rare',
		refs: [],
		lineRefs: [],
	},
	'/b/anor/mxsx/mkcs/bank_operation': {
		root: 'bank_operation',
		idField: 'operation_id',
		dates: common('operation_date'),
		required: ['operation_date', 'posted', 'currency_code', 'amount'],
		requiredLine: [],
		quota: 'rare',
		refs: [],
		lineRefs: [],
	},
};

const REF_TYPES: Record<string, { root: string; idField: string; required: string[] }> = {
	'/b/anor/mxsx/mr/inventory': {
		root: 'inventory',
		idField: 'product_id',
		required: ['code', 'name', 'measure_code', 'state'],
	},
	'/b/anor/mxsx/mr/legal_person': {
		root: 'legal_person',
		idField: 'person_id',
		required: ['code', 'name', 'short_name', 'state'],
	},
	// §8.7: gender is marked required but the vendor's own QA imports a natural person without it.
	'/b/anor/mxsx/mr/natural_person': {
		root: 'natural_person',
		idField: 'person_id',
		required: ['first_name', 'code', 'is_budgetarian', 'state'],
	},
	// §8.20: the collection marks no field of these required; they are keyed (and upserted) by code.
	'/b/anor/mxsx/mkf/contract': { root: 'contract', idField: 'contract_id', required: ['code'] },
	'/b/anor/mxsx/mdeal/return_reason': {
		root: 'return_reason',
		idField: 'return_reason_id',
		required: ['code'],
	},
	'/b/anor/mxsx/mr/service': { root: 'service', idField: 'service_id', required: ['code'] },
	'/b/anor/mxsx/mr/product_group': {
		root: 'product_group',
		idField: 'product_group_id',
		required: ['code'],
	},
	'/b/anor/mxsx/mr/producer': { root: 'producer', idField: 'producer_id', required: ['code'] },
	'/b/anor/mxsx/mr/person_group': {
		root: 'person_group',
		idField: 'person_group_id',
		required: ['code'],
	},
};

export const ORDER_STATUS_CODES = ['D', 'B#N', 'B#E', 'B#W', 'B#S', 'B#V', 'A', 'C'];

export interface SmartupEmulatorOptions {
	login?: string;
	password?: string;
	clientId?: string;
	clientSecret?: string;
	/** "Today" in Asia/Tashkent as yyyy-mm-dd (tests fix it). */
	today?: () => string;
	tokenLifetimeSeconds?: number;
}

function pad(n: number) {
	return String(n).padStart(2, '0');
}

function isoToSmartup(iso: string): string {
	const [y, m, d] = iso.split('-');
	return `${d}.${m}.${y}`;
}

/** dd.mm.yyyy (optionally with a time) → a sortable day number; undefined if the text is not that. */
function dayNumber(text: unknown): number | undefined {
	const match = String(text ?? '').match(/^(\d{2})\.(\d{2})\.(\d{4})(?: \d{2}:\d{2}:\d{2})?$/);
	if (!match) return undefined;
	const [, d, m, y] = match;
	const date = new Date(Date.UTC(+y, +m - 1, +d));
	if (date.getUTCDate() !== +d || date.getUTCMonth() !== +m - 1) return undefined;
	return date.getTime() / 86_400_000;
}

/** Every scalar as a string, as the real API answers (§4.3). */
function stringify(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(stringify);
	if (value && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stringify(v)]));
	if (value === null || value === undefined) return value;
	return String(value);
}

class ApiFailure extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
	) {
		super(message);
	}
}

export class SmartupEmulator extends Emulator {
	readonly organizations: Organization[] = [
		{ id: '1000', code: null, name: 'Администрирование', head: true },
		{ id: '2001', code: '01', name: 'Main trading', head: false },
		{ id: '2002', code: null, name: 'Branch without code', head: false },
	];

	readonly projects = ['trade', 'anor'];

	/** Documents per method path (without $import), by Smartup ID. */
	readonly documents = new Map<string, Map<string, Row>>();

	readonly references = new Map<string, Map<string, Row>>();

	readonly rooms: Row[] = [
		{
			room_id: '11',
			room_code: 'R1',
			room_name: 'Sales room',
			room_type_code: 'S',
			filial_code: '01',
			state: 'A',
			order_no: '1',
		},
	];

	readonly warehouses: Row[] = [
		{ warehouse_id: '61', code: '001', name: '001 Main warehouse', state: 'A' },
		{ warehouse_id: '62', code: '002', name: '002 Second warehouse', state: 'A' },
	];

	readonly priceTypes: Row[] = [];

	/** What is on stock, one row per warehouse × product (the balance export repeats it for every day asked). */
	readonly stock: Row[] = [
		{
			warehouse_code: '001',
			product_code: 'P-10',
			product_id: '21',
			inventory_kind: 'G',
			quantity: 140,
			input_price: 9000,
			measure_code: 'pcs',
			currency_code: '860',
		},
		{
			warehouse_code: '002',
			product_code: 'P-10',
			product_id: '21',
			inventory_kind: 'G',
			quantity: 140,
			input_price: 9000,
			measure_code: 'pcs',
			currency_code: '860',
		},
	];

	/** inventory_code → price_type_code → price. */
	readonly prices = new Map<string, Map<string, string>>();

	/** Settings of "Настройки интеграции со сторонним ПО" and [INF] behaviour switches. */
	settings = {
		codeType: 'global' as 'global' | 'local',
		duplicateModes: {} as Record<string, DuplicateMode>,
		defaultDuplicateMode: 'error' as DuplicateMode,
		exportedOrderStatuses: [...ORDER_STATUS_CODES],
		exportWithoutCodes: false,
		dayRangeLimit: 7,
		/** §4.7: nothing older than this many days before today is served (the official overview says 7). */
		dataAgeDays: 7,
		/** Some installations fail above ~20 characters with ORA-06502 (§6); no limit by default (§11). */
		externalIdMaxLength: undefined as number | undefined,
		/** What a wider range gets: an error, or no rows. */
		windowBehaviour: 'error' as 'error' | 'empty',
		/** Organization errors as HTTP 400 (documented) or as HTTP 200 with error_code. */
		orgErrorStatus: 400,
		quotaLimits: { reference: 100, rare: 300, frequent: 500 } as Record<QuotaClass, number>,
		/** §4.7/§6: the real answer to a spent quota is undocumented; status and body are switches. */
		quotaStatus: 429,
		quotaBody: { message: 'Превышен дневной лимит запросов' } as Row,
		maxObjects: 5000,
		countLinesTowardsMax: false,
	};

	readonly used: Record<QuotaClass, number> = { reference: 0, rare: 0, frequent: 0 };

	private readonly tokens = new Map<string, number>();

	private nextId = 5001;

	private clock = 0;

	constructor(private readonly options: SmartupEmulatorOptions = {}) {
		super();
		this.seed();
	}

	get login() {
		return this.options.login ?? 'admin@demo';
	}

	get password() {
		return this.options.password ?? 'sandbox-password';
	}

	get clientId() {
		return this.options.clientId ?? 'n8n-client';
	}

	get clientSecret() {
		return this.options.clientSecret ?? 'sandbox-client-secret';
	}

	today(): string {
		return (
			this.options.today?.() ?? new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10)
		);
	}

	/** "Now" as dd.mm.yyyy hh:mm:ss; seconds advance per write so modified_on values differ. */
	private now(): string {
		this.clock++;
		return `${isoToSmartup(this.today())} ${pad(10 + (Math.floor(this.clock / 3600) % 12))}:${pad(Math.floor(this.clock / 60) % 60)}:${pad(this.clock % 60)}`;
	}

	setDuplicateMode(root: string, mode: DuplicateMode) {
		this.settings.duplicateModes[root] = mode;
	}

	/** Makes every OAuth token issued so far expire. */
	expireTokens() {
		for (const token of this.tokens.keys()) this.tokens.set(token, 0);
	}

	resetQuotas() {
		this.used.reference = this.used.rare = this.used.frequent = 0;
	}

	docs(path: string): Map<string, Row> {
		let map = this.documents.get(path);
		if (!map) this.documents.set(path, (map = new Map()));
		return map;
	}

	refs(path: string): Map<string, Row> {
		let map = this.references.get(path);
		if (!map) this.references.set(path, (map = new Map()));
		return map;
	}

	/** A document placed directly in the store (fixtures, old data). Dates as dd.mm.yyyy. */
	addDocument(path: string, fields: Row): Row {
		const type = DOC_TYPES[path];
		const id = String(this.nextId++);
		const row: Row = { filial_code: '01', created_on: this.now(), ...fields, [type.idField]: id };
		if (row.modified_on === undefined) row.modified_on = row.created_on;
		this.docs(path).set(id, row);
		return row;
	}

	private seed() {
		const persons = this.refs('/b/anor/mxsx/mr/legal_person');
		persons.set('C-77', {
			person_id: '301',
			code: 'C-77',
			local_code: 'L-77',
			name: 'OOO Example',
			short_name: 'Example',
			tin: '301234567',
			state: 'A',
			is_client: 'Y',
			is_supplier: 'N',
		});
		persons.set('S-1', {
			person_id: '302',
			code: 'S-1',
			local_code: 'LS-1',
			name: 'Supplier LLC',
			short_name: 'Supplier',
			tin: '301234568',
			state: 'A',
			is_client: 'N',
			is_supplier: 'Y',
		});
		const naturals = this.refs('/b/anor/mxsx/mr/natural_person');
		naturals.set('N-1', {
			person_id: '401',
			code: 'N-1',
			local_code: 'LN-1',
			first_name: 'Aziz',
			last_name: 'Karimov',
			gender: 'M',
			state: 'A',
			is_budgetarian: 'N',
		});
		const inventory = this.refs('/b/anor/mxsx/mr/inventory');
		inventory.set('P-10', {
			product_id: '21',
			code: 'P-10',
			local_code: 'LP-10',
			name: 'Tea 100 g',
			measure_code: 'pcs',
			state: 'A',
		});
		inventory.set('P-20', {
			product_id: '22',
			code: 'P-20',
			local_code: 'LP-20',
			name: 'Sugar 1 kg',
			measure_code: 'kg',
			state: 'A',
		});
		inventory.set('#no-code-23', {
			product_id: '23',
			code: '',
			local_code: '',
			name: 'Loose goods',
			measure_code: 'kg',
			state: 'A',
		});
		this.priceTypes.push(
			{
				code: '777',
				name: 'Retail',
				short_name: 'Retail',
				with_card: 'N',
				state: 'A',
				price_type_kind: 'S',
				currency_code: '860',
			},
			{
				code: '778',
				name: 'Wholesale',
				short_name: 'Wholesale',
				with_card: 'N',
				state: 'A',
				price_type_kind: 'S',
				currency_code: '860',
			},
		);
		this.prices.set(
			'P-10',
			new Map([
				['777', '12000'],
				['778', '11000'],
			]),
		);
		this.prices.set('P-20', new Map([['777', '15000']]));
		// One order in every status, dated today.
		const today = isoToSmartup(this.today());
		ORDER_STATUS_CODES.forEach((status, index) => {
			this.addDocument('/b/trade/txs/tdeal/order', {
				external_id: `seed-${index + 1}`,
				deal_time: `${today} 09:00:00`,
				deal_date: today,
				delivery_date: today,
				status,
				person_code: 'C-77',
				person_local_code: 'L-77',
				person_name: 'OOO Example',
				room_code: 'R1',
				currency_code: '860',
				total_amount: String(12000 * (index + 1)),
				order_products: [
					{
						external_id: `seed-${index + 1}-1`,
						product_unit_id: String(7000 + index),
						product_code: 'P-10',
						product_local_code: 'LP-10',
						product_name: 'Tea 100 g',
						order_quant: String(index + 1),
						product_price: '12000',
						sold_amount: String(12000 * (index + 1)),
						warehouse_code: '001',
						inventory_kind: 'G',
					},
				],
			});
		});
	}

	/** A test's own answer for one request (undefined: handled as usual), after the request is recorded. */
	beforeHandle?: (request: RecordedRequest) => EmulatorResponse | undefined;

	protected handle(request: RecordedRequest): EmulatorResponse {
		const own = this.beforeHandle?.(request);
		if (own) return own;
		if (request.method !== 'POST')
			return {
				status: 405,
				headers: { 'Content-Type': 'text/plain; charset=utf-8' },
				body: 'Method Not Allowed',
			};
		if (request.path === '/security/oauth/token') return this.token(request);

		const auth = this.authorize(request);
		if (auth) return auth;
		const project = String(request.headers.project_code ?? '').trim();
		if (project && !this.projects.includes(project)) return this.text(401, 'Требуется авторизация');
		const filialId = String(request.headers.filial_id ?? '').trim();
		const scope = filialId
			? this.organizations.find((org) => org.id === filialId)
			: this.organizations[0];
		if (!scope) return this.text(401, 'Требуется авторизация');

		let body: Row;
		try {
			body = request.body.trim() ? (JSON.parse(request.body) as Row) : {};
		} catch {
			return this.text(400, 'Неверный формат JSON');
		}
		if (!body || typeof body !== 'object' || Array.isArray(body))
			return this.text(400, 'Неверный формат JSON');

		const match = request.path.match(
			/^(.*)\$(export|import|change_status|attach_data|import_order_marking_codes|export_data)$/,
		);
		if (!match) return this.text(404, 'Not Found');
		const [, base, action] = match;
		const quota = this.quotaClass(base);
		if (!quota) return this.text(404, 'Not Found');
		if (this.used[quota] >= this.settings.quotaLimits[quota]) {
			// The one thing seen live is left_limit_quant reaching 0 (§4.7); no error code is known.
			return json(this.settings.quotaStatus, {
				...this.settings.quotaBody,
				limits: this.limits(quota),
			});
		}
		this.used[quota]++;

		try {
			return this.route(base, action, body, scope, quota);
		} catch (error) {
			if (error instanceof ApiFailure)
				return json(error.status, { error_code: error.code, message: error.message });
			throw error;
		}
	}

	private text(status: number, body: string): EmulatorResponse {
		return { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body };
	}

	private token(request: RecordedRequest): EmulatorResponse {
		let body: Row = {};
		try {
			body = JSON.parse(request.body) as Row;
		} catch {
			return json(400, { error: 'invalid_request' });
		}
		if (
			body.grant_type !== 'client_credentials' ||
			body.client_id !== this.clientId ||
			body.client_secret !== this.clientSecret
		) {
			return json(401, { error: 'invalid_client' });
		}
		const token = `tok-${Math.random().toString(36).slice(2)}${Date.now()}`;
		const lifetime = this.options.tokenLifetimeSeconds ?? 3600;
		this.tokens.set(token, Date.now() + lifetime * 1000);
		return json(200, {
			access_token: token,
			token_type: 'bearer',
			expires_in: lifetime,
			scope: body.scope ?? 'read',
		});
	}

	private authorize(request: RecordedRequest): EmulatorResponse | undefined {
		const header = String(request.headers.authorization ?? '');
		if (header.startsWith('Bearer ')) {
			const expires = this.tokens.get(header.slice(7));
			return expires !== undefined && expires > Date.now()
				? undefined
				: this.text(401, 'Требуется авторизация');
		}
		const basic = basicCredentials(request.headers);
		if (!basic || basic.login !== this.login || basic.password !== this.password)
			return this.text(401, 'Требуется авторизация');
		return undefined;
	}

	private quotaClass(base: string): QuotaClass | undefined {
		if (DOC_TYPES[base]) return DOC_TYPES[base].quota;
		if (
			REF_TYPES[base] ||
			/\/(mrf\/room|mkw\/warehouse|api\/v2\/mkr\/price_type|api\/v2\/mkf\/product_price)$/.test(
				base,
			)
		)
			return 'reference';
		if (base === '/b/anor/mxsx/mkw/balance' || base === '/b/anor/mxsx/mdeal/order')
			return 'frequent';
		if (base === '/b/trade/txs/tvt/equipment_balance') return 'rare';
		return undefined;
	}

	private limits(quota: QuotaClass): Row {
		const cap = this.settings.quotaLimits[quota];
		return {
			has_limit: 'Y',
			limit_quant: String(cap),
			request_quant: String(this.used[quota]),
			left_limit_quant: String(cap - this.used[quota]),
			object_count: String(this.settings.maxObjects),
			day_range_limit: String(this.settings.dayRangeLimit),
		};
	}

	/** The organizations a request may see, after the body's filial_code (docs/api/smartup.md §1). */
	private orgsFor(scope: Organization, filialCode: unknown): Organization[] {
		const code = String(filialCode ?? '').trim();
		if (scope.head) {
			if (!code) return this.organizations.filter((org) => !org.head);
			const org = this.organizations.find((candidate) => candidate.code === code);
			if (!org)
				throw new ApiFailure(
					this.settings.orgErrorStatus,
					'A02-24-042',
					`A02-24-042: Организация с кодом ${code} не найдена`,
				);
			return [org];
		}
		if (code && scope.code !== code) {
			throw new ApiFailure(
				this.settings.orgErrorStatus,
				'A02-24-048',
				'A02-24-048: Код организации не совпадает с текущей организацией',
			);
		}
		return [scope];
	}

	private route(
		base: string,
		action: string,
		body: Row,
		scope: Organization,
		quota: QuotaClass,
	): EmulatorResponse {
		if (action === 'change_status' && base === '/b/trade/txs/tdeal/order')
			return this.changeStatus(body);
		if (action === 'change_status' && base === '/b/anor/mxsx/mfm/movement')
			return this.changeMovementStatus(body);
		if (action === 'attach_data' && base === '/b/trade/txs/tdeal/order')
			return this.attachData(body);
		if (action === 'import_order_marking_codes' && base === '/b/anor/mxsx/mdeal/order')
			return this.markingCodes(body);
		if (DOC_TYPES[base] && action === 'export')
			return this.exportDocuments(base, body, scope, quota);
		if (DOC_TYPES[base] && action === 'import' && !DOC_TYPES[base].exportOnly)
			return this.importDocuments(base, body, scope);
		if (REF_TYPES[base] && action === 'export')
			return this.exportReferences(base, body, scope, quota);
		if (REF_TYPES[base] && action === 'import') return this.importReferences(base, body);
		if (base.endsWith('/mrf/room') && action === 'export')
			return json(200, { room: stringify(this.rooms) });
		if (base.endsWith('/mkw/warehouse') && action === 'export')
			return json(200, { warehouse: stringify(this.warehouses) });
		if (base.endsWith('/mkr/price_type') && action === 'export') return this.exportPriceTypes(body);
		if (base.endsWith('/mkr/price_type') && action === 'import') return this.importPriceTypes(body);
		if (base.endsWith('/mkf/product_price') && action === 'export')
			return this.exportPrices(body, scope);
		if (base.endsWith('/mkf/product_price') && action === 'import') return this.importPrices(body);
		if (base === '/b/anor/mxsx/mkw/balance' && action === 'export')
			return this.exportBalance(body, scope, quota);
		if (base === '/b/trade/txs/tvt/equipment_balance' && action === 'export_data')
			return this.exportEquipmentBalance(body);
		return this.text(404, 'Not Found');
	}

	private checkRange(
		body: Row,
		begin: string,
		end: string | undefined,
	): [number, number] | undefined {
		const from = body[begin];
		const to = end ? body[end] : undefined;
		if ((from === undefined || from === '') && (to === undefined || to === '')) return undefined;
		const a = from === undefined || from === '' ? undefined : dayNumber(from);
		const b = to === undefined || to === '' ? undefined : dayNumber(to);
		if (
			(from !== undefined && from !== '' && a === undefined) ||
			(to !== undefined && to !== '' && b === undefined)
		) {
			throw new ApiFailure(
				400,
				'A02-01-002',
				`Неверный формат даты: ожидается дд.мм.гггг (${begin})`,
			);
		}
		const start = a ?? b!;
		const finish = b ?? a!;
		const oldest = dayNumber(isoToSmartup(this.today()))! - this.settings.dataAgeDays;
		if (start < oldest) {
			if (this.settings.windowBehaviour === 'error') {
				throw new ApiFailure(
					400,
					'A02-01-003',
					`Данные доступны только за последние ${this.settings.dataAgeDays} дней`,
				);
			}
			return [1, 0];
		}
		if (end && finish - start + 1 > this.settings.dayRangeLimit) {
			if (this.settings.windowBehaviour === 'error') {
				throw new ApiFailure(
					400,
					'A02-01-001',
					`Период выгрузки не может превышать ${this.settings.dayRangeLimit} дней`,
				);
			}
			return [1, 0];
		}
		return [start, finish];
	}

	private exportDocuments(
		base: string,
		body: Row,
		scope: Organization,
		quota: QuotaClass,
	): EmulatorResponse {
		const type = DOC_TYPES[base];
		const orgs = this.orgsFor(scope, body.filial_code).map((org) => org.code ?? `#${org.id}`);
		let rows = [...this.docs(base).values()].filter((row) =>
			orgs.includes(String(row.filial_code ?? '')),
		);
		for (const filter of type.dates) {
			const range = this.checkRange(body, filter.begin, filter.end);
			if (!range) continue;
			rows = rows.filter((row) => {
				const day = dayNumber(row[filter.field]);
				return day !== undefined && day >= range[0] && day <= range[1];
			});
		}
		const id = body[type.idField];
		if (id !== undefined && id !== '')
			rows = rows.filter((row) => String(row[type.idField]) === String(id));
		if (body.external_id !== undefined && body.external_id !== '')
			rows = rows.filter((row) => row.external_id === body.external_id);
		if (base === '/b/trade/txs/tdeal/order') {
			rows = rows.filter((row) => this.settings.exportedOrderStatuses.includes(String(row.status)));
			if (Array.isArray(body.statuses) && body.statuses.length)
				rows = rows.filter((row) => (body.statuses as unknown[]).includes(row.status));
		}
		return json(200, { [type.root]: stringify(rows), limits: this.limits(quota) });
	}

	private lookup(kind: 'person' | 'room' | 'warehouse' | 'product', code: string): boolean {
		const field = this.settings.codeType === 'local' ? 'local_code' : 'code';
		switch (kind) {
			case 'person':
				return [
					...this.refs('/b/anor/mxsx/mr/legal_person').values(),
					...this.refs('/b/anor/mxsx/mr/natural_person').values(),
				].some((row) => row[field] === code);
			case 'product':
				return [...this.refs('/b/anor/mxsx/mr/inventory').values()].some(
					(row) => row[field] === code && code !== '',
				);
			case 'room':
				return this.rooms.some((room) => room.room_code === code);
			case 'warehouse':
				return this.warehouses.some((warehouse) => warehouse.code === code);
		}
	}

	private static MISSING: Record<string, string> = {
		person: 'Клиент не найден',
		product: 'ТМЦ не найден',
		room: 'Штат не найден',
		warehouse: 'A02-24-012: Склад не найден в текущей организации',
	};

	private checkCount(list: unknown[], linesKey?: string) {
		const lines =
			this.settings.countLinesTowardsMax && linesKey
				? list.reduce<number>(
						(sum, entry) =>
							sum +
							(Array.isArray((entry as Row)?.[linesKey])
								? ((entry as Row)[linesKey] as unknown[]).length
								: 0),
						0,
					)
				: 0;
		if (list.length + lines > this.settings.maxObjects) {
			throw new ApiFailure(
				400,
				'A02-01-005',
				`Превышено максимальное количество объектов в запросе (${this.settings.maxObjects})`,
			);
		}
	}

	/** Validates one imported document; returns the Russian error text or undefined. */
	private invalid(type: DocType, object: Row, orgCodes: string[]): string | undefined {
		for (const field of type.required)
			if (object[field] === undefined || String(object[field]).trim() === '')
				return `Не заполнено обязательное поле: ${field}`;
		for (const [key, value] of Object.entries(object)) {
			if (
				/(_date)$/.test(key) &&
				value !== '' &&
				value !== undefined &&
				dayNumber(value) === undefined
			)
				return `Неверный формат даты в поле ${key}: ${String(value)}`;
			if (
				/(_time)$/.test(key) &&
				value !== '' &&
				value !== undefined &&
				!/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}:\d{2}$/.test(String(value))
			) {
				return `Неверный формат даты и времени в поле ${key}: ${String(value)}`;
			}
		}
		if (
			object.filial_code !== undefined &&
			object.filial_code !== '' &&
			!orgCodes.includes(String(object.filial_code))
		) {
			return 'A02-24-048: Код организации не совпадает с текущей организацией';
		}
		if (type.root === 'order' && !ORDER_STATUS_CODES.includes(String(object.status)))
			return `Неизвестный статус: ${String(object.status)}`;
		if (type.root === 'writeoff' && object.status === 'C')
			return 'Статус C нельзя установить через API';
		if (type.root === 'logistics') {
			const deals = object.deals;
			if (deals !== undefined && !Array.isArray(deals)) return 'deals должен быть массивом';
			const orders = this.docs('/b/trade/txs/tdeal/order');
			const unknown = ((deals ?? []) as Row[]).find(
				(deal) => !orders.has(String(deal?.deal_id ?? '')),
			);
			if (unknown) return `Заказ не найден: deal_id=${String(unknown.deal_id ?? '')}`;
		}
		for (const ref of type.refs) {
			const code = object[ref.field];
			if (code !== undefined && code !== '' && !this.lookup(ref.kind, String(code)))
				return `${SmartupEmulator.MISSING[ref.kind]}: ${String(code)}`;
		}
		const lines = type.linesKey ? object[type.linesKey] : undefined;
		if (lines !== undefined && !Array.isArray(lines))
			return `${type.linesKey} должен быть массивом`;
		for (const line of (lines ?? []) as Row[]) {
			for (const field of type.requiredLine)
				if (line[field] === undefined || String(line[field]).trim() === '')
					return `Не заполнено обязательное поле строки: ${field}`;
			for (const ref of type.lineRefs) {
				const code = line[ref.field];
				if (code !== undefined && code !== '' && !this.lookup(ref.kind, String(code)))
					return `${SmartupEmulator.MISSING[ref.kind]}: ${String(code)}`;
			}
		}
		return undefined;
	}

	private importDocuments(base: string, body: Row, scope: Organization): EmulatorResponse {
		const type = DOC_TYPES[base];
		const list = body[type.root];
		if (!Array.isArray(list))
			throw new ApiFailure(400, 'A02-01-004', `Не найден массив ${type.root}`);
		this.checkCount(list, type.linesKey);
		const allowed = (scope.head ? this.organizations.filter((org) => !org.head) : [scope])
			.map((org) => org.code)
			.filter((code): code is string => !!code);
		const defaultOrg = scope.head ? '01' : (scope.code ?? `#${scope.id}`);
		const successes: Row[] = [];
		const errors: Row[] = [];
		const store = this.docs(base);
		const mode = this.settings.duplicateModes[type.root] ?? this.settings.defaultDuplicateMode;
		const byExternalId = new Map<string, Row>();
		for (const row of store.values())
			if (row.external_id)
				byExternalId.set(`${String(row.filial_code)}|${String(row.external_id)}`, row);
		for (const raw of list as Row[]) {
			const object = (raw && typeof raw === 'object' ? raw : {}) as Row;
			const externalId = String(object.external_id ?? '');
			const reportCode = externalId || String(object[type.idField] ?? '');
			const problem = this.invalid(type, object, allowed);
			if (problem) {
				errors.push({ code: reportCode, message: problem });
				continue;
			}
			if (
				this.settings.externalIdMaxLength !== undefined &&
				externalId.length > this.settings.externalIdMaxLength
			) {
				errors.push({
					code: reportCode,
					message: 'ORA-06502: PL/SQL: numeric or value error: character string buffer too small',
				});
				continue;
			}
			const filial = String(object.filial_code || defaultOrg);
			const now = this.now();
			const givenId = String(object[type.idField] ?? '');
			if (givenId) {
				const existing = store.get(givenId);
				if (!existing) {
					errors.push({
						code: reportCode,
						message: `Документ не найден: ${type.idField}=${givenId}`,
					});
					continue;
				}
				store.set(
					givenId,
					this.docRow(type, { ...object }, givenId, filial, String(existing.created_on), now),
				);
				successes.push({ code: givenId });
				continue;
			}
			const duplicate = externalId ? byExternalId.get(`${filial}|${externalId}`) : undefined;
			if (duplicate) {
				const id = String(duplicate[type.idField]);
				if (mode === 'error')
					errors.push({
						code: reportCode,
						message: `Документ с внешним ID ${externalId} уже существует (${type.idField}=${id})`,
					});
				else if (mode === 'update') {
					store.set(
						id,
						this.docRow(type, { ...object }, id, filial, String(duplicate.created_on), now),
					);
					successes.push({ code: id });
				} else successes.push({ code: id });
				continue;
			}
			const id = String(this.nextId++);
			const row = this.docRow(type, { ...object }, id, filial, now, now);
			store.set(id, row);
			if (externalId) byExternalId.set(`${filial}|${externalId}`, row);
			successes.push({ code: id });
		}
		return json(200, { successes, errors });
	}

	private docRow(
		type: DocType,
		object: Row,
		id: string,
		filial: string,
		created: string,
		modified: string,
	): Row {
		const row: Row = {
			...object,
			[type.idField]: id,
			filial_code: filial,
			created_on: created,
			modified_on: modified,
		};
		if (type.root === 'order') {
			row.deal_date = String(object.deal_time ?? '').slice(0, 10);
			const person = [...this.refs('/b/anor/mxsx/mr/legal_person').values()].find(
				(p) => p[this.settings.codeType === 'local' ? 'local_code' : 'code'] === object.person_code,
			);
			if (person) {
				row.person_code = person.code;
				row.person_local_code = person.local_code;
				row.person_name = person.name;
			}
			let total = 0;
			row.order_products = ((object.order_products ?? []) as Row[]).map((line, index) => {
				const amount = Number(line.order_quant ?? 0) * Number(line.product_price ?? 0);
				total += amount;
				return {
					...line,
					product_unit_id: String(9000 + Number(id) * 10 + index),
					sold_amount: String(amount),
				};
			});
			row.total_amount = String(total);
		}
		for (const dateTime of ['return_time', 'purchase_time', 'input_time', 'cashin_time']) {
			if (typeof object[dateTime] === 'string')
				row[dateTime.replace('_time', '_date')] ??= String(object[dateTime]).slice(0, 10);
		}
		return row;
	}

	private exportReferences(
		base: string,
		body: Row,
		scope: Organization,
		quota: QuotaClass,
	): EmulatorResponse {
		const type = REF_TYPES[base];
		this.orgsFor(scope, body.filial_code);
		let rows = [...this.refs(base).values()];
		if (base.endsWith('/inventory') && !this.settings.exportWithoutCodes)
			rows = rows.filter((row) => row.code !== '');
		if (body.code !== undefined && body.code !== '')
			rows = rows.filter((row) => row.code === body.code);
		const state = String(body.state ?? '');
		if (base.endsWith('_person')) {
			const states = state ? state.split(',') : ['A'];
			rows = rows.filter((row) => states.includes(String(row.state)));
		}
		const range = this.checkRange(body, 'begin_modified_on', 'end_modified_on');
		if (range)
			rows = rows.filter((row) => {
				const day = dayNumber(row.modified_on);
				return day !== undefined && day >= range[0] && day <= range[1];
			});
		return json(200, { [type.root]: stringify(rows), limits: this.limits(quota) });
	}

	private importReferences(base: string, body: Row): EmulatorResponse {
		const type = REF_TYPES[base];
		const list = body[type.root];
		if (!Array.isArray(list))
			throw new ApiFailure(400, 'A02-01-004', `Не найден массив ${type.root}`);
		this.checkCount(list);
		const store = this.refs(base);
		const successes: Row[] = [];
		const errors: Row[] = [];
		for (const object of list as Row[]) {
			const code = String(object.code ?? '');
			const missing = type.required.find(
				(field) => object[field] === undefined || String(object[field]).trim() === '',
			);
			if (missing) {
				errors.push({ code, message: `Не заполнено обязательное поле: ${missing}` });
				continue;
			}
			if (base.endsWith('/legal_person')) {
				const clash = [...store.values()].find(
					(row) => row.name === object.name && row.code !== code,
				);
				if (clash) {
					errors.push({
						code,
						message: 'A02-05-003: Юридическое лицо с таким наименованием уже существует',
					});
					continue;
				}
			}
			const existing = store.get(code);
			const now = this.now();
			store.set(code, {
				local_code: '',
				...existing,
				...object,
				[type.idField]: existing?.[type.idField] ?? String(this.nextId++),
				created_on: existing?.created_on ?? now,
				modified_on: now,
			});
			successes.push({ code });
		}
		return json(200, { successes, errors });
	}

	private exportPriceTypes(body: Row): EmulatorResponse {
		const limit = Math.min(Number(body.limit ?? 1000) || 1000, 1000);
		const offset = Number(body.offset ?? 0) || 0;
		const columns = Array.isArray(body.column_list) ? (body.column_list as string[]) : undefined;
		const data = this.priceTypes
			.slice(offset, offset + limit)
			.map((row) =>
				columns ? Object.fromEntries(columns.map((column) => [column, row[column]])) : row,
			);
		return json(200, { count: String(this.priceTypes.length), data: stringify(data) });
	}

	/** `api/v2/mkr/price_type$import` (§8.9): keyed by code (vendor QA: successes[0].code echoes it), upserted. */
	private importPriceTypes(body: Row): EmulatorResponse {
		const list = body.price_type;
		if (!Array.isArray(list))
			throw new ApiFailure(400, 'A02-01-004', 'Не найден массив price_type');
		this.checkCount(list);
		const successes: Row[] = [];
		const errors: Row[] = [];
		for (const object of list as Row[]) {
			const code = String(object?.code ?? '');
			if (!code) {
				errors.push({ code, message: 'Не заполнено обязательное поле: code' });
				continue;
			}
			if (
				object.price_type_kind !== undefined &&
				object.price_type_kind !== '' &&
				!['S', 'P'].includes(String(object.price_type_kind))
			) {
				errors.push({ code, message: `Неверный вид типа цены: ${String(object.price_type_kind)}` });
				continue;
			}
			const index = this.priceTypes.findIndex((row) => row.code === code);
			const row = { ...(index >= 0 ? this.priceTypes[index] : {}), ...object };
			if (index >= 0) this.priceTypes[index] = row;
			else this.priceTypes.push(row);
			successes.push({ code });
		}
		return json(200, { successes, errors });
	}

	/** Equipment at clients (§8.22): 120 fixture rows, three per workspace R1/R2/… cycle. */
	readonly equipment: Row[] = Array.from({ length: 120 }, (_, i) => ({
		serial_number: `SN-${i + 1}`,
		equipment_name: 'Fridge',
		equipment_status: 'Передано клиенту',
		room_code: i % 2 ? 'R2' : 'R1',
		product_code: `EQ-${(i % 3) + 1}`,
		person_code: 'C-77',
		has_barcode: 'Нет',
		last_visit_date: null,
	}));

	/** `tvt/equipment_balance$export_data` (§8.22): {offset, limit ≤ 50, room_codes, product_codes} → {count, data}. */
	private exportEquipmentBalance(body: Row): EmulatorResponse {
		const limit = Number(body.limit ?? 50);
		if (!Number.isInteger(limit) || limit < 1 || limit > 50)
			throw new ApiFailure(
				400,
				'A02-01-006',
				`limit должен быть от 1 до 50: ${String(body.limit)}`,
			);
		const offset = Number(body.offset ?? 0) || 0;
		const codes = (key: string, field: string) =>
			Array.isArray(body[key])
				? (body[key] as Row[]).map((entry) => String(entry?.[field] ?? ''))
				: [];
		const rooms = codes('room_codes', 'room_code');
		const products = codes('product_codes', 'product_code');
		const rows = this.equipment.filter(
			(row) =>
				(!rooms.length || rooms.includes(String(row.room_code))) &&
				(!products.length || products.includes(String(row.product_code))),
		);
		// The sample answers Russian display values and nulls, not the all-strings of classic exports.
		return json(200, { count: String(rows.length), data: rows.slice(offset, offset + limit) });
	}

	private exportPrices(body: Row, scope: Organization): EmulatorResponse {
		const codes = Array.isArray(body.price_type_codes) ? (body.price_type_codes as string[]) : [];
		if (scope.head && codes.length === 0)
			throw new ApiFailure(400, 'A02-13-171', 'Не указаны коды типов цен (price_type_codes)');
		const inventory = [...this.prices.entries()].map(([code, prices]) => ({
			inventory_code: code,
			inventory_barcode: '',
			price_type: [...prices.entries()]
				.filter(([type]) => !codes.length || codes.includes(type))
				.map(([type, price]) => ({ price_type_code: type, card_code: '', price })),
		}));
		return json(200, { inventory: stringify(inventory) });
	}

	private importPrices(body: Row): EmulatorResponse {
		const list = body.inventory;
		if (!Array.isArray(list)) throw new ApiFailure(400, 'A02-01-004', 'Не найден массив inventory');
		this.checkCount(list);
		const successes: Row[] = [];
		const errors: Row[] = [];
		for (const object of list as Row[]) {
			const code = String(object.inventory_code ?? '');
			if (!this.lookup('product', code)) {
				errors.push({ code, message: `ТМЦ не найден: ${code}` });
				continue;
			}
			const types = Array.isArray(object.price_type) ? (object.price_type as Row[]) : [];
			const unknown = types.find(
				(entry) => !this.priceTypes.some((type) => type.code === entry.price_type_code),
			);
			if (unknown) {
				errors.push({
					code,
					message: `A02-13-170: Тип цены не найден: ${String(unknown.price_type_code)}`,
				});
				continue;
			}
			const prices = this.prices.get(code) ?? new Map<string, string>();
			for (const entry of types) prices.set(String(entry.price_type_code), String(entry.price));
			this.prices.set(code, prices);
			successes.push({ code });
		}
		return json(200, { successes, errors });
	}

	private exportBalance(body: Row, scope: Organization, quota: QuotaClass): EmulatorResponse {
		if (!body.begin_date || !body.end_date)
			throw new ApiFailure(400, 'A02-01-003', 'Не заполнены begin_date и end_date');
		const range = this.checkRange(body, 'begin_date', 'end_date')!;
		this.orgsFor(scope, body.filial_code);
		const wanted = Array.isArray(body.warehouse_codes)
			? (body.warehouse_codes as Row[]).map((entry) => String(entry.warehouse_code))
			: [];
		const warehouses = this.warehouses.filter(
			(warehouse) => !wanted.length || wanted.includes(String(warehouse.code)),
		);
		const balance: Row[] = [];
		for (let day = range[0]; day <= range[1]; day++) {
			const date = new Date(day * 86_400_000);
			const text = `${pad(date.getUTCDate())}.${pad(date.getUTCMonth() + 1)}.${date.getUTCFullYear()}`;
			for (const warehouse of warehouses) {
				for (const row of this.stock.filter((entry) => entry.warehouse_code === warehouse.code)) {
					balance.push({ date: text, warehouse_id: warehouse.warehouse_id, ...row });
				}
			}
		}
		return json(200, { balance: stringify(balance), limits: this.limits(quota) });
	}

	private findOrder(dealId: unknown): Row | undefined {
		return this.docs('/b/trade/txs/tdeal/order').get(String(dealId ?? ''));
	}

	private changeStatus(body: Row): EmulatorResponse {
		const list = body.order;
		if (!Array.isArray(list)) throw new ApiFailure(400, 'A02-01-004', 'Не найден массив order');
		const successes: Row[] = [];
		const errors: Row[] = [];
		for (const entry of list as Row[]) {
			const order = this.findOrder(entry.deal_id);
			if (!order)
				errors.push({
					code: String(entry.deal_id ?? ''),
					message: `Заказ не найден: ${String(entry.deal_id)}`,
				});
			else if (!ORDER_STATUS_CODES.includes(String(entry.status)))
				errors.push({
					code: String(entry.deal_id),
					message: `Неизвестный статус: ${String(entry.status)}`,
				});
			else {
				order.status = entry.status;
				order.modified_on = this.now();
				successes.push({ code: String(entry.deal_id) });
			}
		}
		return json(200, { successes, errors });
	}

	/** `mfm/movement$change_status` (§8.14): {movement:[{movement_id, status}]}, status one of D N W S A R C L. */
	private changeMovementStatus(body: Row): EmulatorResponse {
		const list = body.movement;
		if (!Array.isArray(list)) throw new ApiFailure(400, 'A02-01-004', 'Не найден массив movement');
		const store = this.docs('/b/anor/mxsx/mfm/movement');
		const successes: Row[] = [];
		const errors: Row[] = [];
		for (const entry of list as Row[]) {
			const id = String(entry?.movement_id ?? '');
			const movement = store.get(id);
			if (!movement) errors.push({ code: id, message: `Перемещение не найдено: ${id}` });
			else if (!['D', 'N', 'W', 'S', 'A', 'R', 'C', 'L'].includes(String(entry.status)))
				errors.push({ code: id, message: `Неизвестный статус: ${String(entry.status)}` });
			else {
				movement.status = entry.status;
				movement.modified_on = this.now();
				successes.push({ code: id });
			}
		}
		return json(200, { successes, errors });
	}

	private attachData(body: Row): EmulatorResponse {
		const list = body.order;
		if (!Array.isArray(list)) throw new ApiFailure(400, 'A02-01-004', 'Не найден массив order');
		const successes: Row[] = [];
		const errors: Row[] = [];
		const fields = [
			'delivery_number',
			'expeditor_code',
			'van_code',
			'self_shipment',
			'note',
			'marking_attaching_method',
		];
		for (const entry of list as Row[]) {
			const order = this.findOrder(entry.deal_id);
			if (!order) {
				errors.push({
					code: String(entry.deal_id ?? ''),
					message: `Заказ не найден: ${String(entry.deal_id)}`,
				});
				continue;
			}
			for (const field of fields) if (entry[field] !== undefined) order[field] = entry[field];
			order.modified_on = this.now();
			successes.push({ code: String(entry.deal_id) });
		}
		return json(200, { successes, errors });
	}

	private markingCodes(body: Row): EmulatorResponse {
		const order = this.findOrder(body.deal_id);
		if (!order)
			return json(200, {
				successes: [],
				errors: [
					{ code: String(body.deal_id ?? ''), message: `Заказ не найден: ${String(body.deal_id)}` },
				],
			});
		const lines = (order.order_products ?? []) as Row[];
		const errors: Row[] = [];
		for (const product of (Array.isArray(body.products) ? body.products : []) as Row[]) {
			const line = lines.find(
				(candidate) => String(candidate.product_unit_id) === String(product.product_unit_id),
			);
			if (!line)
				errors.push({
					code: String(product.product_unit_id ?? ''),
					message: `Строка заказа не найдена: ${String(product.product_unit_id)}`,
				});
			else line.marking_codes = product.marking_codes;
		}
		return json(
			200,
			errors.length
				? { successes: [], errors }
				: { successes: [{ code: String(body.deal_id) }], errors: [] },
		);
	}
}
