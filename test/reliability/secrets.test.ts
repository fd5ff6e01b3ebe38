/* eslint-disable no-console, @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports --
   Test code (never shipped): it captures the console, n8n's logger (@n8n/backend-common, a dev dependency of
   n8n-core) and the process streams to prove nothing secret is written there, and the
   "secrets" are marked throwaway values whose only purpose is to be searched for in the output. */
/**
 * Secrets never leak (issue 8): every failure path of Firmino, Symfonia, iFirma (keys), Vitec
 * (password, node and trigger) and Smartup (password, OAuth2 client secret and tokens) runs with marked
 * credential values — wrong secret, 401, 500 whose body echoes the secret, an HTML page that quotes it, a
 * timeout, a `success:false` / `Message` that repeats it — with and without Continue On Fail. No marked value
 * (the secret itself, the Basic-auth header built from it, a Symfonia session token) may appear in the error's
 * message, description or serialised form, in an output item, in the run data, or in anything written to the
 * console or n8n's logger during the run.
 */
import { LoggerProxy } from 'n8n-workflow';

import type { EmulatorResponse, RecordedRequest } from '../emulators/base';
import { FirminoEmulator } from '../emulators/firmino';
import { IFirmaEmulator } from '../emulators/ifirma';
import { SmartupEmulator } from '../emulators/smartup';
import { SymfoniaEmulator } from '../emulators/symfonia';
import { VitecEmulator, accountingRow } from '../emulators/vitec';
import { runNode, type RunResult } from '../harness';
import { poll } from '../Vitec/poll-harness';

jest.setTimeout(30_000);

const captured: string[] = [];
const originalConsole = {
	log: console.log,
	warn: console.warn,
	error: console.error,
	info: console.info,
	debug: console.debug,
};

beforeAll(() => {
	for (const level of Object.keys(originalConsole) as Array<keyof typeof originalConsole>) {
		console[level] = (...args: unknown[]) =>
			captured.push(args.map((arg) => (typeof arg === 'string' ? arg : safeJson(arg))).join(' '));
	}
	const record = (message: string, meta?: object) => captured.push(`${message} ${safeJson(meta)}`);
	LoggerProxy.init({ error: record, warn: record, info: record, debug: record } as never);
	// n8n-core's node logger (this.logger, @n8n/backend-common's Logger) may hold its own console reference: record
	// what is logged at its entry points.
	// n8n-core has its own copy of @n8n/backend-common: the one resolved from n8n-core is the one nodes get.
	const copies = new Set([
		require.resolve('@n8n/backend-common'),
		require.resolve('@n8n/backend-common', { paths: [require.resolve('n8n-core')] }),
	]);
	for (const copy of copies) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { Logger } = require(copy) as {
			Logger: { prototype: Record<string, (message: string, meta?: object) => void> };
		};
		for (const level of ['error', 'warn', 'info', 'debug'])
			jest.spyOn(Logger.prototype, level).mockImplementation(record);
	}
	// And anything written to the process streams directly.
	for (const stream of [process.stdout, process.stderr]) {
		jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
			captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
			return true;
		});
	}
});
afterAll(() => {
	Object.assign(console, originalConsole);
	jest.restoreAllMocks();
});
beforeEach(() => (captured.length = 0));

function safeJson(value: unknown): string {
	try {
		return JSON.stringify(value) ?? String(value);
	} catch {
		return String(value);
	}
}

/** Everything a user or an operator could see from one run. */
function visible(result: RunResult): string {
	const error = result.error;
	return [
		error?.message,
		error?.description,
		error?.stack,
		safeJson(error),
		safeJson((error as { errorResponse?: unknown } | undefined)?.errorResponse),
		safeJson((error as { context?: unknown } | undefined)?.context),
		safeJson(result.items),
		safeJson(result.run),
		...captured,
	].join('\n');
}

function expectNoSecret(result: RunResult, marks: string[]) {
	const text = visible(result);
	for (const mark of marks.filter(Boolean))
		expect({ leaked: text.includes(mark), mark: mark.slice(0, 6) }).toEqual({
			leaked: false,
			mark: mark.slice(0, 6),
		});
}

/** Something failed visibly (error or error item), so the check above looked at a failure path. */
function expectFailure(result: RunResult) {
	const failed = !!result.error || result.items.some((item) => item.json.error !== undefined);
	expect(failed).toBe(true);
}

