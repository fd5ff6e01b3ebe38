/* eslint-disable @n8n/community-nodes/no-restricted-globals --
   Test-only code: the emulator is a real HTTP server (like base.ts) and never ships. */
import { randomUUID } from 'node:crypto';

import { Emulator, json, type EmulatorResponse, type RecordedRequest } from './base';

/**
 * Symfonia WebAPI (Handel + FK), as `docs/api/symfonia.md` describes it:
 * - §2 sessions: `Authorization: Application <GUID>` on /api/Sessions/OpenNewSession → the session GUID
 *   as a JSON string; `Authorization: Session <GUID>` on everything else; CloseSession; SessionInformation;
 *   a session lifetime (minutes, on an injectable clock) and a limit of concurrent sessions (a JSON object
 *   instead of the GUID when it is reached — the exact body is not documented); expiry signalled by 401 or
 *   by the Polish text "Nieprawidłowy klucz lub sesja wygasła." (switchable); requests of one session must
 *   come one at a time (overlaps are counted and refused).
 * - §3 the "Get" pattern: id/code → object, nip/pesel → array; PascalCase JSON; §4 `{Message}` errors;
 *   §5 `/Page` paging (1-based here: the base is not documented), `/Filter`.
 * - §6 Handel contractors, dictionaries, sales / purchase documents in the buffer or issued.
 * - §7 FK contractors with `Position`, FK dictionaries, FK documents into the buffer with `FKMessages`,
 *   the PATCH validation that saves nothing, FK business documents.
 * Behaviour the file leaves open is marked "not documented" where chosen.
 */

export const EXPIRED_TEXT = 'Nieprawidłowy klucz lub sesja wygasła.';

export interface SymfoniaEmulatorOptions {
	applicationToken?: string;
	/** Session length in minutes ("Długość sesji w min."). */
	sessionMinutes?: number;
	/** Concurrent sessions allowed ("Liczba instancji"). */
	maxSessions?: number;
	/** How an expired or unknown session is answered. */
	expirySignal?: '401' | 'text';
	/** Whether each request pushes the expiry forward (not documented whether it does). */
	slidingExpiry?: boolean;
	/** Time each request takes, to make overlapping requests visible. */
	processingMs?: number;
	modules?: Array<'Handel' | 'FK'>;
	/**
	 * How FK answers a document it refuses. Not documented whether it is a 400 or a 200; the model makes
	 * `Document.Id` a non-nullable int, so a 200 refusal carries `Id: 0` with Type-2 FKMessages (default here:
	 * the reading that a node is likelier to get wrong).
	 */
	fkRefusal?: 'id0' | '400';
}

interface Session {
	token: string;
	deviceName: string;
	registered: number;
	expires: number;
	inFlight: number;
}

type Doc = Record<string, unknown> & { Id: number; DocumentNumber: string; Buffer: boolean };
type Obj = Record<string, unknown>;

export class SymfoniaEmulator extends Emulator {
	readonly applicationToken: string;

	readonly sessions = new Map<string, Session>();

	openedSessions = 0;

	closedSessions = 0;

	/** Requests that arrived while another request of the same session was still being processed. */
	overlaps = 0;

	/** Minutes added to the real clock (tests move time forward). */
	clockOffsetMinutes = 0;

	/** Called for every request before it is handled (tests use it to expire sessions mid-run). */
	onRequest?: (request: RecordedRequest, index: number) => void;

	readonly contractors: Obj[] = [];

	readonly fkContractors: Obj[] = [];

	readonly sales: Doc[] = [];

	readonly purchases: Doc[] = [];

	readonly fkDocuments: Obj[] = [];

	private nextId = 1000;

	private nextPosition = 150;

	constructor(readonly options: SymfoniaEmulatorOptions = {}) {
		super();
		this.applicationToken = options.applicationToken ?? 'd9add26a-23af-4bf4-8f1a-8b5731c0e1f2';
		this.seed();
	}

	now(): number {
		return Date.now() + this.clockOffsetMinutes * 60_000;
	}

	/** Makes every open session expire now (as if "Długość sesji" had passed). */
	expireAllSessions(): void {
		for (const session of this.sessions.values()) session.expires = this.now() - 1;
	}

	liveSessions(): Session[] {
		return [...this.sessions.values()].filter((session) => session.expires > this.now());
	}

	private seed() {
		this.contractors.push(
			this.handelContractor({
				Code: 'ACME',
				Name: 'ACME Sp. z o.o.',
				NIP: '5260001246',
				DefaultAddress: {
					City: 'Warszawa',
					Street: 'Prosta',
					HouseNo: '1',
					PostCode: '00-001',
					Country: 'PL',
				},
			}),
			this.handelContractor({
				Code: 'DOST1',
				Name: 'Dostawca IT S.A.',
				NIP: '7740001454',
				DefaultAddress: { City: 'Kraków', Country: 'PL' },
			}),
		);
		this.fkContractors.push({
			Id: 1,
			Position: 154,
			Code: 'DOST1',
			Name: 'Dostawca IT S.A.',
			NIP: '7740001454',
			Active: true,
			Type: 0,
			Address: { City: 'Kraków', Country: 'PL' },
		});
	}

	private handelContractor(data: Obj): Obj {
		return {
			Id: this.nextId++,
			Active: true,
			Type: 0,
			VATTaxPayer: true,
			Vies: false,
			Note: '',
			...data,
		};
	}

