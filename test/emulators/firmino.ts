import {
	Emulator,
	basicCredentials,
	json,
	type EmulatorResponse,
	type RecordedRequest,
} from './base';

/**
 * Firmino recurring-documents API, as the repository's `docs/api/firmino.md` describes it:
 * HTTP Basic; every method a POST with `Content-Type: application/json` and a JSON body (`{}` for get/delete);
 * `{success, response}` envelope; add/get/find/update/delete/init; the "CYKLICZNA - " name
 * prefix; defaults month / today / hour "10" / active; `active` and `hourToSend` as strings; e-mails
 * answered `;`-terminated; find paging with `params.total`, text search and `{name,value}` filters.
 * What the page does not show (the answer to a wrong password, to an unknown id) is marked "not documented".
 */

export const FIRMINO_PATH = '/app/services/rest/api/recurring-documents';

const INTERVAL_LABELS: Record<string, string> = {
	week: 'Tydzień',
	month: 'Miesiąc',
	'two months': 'Dwa miesiące',
	'three months': 'Trzy miesiące',
	'six months': 'Sześć miesięcy',
	year: 'Rok',
};

interface StoredDocument {
	id: number;
	idSaleDocument: number;
	intervalTimeType: string;
	name: string;
	startDate: string;
	active: string;
	email: string | null;
	emailForConfirmation: string | null;
	hourToSend: string;
}

export interface FirminoEmulatorOptions {
	login?: string;
	password?: string;
	/** The date the server calls today (default: the real one). */
	today?: () => string;
}

export class FirminoEmulator extends Emulator {
	readonly documents = new Map<number, StoredDocument>();

	private nextId = 29_910;

	constructor(private readonly options: FirminoEmulatorOptions = {}) {
		super();
	}

	get login() {
		return this.options.login ?? 'demo@firmino.test';
	}

	get password() {
		return this.options.password ?? 'sandbox-password';
	}

	/** The base URL a credential points at. */
	get apiUrl() {
		return `${this.baseUrl}${FIRMINO_PATH}`;
	}

