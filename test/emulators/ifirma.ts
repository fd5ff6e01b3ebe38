import { createHmac } from 'node:crypto';

import { Emulator, json, type EmulatorResponse, type RecordedRequest } from './base';

/**
 * iFirma "iapi", as the repository's `docs/api/ifirma.md` describes it (not as the node uses it):
 * - §2.5 auth: `Authentication: IAPIS user=<login>, hmac-sha1=<hex>`; the key follows the endpoint
 *   (table 2.1); HMAC-SHA1 with the hex-decoded key over public URL without query + login + key name +
 *   raw body; Kod 400 garbled header / 401 unknown user / 402 key not generated / 403 wrong hash.
 * - §3 envelope `{"response": {Kod, Informacja, ...}}`, errors HTTP 200 (configurable), Kod 201
 *   validation, 202 accounting month, 208 empty contractor search, 500 unknown document, 102 wrong
 *   content type, 200 malformed JSON.
 * - §1 the JSON content type on every request (PDF for prints), GETs included unless `contentTypeOnGet: false`.
 * - §5 endpoints: account, every invoice type with its own table (§5.2.1: fields the kind lacks refused with
 *   Kod 200, Jezyk and the foreign line name/unit required on the export kinds), correction, proformas
 *   (+ conversion), bills (month by issue date), list with dataOd/strona/iloscNaStronie, payments (also for kinds
 *   issued in the web application), e-mail/post sending, KSeF, contractors (PUT erases omitted fields, Wynik a
 *   number), additional entities, expenses (KSeF marking), EU VAT dictionary; PDFs `.pdf[.variant]`, XML `.xml`.
 * What the documentation leaves open is an option, marked "not documented": the answer once the monthly
 * limit is used up (Kod 202 here), HTTP 429 above 100 requests a minute.
 */

export const IFIRMA_PATH = '/iapi';

type KeyName = 'faktura' | 'rachunek' | 'abonent' | 'wydatek';

interface Contractor extends Record<string, unknown> {
	Identyfikator: string;
	Nazwa: string;
}

export interface StoredDocument {
	id: number;
	slug: string;
	code: string;
	number: string;
	data: Record<string, unknown>;
	gross: number;
	paid: number;
	payments: Array<Record<string, unknown>>;
	sent: Array<{ email: boolean; post: boolean; to?: string; body: Record<string, unknown> }>;
	ksef?: string;
	proforma: boolean;
	contractor?: Contractor;
}

export interface IFirmaEmulatorOptions {
	/**
	 * Whether GET requests must carry a JSON (or, for prints, PDF) Content-Type too. iFirma's Kod 102 is "missing or
	 * wrong content type"; every working client sends it on every request, whether GETs are checked is not
	 * documented (docs/api/ifirma.md §1): on by default, the stricter reading.
	 */
	contentTypeOnGet?: boolean;
	login?: string;
	/** Keys by key name; a missing one answers Kod 402. */
	keys?: Partial<Record<KeyName, string>>;
	/** The URL the client addresses (what it signs); default: this server's own address. */
	publicBaseUrl?: string;
	/** HTTP status of error envelopes (not documented; evidence says 200). */
	errorStatus?: number;
	accountingMonth?: { year: number; month: number };
	limit?: { used: number; granted: number };
	/** Not documented: answer HTTP 429 above this many requests a minute. */
	rateLimitPerMinute?: number;
	today?: () => string;
	/**
	 * Not documented (docs/api/ifirma.md §5.5): the largest page `faktury.json` / `proformy.json` serve. A bigger
	 * `iloscNaStronie` is cut to it silently. Default: no cap.
	 */
	maxPageSize?: number;
	/** Not documented: how an empty page looks (`Wynik: []` by default, or `null`, or no `Wynik` at all). */
	emptyPage?: 'list' | 'null' | 'absent';
	/** Start with one demo contractor (identifier DEMO), for the sandbox behind `npm start`. */
	demoData?: boolean;
}

const SALES_CODES: Record<string, string> = {
	fakturakraj: 'prz_faktura_kraj',
	fakturawysylka: 'prz_faktura_wysylka',
	fakturaparagon: 'prz_faktura_paragon',
	fakturawaluta: 'prz_faktura_wys_ter_kraj',
	fakturametodakasowa: 'prz_faktura_met_kasowa',
	fakturawdt: 'prz_dostawa_ue_towarow',
	fakturaeksporttowarow: 'prz_eksport_towarow',
	fakturaeksportuslugue: 'prz_eksport_dost_uslug_ue',
	fakturaeksportuslug: 'prz_eksport_dost_uslug_nie_ue',
	// Not captured from the documentation (docs/api/ifirma.md §4.3): the emulator's own codes.
	fakturaoss: 'prz_faktura_oss',
	fakturaioss: 'prz_faktura_ioss',
	rachunekkraj: 'prz_rachunek_kraj',
	fakturaproformakraj: 'prz_faktura_proforma',
	fakturaproformaeksport: 'prz_faktura_proforma',
};
const PROFORMA_SLUGS = new Set(['fakturaproformakraj', 'fakturaproformaeksport']);
const SEND_SLUGS = new Set([
	'fakturakraj',
	'fakturawysylka',
	'fakturaproformakraj',
	'fakturaeksporttowarow',
	'fakturawdt',
	'fakturaeksportuslugue',
	'fakturaeksportuslug',
	'fakturawaluta',
	'rachunekkraj',
]);
const KSEF_SLUGS = new Set([
	'fakturakraj',
	'fakturawysylka',
	'fakturaeksporttowarow',
	'fakturawdt',
	'fakturaeksportuslug',
	'fakturaeksportuslugue',
	'fakturawaluta',
	'fakturaparagon',
	'fakturametodakasowa',
	'fakturaoss',
	// Kinds issued only in the web application, sendable to KSeF through the API (§5.8).
	'fakturazaliczka',
	'fakturakoncowa',
	'fakturazaliczkowawaluta',
	'fakturakoncowawaluta',
	'fakturabudowa',
	'fakturawyposazenie',
	'fakturasrodektrwaly',
	'fakturaszczegolnyobowiazek',
]);
/** Documents issued only in the web application (no create endpoint): their slug and payment code (§4.3, §5.6). */
export const WEB_ONLY_KINDS: Record<string, string> = {
	// Not in the payment list (the emulator's own codes, so that they can be stored).
	fakturazaliczka: 'prz_faktura_zaliczka',
	fakturakoncowa: 'prz_faktura_kon',
	fakturazaliczkowawaluta: 'prz_faktura_zaliczka_waluta',
	fakturakoncowawaluta: 'prz_faktura_kon_waluta',
	fakturabudowa: 'prz_faktura_budowa',
	fakturawyposazenie: 'prz_faktura_wyposaz',
	fakturasrodektrwaly: 'prz_faktura_sr_trwaly',
	fakturaszczegolnyobowiazek: 'prz_faktura_szczeg_obow',
};
const LANGUAGES = new Set([
	'en',
	'de',
	'bg',
	'hr',
	'cs',
	'da',
	'nl',
	'es',
	'et',
	'fi',
	'fr',
	'gr',
	'hu',
	'it',
	'lv',
	'lt',
	'ru',
	'sk',
	'sl',
	'sv',
]);
const ROLES = new Set([
	'ODBIORCA',
	'DODATKOWY_NABYWCA',
	'DOKONUJACY_PLATNOSCI',
	'JEDN_SAMORZADU_TERYT',
	'CZLONEK_GRUPY_VAT',
	'PRACOWNIK',
	'INNA',
]);