	protected async handle(request: RecordedRequest): Promise<EmulatorResponse> {
		this.onRequest?.(request, this.requests.length - 1);
		const path = request.path.replace(/\/+$/, '');
		const lower = path.toLowerCase();
		if (lower === '/api/alive') return json(200, new Date(this.now()).toISOString());
		if (lower === '/api/ping') return json(200, this.ping());
		if (lower === '/api/sessions/opennewsession') return this.openSession(request);

		const auth = request.headers.authorization ?? '';
		const match = /^Session \{?([0-9a-f-]{36})\}?$/i.exec(auth);
		const session = match ? this.sessions.get(match[1].toLowerCase()) : undefined;
		if (!session || session.expires <= this.now()) {
			if (session) this.sessions.delete(session.token);
			return this.options.expirySignal === 'text'
				? json(400, { Message: EXPIRED_TEXT })
				: {
						status: 401,
						body: JSON.stringify({ Message: 'Authorization has been denied for this request.' }),
					};
		}
		if (this.options.slidingExpiry) session.expires = this.now() + this.sessionMs();

		if (session.inFlight > 0) {
			this.overlaps++;
			// Not documented: Handel runs in one background process; answering an overlap with 500 makes it visible.
			return json(500, { Message: 'Sesja jest zajęta przez inne żądanie.' });
		}
		session.inFlight++;
		try {
			if (this.options.processingMs)
				await new Promise((resolve) => setTimeout(resolve, this.options.processingMs));
			return this.route(request, lower, session);
		} finally {
			session.inFlight--;
		}
	}

	private sessionMs() {
		return (this.options.sessionMinutes ?? 60) * 60_000;
	}

	private ping() {
		const modules = this.options.modules ?? ['Handel', 'FK'];
		const firm = {
			Firm: 'Demo Sp. z o.o.',
			User: 'Api',
			Seed: '',
			ServerName: 'DESKTOP-ABCD\\SYMFONIA',
			DatabaseName: 'testsymfonia',
		};
		return {
			OpenSessionsNumber: this.liveSessions().length,
			LoadedModuleInfo: modules.map((name) => ({
				AssemblyName: `Symfonia.WebAPI.${name}`,
				ModuleName: name,
				ModuleVersion: '2024.2.0',
			})),
			ActiveHMFInfo: modules.includes('Handel') ? [firm] : [],
			ActiveITGInfo: modules.includes('FK') ? [firm] : [],
		};
	}

	private openSession(request: RecordedRequest): EmulatorResponse {
		const auth = request.headers.authorization ?? '';
		const match = /^Application \{?([0-9a-f-]{36})\}?$/i.exec(auth);
		if (!match || match[1].toLowerCase() !== this.applicationToken.toLowerCase()) {
			return {
				status: 401,
				body: JSON.stringify({ Message: 'Authorization has been denied for this request.' }),
			};
		}
		if (this.liveSessions().length >= (this.options.maxSessions ?? 1)) {
			// Not documented exactly: a JSON object instead of the quoted GUID (docs/api/symfonia.md §2).
			return json(200, {
				Message: 'Przekroczono limit sesji dla użytkownika.',
				Code: 'SessionLimit',
			});
		}
		const token = randomUUID();
		this.sessions.set(token, {
			token,
			deviceName: request.query.get('deviceName') ?? request.query.get('devicename') ?? '',
			registered: this.now(),
			expires: this.now() + this.sessionMs(),
			inFlight: 0,
		});
		this.openedSessions++;
		return json(200, token);
	}