	protected handle(request: RecordedRequest): EmulatorResponse {
		const credentials = basicCredentials(request.headers);
		if (
			!credentials ||
			credentials.login !== this.login ||
			credentials.password !== this.password
		) {
			// Not documented: a servlet-style 401 with a challenge is the common answer to bad Basic auth.
			return { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="firmino"' }, body: '' };
		}
		if (!request.path.startsWith(`${FIRMINO_PATH}/`))
			return json(404, { success: false, response: 'Not found' });
		const [method, idText] = request.path.slice(FIRMINO_PATH.length + 1).split('/');

		// Every method is a POST (docs/api/firmino.md "Methods"): a GET is refused as a JSON-only servlet would.
		if (request.method !== 'POST') return { status: 405, headers: { Allow: 'POST' }, body: '' };
		// Not documented what a JSON-only handler answers without the JSON content type: 415, the strict reading.
		if (
			!String(request.headers['content-type'] ?? '')
				.toLowerCase()
				.startsWith('application/json')
		) {
			return { status: 415, body: 'Unsupported Media Type' };
		}
		let body: Record<string, unknown>;
		try {
			body = JSON.parse(request.body) as Record<string, unknown>;
		} catch {
			return { status: 400, body: 'Bad Request' };
		}
		if (typeof body !== 'object' || body === null || Array.isArray(body))
			return { status: 400, body: 'Bad Request' };

		if (method === 'get' || method === 'delete') {
			const id = Number(idText);
			if (!idText || !Number.isInteger(id)) return envelope(false, 'Brak wymaganych wartości');
			const document = this.documents.get(id);
			// Not documented: the text of the "no such document" answer.
			if (!document) return envelope(false, 'Nie znaleziono dokumentu');
			if (method === 'get') return envelope(true, document);
			this.documents.delete(id);
			return envelope(true, 'Usunięto dokument');
		}

		switch (method) {
			case 'add':
				return this.add(body);
			case 'update':
				return this.update(body);
			case 'find':
				return this.find(body);
			case 'init':
				return this.init(body);
			default:
				return json(404, { success: false, response: 'Not found' });
		}
	}

	private add(body: Record<string, unknown>): EmulatorResponse {
		if (!body.name || !body.idSaleDocument) return envelope(false, 'Brak wymaganych wartości');
		const document = this.buildDocument(this.nextId++, body);
		if (typeof document === 'string') return envelope(false, document);
		this.documents.set(document.id, document);
		return envelope(true, document);
	}

	/** `update` takes the whole object: a field left out loses its value (defaults where the API has one). */
	private update(body: Record<string, unknown>): EmulatorResponse {
		const id = Number(body.id);
		if (!body.id || !Number.isInteger(id)) return envelope(false, 'Brak wymaganych wartości');
		if (!this.documents.has(id)) return envelope(false, 'Nie znaleziono dokumentu');
		if (!body.name || !body.idSaleDocument) return envelope(false, 'Brak wymaganych wartości');
		const document = this.buildDocument(id, body);
		if (typeof document === 'string') return envelope(false, document);
		this.documents.set(id, document);
		return envelope(true, document);
	}

	private init(body: Record<string, unknown>): EmulatorResponse {
		const document = this.buildDocument(0, { ...body, name: body.name ?? '' });
		if (typeof document === 'string') return envelope(false, document);
		return envelope(true, { ...document, id: null, idSaleDocument: body.idSaleDocument ?? null });
	}

	private find(body: Record<string, unknown>): EmulatorResponse {
		const page = Number(body.page ?? 1) || 1;
		const size = Number(body.size ?? 15) || 15;
		const text = typeof body.text === 'string' ? body.text.toLowerCase() : '';
		const filters = Array.isArray(body.filters)
			? (body.filters as Array<{ name: string; value: unknown }>)
			: [];
		// Which sort fields are accepted is not documented: any field of the document, else newest first.
		const sortField = typeof body.sortField === 'string' ? body.sortField : undefined;
		const descending = String(body.sortOrder ?? 'asc').toLowerCase() === 'desc';
		const key = (document: StoredDocument) =>
			(document as unknown as Record<string, unknown>)[sortField ?? ''];
		const matching = [...this.documents.values()]
			.sort((a, b) => {
				if (!sortField || key(a) === undefined) return b.id - a.id;
				const order = String(key(a)).localeCompare(String(key(b)), 'pl', { numeric: true });
				return descending ? -order : order;
			})
			.filter(
				(document) =>
					!text ||
					document.name.toLowerCase().includes(text) ||
					saleDocumentName(document.idSaleDocument).toLowerCase().includes(text),
			)
			.filter((document) =>
				filters.every(
					(filter) =>
						String((document as unknown as Record<string, unknown>)[filter.name]) ===
						String(filter.value),
				),
			);
		const list = matching.slice((page - 1) * size, page * size).map((document) => ({
			id: document.id,
			name: document.name,
			saleDocumentName: saleDocumentName(document.idSaleDocument),
			intervalTypeName: INTERVAL_LABELS[document.intervalTimeType],
			startDate: document.startDate,
			active: document.active,
			email: document.email,
			emailForConfirmation: document.emailForConfirmation,
			idSaleDocument: document.idSaleDocument,
			hourToSend: document.hourToSend,
		}));
		return envelope(true, {
			params: {
				total: matching.length,
				page,
				size,
				sortField: body.sortField ?? null,
				sortOrder: body.sortOrder ?? null,
				text: body.text ?? null,
				filters: body.filters ?? null,
			},
			list,
		});
	}

	private buildDocument(id: number, body: Record<string, unknown>): StoredDocument | string {
		const interval =
			body.intervalTimeType === undefined || body.intervalTimeType === null
				? 'month'
				: String(body.intervalTimeType);
		// Not documented: the message for a value outside the six intervals.
		if (!INTERVAL_LABELS[interval])
			return `Nieprawidłowa wartość pola intervalTimeType: ${interval}`;
		const startDate = body.startDate ? String(body.startDate) : this.today();
		if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate)) return `Nieprawidłowa data: ${startDate}`;
		const active = body.active === undefined || body.active === null ? 'true' : String(body.active);
		if (active !== 'true' && active !== 'false')
			return `Nieprawidłowa wartość pola active: ${active}`;
		return {
			id,
			idSaleDocument: Number(body.idSaleDocument),
			intervalTimeType: interval,
			// The server always puts the prefix in front of the name it is given.
			name: `CYKLICZNA - ${String(body.name)}`,
			startDate,
			active,
			email: emailList(body.email),
			emailForConfirmation: emailList(body.emailForConfirmation),
			hourToSend:
				body.hourToSend === undefined || body.hourToSend === null ? '10' : String(body.hourToSend),
		};
	}

	private today(): string {
		return this.options.today?.() ?? new Date().toISOString().slice(0, 10);
	}
}

function envelope(success: boolean, response: unknown): EmulatorResponse {
	// The page shows no HTTP status for `success: false`; the emulator answers 200 either way.
	return json(200, { success, response });
}

/** Answers carry each address followed by `;` (`zmiana@email.pl;`). */
function emailList(value: unknown): string | null {
	if (value === undefined || value === null || value === '') return null;
	return String(value)
		.split(';')
		.map((email) => email.trim())
		.filter(Boolean)
		.map((email) => `${email};`)
		.join('');
}

function saleDocumentName(id: number): string {
	return `FAS ${id % 100}/08/2022`;
}