interface KindRule {
	/** Not in the kind's documented table: refused with Kod 200 (whether iFirma ignores or refuses them is not documented). */
	absent: string[];
	/** Required for this kind (T in its table, or required by iFirma's own module). */
	required: string[];
	/** Every line needs NazwaPelnaObca and JednostkaObca. */
	foreignLines?: boolean;
}

const SALE = ['DataSprzedazy', 'FormatDatySprzedazy'];
/** docs/api/ifirma.md §5.2.1: each kind's own table, not the domestic one for all. */
const KIND_RULES: Record<string, KindRule> = {
	fakturakraj: {
		absent: [],
		required: [
			...SALE,
			'Zaplacono',
			'ZaplaconoNaDokumencie',
			'LiczOd',
			'SposobZaplaty',
			'RodzajPodpisuOdbiorcy',
			'WidocznyNumerGios',
		],
	},
	fakturawysylka: {
		absent: ['SposobZaplaty', 'ZaplaconoNaDokumencie'],
		required: [...SALE, 'Zaplacono', 'LiczOd', 'DataOtrzymaniaZaplaty', 'WidocznyNumerGios'],
	},
	fakturaparagon: { absent: [], required: [...SALE, 'Zaplacono', 'LiczOd', 'SposobZaplaty'] },
	fakturawaluta: {
		absent: [],
		required: [...SALE, 'Zaplacono', 'LiczOd', 'SposobZaplaty', 'TypSprzedazy', 'Waluta'],
	},
	fakturametodakasowa: {
		absent: [],
		required: [...SALE, 'Zaplacono', 'LiczOd', 'SposobZaplaty', 'TypRozliczenia'],
	},
	fakturawdt: {
		absent: ['LiczOd'],
		required: [...SALE, 'Zaplacono', 'SposobZaplaty', 'Waluta', 'Jezyk'],
		foreignLines: true,
	},
	fakturaeksporttowarow: {
		absent: ['LiczOd'],
		required: [...SALE, 'Zaplacono', 'SposobZaplaty', 'Waluta', 'Jezyk'],
		foreignLines: true,
	},
	fakturaeksportuslugue: {
		absent: ['LiczOd'],
		required: [
			...SALE,
			'Zaplacono',
			'SposobZaplaty',
			'NazwaUslugi',
			'DataObowiazkuPodatkowego',
			'Waluta',
			'Jezyk',
		],
		foreignLines: true,
	},
	fakturaeksportuslug: {
		absent: ['LiczOd', 'Zaplacono'],
		required: [
			...SALE,
			'SposobZaplaty',
			'NazwaUslugi',
			'UslugaSwiadczonaTrybArt28b',
			'DataObowiazkuPodatkowego',
			'Waluta',
			'Jezyk',
		],
		foreignLines: true,
	},
	fakturaoss: {
		absent: ['Zaplacono', 'ZaplaconoNaDokumencie', 'WidocznyNumerGios'],
		required: [...SALE, 'Jezyk', 'KrajDostawy'],
		foreignLines: true,
	},
	fakturaioss: {
		absent: ['Zaplacono', 'ZaplaconoNaDokumencie', 'WidocznyNumerGios'],
		required: [...SALE, 'Jezyk', 'KrajDostawy'],
		foreignLines: true,
	},
	fakturaproformakraj: {
		absent: [...SALE, 'Zaplacono'],
		required: ['LiczOd', 'SposobZaplaty', 'TypFakturyKrajowej', 'WidocznyNumerGios'],
	},
	fakturaproformaeksport: {
		absent: ['LiczOd'],
		required: ['SposobZaplaty', 'TypFaktury', 'Waluta', 'Jezyk'],
	},
	rachunekkraj: {
		absent: ['LiczOd', 'ZaplaconoNaDokumencie', 'WidocznyNumerGios', 'SplitPayment'],
		required: [...SALE, 'Zaplacono', 'SposobZaplaty', 'WpisDoKpir'],
	},
};
const EXPENSE_SLUGS = new Set([
	'zakuptowaruvat',
	'kosztdzialalnoscivat',
	'kosztdzialalnosci',
	'oplatatelefon',
]);
const PAYMENT_METHODS = new Set([
	'GTK',
	'POB',
	'PRZ',
	'KAR',
	'PZA',
	'CZK',
	'KOM',
	'BAR',
	'DOT',
	'PAL',
	'ALG',
	'P24',
	'TPA',
	'ELE',
]);
const VAT_RATES: Record<
	string,
	{ name: string; rates: Array<{ Rodzaj: string; Wartosc: number }> }
> = {
	de: {
		name: 'Niemcy',
		rates: [
			{ Rodzaj: 'POD', Wartosc: 19 },
			{ Rodzaj: 'PR1', Wartosc: 7 },
			{ Rodzaj: 'ZW', Wartosc: 0 },
		],
	},
	lt: {
		name: 'Litwa',
		rates: [
			{ Rodzaj: 'POD', Wartosc: 21 },
			{ Rodzaj: 'PR1', Wartosc: 9 },
			{ Rodzaj: 'PR2', Wartosc: 5 },
		],
	},
	el: {
		name: 'Grecja',
		rates: [
			{ Rodzaj: 'POD', Wartosc: 24 },
			{ Rodzaj: 'PR1', Wartosc: 13 },
			{ Rodzaj: 'PR2', Wartosc: 6 },
		],
	},
	fr: {
		name: 'Francja',
		rates: [
			{ Rodzaj: 'POD', Wartosc: 20 },
			{ Rodzaj: 'PR1', Wartosc: 10 },
			{ Rodzaj: 'PR2', Wartosc: 5.5 },
			{ Rodzaj: 'PR3', Wartosc: 2.1 },
		],
	},
};