const modes = [
	['stop on error', undefined],
	['continue on fail', 'continueRegularOutput'],
] as const;

// ----------------------------------------------------------------------------------------------- Firmino

describe('Firmino: no marked secret in any failure', () => {
	const PASSWORD = 'FirminoMARKED-pw-7f3c9a';
	const WRONG = 'FirminoMARKED-wrong-1b2d4e';
	let emulator: FirminoEmulator;
	beforeEach(async () => {
		emulator = new FirminoEmulator({ password: PASSWORD, today: () => '2026-11-22' });
		await emulator.start();
	});
	afterEach(async () => emulator.stop());

	const basic = (password: string) =>
		Buffer.from(`${emulator.login}:${password}`).toString('base64');
	const marks = () => [PASSWORD, WRONG, basic(PASSWORD), basic(WRONG)];
	const run = (
		parameters: Record<string, unknown>,
		onError?: 'continueRegularOutput',
		password = PASSWORD,
	) =>
		runNode(
			{
				type: 'firminoRecurringInvoices',
				parameters: {
					resource: 'recurringInvoice',
					requestOptions: { timeoutSeconds: 0.5, maxRetries: 1 },
					...parameters,
				},
				onError,
			},
			[{}],
			{ firminoApi: { login: emulator.login, password, baseUrl: emulator.apiUrl } },
		);
	const create = { operation: 'create', name: 'Secret test', idSaleDocument: '5' };
	const get = { operation: 'get', recurringInvoiceId: '1' };

	const echo = () => `password=${PASSWORD} Authorization: Basic ${basic(PASSWORD)}`;
	const paths: Array<[string, () => void, Record<string, unknown>, string?]> = [
		['wrong password (401 from the API)', () => undefined, get, WRONG],
		[
			'401 whose body echoes the password',
			() => emulator.injectFault({ kind: 'status', status: 401, body: echo() }),
			get,
		],
		[
			'500 whose JSON body echoes the password',
			() =>
				emulator.injectFault({
					kind: 'status',
					status: 500,
					body: JSON.stringify({ success: false, response: echo() }),
				}),
			create,
		],
		[
			'success:false whose message echoes the password',
			() =>
				emulator.injectFault({
					kind: 'status',
					status: 200,
					body: JSON.stringify({ success: false, response: echo() }),
				}),
			create,
		],
		[
			'HTML page quoting the password',
			() =>
				emulator.injectFault({
					kind: 'status',
					status: 200,
					contentType: 'text/html',
					body: `<html><body>${echo()}</body></html>`,
				}),
			get,
		],
		[
			'503 with the password, retried then failing',
			() =>
				emulator.injectFault(
					{ kind: 'status', status: 503, retryAfter: '0', body: echo() },
					{ times: 2 },
				),
			get,
		],
		['timeout', () => emulator.injectFault({ kind: 'delay', ms: 800 }, { times: 2 }), get],
	];

	it.each(
		paths.flatMap(([name, arrange, parameters, password]) =>
			modes.map(([mode, onError]) => [name, mode, arrange, parameters, password, onError] as const),
		),
	)('%s (%s)', async (_name, _mode, arrange, parameters, password, onError) => {
		arrange();
		const result = await run(parameters, onError, password);
		expectFailure(result);
		expectNoSecret(result, marks());
		// Where the API's answer quoted a secret, the error quoted the answer with the secret replaced: the path was exercised.
		if (/echo|quoting|refused after/.test(_name)) expect(visible(result)).toContain('***');
	});
});

// ---------------------------------------------------------------------------------------------- Symfonia