	private route(request: RecordedRequest, path: string, session: Session): EmulatorResponse {
		const q = (name: string) => {
			for (const [key, value] of request.query)
				if (key.toLowerCase() === name.toLowerCase()) return value;
			return undefined;
		};
		const body = () => (request.body ? (JSON.parse(request.body) as Obj) : {});
		const m = request.method;

		if (path === '/api/sessions/closesession') {
			this.sessions.delete(session.token);
			this.closedSessions++;
			return { status: 200, body: '' };
		}
		if (path === '/api/sessions/sessioninformation') {
			return json(200, {
				Token: session.token,
				DeviceName: session.deviceName,
				RegisterTime: new Date(session.registered).toISOString(),
				ExpireTime: new Date(session.expires).toISOString(),
				TotalSessionsCount: this.liveSessions().length,
			});
		}
		if (path === '/api/companyinformation')
			return json(200, {
				Name: 'Demo Sp. z o.o.',
				NIP: '5250001009',
				Address: 'Warszawa',
				LicensesInfo: [],
			});

		// ---- Handel contractors (§6.1)
		if (path === '/api/contractors' && m === 'GET')
			return this.getContractor(this.contractors, q, false);
		if (path === '/api/contractors/page' && m === 'GET') return this.page(this.contractors, q);
		if (path === '/api/contractors/filter' && m === 'PATCH') return this.filterContractors(body());
		if (path === '/api/contractors/create' && m === 'POST')
			return this.createContractor(this.contractors, body(), false);
		if (path === '/api/contractors/update' && m === 'PUT')
			return this.updateContractor(this.contractors, body(), false);
		if (path === '/api/contractors/syncfk' && m === 'PATCH') return this.syncToFk(q);

		// ---- Handel dictionaries (§6.2)
		if (m === 'GET' && DICTIONARIES[path]) return json(200, DICTIONARIES[path]);
		if (path === '/api/documenttypes' && m === 'GET') {
			const character = q('documentCharacter');
			return json(
				200,
				DOCUMENT_TYPES.filter(
					(type) => character === undefined || String(type.Character) === character,
				),
			);
		}
		if (path === '/api/documentseries' && m === 'GET')
			return json(200, [
				{
					Id: 1,
					Code:
						's' + (DOCUMENT_TYPES.find((t) => String(t.Id) === q('documentTypeId'))?.Code ?? 'X'),
				},
			]);

		// ---- Handel documents (§6.3, §6.4)
		for (const [prefix, list, side] of [
			['sales', this.sales, 'sales'],
			['purchases', this.purchases, 'purchase'],
		] as const) {
			const issuePath = side === 'sales' ? '/api/salesissue' : '/api/purchasesissue';
			if (path === `/api/${prefix}` && m === 'GET') return this.getDocument(list, q);
			if (path === `/api/${prefix}/filter` && m === 'GET')
				return this.filterDocuments(list, q, side);
			if (path === `/api/${prefix}/status` && m === 'GET') return this.documentStatus(list, q);
			if (path === `${issuePath}/new` && m === 'POST')
				return this.newDocument(list, body(), q('issue') === 'true', side);
			if (path === `${issuePath}/inbuffer` && m === 'PUT') return this.issueBuffered(list, q);
		}

		// ---- FK (§7)
		if (path === '/api/fkcontractors' && m === 'GET')
			return this.getContractor(this.fkContractors, q, true);
		if (path === '/api/fkcontractors/page' && m === 'GET') return this.page(this.fkContractors, q);
		if (path === '/api/fkcontractors/filter' && m === 'OPTIONS')
			return json(200, FK_CONTRACTOR_FILTER_FIELDS);
		if (path === '/api/fkcontractors/filter' && m === 'PATCH')
			return this.filterFkContractors(request.body ? (JSON.parse(request.body) as unknown) : []);
		// The FK Contractor model has no Note: Json.NET drops the unknown member without an error.
		if (path === '/api/fkcontractors/create' && m === 'POST')
			return this.createContractor(this.fkContractors, withoutKeys(body(), ['Note']), true);
		if (path === '/api/fkcontractors/update' && m === 'PUT')
			return this.updateContractor(this.fkContractors, withoutKeys(body(), ['Note']), true);
		if (path === '/api/fkyears' && m === 'GET') {
			const date = q('date');
			// Without a date: every fiscal year (corrected 2026-12).
			if (!date) return json(200, FK_YEARS);
			const year = FK_YEARS.find(
				(y) =>
					y.StartDate.slice(0, 10) <= date.slice(0, 10) &&
					date.slice(0, 10) <= y.EndDate.slice(0, 10),
			);
			return year ? json(200, year) : json(404, { Message: 'Nie znaleziono roku obrachunkowego.' });
		}
		if (path === '/api/fkdocuments/documenttypes' && m === 'GET')
			return json(
				200,
				FK_DOCUMENT_TYPES.map((t) => ({ ...t, YearId: Number(q('yearId')) })),
			);
		if (path === '/api/fkaccountschart/flatlist' && m === 'GET') return json(200, FK_ACCOUNTS);
		if (path === '/api/fkdocuments/documentfeatures' && m === 'GET')
			return json(
				200,
				FK_DOCUMENT_FEATURES.map((f) => ({ ...f, YearId: Number(q('yearId')) })),
			);
		if (path === '/api/fkdocuments/documentrecordfeatures' && m === 'GET')
			return json(
				200,
				FK_RECORD_FEATURES.map((f) => ({ ...f, YearId: Number(q('yearId')) })),
			);
		if (path === '/api/fkcurrenciestables' && m === 'GET') {
			const currencyId = q('currencyId');
			const date = q('date');
			return json(
				200,
				FK_CURRENCY_TABLES.filter(
					(t) => currencyId === undefined || String(t.CurrencyId) === currencyId,
				).filter((t) => date === undefined || t.Date.slice(0, 10) === date.slice(0, 10)),
			);
		}
		const fkIssue =
			/^\/api\/fkdocumentsissue\/(newpurchaseinvoice|newsaleinvoice|newsimple|newcustom)$/.exec(
				path,
			);
		if (fkIssue && (m === 'POST' || m === 'PATCH'))
			return this.fkDocument(body(), fkIssue[1], m === 'PATCH');
		const fkBusiness =
			/^\/api\/fkdocumentsbussinessissue\/(newpurchaseinvoice|newpurchaseinvoicecorrection|newsaleinvoice|newsaleinvoicecorrection)$/.exec(
				path,
			);
		if (fkBusiness && m === 'POST') return this.fkBusinessDocument(body(), fkBusiness[1]);
		if (path === '/api/fkdocuments' && m === 'GET') {
			const doc = this.fkDocuments.find(
				(d) => String(d.Id) === q('id') && String(d.YearId) === q('yearId'),
			);
			return doc ? json(200, doc) : json(404, { Message: 'Nie znaleziono dokumentu.' });
		}
		if (
			(path === '/api/fkdocuments/buffer' || path === '/api/fkdocuments/accountingbooks') &&
			m === 'GET'
		) {
			const source = path.endsWith('buffer') ? 1 : 0;
			const from = q('dateFrom') ?? '0000';
			const to = q('dateTo') ?? '9999';
			return json(
				200,
				this.fkDocuments
					.filter(
						(d) => d.Source === source && String(d.YearId) === (q('yearId') ?? String(d.YearId)),
					)
					.filter(
						(d) =>
							String(d.DocumentDate ?? d.IssueDate).slice(0, 10) >= from.slice(0, 10) &&
							String(d.DocumentDate ?? d.IssueDate).slice(0, 10) <= to.slice(0, 10),
					)
					.filter(
						(d) =>
							q('contractorPosition') === undefined ||
							String(d.ContractorPosition) === q('contractorPosition'),
					)
					.map((d) =>
						Object.fromEntries(
							Object.entries(d).filter(
								([key]) => !['Records', 'VatRegisters', 'FKMessages'].includes(key),
							),
						),
					),
			);
		}
		return json(404, {
			Message: `No HTTP resource was found that matches the request URI '${request.url}'.`,
		});
	}

	// ---------------- contractors
	private getContractor(
		list: Obj[],
		q: (name: string) => string | undefined,
		fk: boolean,
	): EmulatorResponse {
		const id = q('id');
		const code = q('code');
		const position = fk ? q('position') : undefined;
		const nip = q('nip');
		const pesel = q('pesel');
		if (id !== undefined || code !== undefined || position !== undefined) {
			const found = list.find(
				(c) =>
					(id !== undefined && String(c.Id) === id) ||
					(code !== undefined && String(c.Code).toLowerCase() === code.toLowerCase()) ||
					(position !== undefined && String(c.Position) === position),
			);
			// 404 for an unknown id/code: single-sourced (Java client's OpenAPI), docs/api/symfonia.md §4.
			return found ? json(200, found) : json(404, { Message: 'Nie znaleziono kontrahenta.' });
		}
		if (nip !== undefined)
			return json(
				200,
				list.filter((c) => String(c.NIP ?? '') === nip),
			);
		if (pesel !== undefined)
			return json(
				200,
				list.filter((c) => String(c.Pesel ?? '') === pesel),
			);
		return json(
			200,
			list.map((c) => listElement(c)),
		);
	}

