/* eslint-disable @typescript-eslint/no-explicit-any, @n8n/community-nodes/require-node-api-error, @n8n/community-nodes/no-restricted-imports --
   Test-only code (never shipped): requests parsed by fast-xml-parser are untyped trees, the emulator
   re-throws its own programming errors so that the base class answers 500, and node:http serves the
   customer endpoint on its fixed port. */
import http from 'node:http';

import { XMLParser } from 'fast-xml-parser';
import { sleep } from 'n8n-workflow';

import { Emulator, json, type EmulatorResponse, type RecordedRequest } from './base';

/**
 * Vitec Ekonomi (VitecEkonomiServices, WCF/SOAP) as docs/api/vitec.md describes it (§9 emulator
 * specification): one SOAP endpoint per contract, WS-Security UsernameToken or HTTP Basic, a revision log
 * per integration id × company × type with monotonic event ids, oldest-first batches of at most 5000,
 * receipts (SendProofOfReceiptForRevisions), pending-events summary, the accounting dimension filter that
 * deletes non-matching events, the legacy destructive read, the one-time transfer (Engångsöverföring),
 * ServiceFault faults with Swedish messages. What docs/api/vitec.md marks I/U is a switch or a documented guess
 * here. Requests are read with fast-xml-parser, not with the node's own XML reader.
 * It also serves a small "customer endpoint" (POST /customer-endpoint/...) that records what a workflow
 * delivers, for the revisions-to-webhook template.
 */

export const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';
const ARRAYS = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

type Contract = 'Accounting' | 'Customer' | 'Supplier';
type Code = 'New' | 'Changed' | 'Deleted';
export type Row = Record<string, string | number | boolean | null>;

interface TypeSpec {
	contract: Contract;
	/** Legacy method; + "WithReceiptRequirement" for the receipt variant. */
	method: string;
	keyFields: string[];
	perCompany: boolean;
	rowClass: string;
}

/** docs/api/vitec.md §4 (method names C/P/I/U as marked there). */
export const VITEC_TYPES: Record<string, TypeSpec> = {
	Accounting: {
		contract: 'Accounting',
		method: 'GetAccountingRevisions',
		rowClass: 'VoucherRowExtended',
		perCompany: true,
		keyFields: [
			'CompanyId',
			'AccountingYear',
			'Routine',
			'VoucherNumber',
			'Row',
			'AutoAccountingCode',
			'AutoAccountingRow',
		],
	},
	Supplier: {
		contract: 'Supplier',
		method: 'GetSupplierRevisions',
		rowClass: 'Supplier',
		perCompany: true,
		keyFields: ['CompanyId', 'SupplierId'],
	},
	Customer: {
		contract: 'Customer',
		method: 'GetCustomerRevisions',
		rowClass: 'Customer',
		perCompany: true,
		keyFields: ['CompanyId', 'CustomerId'],
	},
	CustomerPayment: {
		contract: 'Customer',
		method: 'GetCustomerPaymentRevisions',
		rowClass: 'CustomerPayment',
		perCompany: true,
		keyFields: ['CompanyId', 'PaymentId'],
	},
	InvoicePaymentDates: {
		contract: 'Supplier',
		method: 'GetInvoicePaymentDates',
		rowClass: 'InvoicePayment',
		perCompany: true,
		keyFields: ['CompanyId', 'LedgerId', 'Row'],
	},
	SalesLedger: {
		contract: 'Customer',
		method: 'GetSalesLedgerRevisions',
		rowClass: 'LedgerRow',
		perCompany: true,
		keyFields: ['CompanyId', 'LedgerId'],
	},
	SupplierLedger: {
		contract: 'Supplier',
		method: 'GetSupplierLedgerRevisions',
		rowClass: 'LedgerRow',
		perCompany: true,
		keyFields: ['CompanyId', 'LedgerId'],
	},
	Account: {
		contract: 'Accounting',
		method: 'GetAccountRevisions',
		rowClass: 'ReportAccount',
		perCompany: true,
		keyFields: ['CompanyId', 'AccountId'],
	},
	Currency: {
		contract: 'Supplier',
		method: 'GetCurrencyRevisions',
		rowClass: 'Currency',
		perCompany: false,
		keyFields: ['FromCurrency', 'ToCurrency', 'Date'],
	},
	...Object.fromEntries(
		Array.from({ length: 10 }, (_, i) => {
			const nn = String(i + 1).padStart(2, '0');
			return [
				`Dimension${nn}`,
				{
					contract: 'Accounting' as Contract,
					method: `GetDimension${nn}Revisions`,
					rowClass: `Dimension${nn}`,
					perCompany: true,
					keyFields: ['CompanyId', 'AccountingCode'],
				},
			];
		}),
	),
};

const TYPE_BY_METHOD = new Map(
	Object.entries(VITEC_TYPES).map(([name, spec]) => [spec.method, name]),
);

/** GetAll methods (existence C for master data, names U): method → type. */
const GET_ALL: Record<string, string> = {
	GetAllCustomers: 'Customer',
	GetAllSuppliers: 'Supplier',
	GetAllAccounts: 'Account',
	...Object.fromEntries(
		Array.from({ length: 10 }, (_, i) => [
			`GetAllDimension${String(i + 1).padStart(2, '0')}`,
			`Dimension${String(i + 1).padStart(2, '0')}`,
		]),
	),
};

export interface VitecEvent {
	eventId: number;
	companyId: number | null;
	type: string;
	code: Code;
	payload: Row;
	createdAt: string;
	delivered: number;
}