describe('Symfonia: no marked application token or session token in any failure', () => {
	const TOKEN = 'a11ce5ec-7e75-4ec7-9e75-5ec7e75ec7e7';
	const WRONG = 'b0bb5ec7-0000-4000-8000-000000c0ffee';
	let emulator: SymfoniaEmulator;
	let sessionTokens: string[];
	beforeEach(async () => {
		// Three slots: an injected 401 leaves the emulator's session alive while the node opens a new one.
		emulator = new SymfoniaEmulator({ applicationToken: TOKEN, maxSessions: 3 });
		await emulator.start();
		sessionTokens = [];
		emulator.onRequest = (request) => {
			const match = /^Session (.+)$/.exec(String(request.headers.authorization ?? ''));
			if (match && !sessionTokens.includes(match[1])) sessionTokens.push(match[1]);
		};
	});
	afterEach(async () => emulator.stop());

	const marks = () => [TOKEN, WRONG, TOKEN.toUpperCase(), ...sessionTokens];
	const run = (
		parameters: Record<string, unknown>,
		onError?: 'continueRegularOutput',
		token = TOKEN,
		items: object[] = [{}],
	) =>
		runNode(
			{
				type: 'symfonia',
				parameters: { requestOptions: { timeoutSeconds: 0.5, maxRetries: 1 }, ...parameters },
				onError,
			},
			items as never,
			{
				symfoniaApi: {
					baseUrl: emulator.baseUrl,
					applicationToken: token,
					deviceName: 'n8n-secrets',
					companyLabel: 'testsymfonia',
					ignoreSslIssues: false,
					sessionWaitSeconds: 0,
				},
			},
		);
	const get = { resource: 'contractor', operation: 'get', findBy: 'code', value: 'ACME' };
	const create = {
		resource: 'contractor',
		operation: 'create',
		code: '={{ $json.code }}',
		name: 'Secret Sp. z o.o.',
	};
	const twoCreates = [{ code: 'SEC1' }, { code: 'SEC2' }];

	/** Makes the request after the next one answer with a body that quotes the session token it carried. */
	const echoSessionNext = (
		status: number,
		wrap: (text: string) => string,
		contentType?: string,
	) => {
		let armed = false;
		emulator.onRequest = (request) => {
			const match = /^Session (.+)$/.exec(String(request.headers.authorization ?? ''));
			if (!match) return;
			if (!sessionTokens.includes(match[1])) sessionTokens.push(match[1]);
			if (armed) return;
			armed = true;
			emulator.injectFault(
				{
					kind: 'status',
					status,
					contentType,
					body: wrap(`session ${match[1]} application ${TOKEN}`),
				},
				{ pathPattern: /Contractors/ },
			);
		};
	};

	const paths: Array<[string, () => void, Record<string, unknown>, string?, object[]?]> = [
		['wrong application token (401 at session open)', () => undefined, get, WRONG],
		[
			'401 at open whose body echoes the token',
			() =>
				emulator.injectFault(
					{
						kind: 'status',
						status: 401,
						body: JSON.stringify({ Message: `Token ${TOKEN} odrzucony` }),
					},
					{ pathPattern: /OpenNewSession/ },
				),
			get,
		],
		[
			'open answers a JSON object quoting the token',
			() =>
				emulator.injectFault(
					{ kind: 'status', status: 200, body: JSON.stringify({ Message: `Limit for ${TOKEN}` }) },
					{ pathPattern: /OpenNewSession/ },
				),
			get,
		],
		[
			'500 whose Message echoes the session token',
			() => echoSessionNext(500, (text) => JSON.stringify({ Message: text })),
			create,
			undefined,
			twoCreates,
		],
		[
			'400 whose Message echoes the session token',
			() => echoSessionNext(400, (text) => JSON.stringify({ Message: text })),
			create,
			undefined,
			twoCreates,
		],
		[
			'HTML page quoting the session token',
			() =>
				echoSessionNext(
					200,
					(text) => `<html><body><h1>Error</h1>${text}</body></html>`,
					'text/html',
				),
			get,
			undefined,
			[{}, {}],
		],
		[
			'session expired twice in a row (refused after reopening)',
			() =>
				emulator.injectFault(
					{
						kind: 'status',
						status: 401,
						body: JSON.stringify({ Message: `Session denied ${TOKEN}` }),
					},
					{ pathPattern: /Contractors/, times: 2 },
				),
			get,
		],
		[
			'timeout on a create',
			() => emulator.injectFault({ kind: 'delay', ms: 800 }, { pathPattern: /Contractors/ }),
			create,
			undefined,
			[{ code: 'SEC3' }],
		],
		[
			'create refused, then closing the session fails with bodies echoing both tokens (logged)',
			() => {
				echoSessionNext(400, (text) => JSON.stringify({ Message: text }));
				emulator.injectFault(
					{ kind: 'status', status: 502, retryAfter: '0', body: `close failed for ${TOKEN}` },
					{ pathPattern: /CloseSession/, times: 2 },
				);
			},
			create,
			undefined,
			[{ code: 'SEC4' }, { code: 'SEC5' }],
		],
	];

	it.each(
		paths.flatMap(([name, arrange, parameters, token, items]) =>
			modes.map(
				([mode, onError]) => [name, mode, arrange, parameters, token, items, onError] as const,
			),
		),
	)('%s (%s)', async (_name, _mode, arrange, parameters, token, items, onError) => {
		arrange();
		const result = await run(parameters, onError, token, items);
		expectFailure(result);
		expectNoSecret(result, marks());
		// Where the API's answer quoted a secret, the error quoted the answer with the secret replaced: the path was exercised.
		if (/echo|quoting|refused after/.test(_name)) expect(visible(result)).toContain('***');
		// The log capture works: the failed close was logged (and, above, without a secret).
		if (/\(logged\)/.test(_name)) expect(captured.join('\n')).toMatch(/could not be closed/);
	});
});