	/** `[{Code, Value}]` of the fields OPTIONS lists; an unknown field code is refused (not documented how). */
	private filterFkContractors(criteria: unknown): EmulatorResponse {
		if (!Array.isArray(criteria))
			return json(400, { Message: 'Oczekiwano listy kryteriów [{Code, Value}].' });
		for (const entry of criteria as Obj[]) {
			if (!FK_CONTRACTOR_FILTER_FIELDS.some((field) => field.Code === entry.Code))
				return json(400, { Message: `Nieznane pole filtra: ${String(entry.Code)}.` });
		}
		return json(
			200,
			this.fkContractors
				.filter((c) =>
					(criteria as Obj[]).every((entry) =>
						String(c[String(entry.Code)] ?? '')
							.toLowerCase()
							.includes(String(entry.Value ?? '').toLowerCase()),
					),
				)
				.map((c) => listElement(c)),
		);
	}

	private filterContractors(criteria: Obj): EmulatorResponse {
		const text = (value: unknown) => String(value ?? '').toLowerCase();
		const matches = (field: string, value: unknown) => {
			const from = criteria[`${field}_From`];
			if (from === undefined || from === null || from === '') return true;
			const mode = Number(criteria[`${field}_Mode`] ?? 0);
			const to = criteria[`${field}_To`];
			if (mode === 1) return text(value).startsWith(text(from));
			return text(value) >= text(from) && text(value) <= text(to ?? from);
		};
		return json(
			200,
			this.contractors
				.filter(
					(c) =>
						matches('Code', c.Code) &&
						matches('Name', c.Name) &&
						matches('NIP', c.NIP) &&
						matches('City', (c.DefaultAddress as Obj | undefined)?.City),
				)
				.filter(
					(c) =>
						criteria.Active === undefined ||
						criteria.Active === null ||
						c.Active === criteria.Active,
				)
				.map((c) => listElement(c)),
		);
	}

	private createContractor(list: Obj[], data: Obj, fk: boolean): EmulatorResponse {
		// Minimum fields are not documented; Code + Name is the "safe minimum" of docs/api/symfonia.md §6.1.
		if (!data.Code || !data.Name) return json(400, { Message: 'Pola Kod i Nazwa są wymagane.' });
		if (String(data.Code).length > 20)
			return json(400, { Message: 'Kod kontrahenta jest zbyt długi.' });
		if (list.some((c) => String(c.Code).toLowerCase() === String(data.Code).toLowerCase())) {
			return json(400, { Message: `Kontrahent o kodzie ${String(data.Code)} już istnieje.` });
		}
		const created: Obj = fk
			? { Active: true, Type: 0, ...data, Id: this.nextId++, Position: this.nextPosition++ }
			: this.handelContractor({ ...data, Id: undefined });
		if (!fk) created.Id = this.nextId++;
		list.push(created);
		return json(200, created);
	}

	/**
	 * SyncFK: path and parameters documented, behaviour not. Strict reading here: isNew=true for a code FK
	 * already has, or isNew=false for one it lacks, is refused.
	 */
	private syncToFk(q: (name: string) => string | undefined): EmulatorResponse {
		const id = q('contractorId');
		const code = q('contractorCode');
		const handel = this.contractors.find(
			(c) =>
				(id !== undefined && String(c.Id) === id) ||
				(code !== undefined && String(c.Code).toLowerCase() === code.toLowerCase()),
		);
		if (!handel) return json(404, { Message: 'Nie znaleziono kontrahenta.' });
		const isNew = q('isNew') === 'true';
		const existing = this.fkContractors.find(
			(c) => String(c.Code).toLowerCase() === String(handel.Code).toLowerCase(),
		);
		if (isNew && existing)
			return json(400, { Message: `Kontrahent ${String(handel.Code)} już istnieje w FK.` });
		if (!isNew && !existing)
			return json(400, { Message: `Kontrahent ${String(handel.Code)} nie istnieje w FK.` });
		const copy: Obj = {
			Code: handel.Code,
			Name: handel.Name,
			NIP: handel.NIP,
			Active: handel.Active,
			Type: handel.Type,
			Address: handel.DefaultAddress,
		};
		if (existing) Object.assign(existing, copy);
		else this.fkContractors.push({ ...copy, Id: this.nextId++, Position: this.nextPosition++ });
		return { status: 200, body: '' };
	}

	private updateContractor(list: Obj[], data: Obj, fk: boolean): EmulatorResponse {
		const found = list.find(
			(c) =>
				(data.Id !== undefined && data.Id !== null && c.Id === data.Id) ||
				(fk && data.Position !== undefined && c.Position === data.Position) ||
				((data.Id === undefined || data.Id === null) && data.Code && c.Code === data.Code),
		);
		if (!found) return json(404, { Message: 'Nie znaleziono kontrahenta.' });
		// Not documented whether Update replaces or merges: replacing (what a PUT of the whole object means) is the strict reading.
		const keep = { Id: found.Id, Position: found.Position };
		for (const key of Object.keys(found)) delete found[key];
		Object.assign(found, data, fk ? keep : { Id: keep.Id });
		return { status: 200, body: '' };
	}