interface Subscription {
	types: Set<string>;
	companyIds: Set<number>;
	/** true: all companies except companyIds ("negativt urval"). */
	exclude: boolean;
	active: boolean;
}

export interface Company {
	CompanyId: number;
	Name: string;
	CorporateId: string;
	Active: boolean;
}

export interface VitecEmulatorOptions {
	username?: string;
	password?: string;
	securityMode?: 'wsse' | 'basic';
	soapVersion?: '1.1' | '1.2';
	serviceNamespace?: string;
	servicePaths?: Record<Contract, string>;
	/** Revisions per call (C: 5000). */
	maxBatch?: number;
	/** U: the payload is a copy made when the event was logged (default) or the row as it is at fetch time. */
	payloadMode?: 'snapshot' | 'current';
	/** U: ProcessingCode as the enum member name (WCF default) or its number. */
	processingCodeFormat?: 'name' | 'number';
	/** U (§5.4): other enum member names than New/Changed/Deleted, e.g. `{ Deleted: 'Removed' }`. */
	processingCodeNames?: Partial<Record<Code, string>>;
	/** U: fault on acks of unknown ids or ids of another company (default: ignored). */
	strictAck?: boolean;
	/** Companies the API user sees. */
	companies?: Company[];
	/**
	 * U (docs/api/vitec.md §6.1): the data-contract namespace of each request type. WCF's default is
	 * http://schemas.datacontract.org/2004/07/<CLR namespace>; a member in any other namespace is ignored.
	 */
	dataContractNamespaces?: Partial<Record<'CompanySelector' | 'RevisionReciept', string>>;
	/** U (§5.6): the receipt's parameter and member names; a receipt using other names is read as empty. */
	receiptNames?: { parameter?: string; eventIds?: string; batchId?: string };
	/** U (§9 `ackMismatch`): a receipt that names no event is accepted silently (default) or faulted. */
	ackMismatch?: 'silent' | 'fault';
	/** U (§6.1): `{EventInfo, <Row>}` items (default) or the row itself carrying an EventInfo member. */
	rowShape?: 'wrapper' | 'inline';
	/** U (§6.1): whether EventInfo and the row carry CompanyId (the documented Customer members have none). */
	companyIdInAnswer?: boolean;
	/**
	 * Also serve the customer endpoint on this fixed port (the template's URL) when the emulator itself
	 * runs elsewhere. Skipped silently when the port is taken.
	 */
	customerEndpointPort?: number;
}

/** WCF's default data-contract namespace for classes in the CLR namespace Vitec.Ekonomi.Services (I). */
export const VITEC_DATA_CONTRACT_NS =
	'http://schemas.datacontract.org/2004/07/Vitec.Ekonomi.Services';
const WSSE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';

/** The operation's parameters: children of the operation element in the service namespace, by name. */
type Params = Record<string, NsElement | undefined>;

function textOf(element: NsElement | undefined): string | undefined {
	return element && !isNilElement(element) ? element.text : undefined;
}

const DEFAULT_COMPANIES: Company[] = [
	{ CompanyId: 101, Name: 'Fastighets AB Exempel', CorporateId: '556677-8899', Active: true },
	{ CompanyId: 102, Name: 'Bostäder i Norr AB', CorporateId: '556000-1111', Active: true },
	{ CompanyId: 103, Name: 'Vilande Bolaget AB', CorporateId: '556000-2222', Active: false },
];