// ------------------------------------------------------------------------------------------------ iFirma

describe('iFirma: no marked key in any failure', () => {
	// Hex keys, as iFirma shows them; marked by their unusual digits. iFirma keys are case-insensitive hex.
	const KEYS = {
		faktura: 'C0FFEE5EC7E70FAC7B1A',
		rachunek: 'C0FFEE5EC7E70BAC7B1B',
		abonent: 'C0FFEE5EC7E70ABC7B1C',
		wydatek: 'C0FFEE5EC7E70DEC7B1D',
	};
	const WRONG = 'BADC0FFEE5EC7E7BAD00';
	let emulator: IFirmaEmulator;
	beforeEach(async () => {
		emulator = new IFirmaEmulator({
			keys: KEYS,
			today: () => '2026-11-22',
			accountingMonth: { year: 2026, month: 11 },
		});
		await emulator.start();
		emulator.contractors.set('ACME', {
			Identyfikator: 'ACME',
			Nazwa: 'Acme Sp. z o.o.',
			KodPocztowy: '00-001',
			Miejscowosc: 'Warszawa',
		});
	});
	afterEach(async () => emulator.stop());

	const all = [...Object.values(KEYS), WRONG, 'NOT-HEX-MARKED-KEY-77'];
	const marks = () => [...all, ...all.map((key) => key.toLowerCase())];
	const run = (
		parameters: Record<string, unknown>,
		onError?: 'continueRegularOutput',
		keys: Partial<typeof KEYS> = {},
	) => {
		const k = { ...KEYS, ...keys };
		return runNode(
			{
				type: 'iFirma',
				parameters: { requestOptions: { timeoutSeconds: 0.5, maxRetries: 1 }, ...parameters },
				onError,
			},
			[{}],
			{
				iFirmaApi: {
					login: emulator.login,
					fakturaKey: k.faktura,
					rachunekKey: k.rachunek,
					abonentKey: k.abonent,
					wydatekKey: k.wydatek,
					baseUrl: emulator.apiUrl,
				},
			},
		);
	};
	const create = {
		resource: 'invoice',
		operation: 'create',
		invoiceType: 'domestic',
		contractorId: 'ACME',
		issueDate: '2026-11-20',
		saleDate: '2026-11-20',
		lines: { line: [{ name: 'Usługa', quantity: 1, unitPrice: 100, vatRate: '23' }] },
	};
	const get = { resource: 'invoice', operation: 'getMany', dateFrom: '2026-11-01' };
	const limit = { resource: 'account', operation: 'getLimit' };
	const echo = () => `klucz ${KEYS.faktura} / ${KEYS.abonent.toLowerCase()}`;

	const paths: Array<[string, () => void, Record<string, unknown>, Partial<typeof KEYS>?]> = [
		['wrong key (Kod 403 from the API)', () => undefined, get, { faktura: WRONG }],
		[
			'a key that is not hex (refused before sending)',
			() => undefined,
			limit,
			{ abonent: 'NOT-HEX-MARKED-KEY-77' },
		],
		[
			'Kod 201 whose Informacja echoes the keys',
			() =>
				emulator.injectFault(
					{
						kind: 'status',
						status: 200,
						body: JSON.stringify({ response: { Kod: 201, Informacja: echo() } }),
					},
					{ pathPattern: /fakturakraj\.json$/ },
				),
			create,
		],
		[
			'500 whose envelope echoes the keys',
			() =>
				emulator.injectFault(
					{
						kind: 'status',
						status: 500,
						body: JSON.stringify({ response: { Kod: 100, Informacja: echo() } }),
					},
					{ pathPattern: /fakturakraj\.json$/ },
				),
			create,
		],
		[
			'HTML page quoting the keys',
			() =>
				emulator.injectFault(
					{
						kind: 'status',
						status: 200,
						contentType: 'text/html',
						body: `<html><body>${echo()}</body></html>`,
					},
					{ pathPattern: /faktury\.json$/ },
				),
			get,
		],
		[
			'503 echoing the keys, retried then failing',
			() =>
				emulator.injectFault(
					{ kind: 'status', status: 503, retryAfter: '0', body: echo() },
					{ times: 2, pathPattern: /limit\.json$/ },
				),
			limit,
		],
		[
			'PDF download answered with JSON echoing the keys',
			() =>
				emulator.injectFault(
					{
						kind: 'status',
						status: 200,
						body: JSON.stringify({ response: { Kod: 500, Informacja: echo() } }),
					},
					{ pathPattern: /\.pdf/ },
				),
			{ resource: 'invoice', operation: 'downloadPdf', documentRef: '1' },
		],
		[
			'timeout',
			() =>
				emulator.injectFault(
					{ kind: 'delay', ms: 800 },
					{ times: 2, pathPattern: /faktury\.json$/ },
				),
			get,
		],
	];

	it.each(
		paths.flatMap(([name, arrange, parameters, keys]) =>
			modes.map(([mode, onError]) => [name, mode, arrange, parameters, keys, onError] as const),
		),
	)('%s (%s)', async (name, _mode, arrange, parameters, keys, onError) => {
		arrange();
		const result = await run(parameters, onError, keys);
		expectFailure(result);
		expectNoSecret(result, marks());
		if (/echo|quoting/.test(name)) expect(visible(result)).toContain('***');
	});
});