	private page(list: Obj[], q: (name: string) => string | undefined): EmulatorResponse {
		const page = Number(q('page') ?? 1);
		const size = Number(q('size') ?? 50);
		const ordered = [...list].sort((a, b) => Number(a.Id) - Number(b.Id));
		if (q('orderBy') === '0') ordered.reverse();
		const data = ordered.slice((page - 1) * size, page * size).map((c) => listElement(c));
		const more = page * size < ordered.length;
		return json(200, {
			Data: data,
			OrderBy: Number(q('orderBy') ?? 1),
			PageNumber: page,
			LimitPerPage: size,
			TotalItems: ordered.length,
			NextPage: more ? `page=${page + 1}` : null,
			PreviousPage: page > 1 ? `page=${page - 1}` : null,
		});
	}

	// ---------------- Handel documents
	private getDocument(list: Doc[], q: (name: string) => string | undefined): EmulatorResponse {
		const id = q('id');
		const number = q('number');
		const buffer = q('buffer') === 'true';
		const doc = list.find(
			(d) =>
				(id !== undefined && String(d.Id) === id) ||
				(number !== undefined && d.DocumentNumber === number && d.Buffer === buffer),
		);
		return doc ? json(200, doc) : json(404, { Message: 'Nie znaleziono dokumentu.' });
	}

	private filterDocuments(
		list: Doc[],
		q: (name: string) => string | undefined,
		side: 'sales' | 'purchase',
	): EmulatorResponse {
		const from = q('dateFrom');
		const to = q('dateTo');
		if (!from || !to) return json(400, { Message: 'Parametry dateFrom i dateTo są wymagane.' });
		const partyCode = side === 'sales' ? q('buyerCode') : (q('sellerCode') ?? q('delivererCode'));
		const partyId = side === 'sales' ? q('buyerId') : (q('sellerId') ?? q('delivererId'));
		const codeField = side === 'sales' ? 'BuyerCode' : 'SellerCode';
		const idField = side === 'sales' ? 'BuyerId' : 'SellerId';
		return json(
			200,
			list
				.filter(
					(d) =>
						String(d.IssueDate).slice(0, 10) >= from.slice(0, 10) &&
						String(d.IssueDate).slice(0, 10) <= to.slice(0, 10),
				)
				.filter(
					(d) =>
						partyCode === undefined ||
						String(d[codeField]).toLowerCase() === partyCode.toLowerCase(),
				)
				.filter((d) => partyId === undefined || String(d[idField]) === partyId)
				// List elements: not every field of the document (whether ForeignDocumentNumber is among them is not documented).
				.map((d) => ({
					Id: d.Id,
					DocumentNumber: d.DocumentNumber,
					Buffer: d.Buffer,
					IssueDate: d.IssueDate,
					NetValue: d.NetValue,
					GrossValue: d.GrossValue,
					[idField]: d[idField],
					[codeField]: d[codeField],
				})),
		);
	}

	private documentStatus(list: Doc[], q: (name: string) => string | undefined): EmulatorResponse {
		const id = q('documentId');
		const number = q('documentNumber');
		const doc = list.find(
			(d) =>
				(id !== undefined && String(d.Id) === id) ||
				(number !== undefined &&
					d.DocumentNumber === number &&
					d.Buffer === (q('buffer') === 'true')),
		);
		if (!doc) return json(404, { Message: 'Nie znaleziono dokumentu.' });
		return json(200, {
			Id: doc.Id,
			DocumentNumber: doc.DocumentNumber,
			Buffer: doc.Buffer,
			DocumentStatus: doc.Buffer ? 4 : 16,
			DocumentStatusText: doc.Buffer ? 'Nowy' : 'Zrealizowany',
			PaymentSettled: false,
			WarehouseSettled: false,
			ManualSettled: false,
			RDFStatus: 0,
		});
	}

	private newDocument(
		list: Doc[],
		data: Obj,
		issue: boolean,
		side: 'sales' | 'purchase',
	): EmulatorResponse {
		const party = (side === 'sales' ? data.Buyer : data.Seller) as Obj | undefined;
		if (!data.TypeCode) return json(400, { Message: 'Nie podano typu dokumentu (TypeCode).' });
		const contractor = this.contractors.find(
			(c) =>
				(party?.Id !== undefined && c.Id === party.Id) ||
				(party?.Code && String(c.Code).toLowerCase() === String(party.Code).toLowerCase()),
		);
		if (!contractor)
			return json(400, {
				Message: `Nie znaleziono kontrahenta ${String(party?.Code ?? party?.Id ?? '')}.`,
			});
		const positions = Array.isArray(data.Positions) ? (data.Positions as Obj[]) : [];
		if (positions.length === 0)
			return json(400, { Message: 'Dokument musi zawierać co najmniej jedną pozycję.' });
		const vatOf = (p: Obj) => {
			const code = String((p.VatRate as Obj | undefined)?.Code ?? '23');
			const rate = DICTIONARIES['/api/vatrates'].find((r) => r.Code === code);
			if (!rate) throw new Error(`unknown VAT rate ${code}`);
			return Number(rate.Value ?? 0) / 100;
		};
		let net = 0;
		let vat = 0;
		try {
			for (const p of positions) {
				// Unit vs line value is not documented: the emulator reads Value as the unit price.
				const line =
					Math.round(Number(p.Quantity ?? 1) * Number(p.Value ?? p.PriceValue ?? 0) * 100) / 100;
				const lineNet =
					Number(data.PriceKind) === 1 ? Math.round((line / (1 + vatOf(p))) * 100) / 100 : line;
				net += lineNet;
				vat += Math.round(lineNet * vatOf(p) * 100) / 100;
			}
		} catch (error) {
			return json(400, { Message: `Nieznana stawka VAT: ${(error as Error).message}` });
		}
		const id = this.nextId++;
		const year = String(data.IssueDate ?? new Date(this.now()).toISOString()).slice(0, 4);
		const sameType = list.filter((d) => d.TypeCode === data.TypeCode && !d.Buffer).length + 1;
		const doc: Doc = {
			...data,
			Id: id,
			DocumentNumber: issue ? `${String(data.TypeCode)} ${sameType}/${year}` : `BUF/${id}`,
			Buffer: !issue,
			Active: true,
			Canceled: false,
			NetValue: Math.round(net * 100) / 100,
			GrossValue: Math.round((net + vat) * 100) / 100,
			NetValuePLN: Math.round(net * 100) / 100,
			VatValuePLN: Math.round(vat * 100) / 100,
			[side === 'sales' ? 'BuyerId' : 'SellerId']: contractor.Id,
			[side === 'sales' ? 'BuyerCode' : 'SellerCode']: contractor.Code,
			IssueDate: data.IssueDate ?? new Date(this.now()).toISOString().slice(0, 10) + 'T00:00:00',
		};
		list.push(doc);
		return json(200, doc);
	}