/** Table 2.1: the key an endpoint needs. */
export function keyFor(relative: string): KeyName {
	const first = relative.split(/[/.]/)[0];
	if (first === 'rachunekkraj') return 'rachunek';
	if (first === 'abonent') return 'abonent';
	if (EXPENSE_SLUGS.has(first)) return 'wydatek';
	return 'faktura';
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const isDate = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

export class IFirmaEmulator extends Emulator {
	readonly contractors = new Map<string, Contractor>();

	readonly documents = new Map<number, StoredDocument>();

	readonly expenses: Array<Record<string, unknown> & { slug: string; id: number }> = [];

	accountingMonth: { year: number; month: number };

	limit: { used: number; granted: number };

	private nextId = 5_721_327;

	private readonly counters = new Map<string, number>();

	/** Latest issue date per document kind (default series), for the "not before the previous one" rule. */
	private readonly lastIssue = new Map<string, string>();

	private readonly minuteLog: number[] = [];

	constructor(readonly options: IFirmaEmulatorOptions = {}) {
		super();
		const today = this.today();
		this.accountingMonth = options.accountingMonth ?? {
			year: Number(today.slice(0, 4)),
			month: Number(today.slice(5, 7)),
		};
		this.limit = options.limit ?? { used: 0, granted: 1000 };
		if (options.demoData) {
			this.contractors.set('DEMO', {
				Identyfikator: 'DEMO',
				Nazwa: 'Demo Klient Sp. z o.o.',
				NIP: '9510000009',
				Ulica: 'Przykładowa 1',
				KodPocztowy: '00-001',
				Miejscowosc: 'Warszawa',
				Kraj: 'Polska',
				Email: 'demo@klient.example',
				JestOdbiorca: true,
				JestDostawca: false,
				OsobaFizyczna: false,
			});
		}
	}

	get login() {
		return this.options.login ?? 'demo@ifirma.test';
	}

	get keys(): Partial<Record<KeyName, string>> {
		return (
			this.options.keys ?? {
				faktura: 'EAB0D8ACF3308F3B',
				rachunek: 'A1B2C3D4E5F60718',
				abonent: '0123456789ABCDEF',
				wydatek: 'FEDCBA9876543210',
			}
		);
	}

	/** The base URL a credential points at. */
	get apiUrl() {
		return `${this.options.publicBaseUrl ?? this.baseUrl}${IFIRMA_PATH}`;
	}

	today(): string {
		// iFirma's calendar is Polish time.
		return (
			this.options.today?.() ??
			new Intl.DateTimeFormat('en-CA', {
				timeZone: 'Europe/Warsaw',
				year: 'numeric',
				month: '2-digit',
				day: '2-digit',
			}).format(new Date())
		);
	}

	private fail(kod: number, informacja: string): EmulatorResponse {
		return json(this.options.errorStatus ?? 200, {
			response: { Kod: kod, Informacja: informacja },
		});
	}

	private ok(fields: Record<string, unknown>): EmulatorResponse {
		return json(200, { response: { Kod: 0, ...fields } });
	}

	protected handle(request: RecordedRequest): EmulatorResponse {
		if (this.options.rateLimitPerMinute !== undefined) {
			const now = Date.now();
			while (this.minuteLog.length && this.minuteLog[0] <= now - 60_000) this.minuteLog.shift();
			this.minuteLog.push(now);
			if (this.minuteLog.length > this.options.rateLimitPerMinute)
				return { status: 429, headers: { 'Retry-After': '60' }, body: '' };
		}
		if (!request.path.startsWith(`${IFIRMA_PATH}/`))
			return { status: 404, headers: { 'Content-Type': 'text/html' }, body: '<html>404</html>' };
		const rawPath = request.url.split('?')[0];
		const relative = decodeURIComponent(request.path.slice(IFIRMA_PATH.length + 1));

		// §2.5 verification.
		const header = request.headers.authentication;
		const match =
			typeof header === 'string'
				? header.match(/^IAPIS user=(.+), hmac-sha1=([0-9a-fA-F]{40})$/)
				: null;
		if (!match) return this.fail(400, 'Nieprawidłowy nagłówek autoryzacji.');
		if (match[1] !== this.login) return this.fail(401, 'Niepoprawna nazwa użytkownika.');
		const keyName = keyFor(relative);
		const key = this.keys[keyName];
		if (!key) return this.fail(402, `Klucz autoryzacji "${keyName}" nie został wygenerowany.`);
		const signedUrl = `${this.options.publicBaseUrl ?? this.baseUrl}${rawPath}`;
		const expected = createHmac('sha1', Buffer.from(key, 'hex'))
			.update(signedUrl + this.login + keyName + request.body, 'utf8')
			.digest('hex');
		if (expected !== match[2].toLowerCase())
			return this.fail(403, 'Nieprawidłowy skrót wiadomości.');

		// §1: the content type on every request; prints may name application/pdf.
		const contentType = String(request.headers['content-type'] ?? '').toLowerCase();
		const print = /\.pdf(\.[a-z]+)?$/.test(relative);
		const acceptable =
			contentType.startsWith('application/json') ||
			(print && contentType.startsWith('application/pdf'));
		const checked = request.method !== 'GET' || this.options.contentTypeOnGet !== false;
		if (checked && !acceptable)
			return this.fail(102, 'Brak lub niepoprawnie określony typ zawartości żądania.');

		let body: Record<string, unknown> = {};
		if (request.method === 'POST' || request.method === 'PUT') {
			if (request.body !== '') {
				try {
					body = JSON.parse(request.body) as Record<string, unknown>;
				} catch {
					return this.fail(200, 'Nieprawidłowa struktura obiektu domenowego.');
				}
				if (!body || typeof body !== 'object' || Array.isArray(body))
					return this.fail(200, 'Nieprawidłowa struktura obiektu domenowego.');
			}
		}
		return this.route(request, relative, body);
	}

	private route(
		request: RecordedRequest,
		relative: string,
		body: Record<string, unknown>,
	): EmulatorResponse {
		const { method } = request;
		let m: RegExpMatchArray | null;
		if (relative === 'abonent/limit.json' && method === 'GET') {
			return this.ok({
				Informacja: 'Informacja o limitach API',
				LimitWykorzystany: this.limit.used,
				LimitPrzyznany: this.limit.granted,
			});
		}
		if (relative === 'abonent/miesiacksiegowy.json') {
			if (method === 'GET')
				return json(200, {
					response: {
						RokKsiegowy: this.accountingMonth.year,
						MiesiacKsiegowy: this.accountingMonth.month,
					},
				});
			if (method === 'PUT') return this.moveMonth(body);
		}
		if ((m = relative.match(/^slownik\/stawki_vat\/([A-Za-z]{2})\.json$/)) && method === 'GET') {
			const country = VAT_RATES[m[1].toLowerCase()];
			if (!country) return this.fail(201, 'Nieprawidłowy kod kraju.');
			return json(200, {
				response: {
					KodKraju: m[1].toLowerCase(),
					NazwaKraju: country.name,
					StawkiVat: country.rates,
				},
			});
		}
		if (relative === 'kontrahenci.json' && method === 'POST') return this.createContractor(body);
		if (relative === 'podmiotdodatkowy.json' && method === 'POST')
			return this.addEntity(request.query.get('kontrahentIdentyfikator'), body);
		if ((m = relative.match(/^kontrahenci\/id\/(.+)\.json$/)) && method === 'GET') {
			const found = this.contractors.get(m[1]);
			if (!found) return this.fail(500, 'Kontrahent nie istnieje.');
			return this.ok({ Informacja: '', Wynik: [found] });
		}
		if ((m = relative.match(/^kontrahenci\/(.+)\.json$/))) {
			if (method === 'PUT') return this.updateContractor(m[1], body);
			if (method === 'GET') return this.searchContractors(m[1]);
		}
		if ((relative === 'faktury.json' || relative === 'proformy.json') && method === 'GET') {
			return this.list(request.query, relative === 'proformy.json');
		}
		if ((m = relative.match(/^faktury\/wplaty\/(prz_[a-z_]+)\/(.+)\.json$/)) && method === 'POST')
			return this.pay(m[1], m[2], body);
		if ((m = relative.match(/^fakturaproformakraj\/add\/(.+)\.json$/)) && method === 'GET')
			return this.convertProforma(m[1]);
		if (
			(m = relative.match(/^([a-z]+(?:\/korekta)?)\/ksef\/send\/(.+)\.json$/)) &&
			method === 'POST'
		) {
			const correction = m[1] === 'fakturakraj/korekta';
			if (!correction && !KSEF_SLUGS.has(m[1]))
				return this.fail(201, 'Nieobsługiwany rodzaj faktury.');
			const document = this.find(correction ? 'fakturakraj' : m[1], m[2]);
			if (document && correction !== document.number.startsWith('KOR '))
				return this.fail(
					201,
					correction
						? 'Dokument nie jest fakturą korygującą.'
						: 'Faktura korygująca ma osobną ścieżkę wysyłki do KSeF.',
				);
			if (!document) return this.fail(500, 'Faktura/rachunek nie istnieje.');
			document.ksef = 'WYSLANA';
			return this.ok({ Informacja: 'Faktura została przekazana do wysyłki do KSeF.' });
		}
		if (
			!relative.includes('/ksef/') &&
			(m = relative.match(/^fakturakraj\/korekta\/(.+)\.json$/)) &&
			method === 'POST'
		)
			return this.correct(m[1], body);
		if ((m = relative.match(/^([a-z]+)\/send\/(.+)\.json$/)) && method === 'POST')
			return this.sendDocument(m[1], m[2], request.query, body);
		if (
			(m = relative.match(/^([a-z]+)\/(.+)\.pdf(?:\.(oryg|kopia|orygkopia|dup|single))?$/)) &&
			method === 'GET'
		) {
			const document = this.find(m[1], m[2]);
			if (!document) return this.fail(500, 'Faktura/rachunek nie istnieje.');
			return {
				status: 200,
				headers: { 'Content-Type': 'application/pdf' },
				body: pdf(`${document.number} ${m[3] ?? ''}`),
			};
		}
		if ((m = relative.match(/^([a-z]+)\/(.+)\.xml$/)) && method === 'GET') {
			const document = this.find(m[1], m[2]);
			if (!document) return this.fail(500, 'Faktura/rachunek nie istnieje.');
			return {
				status: 200,
				headers: { 'Content-Type': 'application/xml; charset=UTF-8' },
				body: xml(this.view(document)),
			};
		}
		if ((m = relative.match(/^([a-z]+)\/(.+)\.json$/)) && method === 'GET' && SALES_CODES[m[1]]) {
			const document = this.find(m[1], m[2]);
			if (!document) return this.fail(500, 'Faktura/rachunek nie istnieje.');
			return json(200, { response: this.view(document) });
		}
		if ((m = relative.match(/^([a-z]+)\.json$/)) && method === 'POST') {
			if (EXPENSE_SLUGS.has(m[1])) return this.createExpense(m[1], body);
			if (SALES_CODES[m[1]]) return this.createDocument(m[1], body);
		}
		return this.fail(500, 'Brak uprawnień do zasobu.');
	}

	// ── account ─────────────────────────────────────────────────────────────────────────────────────
	private moveMonth(body: Record<string, unknown>): EmulatorResponse {
		const step = body.MiesiacKsiegowy === 'NAST' ? 1 : body.MiesiacKsiegowy === 'POPRZ' ? -1 : 0;
		if (!step) return this.fail(201, 'Nieprawidłowa wartość pola MiesiacKsiegowy.');
		const index = this.accountingMonth.year * 12 + this.accountingMonth.month - 1 + step;
		const today = this.today();
		// Not documented exactly: iFirma refuses months after the next calendar month.
		if (index > Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)))
			return this.fail(202, 'Brak dostępu do następnego miesiąca księgowego.');
		this.accountingMonth = { year: Math.floor(index / 12), month: (index % 12) + 1 };
		return this.ok({
			Informacja: `Zmieniono miesiąc księgowy na ${this.accountingMonth.month}-${this.accountingMonth.year}.`,
		});
	}

	private inAccountingMonth(date: unknown): boolean {
		return (
			typeof date === 'string' &&
			date.slice(0, 7) ===
				`${this.accountingMonth.year}-${String(this.accountingMonth.month).padStart(2, '0')}`
		);
	}

	// ── contractors ─────────────────────────────────────────────────────────────────────────────────
	private contractorProblem(body: Record<string, unknown>): string | undefined {
		for (const field of ['Nazwa', 'KodPocztowy', 'Miejscowosc']) {
			if (typeof body[field] !== 'string' || !(body[field] as string).trim())
				return `Pole ${field} jest wymagane.`;
		}
		if (String(body.Nazwa).length > 150) return 'Pole Nazwa może mieć maksymalnie 150 znaków.';
		if (body.NIP !== undefined && body.NIP !== null && String(body.NIP).length > 13)
			return 'Pole NIP może mieć maksymalnie 13 znaków.';
		return undefined;
	}

	private createContractor(body: Record<string, unknown>): EmulatorResponse {
		const problem = this.contractorProblem(body);
		if (problem) return this.fail(201, problem);
		let id =
			typeof body.Identyfikator === 'string' && body.Identyfikator ? body.Identyfikator : undefined;
		if (id && id.length > 15)
			return this.fail(201, 'Pole Identyfikator może mieć maksymalnie 15 znaków.');
		if (id && this.contractors.has(id))
			return this.fail(201, 'Kontrahent o podanym identyfikatorze już istnieje.');
		if (!id) {
			const stem =
				String(body.Nazwa)
					.toUpperCase()
					.replace(/[^A-Z0-9]/g, '')
					.slice(0, 12) || 'KONTRAHENT';
			id = stem;
			for (let n = 2; this.contractors.has(id); n++) id = `${stem}${n}`;
		}
		this.contractors.set(id, { ...body, Identyfikator: id } as Contractor);
		// §3.1: Wynik is a string that looks like an internal number, not the text identifier.
		return this.ok({ Informacja: 'Dodano kontrahenta', Wynik: String(this.nextId++) });
	}

	/** §5.9 POST podmiotdodatkowy.json?kontrahentIdentyfikator=: an additional entity on a saved contractor. */
	private addEntity(id: string | null, body: Record<string, unknown>): EmulatorResponse {
		if (!id) return this.fail(201, 'Parametr kontrahentIdentyfikator jest wymagany.');
		const contractor = this.contractors.get(id);
		if (!contractor) return this.fail(500, 'Kontrahent nie istnieje.');
		if (typeof body.Nazwa !== 'string' || !body.Nazwa.trim())
			return this.fail(201, 'Pole Nazwa jest wymagane.');
		if (body.Rola !== undefined && !ROLES.has(String(body.Rola)))
			return this.fail(201, 'Nieprawidłowa wartość pola Rola.');
		if (body.Rola === 'INNA' && !body.NazwaRoli)
			return this.fail(201, 'Pole NazwaRoli jest wymagane dla roli INNA.');
		if (
			body.IdentyfikatorWewnetrznyZNip !== undefined &&
			String(body.IdentyfikatorWewnetrznyZNip).length > 18
		)
			return this.fail(201, 'Pole IdentyfikatorWewnetrznyZNip może mieć maksymalnie 18 znaków.');
		const entities =
			(contractor.PodmiotyDodatkowe as Array<Record<string, unknown>> | undefined) ?? [];
		contractor.PodmiotyDodatkowe = [...entities, body];
		return this.ok({ Informacja: 'Dodano podmiot dodatkowy.' });
	}

	private updateContractor(id: string, body: Record<string, unknown>): EmulatorResponse {
		if (!this.contractors.has(id)) return this.fail(500, 'Kontrahent nie istnieje.');
		const problem = this.contractorProblem(body);
		if (problem) return this.fail(201, problem);
		// The whole record is replaced: omitted fields are erased; the identifier cannot change.
		this.contractors.set(id, { ...body, Identyfikator: id } as Contractor);
		return this.ok({ Informacja: 'Zaktualizowano kontrahenta', Wynik: String(this.nextId++) });
	}

	private searchContractors(phrase: string): EmulatorResponse {
		const needle = phrase.toLowerCase();
		const digits = phrase.replace(/\D/g, '');
		const found = [...this.contractors.values()].filter(
			(c) =>
				c.Identyfikator.toLowerCase().includes(needle) ||
				String(c.Nazwa).toLowerCase().includes(needle) ||
				(digits.length >= 3 &&
					String(c.NIP ?? '')
						.replace(/\D/g, '')
						.includes(digits)),
		);
		if (!found.length) return this.fail(208, 'Nie znaleziono kontrahenta.');
		return this.ok({ Informacja: '', Wynik: found.slice(0, 20) });
	}

	// ── documents ───────────────────────────────────────────────────────────────────────────────────
	find(slug: string, ref: string): StoredDocument | undefined {
		const number = ref.replace(/_/g, '/');
		return [...this.documents.values()].find(
			(d) => d.slug === slug && (String(d.id) === ref || d.number === number),
		);
	}

	private view(document: StoredDocument): Record<string, unknown> {
		return {
			...document.data,
			Identyfikator: document.id,
			PelnyNumer: document.number,
			Zaplacono: document.paid,
			ZaplaconoNaDokumencie: document.paid,
			Brutto: document.gross,
			...(document.contractor
				? {
						Kontrahent: document.contractor,
						IdentyfikatorKontrahenta: document.contractor.Identyfikator,
						NIPKontrahenta: document.contractor.NIP ?? null,
					}
				: {}),
		};
	}

	private resolveContractor(body: Record<string, unknown>): Contractor | string {
		if (body.Kontrahent && typeof body.Kontrahent === 'object') {
			const inline = body.Kontrahent as Record<string, unknown>;
			const problem = this.contractorProblem(inline);
			if (problem) return `Kontrahent: ${problem}`;
			// A new contractor is created automatically from the inline data.
			const before = new Set(this.contractors.keys());
			const created = this.createContractor({
				...inline,
				Identyfikator: inline.Identyfikator ?? null,
			});
			const answer = (
				JSON.parse(String(created.body)) as { response: { Kod: number; Informacja: string } }
			).response;
			if (answer.Kod !== 0) return answer.Informacja;
			const id = [...this.contractors.keys()].find((key) => !before.has(key))!;
			return this.contractors.get(id)!;
		}
		if (body.IdentyfikatorKontrahenta) {
			const found = this.contractors.get(String(body.IdentyfikatorKontrahenta));
			return found ?? 'Kontrahent o podanym identyfikatorze nie istnieje.';
		}
		if (body.NIPKontrahenta) {
			const nip = String(body.NIPKontrahenta).replace(/\D/g, '');
			const found = [...this.contractors.values()].find(
				(c) => String(c.NIP ?? '').replace(/\D/g, '') === nip,
			);
			return found ?? 'Kontrahent o podanym numerze NIP nie istnieje.';
		}
		return 'Brak danych kontrahenta.';
	}

	/** Lines and gross total, or the Polish validation message. */
	private lines(slug: string, body: Record<string, unknown>): number | string {
		const lines = body.Pozycje;
		if (!Array.isArray(lines) || lines.length === 0)
			return 'Faktura musi zawierać co najmniej jedną pozycję.';
		if (KIND_RULES[slug]?.foreignLines) {
			// §5.2 line table: the foreign name and unit on every line of the export-type kinds.
			for (const [index, raw] of lines.entries()) {
				for (const field of ['NazwaPelnaObca', 'JednostkaObca']) {
					const value = (raw as Record<string, unknown>)[field];
					if (typeof value !== 'string' || !value.trim())
						return `Pozycja ${index + 1}: pole ${field} jest wymagane.`;
				}
			}
		}
		const gross = body.LiczOd === 'BRT';
		let total = 0;
		for (const [index, raw] of lines.entries()) {
			const line = raw as Record<string, unknown>;
			const where = `Pozycja ${index + 1}: `;
			if (typeof line.NazwaPelna !== 'string' || !line.NazwaPelna.trim())
				return `${where}pole NazwaPelna jest wymagane.`;
			if (line.NazwaPelna.length > 300)
				return `${where}pole NazwaPelna może mieć maksymalnie 300 znaków.`;
			if (typeof line.Ilosc !== 'number' || !(line.Ilosc > 0))
				return `${where}nieprawidłowa ilość.`;
			if (typeof line.CenaJednostkowa !== 'number' || line.CenaJednostkowa < 0)
				return `${where}nieprawidłowa cena jednostkowa.`;
			if (
				line.Rabat !== undefined &&
				(typeof line.Rabat !== 'number' || line.Rabat < 0 || line.Rabat >= 100)
			)
				return `${where}nieprawidłowy rabat.`;
			let rate = 0;
			if (slug !== 'rachunekkraj') {
				if (line.TypStawkiVat === 'ZW') {
					if (line.StawkaVat !== null)
						return `${where}dla stawki ZW pole StawkaVat musi być puste.`;
					if (slug === 'fakturakraj' && !line.PodstawaPrawna)
						return `${where}brak podstawy prawnej zwolnienia.`;
				} else if (['PRC', 'POD', 'PR1', 'PR2', 'PR3'].includes(String(line.TypStawkiVat))) {
					// The rate is a JSON number fraction (0.23), never a string (docs/api/ifirma.md §4.1, §7).
					if (typeof line.StawkaVat !== 'number' || line.StawkaVat < 0 || line.StawkaVat >= 1)
						return `${where}nieprawidłowa stawka VAT.`;
					rate = line.StawkaVat;
				} else {
					return `${where}nieprawidłowy typ stawki VAT.`;
				}
			}
			const value = line.Ilosc * line.CenaJednostkowa * (1 - Number(line.Rabat ?? 0) / 100);
			total += gross ? value : value * (1 + rate);
		}
		return round2(total);
	}

	private documentProblem(
		slug: string,
		body: Record<string, unknown>,
	): EmulatorResponse | undefined {
		const rule = KIND_RULES[slug];
		for (const field of rule.absent) {
			if (field in body)
				return this.fail(
					200,
					`Nieprawidłowa struktura obiektu domenowego: pole ${field} nie występuje w tym rodzaju dokumentu.`,
				);
		}
		for (const field of ['DataWystawienia', ...rule.required]) {
			if (body[field] === undefined || body[field] === null || body[field] === '')
				return this.fail(201, `Pole ${field} jest wymagane.`);
		}
		if (body.Jezyk !== undefined && !LANGUAGES.has(String(body.Jezyk)))
			return this.fail(201, 'Nieprawidłowa wartość pola Jezyk.');
		if (
			typeof body.WidocznyNumerGios !== 'undefined' &&
			typeof body.WidocznyNumerGios !== 'boolean'
		)
			return this.fail(201, 'Nieprawidłowa wartość pola WidocznyNumerGios.');
		for (const field of [
			'DataWystawienia',
			'DataSprzedazy',
			'TerminPlatnosci',
			'DataOtrzymaniaZaplaty',
			'DataObowiazkuPodatkowego',
		]) {
			if (body[field] !== undefined && body[field] !== null && !isDate(body[field]))
				return this.fail(201, `Nieprawidłowy format daty w polu ${field}.`);
		}
		if (body.LiczOd !== undefined && body.LiczOd !== 'NET' && body.LiczOd !== 'BRT')
			return this.fail(201, 'Nieprawidłowa wartość pola LiczOd.');
		if (body.SposobZaplaty !== undefined && !PAYMENT_METHODS.has(String(body.SposobZaplaty)))
			return this.fail(201, 'Nieprawidłowy sposób zapłaty.');
		if (
			body.FormatDatySprzedazy !== undefined &&
			body.FormatDatySprzedazy !== 'DZN' &&
			body.FormatDatySprzedazy !== 'MSC'
		)
			return this.fail(201, 'Nieprawidłowy format daty sprzedaży.');
		if (
			body.DataSprzedazy &&
			String(body.DataWystawienia) < String(body.DataSprzedazy) &&
			slug !== 'rachunekkraj'
		) {
			// Issue before sale is allowed only for advance-type documents, which the API does not create.
			return this.fail(201, 'Data wystawienia nie może być wcześniejsza niż data sprzedaży.');
		}
		if (body.DataSprzedazy && !PROFORMA_SLUGS.has(slug) && slug !== 'rachunekkraj') {
			// Issue date at the latest on the 15th of the month after the sale (docs/api/ifirma.md §5.2).
			const sale = new Date(`${String(body.DataSprzedazy)}T00:00:00Z`);
			const limit = new Date(Date.UTC(sale.getUTCFullYear(), sale.getUTCMonth() + 1, 15))
				.toISOString()
				.slice(0, 10);
			if (String(body.DataWystawienia) > limit)
				return this.fail(
					201,
					'Data wystawienia nie może być późniejsza niż 15. dzień miesiąca następującego po miesiącu sprzedaży.',
				);
		}
		const last = this.lastIssue.get(slug);
		if (last && String(body.DataWystawienia) < last && !body.NazwaSeriiNumeracji) {
			// Not earlier than the previous invoice of the same series (docs/api/ifirma.md §5.2, default series).
			return this.fail(
				201,
				`Data wystawienia nie może być wcześniejsza niż data poprzedniej faktury (${last}).`,
			);
		}
		if (
			body.TerminPlatnosci &&
			body.DataSprzedazy &&
			String(body.TerminPlatnosci) < String(body.DataSprzedazy)
		) {
			return this.fail(201, 'Termin płatności nie może być wcześniejszy niż data sprzedaży.');
		}
		// A bill's month is its issue date's (§5.3, iFirma's own module); an invoice's its sale date's (§5.2).
		const monthDate =
			slug === 'rachunekkraj' ? body.DataWystawienia : (body.DataSprzedazy ?? body.DataWystawienia);
		if (!this.inAccountingMonth(monthDate)) {
			return this.fail(202, `Data ${String(monthDate)} jest poza ustawionym miesiącem księgowym.`);
		}
		return undefined;
	}

	private countDocument(): EmulatorResponse | undefined {
		// Not documented: what the API answers once the monthly limit is used up.
		if (this.limit.used >= this.limit.granted)
			return this.fail(202, 'Przekroczono miesięczny limit dokumentów wystawianych przez API.');
		this.limit.used++;
		return undefined;
	}

	private store(
		slug: string,
		data: Record<string, unknown>,
		gross: number,
		contractor: Contractor | undefined,
		code = SALES_CODES[slug],
	): StoredDocument {
		const issue = String(data.DataWystawienia);
		const series = `${slug}|${issue.slice(0, 7)}`;
		const n = (this.counters.get(series) ?? 0) + 1;
		this.counters.set(series, n);
		const prefix = PROFORMA_SLUGS.has(slug) ? 'PRO ' : slug === 'rachunekkraj' ? 'R ' : '';
		const document: StoredDocument = {
			id: this.nextId++,
			slug,
			code,
			number: `${prefix}${n}/${issue.slice(5, 7)}/${issue.slice(0, 4)}`,
			data,
			gross,
			paid: Number(data.Zaplacono ?? 0),
			payments: [],
			sent: [],
			proforma: PROFORMA_SLUGS.has(slug),
			contractor,
		};
		this.documents.set(document.id, document);
		if (!data.NazwaSeriiNumeracji && (this.lastIssue.get(slug) ?? '') < issue)
			this.lastIssue.set(slug, issue);
		return document;
	}

	private createDocument(slug: string, body: Record<string, unknown>): EmulatorResponse {
		const problem = this.documentProblem(slug, body);
		if (problem) return problem;
		const gross = this.lines(slug, body);
		if (typeof gross === 'string') return this.fail(201, gross);
		if (typeof body.Zaplacono === 'number' && body.Zaplacono > gross + 0.001)
			return this.fail(201, 'Kwota zapłacona nie może być większa niż wartość faktury.');
		const contractor = this.resolveContractor(body);
		if (typeof contractor === 'string') return this.fail(201, contractor);
		const limited = this.countDocument();
		if (limited) return limited;
		const document = this.store(slug, body, gross, contractor);
		const what =
			slug === 'rachunekkraj'
				? 'Rachunek został pomyślnie dodany.'
				: 'Faktura została pomyślnie dodana.';
		return this.ok({ Informacja: what, Identyfikator: document.id });
	}

	private correct(ref: string, body: Record<string, unknown>): EmulatorResponse {
		const original = this.find('fakturakraj', ref);
		if (!original) return this.fail(500, 'Faktura/rachunek nie istnieje.');
		for (const field of ['PowodKorekty', 'SpelnionoWarunki', 'DataWystawienia']) {
			if (body[field] === undefined || body[field] === null || body[field] === '')
				return this.fail(201, `Pole ${field} jest wymagane.`);
		}
		if (
			![
				'OBOW_RABAT',
				'ZWR_SPRZ_TOW',
				'ZWR_NAB_KWOT',
				'ZWR_NAB_ZAL',
				'PODW_CENY',
				'POMYLKI',
			].includes(String(body.PowodKorekty))
		) {
			return this.fail(201, 'Nieprawidłowy powód korekty.');
		}
		if (String(body.DataWystawienia) < String(original.data.DataWystawienia))
			return this.fail(
				201,
				'Data wystawienia korekty nie może być wcześniejsza niż data faktury korygowanej.',
			);
		if (!this.inAccountingMonth(body.DataWystawienia))
			return this.fail(
				202,
				`Data ${String(body.DataWystawienia)} jest poza ustawionym miesiącem księgowym.`,
			);
		const gross = this.lines('fakturakraj', {
			LiczOd: original.data.LiczOd,
			...body,
			Pozycje: (body.Pozycje as unknown[] | undefined)?.filter(
				(l) => (l as { Ilosc?: number }).Ilosc !== 0,
			) ?? [{ NazwaPelna: '-', Ilosc: 1, CenaJednostkowa: 0, StawkaVat: 0, TypStawkiVat: 'PRC' }],
		});
		if (typeof gross === 'string') return this.fail(201, gross);
		const limited = this.countDocument();
		if (limited) return limited;
		const document = this.store(
			'fakturakraj',
			{ ...body, KorygowanaFaktura: original.number },
			gross,
			original.contractor,
		);
		document.number = `KOR ${document.number}`;
		return this.ok({
			Informacja: 'Faktura korygująca została pomyślnie dodana.',
			Identyfikator: document.id,
		});
	}

	private convertProforma(ref: string): EmulatorResponse {
		const proforma = this.find('fakturaproformakraj', ref);
		if (!proforma) return this.fail(500, 'Faktura/rachunek nie istnieje.');
		if (proforma.data.ZamienionaNaFakture)
			return this.fail(201, 'Pro forma została już zamieniona na fakturę.');
		const limited = this.countDocument();
		if (limited) return limited;
		const today = this.today();
		const invoice = this.store(
			'fakturakraj',
			{
				...proforma.data,
				DataWystawienia: today,
				DataSprzedazy: today,
				FormatDatySprzedazy: 'DZN',
				Zaplacono: 0,
			},
			proforma.gross,
			proforma.contractor,
		);
		proforma.data.ZamienionaNaFakture = invoice.number;
		return this.ok({ Informacja: 'Faktura została pomyślnie dodana.', Identyfikator: invoice.id });
	}

	private status(document: StoredDocument): string {
		if (document.paid >= document.gross - 0.001) return 'oplacone';
		const due = String(document.data.TerminPlatnosci ?? document.data.DataWystawienia);
		if (due < this.today()) return 'przeterminowane';
		return document.paid > 0 ? 'oplaconeCzesciowo' : 'nieoplacone';
	}

	private list(query: URLSearchParams, proformas: boolean): EmulatorResponse {
		const from = query.get('dataOd');
		if (!from || !isDate(from))
			return this.fail(201, 'Parametr dataOd jest wymagany (RRRR-MM-DD).');
		let to = query.get('dataDo');
		if (to && !isDate(to)) return this.fail(201, 'Nieprawidłowy format parametru dataDo.');
		if (!to) {
			const date = new Date(`${from}T00:00:00Z`);
			date.setUTCDate(date.getUTCDate() + 30);
			to = date.toISOString().slice(0, 10);
		}
		const statuses = query.get('status')?.split(',').filter(Boolean);
		const page = Number(query.get('strona') ?? 1);
		const asked = Number(query.get('iloscNaStronie') ?? 20);
		const size = this.options.maxPageSize ? Math.min(asked, this.options.maxPageSize) : asked;
		if (!Number.isInteger(page) || page < 1 || !Number.isInteger(size) || size < 1)
			return this.fail(201, 'Nieprawidłowe parametry stronicowania.');
		const kwotaOd = query.get('kwotaOd');
		const kwotaDo = query.get('kwotaDo');
		const matches = [...this.documents.values()].filter((d) => {
			const issued = String(d.data.DataWystawienia);
			if (d.proforma !== proformas || issued < from || issued > to!) return false;
			if (query.get('typ') && d.code !== query.get('typ')) return false;
			if (query.get('kontrahent') && d.contractor?.Identyfikator !== query.get('kontrahent'))
				return false;
			if (
				query.get('nipKontrahenta') &&
				String(d.contractor?.NIP ?? '').replace(/\D/g, '') !==
					query.get('nipKontrahenta')!.replace(/\D/g, '')
			)
				return false;
			if (kwotaOd && d.gross < Number(kwotaOd)) return false;
			if (kwotaDo && d.gross > Number(kwotaDo)) return false;
			if (statuses?.length && !statuses.includes(this.status(d))) return false;
			return true;
		});
		const wynik = matches.slice((page - 1) * size, page * size).map((d) => ({
			FakturaId: d.id,
			PelnyNumer: d.number,
			Rodzaj: d.code,
			DataWystawienia: d.data.DataWystawienia,
			TerminPlatnosci: d.data.TerminPlatnosci ?? null,
			Brutto: d.gross,
			Zaplacono: d.paid,
			Waluta: d.data.Waluta ?? 'PLN',
			KontrahentNazwa: d.contractor?.Nazwa ?? null,
			IdentyfikatorKontrahenta: d.contractor?.Identyfikator ?? null,
			NIPKontrahenta: d.contractor?.NIP ?? null,
			CzyWyslano: d.sent.length > 0,
			...(d.ksef ? { KsefStatus: d.ksef } : {}),
		}));
		if (!wynik.length && this.options.emptyPage === 'null')
			return this.ok({ Informacja: '', Wynik: null });
		if (!wynik.length && this.options.emptyPage === 'absent')
			return this.ok({ Informacja: 'Brak faktur.' });
		return this.ok({ Informacja: '', Wynik: wynik });
	}

	private pay(code: string, ref: string, body: Record<string, unknown>): EmulatorResponse {
		const number = ref.replace(/_/g, '/');
		const document = [...this.documents.values()].find(
			(d) => !d.proforma && d.code === code && (d.number === number || String(d.id) === ref),
		);
		if (!document) return this.fail(500, 'Faktura/rachunek nie istnieje.');
		if (typeof body.Kwota !== 'number' || !(body.Kwota > 0))
			return this.fail(201, 'Nieprawidłowa kwota wpłaty.');
		if (body.Data !== undefined && !isDate(body.Data))
			return this.fail(201, 'Nieprawidłowy format daty wpłaty.');
		document.paid = round2(document.paid + body.Kwota);
		document.payments.push(body);
		return this.ok({ Informacja: 'Wpłata została zarejestrowana.' });
	}

	private sendDocument(
		slug: string,
		ref: string,
		query: URLSearchParams,
		body: Record<string, unknown>,
	): EmulatorResponse {
		if (!SEND_SLUGS.has(slug)) return this.fail(500, 'Brak uprawnień do zasobu.');
		const document = this.find(slug, ref);
		if (!document) return this.fail(500, 'Faktura/rachunek nie istnieje.');
		const email = query.get('wyslijEfaktura') === 'true';
		const post = query.get('wyslijPoczta') === 'true';
		if (!email && !post) return this.fail(201, 'Nie wybrano sposobu wysyłki.');
		const to =
			(body.SkrzynkaEmailOdbiorcy as string | undefined) ??
			(document.contractor?.Email as string | undefined);
		if (email && !to) return this.fail(201, 'Kontrahent nie ma adresu e-mail.');
		if (body.Tekst !== undefined && String(body.Tekst).length > 1000)
			return this.fail(201, 'Pole Tekst może mieć maksymalnie 1000 znaków.');
		document.sent.push({ email, post, to, body });
		return this.ok({ Informacja: 'Faktura została wysłana.' });
	}

	// ── expenses ────────────────────────────────────────────────────────────────────────────────────
	private createExpense(slug: string, body: Record<string, unknown>): EmulatorResponse {
		const other = slug === 'kosztdzialalnosci';
		const required = other
			? ['RodzajDokumentu', 'NumerDokumentu', 'DataWystawienia', 'NazwaWydatku', 'Kwota']
			: [
					'NumerFaktury',
					'DataWystawienia',
					'NazwaWydatku',
					'KwotaNetto23',
					'KwotaNetto08',
					'KwotaNetto05',
					'KwotaNetto00',
					'KwotaNettoZw',
					'KwotaVat23',
					'KwotaVat08',
					'KwotaVat05',
				];
		for (const field of required) {
			if (body[field] === undefined || body[field] === null || body[field] === '')
				return this.fail(201, `Pole ${field} jest wymagane.`);
		}
		if (!other) {
			// §5.10: the KSeF marking on every VAT-invoice expense since KSeF (typed clients make it mandatory).
			if (!['NUMER', 'OFF', 'BFK', 'DI'].includes(String(body.OznaczenieKSeF)))
				return this.fail(201, 'Pole OznaczenieKSeF jest wymagane (NUMER, OFF, BFK, DI).');
			if (body.OznaczenieKSeF === 'NUMER' && !body.NumerKSeF)
				return this.fail(201, 'Pole NumerKSeF jest wymagane dla oznaczenia NUMER.');
		}
		for (const [field, value] of Object.entries(body)) {
			if (/^Kwota/.test(field) && (typeof value !== 'number' || value < 0))
				return this.fail(201, `Nieprawidłowa kwota w polu ${field}.`);
		}
		if (!isDate(body.DataWystawienia))
			return this.fail(201, 'Nieprawidłowy format daty wystawienia.');
		if (body.DataWplywu && String(body.DataWplywu) < String(body.DataWystawienia))
			return this.fail(201, 'Data wpływu nie może być wcześniejsza niż data wystawienia.');
		if (!this.inAccountingMonth(body.DataWystawienia))
			return this.fail(
				202,
				`Data ${String(body.DataWystawienia)} jest poza ustawionym miesiącem księgowym.`,
			);
		const contractor = this.resolveContractor(body);
		if (typeof contractor === 'string') return this.fail(201, contractor);
		const id = this.nextId++;
		this.expenses.push({ ...body, slug, id });
		return this.ok({ Informacja: 'Wydatek został pomyślnie dodany.', Wynik: id });
	}
}

/** The XML version of a document (§5.4; its schema is not documented, the emulator writes the JSON fields as elements). */
function xml(document: Record<string, unknown>): string {
	const element = (name: string, value: unknown): string => {
		if (value === null || value === undefined) return `<${name}/>`;
		if (Array.isArray(value))
			return `<${name}>${value.map((entry) => element('Pozycja', entry)).join('')}</${name}>`;
		if (typeof value === 'object')
			return `<${name}>${Object.entries(value)
				.map(([key, inner]) => element(key, inner))
				.join('')}</${name}>`;
		return `<${name}>${String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</${name}>`;
	};
	return `<?xml version="1.0" encoding="UTF-8"?>\n${element('Faktura', document)}`;
}

/** A small valid PDF (one page, the text given). */
export function pdf(text: string): Buffer {
	const stream = `BT /F1 12 Tf 50 750 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
	];
	let out = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((object, index) => {
		offsets.push(out.length);
		out += `${index + 1} 0 obj\n${object}\nendobj\n`;
	});
	const xref = out.length;
	out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
	out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(out, 'latin1');
}