// ----------------------------------------------------------------------------------------- Vitec Ekonomi

describe('Vitec Ekonomi: no marked password in any failure (node and trigger)', () => {
	// XML metacharacters on purpose: the password also travels XML-escaped inside the envelope.
	const PASSWORD = 'VitecMARKED&<pw>"9c1';
	const WRONG = 'VitecMARKED-wrong-4e2';
	const escape = (text: string) =>
		text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
	let emulator: VitecEmulator;
	async function start(securityMode: 'wsse' | 'basic' = 'wsse') {
		emulator = new VitecEmulator({ password: PASSWORD, securityMode });
		await emulator.start();
		emulator.subscribe('N8N', { types: ['Accounting'] });
		emulator.upsert('Accounting', 101, accountingRow(101, 1));
	}
	afterEach(async () => emulator.stop());

	const basic = (password: string) =>
		Buffer.from(`${emulator.username}:${password}`).toString('base64');
	const marks = () => [
		PASSWORD,
		WRONG,
		escape(PASSWORD),
		escape(WRONG),
		basic(PASSWORD),
		basic(WRONG),
	];
	const credentials = (password: string, securityMode: string) => ({
		username: emulator.username,
		password,
		baseUrl: emulator.baseUrl,
		domain: '',
		securityMode,
	});
	const node = (
		onError: 'continueRegularOutput' | undefined,
		password: string,
		securityMode: string,
	) =>
		runNode(
			{
				type: 'vitecEkonomi',
				parameters: {
					resource: 'revision',
					operation: 'getRevisions',
					integrationId: 'N8N',
					informationType: 'accounting',
					companyId: '101',
					requestOptions: { timeoutSeconds: 0.5, maxRetries: 1 },
				},
				onError,
			},
			[{}],
			{ vitecEkonomiApi: credentials(password, securityMode) },
		);
	const echoFault = () =>
		emulator.failNext([`Fel lösenord ${PASSWORD} (${escape(PASSWORD)})`], { times: 2 });
	const echoHtml = () =>
		emulator.injectFault(
			{
				kind: 'status',
				status: 500,
				contentType: 'text/html',
				body: `<html><body>Login ${escape(PASSWORD)} / ${basic(PASSWORD)}</body></html>`,
			},
			{ times: 2 },
		);

	const paths: Array<[string, () => void, string?, ('wsse' | 'basic')?]> = [
		['wrong password (WS-Security fault)', () => undefined, WRONG],
		['wrong password (HTTP Basic, 401)', () => undefined, WRONG, 'basic'],
		['ServiceFault whose messages echo the password, plain and XML-escaped', echoFault],
		['500 HTML page quoting the password and the Basic header', echoHtml, undefined, 'basic'],
		['timeout', () => emulator.injectFault({ kind: 'delay', ms: 800 }, { times: 10 })],
	];

	it.each(
		paths.flatMap(([name, arrange, password, security]) =>
			modes.map(([mode, onError]) => [name, mode, arrange, password, security, onError] as const),
		),
	)('node: %s (%s)', async (name, _mode, arrange, password, security, onError) => {
		await start(security);
		arrange();
		const result = await node(onError, password ?? PASSWORD, security ?? 'wsse');
		expectFailure(result);
		expectNoSecret(result, marks());
		if (/echo|quoting/.test(name)) expect(visible(result)).toContain('***');
	});

	it.each(
		paths.map(
			([name, arrange, password, security]) => [name, arrange, password, security] as const,
		),
	)('trigger: %s', async (name, arrange, password, security) => {
		await start(security);
		arrange();
		const result = await poll(
			{ integrationId: 'N8N', informationTypes: ['accounting'] },
			credentials(password ?? PASSWORD, security ?? 'wsse'),
			{ staticData: {}, requestTimeoutMs: 500 },
		);
		expect(result.error).toBeDefined();
		const text = [
			result.error?.message,
			result.error?.description,
			result.error?.stack,
			safeJson(result.error),
			safeJson(result.items),
			...result.warnings,
			...captured,
		].join('\n');
		for (const mark of marks())
			expect({ leaked: text.includes(mark), mark: mark.slice(0, 8) }).toEqual({
				leaked: false,
				mark: mark.slice(0, 8),
			});
		if (/echo|quoting/.test(name)) expect(text).toContain('***');
	});
});