	private issueBuffered(list: Doc[], q: (name: string) => string | undefined): EmulatorResponse {
		const id = q('id');
		const number = q('number');
		const doc = list.find(
			(d) =>
				d.Buffer &&
				((id !== undefined && String(d.Id) === id) ||
					(number !== undefined && d.DocumentNumber === number)),
		);
		if (!doc) return json(404, { Message: 'Nie znaleziono dokumentu w buforze.' });
		const year = String(doc.IssueDate).slice(0, 4);
		doc.Buffer = false;
		doc.DocumentNumber = `${String(doc.TypeCode)} ${list.filter((d) => d.TypeCode === doc.TypeCode && !d.Buffer).length}/${year}`;
		return json(200, doc);
	}

	// ---------------- FK documents
	private fkDocument(data: Obj, kind: string, validateOnly: boolean): EmulatorResponse {
		const messages: Array<{ Message: string; Type: number }> = [];
		if (!data.YearId || !FK_YEARS.some((y) => y.Id === data.YearId))
			messages.push({ Message: 'Nieprawidłowy rok obrachunkowy (YearId).', Type: 2 });
		if (!data.TypeCode || !FK_DOCUMENT_TYPES.some((t) => t.Code === data.TypeCode))
			messages.push({
				Message: `Nieznany typ dokumentu: ${String(data.TypeCode ?? '')}.`,
				Type: 2,
			});
		if (!data.IssueDate) messages.push({ Message: 'Data wystawienia jest wymagana.', Type: 2 });
		const invoice = kind === 'newpurchaseinvoice' || kind === 'newsaleinvoice';
		if (invoice && !this.fkContractors.some((c) => c.Position === data.ContractorPosition)) {
			messages.push({
				Message: `Nie znaleziono kontrahenta o pozycji ${String(data.ContractorPosition ?? '')}.`,
				Type: 2,
			});
		}
		if (invoice) messages.push(...this.invoiceMemberMessages(data));
		const records = Array.isArray(data.Records) ? (data.Records as Obj[]) : [];
		if (records.length === 0) messages.push({ Message: 'Dokument nie zawiera dekretów.', Type: 2 });
		let debit = 0;
		let credit = 0;
		for (const record of records) {
			const account = record.Account as Obj | undefined;
			const synthetic = String(account?.Synthetic ?? '');
			if (!FK_ACCOUNTS.some((a) => a.Synthetic === Number(synthetic)))
				messages.push({ Message: `Konto ${synthetic} nie istnieje w planie kont.`, Type: 2 });
			if (Number(record.Side) === 0) debit += Number(record.Value ?? 0);
			else credit += Number(record.Value ?? 0);
		}
		if (Math.round(debit * 100) !== Math.round(credit * 100))
			messages.push({
				Message: `Dokument niezbilansowany: Wn ${debit.toFixed(2)} ≠ Ma ${credit.toFixed(2)}.`,
				Type: 2,
			});
		const registers = Array.isArray(data.VatRegisters) ? (data.VatRegisters as Obj[]) : [];
		if (invoice && registers.length === 0)
			messages.push({ Message: 'Brak zapisów w rejestrze VAT.', Type: 1 });
		for (const register of registers) {
			if (
				Math.round(
					(Number(register.NetValuePLN ?? 0) + Number(register.VatValuePLN ?? 0)) * 100,
				) !== Math.round(Number(register.GrossValuePLN ?? 0) * 100)
			) {
				messages.push({ Message: 'Rejestr VAT: netto + VAT ≠ brutto.', Type: 1 });
			}
		}
		if (validateOnly) return json(200, messages);
		if (messages.some((message) => message.Type === 2)) return this.fkRefused(data, messages);
		const doc = {
			...data,
			Id: this.nextId++,
			NumberInSeries: this.fkDocuments.length + 1,
			Source: 1,
			Value: Math.round(debit * 100) / 100,
			ValuePLN: Math.round(debit * 100) / 100,
			RecordsBalance: 0,
			// DescriptionKind is non-nullable: omitted → 0 FromDocument, the record's own Description is replaced.
			Records: records.map((record) => ({
				...record,
				Account: accountText(record.Account as Obj),
				Description: recordDescription(record, records, data),
			})),
			FKMessages: messages,
		};
		this.fkDocuments.push(doc);
		return json(200, doc);
	}

	/**
	 * The non-nullable members of the invoice models (corrected 2026-12): an omitted member reaches FK as
	 * null / 0, which it cannot accept.
	 */
	private invoiceMemberMessages(data: Obj): Array<{ Message: string; Type: number }> {
		const messages: Array<{ Message: string; Type: number }> = [];
		if (typeof data.DocumentNumber !== 'string' || !data.DocumentNumber.trim())
			messages.push({ Message: 'Numer dokumentu jest wymagany.', Type: 2 });
		if (typeof data.Currency !== 'string' || !data.Currency) {
			messages.push({ Message: 'Nie podano waluty dokumentu.', Type: 2 });
			return messages;
		}
		const rate = Number(data.CurrencyRate ?? 0);
		if (!(rate > 0)) messages.push({ Message: 'Kurs waluty musi być większy od zera.', Type: 2 });
		if (data.Currency.toUpperCase() === 'PLN') {
			if (rate !== 1) messages.push({ Message: 'Kurs dla waluty PLN musi wynosić 1.', Type: 2 });
			return messages;
		}
		const type = Number(data.CurrencyRateType ?? 0);
		if (![1, 2, 3].includes(type))
			messages.push({
				Message: `Dokument w walucie ${data.Currency} wymaga rodzaju kursu (CurrencyRateType 1–3).`,
				Type: 2,
			});
		const currency = FK_CURRENCIES.find((c) => c.Shortcut === String(data.Currency).toUpperCase());
		const table = FK_CURRENCY_TABLES.find((t) => t.Id === Number(data.CurrencyRateTableId ?? 0));
		if (!currency) messages.push({ Message: `Nieznana waluta ${data.Currency}.`, Type: 2 });
		else if (!table || table.CurrencyId !== currency.Id)
			messages.push({
				Message: `Nie wskazano tabeli kursów waluty ${data.Currency} (CurrencyRateTableId).`,
				Type: 2,
			});
		return messages;
	}