export function escapeXml(value: string): string {
	return value.replace(
		/[&<>"']/g,
		(c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`,
	);
}

const parser = new XMLParser({
	preserveOrder: true,
	ignoreAttributes: false,
	attributeNamePrefix: '',
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: true,
	processEntities: true,
});

/**
 * An element with its namespace resolved, as WCF's reader sees it: a member is matched by namespace AND
 * local name, never by local name alone (docs/api/vitec.md §5.6, §6.1, §9; WCF data-contract
 * rules, §6.1). fast-xml-parser only splits the tree; the xmlns scopes are resolved here.
 */
export interface NsElement {
	ns: string;
	local: string;
	attributes: Record<string, string>;
	children: NsElement[];
	text: string;
}

function resolveTree(nodes: any[], scope: Record<string, string>): NsElement[] {
	const out: NsElement[] = [];
	for (const node of nodes) {
		const name = Object.keys(node).find((key) => key !== ':@');
		if (!name || name === '#text' || name.startsWith('?')) continue;
		const attributes = (node[':@'] ?? {}) as Record<string, string>;
		const inner: Record<string, string> = { ...scope };
		for (const [attribute, value] of Object.entries(attributes)) {
			if (attribute === 'xmlns') inner[''] = String(value);
			else if (attribute.startsWith('xmlns:')) inner[attribute.slice(6)] = String(value);
		}
		const colon = name.indexOf(':');
		const prefix = colon >= 0 ? name.slice(0, colon) : '';
		const content = (node[name] ?? []) as any[];
		out.push({
			ns: inner[prefix] ?? '',
			local: colon >= 0 ? name.slice(colon + 1) : name,
			attributes,
			children: resolveTree(content, inner),
			text: content
				.filter((part) => '#text' in part)
				.map((part) => String(part['#text']))
				.join(''),
		});
	}
	return out;
}

export function parseNs(xml: string): NsElement | undefined {
	return resolveTree(parser.parse(xml) as any[], {})[0];
}

/** The member with this namespace and local name; anything else is, as in WCF, simply not there. */
export function member(
	element: NsElement | undefined,
	ns: string,
	local: string,
): NsElement | undefined {
	return element?.children.find((candidate) => candidate.ns === ns && candidate.local === local);
}

function isNilElement(element: NsElement): boolean {
	return Object.entries(element.attributes).some(
		([name, value]) => name.endsWith(':nil') && value === 'true',
	);
}

class SoapFault extends Error {
	constructor(
		readonly messages: string[],
		readonly code = 'Client',
		readonly status = 500,
		readonly serviceFault = true,
	) {
		super(messages.join('; '));
	}
}

export class VitecEmulator extends Emulator {
	readonly companies: Company[];

	readonly subscriptions = new Map<string, Subscription>();

	/** integrationId → `${companyId}|${type}` → eventId → event (insertion order = event id order). */
	private readonly queues = new Map<string, Map<string, Map<number, VitecEvent>>>();

	/** Current master data: type → companyId → key → row. */
	readonly store = new Map<string, Map<number | null, Map<string, Row>>>();

	/** What workflows POSTed to /customer-endpoint/... */
	readonly endpointReceived: Array<{ path: string; body: unknown }> = [];

	/** ServiceFaults to answer instead of the next calls (method name pattern). */
	private readonly serviceFaults: Array<{ messages: string[]; method?: RegExp }> = [];

	/** Every ack received: integration, company, ids. */
	readonly acks: Array<{ integrationId: string; companyId: number | null; eventIds: number[] }> =
		[];

	private nextEventId = 1;

	constructor(readonly options: VitecEmulatorOptions = {}) {
		super();
		this.companies = options.companies ?? DEFAULT_COMPANIES;
	}

	get username() {
		return this.options.username ?? 'api.n8n';
	}

	get password() {
		return this.options.password ?? 'Sandl&da<Lösen>';
	}

	get serviceNamespace() {
		return this.options.serviceNamespace ?? 'http://tempuri.org/';
	}

	get servicePaths(): Record<Contract, string> {
		return (
			this.options.servicePaths ?? {
				Accounting: '/VitecEkonomiServices/AccountingService.svc',
				Customer: '/VitecEkonomiServices/CustomerService.svc',
				Supplier: '/VitecEkonomiServices/SupplierService.svc',
			}
		);
	}

	get maxBatch() {
		return this.options.maxBatch ?? 5000;
	}

	private endpointServer?: http.Server;

	/** Whether the customer endpoint also listens on its fixed port (false when another process holds it). */
	get endpointOnFixedPort(): boolean {
		return (
			this.endpointServer !== undefined ||
			this.baseUrl.endsWith(`:${this.options.customerEndpointPort}`)
		);
	}

	async start(port = 0): Promise<string> {
		const url = await super.start(port);
		const fixed = this.options.customerEndpointPort;
		if (fixed && !url.endsWith(`:${fixed}`)) {
			const server = http.createServer((req, res) => {
				const chunks: Buffer[] = [];
				req.on('data', (chunk: Buffer) => chunks.push(chunk));
				req.on('end', () => {
					const parsed = new URL(req.url ?? '/', 'http://endpoint');
					void Promise.resolve(
						this.handle({
							method: req.method ?? 'GET',
							url: req.url ?? '/',
							path: parsed.pathname,
							query: parsed.searchParams,
							headers: req.headers,
							body: Buffer.concat(chunks).toString('utf8'),
						}),
					).then((response) => {
						res.writeHead(response.status, {
							'Content-Type': 'application/json',
							...response.headers,
						});
						res.end(response.body ?? '');
					});
				});
			});
			await new Promise<void>((resolve) => {
				server.once('error', () => resolve());
				server.listen(fixed, '127.0.0.1', () => {
					this.endpointServer = server;
					resolve();
				});
			});
		}
		return url;
	}

	async stop(): Promise<void> {
		const server = this.endpointServer;
		if (server) {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
		await super.stop();
	}

	/* ---------- admin / test hooks (not part of Vitec's API) ---------- */

	/** A Prenumeration, as a Vitec administrator sets it up (seed 003). */
	subscribe(
		integrationId: string,
		settings: { types: string[]; companyIds?: number[]; exclude?: boolean; active?: boolean },
	): void {
		for (const type of settings.types)
			if (!VITEC_TYPES[type]) throw new Error(`unknown type ${type}`);
		this.subscriptions.set(integrationId, {
			types: new Set(settings.types),
			companyIds: new Set(settings.companyIds ?? []),
			exclude: settings.exclude ?? false,
			active: settings.active ?? true,
		});
		if (!this.queues.has(integrationId)) this.queues.set(integrationId, new Map());
	}

	private covers(subscription: Subscription, companyId: number | null): boolean {
		if (companyId === null || subscription.companyIds.size === 0) return true;
		return subscription.exclude
			? !subscription.companyIds.has(companyId)
			: subscription.companyIds.has(companyId);
	}

	private keyOf(type: string, row: Row): string {
		return VITEC_TYPES[type].keyFields.map((field) => String(row[field] ?? '')).join('|');
	}

	private keyFieldsOf(type: string, row: Row): Row {
		return Object.fromEntries(
			VITEC_TYPES[type].keyFields.map((field) => [field, row[field] ?? null]),
		);
	}

	private append(
		integrationId: string,
		type: string,
		companyId: number | null,
		code: Code,
		payload: Row,
	): VitecEvent {
		const queues = this.queues.get(integrationId)!;
		const queueKey = `${companyId}|${type}`;
		let queue = queues.get(queueKey);
		if (!queue) queues.set(queueKey, (queue = new Map()));
		const event: VitecEvent = {
			eventId: this.nextEventId++,
			companyId,
			type,
			code,
			payload: { ...payload },
			createdAt: new Date().toISOString().slice(0, 19),
			delivered: 0,
		};
		queue.set(event.eventId, event);
		return event;
	}

	/** Create or change a row in Vitec: one event per active subscription that covers it. */
	upsert(type: string, companyId: number | null, row: Row): void {
		const full: Row = VITEC_TYPES[type].perCompany ? { CompanyId: companyId, ...row } : { ...row };
		let byCompany = this.store.get(type);
		if (!byCompany) this.store.set(type, (byCompany = new Map()));
		let rows = byCompany.get(companyId);
		if (!rows) byCompany.set(companyId, (rows = new Map()));
		const key = this.keyOf(type, full);
		const code: Code = rows.has(key) ? 'Changed' : 'New';
		rows.set(key, full);
		for (const [integrationId, subscription] of this.subscriptions) {
			if (
				subscription.active &&
				subscription.types.has(type) &&
				this.covers(subscription, companyId)
			)
				this.append(integrationId, type, companyId, code, full);
		}
	}

	/** Delete a row: the event carries only the key fields (C). */
	remove(type: string, companyId: number | null, keyRow: Row): void {
		const full: Row = VITEC_TYPES[type].perCompany
			? { CompanyId: companyId, ...keyRow }
			: { ...keyRow };
		this.store.get(type)?.get(companyId)?.delete(this.keyOf(type, full));
		for (const [integrationId, subscription] of this.subscriptions) {
			if (
				subscription.active &&
				subscription.types.has(type) &&
				this.covers(subscription, companyId)
			) {
				this.append(integrationId, type, companyId, 'Deleted', this.keyFieldsOf(type, full));
			}
		}
	}

	/** Engångsöverföring: New events for every current row of one type (works even when not active). */
	oneTimeTransfer(integrationId: string, type: string, companyIds?: number[]): number {
		const subscription = this.subscriptions.get(integrationId);
		if (!subscription) throw new Error(`no subscription ${integrationId}`);
		let count = 0;
		for (const [companyId, rows] of this.store.get(type) ?? []) {
			if (companyIds && companyId !== null && !companyIds.includes(companyId)) continue;
			if (!companyIds && !this.covers(subscription, companyId)) continue;
			for (const row of rows.values()) {
				this.append(integrationId, type, companyId, 'New', row);
				count++;
			}
		}
		return count;
	}

	/** Events not yet acknowledged, oldest first. */
	pending(
		integrationId: string,
		filter: { companyId?: number | null; type?: string } = {},
	): VitecEvent[] {
		const out: VitecEvent[] = [];
		for (const [queueKey, queue] of this.queues.get(integrationId) ?? []) {
			const [company, type] = queueKey.split('|');
			if (filter.type !== undefined && type !== filter.type) continue;
			if (filter.companyId !== undefined && company !== String(filter.companyId)) continue;
			out.push(...queue.values());
		}
		return out.sort((a, b) => a.eventId - b.eventId);
	}

	pendingCount(integrationId: string): number {
		let count = 0;
		for (const queue of this.queues.get(integrationId)?.values() ?? []) count += queue.size;
		return count;
	}

	private readonly hangs: Array<{ method: RegExp; companyId?: number }> = [];

	/** Companies whose calls fault until cleared (no permission, inactive company, outside the subscription). */
	private readonly companyFaults: Array<{ companyId: number; messages: string[] }> = [];

	private readonly slowAnswers: Array<{ method: RegExp; ms: number }> = [];

	/** Every call naming this company answers a ServiceFault (until `clearCompanyFaults`), the other companies work. */
	failCompany(
		companyId: number,
		messages = [`Användaren ${this.username} saknar behörighet till företag ${companyId}.`],
	): void {
		this.companyFaults.push({ companyId, messages });
	}

	clearCompanyFaults(): void {
		this.companyFaults.length = 0;
	}

	/** Told of every SOAP call when it arrives and when its answer is ready (not yet sent): crash tests kill n8n there. */
	onCall?: (call: {
		method: string;
		companyId: number | null;
		phase: 'received' | 'answered';
	}) => void;

	/** The next matching call is processed at once but answered only after `ms` (a poll outlasting its interval). */
	slowNext(method: RegExp, ms: number): void {
		this.slowAnswers.push({ method, ms });
	}

	/**
	 * The next call of a matching method is received but never processed or answered, as when the caller's
	 * process dies while it waits (the socket is only closed by stop()).
	 */
	hangOn(method: RegExp, companyId?: number): void {
		this.hangs.push({ method, companyId });
	}

	/** The next matching call(s) answer with a ServiceFault carrying these messages. */
	failNext(messages: string[], options: { times?: number; method?: RegExp } = {}): void {
		for (let i = 0; i < (options.times ?? 1); i++)
			this.serviceFaults.push({ messages, method: options.method });
	}

	/**
	 * Plain JSON admin routes (not Vitec's API) so that a person trying the sandbox can make changes:
	 * POST /admin/upsert {type, companyId, row}, /admin/remove {type, companyId, key},
	 * /admin/one-time-transfer {integrationId, type, companyIds?}, GET /admin/pending?integrationId=N8N.
	 */
	private admin(request: RecordedRequest): EmulatorResponse {
		try {
			const body = (request.body ? JSON.parse(request.body) : {}) as Record<string, any>;
			switch (request.path) {
				case '/admin/upsert':
					this.upsert(String(body.type), body.companyId ?? null, body.row as Row);
					return json(200, { ok: true });
				case '/admin/remove':
					this.remove(String(body.type), body.companyId ?? null, body.key as Row);
					return json(200, { ok: true });
				case '/admin/one-time-transfer':
					return json(200, {
						events: this.oneTimeTransfer(
							String(body.integrationId),
							String(body.type),
							body.companyIds as number[] | undefined,
						),
					});
				case '/admin/pending':
					return json(200, {
						pending: this.pending(request.query.get('integrationId') ?? 'N8N').length,
					});
				default:
					return json(404, { error: 'unknown admin route' });
			}
		} catch (error) {
			return json(400, { error: (error as Error).message });
		}
	}

	/* ---------- SOAP ---------- */

	protected handle(request: RecordedRequest): EmulatorResponse | Promise<EmulatorResponse> {
		if (request.path.startsWith('/admin/')) return this.admin(request);
		if (request.path.startsWith('/customer-endpoint')) {
			let body: unknown = request.body;
			try {
				body = JSON.parse(request.body);
			} catch {
				// kept as text
			}
			this.endpointReceived.push({ path: request.path, body });
			return json(200, { received: true });
		}
		const contract = (Object.entries(this.servicePaths) as Array<[Contract, string]>).find(
			([, path]) => path === request.path,
		)?.[0];
		if (!contract)
			return {
				status: 404,
				headers: { 'Content-Type': 'text/html' },
				body: '<html><body><h1>404 - File or directory not found.</h1></body></html>',
			};
		if (
			request.method === 'GET' &&
			(request.query.has('wsdl') || request.query.has('singleWsdl'))
		) {
			return { status: 200, headers: { 'Content-Type': 'text/xml' }, body: this.wsdl(contract) };
		}
		if (request.method !== 'POST') return { status: 405, body: '' };

		const soap12 = this.options.soapVersion === '1.2';
		const contentType = String(request.headers['content-type'] ?? '');
		if (
			soap12 ? !contentType.startsWith('application/soap+xml') : !contentType.startsWith('text/xml')
		) {
			// WCF's answer to a binding mismatch.
			return {
				status: 415,
				headers: { 'Content-Type': 'text/plain' },
				body: `Cannot process the message because the content type '${contentType}' was not the expected type '${soap12 ? 'application/soap+xml; charset=utf-8' : 'text/xml; charset=utf-8'}'.`,
			};
		}
		if (this.options.securityMode === 'basic') {
			const header = String(request.headers.authorization ?? '');
			const decoded = header.startsWith('Basic ')
				? Buffer.from(header.slice(6), 'base64').toString('utf8')
				: '';
			if (decoded !== `${this.username}:${this.password}`) {
				return {
					status: 401,
					headers: {
						'WWW-Authenticate': 'Basic realm="VitecEkonomiServices"',
						'Content-Type': 'text/html',
					},
					body: '<html><body>401 - Unauthorized</body></html>',
				};
			}
		}
		let envelope: NsElement | undefined;
		try {
			envelope = parseNs(request.body);
		} catch {
			envelope = undefined;
		}
		const body = member(envelope, soap12 ? SOAP12 : SOAP11, 'Body');
		if (!envelope || envelope.local !== 'Envelope' || !body) {
			return this.fault(
				new SoapFault(['The message is not a valid SOAP envelope.'], 'Client', 400, false),
			);
		}
		try {
			if (this.options.securityMode !== 'basic') {
				const token = member(
					member(member(envelope, soap12 ? SOAP12 : SOAP11, 'Header'), WSSE, 'Security'),
					WSSE,
					'UsernameToken',
				);
				if (
					!token ||
					textOf(member(token, WSSE, 'Username')) !== this.username ||
					textOf(member(token, WSSE, 'Password')) !== this.password
				) {
					throw new SoapFault(
						['An error occurred when verifying security for the message.'],
						'InvalidSecurity',
						500,
						false,
					);
				}
			}
			const operation = body.children[0];
			const method = operation?.local ?? '';
			const action = soap12
				? /action="([^"]*)"/.exec(contentType)?.[1]
				: String(request.headers.soapaction ?? '').replace(/^"|"$/g, '');
			const iface = {
				Accounting: 'IAccountingService',
				Customer: 'ICustomerService',
				Supplier: 'ISupplierService',
			}[contract];
			const ns = this.serviceNamespace.endsWith('/')
				? this.serviceNamespace
				: `${this.serviceNamespace}/`;
			if (action !== `${ns}${iface}/${method}` || !this.methodBelongsTo(method, contract)) {
				throw new SoapFault(
					[
						`The message with Action '${action}' cannot be processed at the receiver, due to a ContractFilter mismatch at the EndpointDispatcher.`,
					],
					'ActionNotSupported',
					500,
					false,
				);
			}
			// WCF's OperationFormatter: the body element must be the operation in the service namespace.
			if (operation.ns !== this.serviceNamespace) {
				throw new SoapFault(
					[
						`OperationFormatter encountered an invalid Message body. Expected to find node type 'Element' with name '${method}' and namespace '${this.serviceNamespace}'. Found node type 'Element' with name '${method}' and namespace '${operation.ns}'`,
					],
					'Client',
					400,
					false,
				);
			}
			const selectorCompany = textOf(
				member(
					member(operation, this.serviceNamespace, 'companySelector'),
					this.namespaceOf('CompanySelector'),
					'CompanyId',
				),
			);
			this.onCall?.({
				method,
				companyId: selectorCompany ? Number(selectorCompany) : null,
				phase: 'received',
			});
			const hang = this.hangs.findIndex(
				(entry) =>
					entry.method.test(method) &&
					(entry.companyId === undefined || String(entry.companyId) === selectorCompany),
			);
			if (hang >= 0) {
				this.hangs.splice(hang, 1);
				return new Promise<EmulatorResponse>(() => undefined);
			}
			const injected = this.serviceFaults.findIndex(
				(fault) => !fault.method || fault.method.test(method),
			);
			if (injected >= 0) throw new SoapFault(this.serviceFaults.splice(injected, 1)[0].messages);
			// Parameters are matched in the operation's namespace; unknown ones are ignored (WCF).
			const params: Params = {};
			for (const element of operation.children)
				if (element.ns === this.serviceNamespace) params[element.local] ??= element;
			const slow = this.slowAnswers.findIndex((entry) => entry.method.test(method));
			const answer = this.ok(method, this.invoke(method, params));
			this.onCall?.({
				method,
				companyId: selectorCompany ? Number(selectorCompany) : null,
				phase: 'answered',
			});
			if (slow >= 0) {
				const { ms } = this.slowAnswers.splice(slow, 1)[0];
				return sleep(ms).then(() => answer);
			}
			return answer;
		} catch (error) {
			if (error instanceof SoapFault) return this.fault(error);
			throw error;
		}
	}

	private methodBelongsTo(method: string, contract: Contract): boolean {
		if (method === 'SendProofOfReceiptForRevisions' || method === 'GetListOfPendingEvents')
			return true; // on every service (docs/api/vitec.md §4)
		if (method === 'GetCompanies') return contract === 'Accounting';
		if (GET_ALL[method]) return VITEC_TYPES[GET_ALL[method]].contract === contract;
		const base = method.replace(/WithReceiptRequirement$/, '');
		const type = TYPE_BY_METHOD.get(base);
		return type !== undefined && VITEC_TYPES[type].contract === contract;
	}

	private subscriptionOf(integrationId: NsElement | undefined): Subscription {
		const id = textOf(integrationId) ?? '';
		if (!id) throw new SoapFault(['Integrations-ID måste anges.']);
		const subscription = this.subscriptions.get(id);
		if (!subscription) throw new SoapFault([`Integrations-ID '${id}' finns inte.`]);
		return subscription;
	}

	private namespaceOf(type: 'CompanySelector' | 'RevisionReciept'): string {
		return this.options.dataContractNamespaces?.[type] ?? VITEC_DATA_CONTRACT_NS;
	}

	private companyOf(selector: NsElement | undefined, required: boolean): number | null {
		const text = textOf(member(selector, this.namespaceOf('CompanySelector'), 'CompanyId'));
		if (text === undefined || text === '' || text === '0') {
			if (required)
				throw new SoapFault([
					'Företagsval saknas: ange CompanyId, ExternalCompanyId eller CorporateId.',
				]);
			return null;
		}
		const companyId = Number(text);
		if (!Number.isInteger(companyId) || companyId < 0)
			throw new SoapFault([`Ogiltigt värde '${text}' för CompanyId.`]);
		const failing = this.companyFaults.find((entry) => entry.companyId === companyId);
		if (failing) throw new SoapFault(failing.messages);
		if (!this.companies.some((company) => company.CompanyId === companyId)) {
			throw new SoapFault([
				`Användaren ${this.username} saknar behörighet till företag ${companyId}.`,
			]);
		}
		return companyId;
	}

	private invoke(method: string, params: Params): string {
		if (method === 'GetCompanies') {
			return this.companies
				.map((company) => `<b:Company>${this.fields(company)}</b:Company>`)
				.join('');
		}
		if (method === 'GetListOfPendingEvents') {
			this.subscriptionOf(params.integrationId);
			const entries: string[] = [];
			for (const [queueKey, queue] of this.queues.get(textOf(params.integrationId) ?? '') ?? []) {
				if (!queue.size) continue;
				const [company, type] = queueKey.split('|');
				const companyXml =
					company === 'null'
						? '<b:CompanyId i:nil="true"/>'
						: `<b:CompanyId>${company}</b:CompanyId>`;
				entries.push(
					`<b:PendingEvent>${companyXml}<b:Count>${queue.size}</b:Count><b:InformationType>${type}</b:InformationType></b:PendingEvent>`,
				);
			}
			return entries.join('');
		}
		if (method === 'SendProofOfReceiptForRevisions') return this.acknowledge(params);
		if (GET_ALL[method]) {
			const type = GET_ALL[method];
			const companyId = this.companyOf(params.companySelector, true);
			const rows = [...(this.store.get(type)?.get(companyId)?.values() ?? [])];
			return rows
				.map(
					(row) =>
						`<b:${VITEC_TYPES[type].rowClass}>${this.fields(row)}</b:${VITEC_TYPES[type].rowClass}>`,
				)
				.join('');
		}
		const legacy = !method.endsWith('WithReceiptRequirement');
		const type = TYPE_BY_METHOD.get(method.replace(/WithReceiptRequirement$/, ''))!;
		return this.revisions(type, params, legacy);
	}

	private revisions(type: string, params: Params, legacy: boolean): string {
		const spec = VITEC_TYPES[type];
		const integrationId = textOf(params.integrationId) ?? '';
		const subscription = this.subscriptionOf(params.integrationId);
		if (!subscription.types.has(type))
			throw new SoapFault([`Integrations-ID '${integrationId}' prenumererar inte på ${type}.`]);
		const companyId = spec.perCompany ? this.companyOf(params.companySelector, true) : null;
		if (companyId !== null && !this.covers(subscription, companyId)) {
			throw new SoapFault([
				`Företag ${companyId} ingår inte i prenumerationen för integrations-ID '${integrationId}'.`,
			]);
		}
		const queue =
			this.queues.get(integrationId)?.get(`${companyId}|${type}`) ?? new Map<number, VitecEvent>();
		const dimension = type === 'Accounting' ? (textOf(params.dimension) ?? 'All') : 'All';
		if (dimension !== 'All' && !/^Dimension(0[1-9]|10)$/.test(dimension))
			throw new SoapFault([`Ogiltig dimension '${dimension}'.`]);
		const batch: VitecEvent[] = [];
		for (const event of queue.values()) {
			if (batch.length >= this.maxBatch) break;
			if (dimension !== 'All') {
				const value = event.payload[dimension];
				// C (S1, S2): events that do not match the chosen dimension are deleted from the log.
				if (value === undefined || value === null || value === '' || value === '*') {
					queue.delete(event.eventId);
					continue;
				}
			}
			batch.push(event);
		}
		for (const event of batch) {
			event.delivered++;
			if (legacy) queue.delete(event.eventId);
		}
		const code = (event: VitecEvent) =>
			this.options.processingCodeFormat === 'number'
				? String({ New: 1, Changed: 2, Deleted: 3 }[event.code])
				: (this.options.processingCodeNames?.[event.code] ?? event.code);
		if (legacy) {
			return batch
				.map(
					(event) =>
						`<a:KeyValueOf${spec.rowClass}ProcessingCodeXyZ1><a:Key>${this.fields(this.payloadOf(event))}</a:Key><a:Value>${code(event)}</a:Value></a:KeyValueOf${spec.rowClass}ProcessingCodeXyZ1>`,
				)
				.join('');
		}
		const withCompany = this.options.companyIdInAnswer !== false;
		const items = batch
			.map((event) => {
				const company = !withCompany
					? ''
					: event.companyId === null
						? '<b:CompanyId i:nil="true"/>'
						: `<b:CompanyId>${event.companyId}</b:CompanyId>`;
				const info = `<b:EventInfo>${company}<b:Created>${event.createdAt}</b:Created><b:EventId>${event.eventId}</b:EventId><b:ProcessingCode>${code(event)}</b:ProcessingCode></b:EventInfo>`;
				const payload = { ...this.payloadOf(event) };
				if (!withCompany) delete payload.CompanyId;
				// §6.1 shape (b): the row class itself carries EventInfo next to its own members.
				if (this.options.rowShape === 'inline')
					return `<b:${spec.rowClass}>${info}${this.fields(payload)}</b:${spec.rowClass}>`;
				return `<b:RevisionItem>${info}<b:${spec.rowClass}>${this.fields(payload)}</b:${spec.rowClass}></b:RevisionItem>`;
			})
			.join('');
		return `<b:BatchId>0</b:BatchId><b:RevisionResult>${items}</b:RevisionResult>`;
	}

	private payloadOf(event: VitecEvent): Row {
		if (this.options.payloadMode !== 'current' || event.code === 'Deleted') return event.payload;
		const current = this.store
			.get(event.type)
			?.get(event.companyId)
			?.get(this.keyOf(event.type, event.payload));
		return current ?? this.keyFieldsOf(event.type, event.payload);
	}

	private acknowledge(params: Params): string {
		const integrationId = textOf(params.integrationId) ?? '';
		this.subscriptionOf(params.integrationId);
		const companyText = textOf(
			member(params.companySelector, this.namespaceOf('CompanySelector'), 'CompanyId'),
		);
		const companyId = companyText === undefined || companyText === '' ? null : Number(companyText);
		const names = {
			parameter: 'revisionReciept',
			eventIds: 'EventIds',
			...this.options.receiptNames,
		};
		const receipt = params[names.parameter];
		// WCF reads only what it recognises: a receipt with other names or namespaces names no event (§5.6).
		const list = member(receipt, this.namespaceOf('RevisionReciept'), names.eventIds);
		const ids = (list?.children ?? [])
			.filter((element) => element.ns === ARRAYS && element.local === 'long')
			.map((element) => element.text);
		if (!ids.length) {
			if (this.options.ackMismatch === 'fault')
				throw new SoapFault(['Kvittensen innehåller inga händelser.']);
			this.acks.push({ integrationId, companyId, eventIds: [] });
			return '';
		}
		const eventIds = ids.map(Number);
		this.acks.push({ integrationId, companyId, eventIds });
		const queues = this.queues.get(integrationId)!;
		for (const eventId of eventIds) {
			let removed = false;
			for (const [queueKey, queue] of queues) {
				const event = queue.get(eventId);
				if (!event) continue;
				// U: what the selector must be for currency events; any is accepted.
				if (event.companyId !== null && event.companyId !== companyId) {
					if (this.options.strictAck)
						throw new SoapFault([`Händelse ${eventId} tillhör inte företag ${companyId}.`]);
					break;
				}
				queue.delete(eventId);
				if (!queue.size) queues.delete(queueKey);
				removed = true;
				break;
			}
			if (!removed && this.options.strictAck)
				throw new SoapFault([`Händelse ${eventId} finns inte.`]);
		}
		return '';
	}

	private fields(row: object): string {
		return Object.entries(row)
			.map(([name, value]) =>
				value === null || value === undefined
					? `<b:${name} i:nil="true"/>`
					: `<b:${name}>${escapeXml(String(value))}</b:${name}>`,
			)
			.join('');
	}

	private envelope(body: string): EmulatorResponse {
		const soap12 = this.options.soapVersion === '1.2';
		return {
			status: 200,
			headers: {
				'Content-Type': soap12 ? 'application/soap+xml; charset=utf-8' : 'text/xml; charset=utf-8',
			},
			body: `<s:Envelope xmlns:s="${soap12 ? SOAP12 : SOAP11}"><s:Body>${body}</s:Body></s:Envelope>`,
		};
	}

	private ok(method: string, resultXml: string): EmulatorResponse {
		const ns = escapeXml(this.serviceNamespace);
		const declarations = `xmlns:b="http://schemas.datacontract.org/2004/07/Vitec.Ekonomi.Services" xmlns:a="${ARRAYS}" xmlns:i="${XSI}"`;
		const inner =
			method === 'SendProofOfReceiptForRevisions'
				? ''
				: `<${method}Result ${declarations}>${resultXml}</${method}Result>`;
		return this.envelope(`<${method}Response xmlns="${ns}">${inner}</${method}Response>`);
	}

	private fault(fault: SoapFault): EmulatorResponse {
		const soap12 = this.options.soapVersion === '1.2';
		const text = escapeXml(fault.messages[0] ?? '');
		const detail = fault.serviceFault
			? `<ServiceFault xmlns="http://schemas.datacontract.org/2004/07/Vitec.Ekonomi.Services" xmlns:i="${XSI}"><Messages xmlns:a="${ARRAYS}">${fault.messages.map((m) => `<a:string>${escapeXml(m)}</a:string>`).join('')}</Messages></ServiceFault>`
			: '';
		const body = soap12
			? `<s:Fault><s:Code><s:Value>s:${fault.code === 'Client' ? 'Sender' : 'Receiver'}</s:Value></s:Code><s:Reason><s:Text xml:lang="sv-SE">${text}</s:Text></s:Reason>${detail ? `<s:Detail>${detail}</s:Detail>` : ''}</s:Fault>`
			: `<s:Fault><faultcode>s:${fault.code}</faultcode><faultstring xml:lang="sv-SE">${text}</faultstring>${detail ? `<detail>${detail}</detail>` : ''}</s:Fault>`;
		return { ...this.envelope(body), status: fault.status };
	}

	private wsdl(contract: Contract): string {
		return `<?xml version="1.0" encoding="utf-8"?><wsdl:definitions name="${contract}Service" targetNamespace="${escapeXml(this.serviceNamespace)}" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"><!-- emulator stub --></wsdl:definitions>`;
	}
}

/** A plausible accounting row (VoucherRowExtended, docs/api/vitec.md §6.2). */
export function accountingRow(companyId: number, voucher: number, row = 1, extra: Row = {}): Row {
	return {
		CompanyId: companyId,
		AccountingYear: 2026,
		Routine: 'A',
		VoucherNumber: voucher,
		Row: row,
		AutoAccountingCode: '*',
		AutoAccountingRow: 0,
		AccountingDate: '2026-11-20T00:00:00',
		Account: row % 2 ? '1910' : '3010',
		Amount: row % 2 ? '1250.50' : '-1250.50',
		AmountInCurrency: row % 2 ? '1250.50' : '-1250.50',
		Currency: '*',
		CurrencyRate: '1',
		Dimension01: '*',
		Dimension02: '*',
		Text: `Hyra november & el – verifikation ${voucher}`,
		Note: null,
		...extra,
	};
}

/** The template's customer endpoint: http://127.0.0.1:9103 is the Vitec sandbox's port under `npm start`. */
export const SANDBOX_CUSTOMER_ENDPOINT_PORT = 9103;

/**
 * The sandbox behind `npm start` and e2e: subscriptions N8N (the Later-mode template's Integration-ID),
 * N8N-REGISTER (the on-emit template's) and E2E-ONEMIT (e2e's on-emit workflow, disjoint from N8N by company),
 * master data in three companies (no pending events, so a workflow's first poll is quiet until something
 * changes: use the admin routes or the one-time transfer).
 */
export function sandboxVitec(): VitecEmulator {
	const vitec = new VitecEmulator({ customerEndpointPort: SANDBOX_CUSTOMER_ENDPOINT_PORT });
	// N8N: every company except 103 ("negativt urval"); E2E-ONEMIT: only 103, so the two never share an event.
	vitec.subscribe('N8N', {
		types: ['Accounting', 'Supplier', 'Customer', 'Currency', 'Dimension01'],
		companyIds: [103],
		exclude: true,
	});
	vitec.subscribe('E2E-ONEMIT', { types: ['Accounting', 'Supplier'], companyIds: [103] });
	// N8N-REGISTER: the on-emit template's own Integration-ID (suppliers and customers of 101 and 102). As in
	// Vitec (seed 003), each Integration-ID gets its own copy of a change, so its acknowledgements never remove
	// anything N8N or E2E-ONEMIT still has to fetch.
	vitec.subscribe('N8N-REGISTER', { types: ['Supplier', 'Customer'], companyIds: [101, 102] });
	const saved = new Map(vitec.subscriptions);
	vitec.subscriptions.clear();
	for (const companyId of [101, 102]) {
		for (let voucher = 1; voucher <= 3; voucher++)
			vitec.upsert('Accounting', companyId, accountingRow(companyId, voucher));
		vitec.upsert('Customer', companyId, {
			CustomerId: `K${companyId}1`,
			Name: 'Andersson; Anna',
			Address2: 'Storgatan 1',
			ZipCode: '111 22',
			City: 'Stockholm',
			CountryCode: 'SE',
		});
		vitec.upsert('Supplier', companyId, {
			SupplierId: `L${companyId}1`,
			Name: 'Städ & Fönster AB',
			BankGiro: '5050-1055',
			Currency: 'SEK',
		});
		vitec.upsert('Dimension01', companyId, { AccountingCode: 'KS10', Name: 'Förvaltning Norr' });
	}
	for (const [id, subscription] of saved) vitec.subscriptions.set(id, subscription);
	return vitec;
}