// ----------------------------------------------------------------------------------------------- Smartup

/** Answers the next data calls with a body quoting the Authorization header they carried (a token the test cannot know beforehand). */
class EchoingSmartup extends SmartupEmulator {
	echoAuthorization = 0;

	/** Which Authorization headers are echoed (default: any). */
	echoWhen: (authorization: string) => boolean = () => true;

	protected handle(request: RecordedRequest): EmulatorResponse {
		const authorization = String(request.headers.authorization ?? '');
		if (
			this.echoAuthorization > 0 &&
			request.path.startsWith('/b/') &&
			this.echoWhen(authorization)
		) {
			this.echoAuthorization--;
			return {
				status: 500,
				headers: { 'Content-Type': 'text/plain' },
				body: `Ошибка: ${authorization}`,
			};
		}
		return super.handle(request);
	}
}

describe('Smartup: no marked password, client secret or token in any failure', () => {
	const PASSWORD = 'SmartupMARKED-pw-5d8e';
	const SECRET = 'SmartupMARKED-secret-a7f1';
	const WRONG = 'SmartupMARKED-wrong-0b3c';
	const CLIENT = 'n8n-client';
	const EXPIRED = 'tok-SmartupMARKED-expired-1';
	let emulator: EchoingSmartup;
	beforeEach(async () => {
		emulator = new EchoingSmartup({ password: PASSWORD, clientId: CLIENT, clientSecret: SECRET });
		await emulator.start();
	});
	afterEach(async () => emulator.stop());

	const basic = (password: string) =>
		Buffer.from(`${emulator.login}:${password}`).toString('base64');
	/** Every token the emulator issued in this test, found in the requests that carried them. */
	const tokens = () => [
		...new Set(
			emulator.requests
				.map((request) => /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''))?.[1])
				.filter((token): token is string => !!token),
		),
	];
	const marks = () => [
		PASSWORD,
		SECRET,
		WRONG,
		EXPIRED,
		basic(PASSWORD),
		basic(WRONG),
		...tokens(),
	];
	const credentials = (extra: Record<string, unknown>) => ({
		// n8n keeps the fields of the other auth type too (the client secret of an earlier OAuth2 setup).
		smartupApi: {
			baseUrl: emulator.baseUrl,
			authType: 'basic',
			login: emulator.login,
			password: PASSWORD,
			clientId: CLIENT,
			clientSecret: SECRET,
			projectCode: 'trade',
			filialId: '',
			accessToken: '',
			...extra,
		},
	});
	const oauth = (secret = SECRET) => ({
		authType: 'oauth2',
		clientId: CLIENT,
		clientSecret: secret,
		tokenUrl: '',
		scope: 'read',
		login: '',
		password: '',
	});
	const run = (
		parameters: Record<string, unknown>,
		onError: 'continueRegularOutput' | undefined,
		extra: Record<string, unknown> = {},
	) =>
		runNode(
			{
				type: 'smartup',
				parameters: { requestOptions: { timeoutSeconds: 0.5, maxRetries: 1 }, ...parameters },
				onError,
			},
			[{}],
			credentials(extra),
		);
	const read = { resource: 'order', operation: 'getMany', dateFilter: 'none', returnAll: true };
	const create = {
		resource: 'order',
		operation: 'createOrUpdate',
		externalId: 'SEC-1',
		filialCode: '01',
		documentFields: JSON.stringify({
			deal_time: '2026-03-20 10:00:00',
			delivery_date: '2026-03-21',
			status: 'B#N',
			room_code: 'R1',
			person_code: 'C-77',
			currency_code: '860',
		}),
		lines: JSON.stringify([{ product_code: 'P-10', warehouse_code: '001', order_quant: 1 }]),
	};
	const echo = `пароль ${PASSWORD} секрет ${SECRET} Basic ${'{basic}'}`;
	const echoed = () => echo.replace('{basic}', basic(PASSWORD));

	const paths: Array<[string, () => void, Record<string, unknown>, Record<string, unknown>?]> = [
		[
			'wrong password (401, and the follow-up checks of which setting is refused)',
			() => undefined,
			read,
			{ password: WRONG, filialId: '2002', projectCode: 'anor' },
		],
		[
			'400 error_code whose message echoes the password and secret',
			() =>
				emulator.injectFault({
					kind: 'status',
					status: 400,
					body: JSON.stringify({ error_code: 'A02-24-048', message: echoed() }),
				}),
			read,
		],
		[
			'200 with error_code echoing them',
			() =>
				emulator.injectFault({
					kind: 'status',
					status: 200,
					body: JSON.stringify({ error_code: 'X', message: echoed() }),
				}),
			read,
		],
		[
			'plain-text 500 echoing them on an import (then the lost-answer check)',
			() =>
				emulator.injectFault({
					kind: 'status',
					status: 500,
					contentType: 'text/plain',
					body: echoed(),
				}),
			create,
		],
		[
			'errors[] of an import echoing them',
			() =>
				emulator.injectFault({
					kind: 'status',
					status: 200,
					body: JSON.stringify({ successes: [], errors: [{ code: 'SEC-1', message: echoed() }] }),
				}),
			create,
		],
		[
			'spent quota whose message echoes them',
			() =>
				emulator.injectFault({
					kind: 'status',
					status: 429,
					body: JSON.stringify({ error_code: 'LIMIT', message: echoed() }),
				}),
			read,
		],
		['timeout', () => emulator.injectFault({ kind: 'delay', ms: 800 }, { times: 2 }), read],
		['OAuth2: wrong client secret (token refused)', () => undefined, read, oauth(WRONG)],
		[
			'OAuth2: a 500 quoting the fresh Bearer token',
			() => (emulator.echoAuthorization = 2),
			read,
			oauth(),
		],
		[
			// The repeated call's 500 body is not quoted (n8n's error for it may carry the request), so no "***" is expected.
			'OAuth2: the stored token is refused (401), a new one is fetched and the repeated call gets a 500 carrying it',
			() => {
				emulator.echoAuthorization = 2;
				emulator.echoWhen = (authorization) =>
					authorization.startsWith('Bearer ') && !authorization.includes(EXPIRED);
			},
			read,
			{ ...oauth(), accessToken: EXPIRED },
		],
	];

	it.each(
		paths.flatMap(([name, arrange, parameters, extra]) =>
			modes.map(([mode, onError]) => [name, mode, arrange, parameters, extra, onError] as const),
		),
	)('%s (%s)', async (name, _mode, arrange, parameters, extra, onError) => {
		arrange();
		const result = await run(parameters, onError, extra);
		expectFailure(result);
		expectNoSecret(result, marks());
		if (/echo|quoting|quoted/.test(name)) expect(visible(result)).toContain('***');
		if (/Bearer|quoted|carrying/.test(name)) expect(tokens().length).toBeGreaterThan(0);
		// Found here: this used to say that getting the token failed, though the token came and the call failed.
		if (/carrying/.test(name))
			expect(visible(result)).toMatch(/HTTP 500 to the call repeated with a new OAuth2 token/);
	});
});