	/** A refused document: `Id: 0` with the messages in a 200 (default), or a 400 (see the option). */
	private fkRefused(
		data: Obj,
		messages: Array<{ Message: string; Type: number }>,
	): EmulatorResponse {
		if (this.options.fkRefusal === '400')
			return json(400, { Message: 'Dokument nie został zapisany.', FKMessages: messages });
		return json(200, { ...data, Id: 0, NumberInSeries: 0, Source: 1, FKMessages: messages });
	}

	private fkBusinessDocument(data: Obj, kind: string): EmulatorResponse {
		if (!data.DocumentType || !data.DocumentNumber || !data.IssueDate)
			return json(400, { Message: 'Pola DocumentType, DocumentNumber i IssueDate są wymagane.' });
		const positions = Array.isArray(data.Positions) ? (data.Positions as Obj[]) : [];
		if (positions.length === 0) return json(400, { Message: 'Dokument nie zawiera pozycji.' });
		const messages: Array<{ Message: string; Type: number }> = [];
		const currency = String(data.Currency ?? '').toUpperCase();
		const rate = Number(data.CurrencyRate ?? 0);
		if (!currency) messages.push({ Message: 'Nie podano waluty dokumentu.', Type: 2 });
		else if (!(rate > 0))
			messages.push({ Message: 'Kurs waluty musi być większy od zera.', Type: 2 });
		else {
			// The *PLN amounts are the currency amounts converted at the document's rate (inferred).
			for (const [index, p] of positions.entries()) {
				for (const key of ['NetValue', 'VatValue', 'GrossValue']) {
					const expected = Math.round(Number(p[key] ?? 0) * rate * 100) / 100;
					if (Math.abs(Number(p[`${key}PLN`] ?? 0) - expected) > 0.011)
						messages.push({
							Message: `Pozycja ${index + 1}: ${key}PLN ${String(p[`${key}PLN`])} ≠ ${expected.toFixed(2)} (kurs ${rate}).`,
							Type: 2,
						});
				}
			}
		}
		if (messages.length) return this.fkRefused(data, messages);
		const gross = positions.reduce((sum, p) => sum + Number(p.GrossValuePLN ?? 0), 0);
		const year = FK_YEARS.find(
			(y) =>
				String(data.IssueDate).slice(0, 10) >= y.StartDate.slice(0, 10) &&
				String(data.IssueDate).slice(0, 10) <= y.EndDate.slice(0, 10),
		);
		const doc = {
			...data,
			Id: this.nextId++,
			YearId: year?.Id ?? null,
			TypeCode: data.DocumentType,
			Source: 1,
			Value: gross,
			ValuePLN: gross,
			Kind: kind,
			FKMessages: [{ Message: 'Dokument zaksięgowany wg schematu do bufora.', Type: 0 }],
		};
		this.fkDocuments.push(doc);
		return json(200, doc);
	}
}

function listElement(c: Obj): Obj {
	const address = (c.DefaultAddress ?? c.Address) as Obj | undefined;
	const element: Obj = {
		Id: c.Id,
		Code: c.Code,
		Name: c.Name,
		NIP: c.NIP ?? '',
		Pesel: c.Pesel ?? '',
		Active: c.Active,
		Place: address?.City ?? '',
		PostCode: address?.PostCode ?? '',
		Type: c.Type,
	};
	if (c.Position !== undefined) element.Position = c.Position;
	return element;
}

function withoutKeys(data: Obj, keys: string[]): Obj {
	return Object.fromEntries(Object.entries(data).filter(([key]) => !keys.includes(key)));
}

/** `DescriptionKind` 0 FromDocument (the default of an omitted member), 1 FromRecord, 2 FromFirstRecord. */
function recordDescription(record: Obj, records: Obj[], document: Obj): unknown {
	const kind = Number(record.DescriptionKind ?? 0);
	if (kind === 1) return record.Description;
	if (kind === 2) return records[0]?.Description;
	return document.Content ?? '';
}

function accountText(account: Obj | undefined): string {
	if (!account) return '';
	return ['Synthetic', 'Analytic1', 'Analytic2', 'Analytic3', 'Analytic4', 'Analytic5']
		.map((key) => account[key])
		.filter((value) => value !== undefined && value !== null)
		.join('-');
}

const FK_CURRENCIES = [
	{ Id: 1, Shortcut: 'PLN', Name: 'złoty polski', Active: true },
	{ Id: 2, Shortcut: 'EUR', Name: 'euro', Active: true },
	{ Id: 3, Shortcut: 'USD', Name: 'dolar amerykański', Active: true },
];

