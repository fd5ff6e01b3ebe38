/* eslint-disable no-console, @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports --
   Test code (never shipped): it captures the console, n8n's logger (@n8n/backend-common, a dev dependency of
   n8n-core) and the process streams to prove nothing secret is written there, and the
   "secrets" are marked throwaway values whose only purpose is to be searched for in the output. */
/**
 * Secrets never leak (issue 8, DESIGN.md "Errors"): every failure path of Firmino and Symfonia runs with marked
 * credential values — wrong secret, 401, 500 whose body echoes the secret, an HTML page that quotes it, a
 * timeout, a `success:false` / `Message` that repeats it — with and without Continue On Fail. No marked value
 * (the secret itself, the Basic-auth header built from it, a Symfonia session token) may appear in the error's
 * message, description or serialised form, in an output item, in the run data, or in anything written to the
 * console or n8n's logger during the run.
 */
import { LoggerProxy } from 'n8n-workflow';

import { FirminoEmulator } from '../emulators/firmino';
import { SymfoniaEmulator } from '../emulators/symfonia';
import { runNode, type RunResult } from '../harness';

const captured: string[] = [];
const originalConsole = { log: console.log, warn: console.warn, error: console.error, info: console.info, debug: console.debug };

beforeAll(() => {
	for (const level of Object.keys(originalConsole) as Array<keyof typeof originalConsole>) {
		console[level] = (...args: unknown[]) => captured.push(args.map((arg) => (typeof arg === 'string' ? arg : safeJson(arg))).join(' '));
	}
	const record = (message: string, meta?: object) => captured.push(`${message} ${safeJson(meta)}`);
	LoggerProxy.init({ error: record, warn: record, info: record, debug: record } as never);
	// n8n-core's node logger (this.logger, @n8n/backend-common's Logger) may hold its own console reference: record
	// what is logged at its entry points.
	// n8n-core has its own copy of @n8n/backend-common: the one resolved from n8n-core is the one nodes get.
	const copies = new Set([require.resolve('@n8n/backend-common'), require.resolve('@n8n/backend-common', { paths: [require.resolve('n8n-core')] })]);
	for (const copy of copies) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { Logger } = require(copy) as { Logger: { prototype: Record<string, (message: string, meta?: object) => void> } };
		for (const level of ['error', 'warn', 'info', 'debug']) jest.spyOn(Logger.prototype, level).mockImplementation(record);
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
	for (const mark of marks.filter(Boolean)) expect({ leaked: text.includes(mark), mark: mark.slice(0, 6) }).toEqual({ leaked: false, mark: mark.slice(0, 6) });
}

/** Something failed visibly (error or error item), so the check above looked at a failure path. */
function expectFailure(result: RunResult) {
	const failed = !!result.error || result.items.some((item) => item.json.error !== undefined);
	expect(failed).toBe(true);
}

const modes = [['stop on error', undefined], ['continue on fail', 'continueRegularOutput']] as const;

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

	const basic = (password: string) => Buffer.from(`${emulator.login}:${password}`).toString('base64');
	const marks = () => [PASSWORD, WRONG, basic(PASSWORD), basic(WRONG)];
	const run = (parameters: Record<string, unknown>, onError?: 'continueRegularOutput', password = PASSWORD) =>
		runNode(
			{ type: 'firminoRecurringInvoices', parameters: { resource: 'recurringInvoice', requestOptions: { timeoutSeconds: 0.5, maxRetries: 1 }, ...parameters }, onError },
			[{}],
			{ firminoApi: { login: emulator.login, password, baseUrl: emulator.apiUrl } },
		);
	const create = { operation: 'create', name: 'Secret test', idSaleDocument: '5' };
	const get = { operation: 'get', recurringInvoiceId: '1' };

	const echo = () => `password=${PASSWORD} Authorization: Basic ${basic(PASSWORD)}`;
	const paths: Array<[string, () => void, Record<string, unknown>, string?]> = [
		['wrong password (401 from the API)', () => undefined, get, WRONG],
		['401 whose body echoes the password', () => emulator.injectFault({ kind: 'status', status: 401, body: echo() }), get],
		['500 whose JSON body echoes the password', () => emulator.injectFault({ kind: 'status', status: 500, body: JSON.stringify({ success: false, response: echo() }) }), create],
		['success:false whose message echoes the password', () => emulator.injectFault({ kind: 'status', status: 200, body: JSON.stringify({ success: false, response: echo() }) }), create],
		['HTML page quoting the password', () => emulator.injectFault({ kind: 'status', status: 200, contentType: 'text/html', body: `<html><body>${echo()}</body></html>` }), get],
		['503 with the password, retried then failing', () => emulator.injectFault({ kind: 'status', status: 503, retryAfter: '0', body: echo() }, { times: 2 }), get],
		['timeout', () => emulator.injectFault({ kind: 'delay', ms: 800 }, { times: 2 }), get],
	];

	it.each(paths.flatMap(([name, arrange, parameters, password]) => modes.map(([mode, onError]) => [name, mode, arrange, parameters, password, onError] as const)))(
		'%s (%s)',
		async (_name, _mode, arrange, parameters, password, onError) => {
			arrange();
			const result = await run(parameters, onError, password);
			expectFailure(result);
			expectNoSecret(result, marks());
			// Where the API's answer quoted a secret, the error quoted the answer with the secret replaced: the path was exercised.
			if (/echo|quoting|refused after/.test(_name)) expect(visible(result)).toContain('***');
		},
	);
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
	const run = (parameters: Record<string, unknown>, onError?: 'continueRegularOutput', token = TOKEN, items: object[] = [{}]) =>
		runNode({ type: 'symfonia', parameters: { requestOptions: { timeoutSeconds: 0.5, maxRetries: 1 }, ...parameters }, onError }, items as never, {
			symfoniaApi: { baseUrl: emulator.baseUrl, applicationToken: token, deviceName: 'n8n-secrets', companyLabel: 'testsymfonia', ignoreSslIssues: false },
		});
	const get = { resource: 'contractor', operation: 'get', findBy: 'code', value: 'ACME' };
	const create = { resource: 'contractor', operation: 'create', code: '={{ $json.code }}', name: 'Secret Sp. z o.o.' };
	const twoCreates = [{ code: 'SEC1' }, { code: 'SEC2' }];

	/** Makes the request after the next one answer with a body that quotes the session token it carried. */
	const echoSessionNext = (status: number, wrap: (text: string) => string, contentType?: string) => {
		let armed = false;
		emulator.onRequest = (request) => {
			const match = /^Session (.+)$/.exec(String(request.headers.authorization ?? ''));
			if (!match) return;
			if (!sessionTokens.includes(match[1])) sessionTokens.push(match[1]);
			if (armed) return;
			armed = true;
			emulator.injectFault({ kind: 'status', status, contentType, body: wrap(`session ${match[1]} application ${TOKEN}`) }, { pathPattern: /Contractors/ });
		};
	};

	const paths: Array<[string, () => void, Record<string, unknown>, string?, object[]?]> = [
		['wrong application token (401 at session open)', () => undefined, get, WRONG],
		['401 at open whose body echoes the token', () => emulator.injectFault({ kind: 'status', status: 401, body: JSON.stringify({ Message: `Token ${TOKEN} odrzucony` }) }, { pathPattern: /OpenNewSession/ }), get],
		['open answers a JSON object quoting the token', () => emulator.injectFault({ kind: 'status', status: 200, body: JSON.stringify({ Message: `Limit for ${TOKEN}` }) }, { pathPattern: /OpenNewSession/ }), get],
		['500 whose Message echoes the session token', () => echoSessionNext(500, (text) => JSON.stringify({ Message: text })), create, undefined, twoCreates],
		['400 whose Message echoes the session token', () => echoSessionNext(400, (text) => JSON.stringify({ Message: text })), create, undefined, twoCreates],
		['HTML page quoting the session token', () => echoSessionNext(200, (text) => `<html><body><h1>Error</h1>${text}</body></html>`, 'text/html'), get, undefined, [{}, {}]],
		['session expired twice in a row (refused after reopening)', () => emulator.injectFault({ kind: 'status', status: 401, body: JSON.stringify({ Message: `Session denied ${TOKEN}` }) }, { pathPattern: /Contractors/, times: 2 }), get],
		['timeout on a create', () => emulator.injectFault({ kind: 'delay', ms: 800 }, { pathPattern: /Contractors/ }), create, undefined, [{ code: 'SEC3' }]],
		[
			'create refused, then closing the session fails with bodies echoing both tokens (logged)',
			() => {
				echoSessionNext(400, (text) => JSON.stringify({ Message: text }));
				emulator.injectFault({ kind: 'status', status: 502, retryAfter: '0', body: `close failed for ${TOKEN}` }, { pathPattern: /CloseSession/, times: 2 });
			},
			create,
			undefined,
			[{ code: 'SEC4' }, { code: 'SEC5' }],
		],
	];

	it.each(paths.flatMap(([name, arrange, parameters, token, items]) => modes.map(([mode, onError]) => [name, mode, arrange, parameters, token, items, onError] as const)))(
		'%s (%s)',
		async (_name, _mode, arrange, parameters, token, items, onError) => {
			arrange();
			const result = await run(parameters, onError, token, items);
			expectFailure(result);
			expectNoSecret(result, marks());
			// Where the API's answer quoted a secret, the error quoted the answer with the secret replaced: the path was exercised.
			if (/echo|quoting|refused after/.test(_name)) expect(visible(result)).toContain('***');
			// The log capture works: the failed close was logged (and, above, without a secret).
			if (/\(logged\)/.test(_name)) expect(captured.join('\n')).toMatch(/could not be closed/);
		},
	);
});