const DICTIONARIES: Record<string, Array<Record<string, unknown>>> = {
	'/api/vatrates': [
		{ Id: 1, Code: '23', Value: 23, Type: 10, Description: 'Stawka podstawowa', Active: true },
		{ Id: 2, Code: '8', Value: 8, Type: 11, Description: 'Stawka obniżona', Active: true },
		{ Id: 3, Code: '5', Value: 5, Type: 12, Description: 'Stawka obniżona', Active: true },
		{ Id: 4, Code: '0', Value: 0, Type: 3, Description: 'Zero', Active: true },
		{ Id: 5, Code: 'zw', Value: 0, Type: 4, Description: 'Zwolniona', Active: true },
	],
	'/api/paymentforms': [
		{ Id: 1, Client: 'gotówka', Name: 'Gotówka', Type: 0, Days: 0, Active: true },
		{ Id: 3, Client: 'przelew 14', Name: 'Przelew 14 dni', Type: 1, Days: 14, Active: true },
	],
	'/api/paymentregistries': [
		{ Id: 1, Code: 'KASA', Name: 'Kasa główna', Type: 0 },
		{
			Id: 2,
			Code: 'BANK',
			Name: 'Rachunek bankowy',
			Type: 1,
			BankName: 'Bank',
			AccountNumber: '12 1020 0000 0000 0000 0000 0000',
		},
	],
	'/api/warehouses': [{ Id: 1, Code: 'MAG', Name: 'Magazyn główny' }],
	'/api/currencies': [
		{ Id: 1, Shortcut: 'PLN', Name: 'złoty polski', Active: true },
		{ Id: 2, Shortcut: 'EUR', Name: 'euro', Active: true },
	],
	'/api/fkvatregisters': [
		{ Id: 3, Name: 'Zakup krajowy', Type: 1, Active: true },
		{ Id: 4, Name: 'Sprzedaż krajowa', Type: 2, Active: true },
	],
	'/api/fkcurrencies': FK_CURRENCIES,
	'/api/fkdocuments/markers': [
		{ Name: 'Brak', Subtype: 0, Active: true },
		{ Name: 'Zielony', Subtype: 1, Active: true },
	],
	'/api/fkvatregistermarkers': [
		{ Id: 1, Code: 'MPP', IsActive: true },
		{ Id: 2, Code: 'KOREKTA', IsActive: true },
	],
	'/api/fkcountries': [
		{ Id: 1, Code: 'PL', Name: 'Polska' },
		{ Id: 2, Code: 'DE', Name: 'Niemcy' },
	],
	'/api/fkvatrates': [
		{ Id: 1, Code: '23', Rate: 23, IsActive: true },
		{ Id: 2, Code: '8', Rate: 8, IsActive: true },
		{ Id: 3, Code: 'zw', Rate: 0, IsActive: true },
	],
};

const DOCUMENT_TYPES = [
	{ Id: 1, Code: 'FVS', Name: 'Faktura VAT sprzedaży', Active: true, Character: 40 },
	{ Id: 2, Code: 'PAR', Name: 'Paragon', Active: true, Character: 50 },
	{ Id: 3, Code: 'FVZ', Name: 'Faktura VAT zakupu', Active: true, Character: 68 },
];

const FK_YEARS = [
	{
		Id: 11,
		Code: '2025',
		StartDate: '2025-01-01T00:00:00',
		EndDate: '2025-12-31T00:00:00',
		Length: 12,
		Closed: 0,
		Archived: false,
	},
	{
		Id: 12,
		Code: '2026',
		StartDate: '2026-01-01T00:00:00',
		EndDate: '2026-12-31T00:00:00',
		Length: 12,
		Closed: 0,
		Archived: false,
	},
];

const FK_CURRENCY_TABLES = [
	{
		Id: 501,
		CurrencyId: 2,
		Date: '2026-05-08T00:00:00',
		Table: '088/A/NBP/2026',
		Description: 'NBP A',
		PurchaseCurrencyRate: 4.2512,
		SaleCurrencyRate: 4.2512,
	},
	{
		Id: 502,
		CurrencyId: 2,
		Date: '2026-05-11T00:00:00',
		Table: '089/A/NBP/2026',
		Description: 'NBP A',
		PurchaseCurrencyRate: 4.263,
		SaleCurrencyRate: 4.263,
	},
	{
		Id: 601,
		CurrencyId: 3,
		Date: '2026-05-08T00:00:00',
		Table: '088/A/NBP/2026',
		Description: 'NBP A',
		PurchaseCurrencyRate: 3.9011,
		SaleCurrencyRate: 3.9011,
	},
];

const FK_CONTRACTOR_FILTER_FIELDS = [
	{ Code: 'Code', Type: 0, TypeName: 'String', Size: 20 },
	{ Code: 'Name', Type: 0, TypeName: 'String', Size: 100 },
	{ Code: 'NIP', Type: 0, TypeName: 'String', Size: 20 },
];

const FK_DOCUMENT_FEATURES = [
	{
		Id: 3,
		Name: 'Import z Integratora',
		Description: 'Dokumenty z systemu sprzedaży',
		BufferOnly: false,
	},
	{ Id: 7, Name: 'Do wyjaśnienia', Description: '', BufferOnly: true },
];

const FK_RECORD_FEATURES = [{ Id: 21, Name: 'Projekt A', Description: '', BufferOnly: false }];

const FK_DOCUMENT_TYPES = [
	{ Id: 1, Code: 'FZ', Name: 'Faktura zakupu', Character: 2 },
	{ Id: 2, Code: 'FS', Name: 'Faktura sprzedaży', Character: 3 },
	{ Id: 3, Code: 'PK', Name: 'Polecenie księgowania', Character: 1 },
];

const FK_ACCOUNTS = [
	{ Id: 1, Synthetic: 201, Number: '201', Name: 'Rozrachunki z odbiorcami' },
	{ Id: 2, Synthetic: 202, Number: '202', Name: 'Rozrachunki z dostawcami' },
	{ Id: 3, Synthetic: 221, Number: '221', Name: 'VAT naliczony' },
	{ Id: 4, Synthetic: 222, Number: '222', Name: 'VAT należny' },
	{ Id: 5, Synthetic: 402, Number: '402', Name: 'Usługi obce' },
	{ Id: 6, Synthetic: 700, Number: '700', Name: 'Sprzedaż' },
];
