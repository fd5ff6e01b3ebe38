import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import type { ApiRequest, RawResponse, RequestContext, SendOptions } from '../common/http';
import {
	apiError,
	bodyText,
	credentialsOf,
	errorKindOfStatus,
	quoteStart,
	sendRequest,
} from '../common/http';
import { redactSecrets, secretValuesOf } from '../common/redact';

/**
 * The ONE place that handles Symfonia WebAPI sessions (docs/api/symfonia.md §2).
 *
 * Choice: one session per node execution, opened lazily by the first request, reused for every item,
 * requests sent one at a time, reopened once (and the failed request sent once more) when the server
 * says the session expired — by HTTP 401 or by the body text "Nieprawidłowy klucz lub sesja wygasła." —
 * and closed in `finally` at the end of the execution, also after an error (see actions/router.ts).
 *
 * Why not n8n's `preAuthentication` + an expirable credential field: (1) nodes/common/http.ts reads every
 * status itself (`ignoreHttpStatusErrors`), so n8n's automatic re-run of preAuthentication on 401 never
 * happens, and it would never happen for the body-text signal anyway; (2) a session stored in the
 * credential is shared by every execution that runs at the same time, which breaks the "one request at a
 * time per session" rule, and it is never closed, so it holds one of the few session slots ("Liczba
 * instancji", often 1) until it times out. A per-execution session costs two extra requests per execution
 * (open and close) and frees its slot at once.
 */

export const CREDENTIAL = 'symfoniaApi';
export const EXPIRED_TEXT = 'Nieprawidłowy klucz lub sesja wygasła.';
/** How long `open` waits for a free session slot when the credential does not say (credential field). */
export const DEFAULT_SESSION_WAIT_SECONDS = 60;

const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;
/** Statuses read here instead of by sendRequest: to see the expiry text and Symfonia's own Message. */
const READ_STATUSES = [400, 401, 403, 404, 405, 409, 500];

export interface SymfoniaCall {
	method: ApiRequest['method'];
	/** Path after /api, e.g. `/Contractors/Create`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	safeToRepeat: boolean;
}

export interface SessionStats {
	opened: number;
	closed: number;
}

export function normaliseBaseUrl(value: unknown): string {
	return String(value ?? '')
		.trim()
		.replace(/\/+$/, '')
		.replace(/\/api$/i, '');
}

/** Whether a response says the session is no longer valid (HTTP 401 or Symfonia's Polish text). */
export function isSessionExpired(response: RawResponse): boolean {
	if (response.statusCode === 401) return true;
	const text = bodyText(response.body);
	if (!/sesja wygas/i.test(text) && !text.includes(EXPIRED_TEXT)) return false;
	if (response.statusCode >= 400) return true;
	// A 200 whose whole body is the message (plain text, a JSON string or {Message}) — not data that merely contains it.
	try {
		const parsed = JSON.parse(text) as unknown;
		if (typeof parsed === 'string') return true;
		return (
			!!parsed &&
			typeof parsed === 'object' &&
			!Array.isArray(parsed) &&
			Object.keys(parsed).every((key) => /^(message|exceptionmessage)$/i.test(key))
		);
	} catch {
		return text.trim().length < 300;
	}
}

export class SymfoniaSession {
	private token?: string;

	private queue: Promise<unknown> = Promise.resolve();

	readonly stats: SessionStats = { opened: 0, closed: 0 };

	constructor(private readonly ctx: RequestContext) {}

	/** The session tokens used so far: as secret as the application token while they live. */
	private readonly usedTokens: string[] = [];

	secretTokens(): string[] {
		return [...this.usedTokens];
	}

	/** Sends one request on the session, after the previous one has finished. */
	async send(call: SymfoniaCall, options: SendOptions = {}): Promise<RawResponse> {
		const run = this.queue.then(
			async () => await this.sendWithReopen(call, options),
			async () => await this.sendWithReopen(call, options),
		);
		this.queue = run.catch(() => undefined);
		return await run;
	}

	private async sendWithReopen(call: SymfoniaCall, options: SendOptions): Promise<RawResponse> {
		if (!this.token) await this.open(options);
		const first = await this.sendOnce(call, options);
		if (!isSessionExpired(first)) return first;
		// Expired (or dropped by a WebAPI restart): one new session, the same request once more. The server
		// refused the first attempt before doing anything, so repeating it creates nothing twice. The old
		// session is closed first: if it still holds a slot, a limit of one session would refuse the new one.
		const stale = this.token;
		this.token = undefined;
		if (stale) await this.closeToken(stale);
		await this.open(options);
		const second = await this.sendOnce(call, options);
		if (!isSessionExpired(second)) return second;
		this.token = undefined;
		const credentials = await this.credentials();
		throw apiError(
			this.ctx.getNode(),
			{
				message: `Symfonia WebAPI refused a session it had just opened (HTTP ${second.statusCode} on ${call.method} /api${call.path})`,
				// A 401 on a session opened a moment ago is not expiry (docs/api/symfonia.md, "Sessions: 401 on a fresh session").
				description: `Symfonia's message: "${quoteStart(bodyText(second.body))}". A session refused right after it was opened is rarely expiry. Likelier: the application token belongs to a user of the other module (a Handel token used for FK, or an FK token for Handel: each module has its own tab in the WebAPI configurator), the WebAPI licence for this module (WAH for Handel, WAF for FK) is missing, or the user lacks the rights for this operation. Less likely: the WebAPI service is restarting, or "Długość sesji w min." is 0.`,
				httpCode: String(second.statusCode),
				itemIndex: options.itemIndex,
				kind: 'sessionExpired',
			},
			[...secretValuesOf(credentials), ...this.usedTokens],
		);
	}

	private async sendOnce(call: SymfoniaCall, options: SendOptions): Promise<RawResponse> {
		const credentials = await this.credentials();
		return await sendRequest.call(
			this.ctx,
			CREDENTIAL,
			{
				method: call.method,
				url: `${normaliseBaseUrl(credentials.baseUrl)}/api${call.path}`,
				qs: call.qs,
				body: call.body,
				headers: {
					Authorization: `Session ${this.token}`,
					'Content-Type': 'application/json; charset=utf-8',
				},
				safeToRepeat: call.safeToRepeat,
				acceptStatuses: READ_STATUSES,
			},
			options,
		);
	}

	private async credentials(): Promise<ICredentialDataDecryptedObject> {
		return await credentialsOf(this.ctx, CREDENTIAL);
	}

	/** `GET /api/Sessions/OpenNewSession`: the body is the session GUID as a JSON string. */
	async open(options: SendOptions = {}): Promise<void> {
		const credentials = await this.credentials();
		const secrets = secretValuesOf(credentials);
		const node = this.ctx.getNode();
		const appToken = String(credentials.applicationToken ?? '').trim();
		if (!GUID.test(appToken)) {
			throw new NodeOperationError(
				node,
				'The Application Token in the Symfonia WebAPI credential is not a GUID',
				{
					description:
						'Copy "Token autoryzacji WebAPI" from the Handel / FK tab of the WebAPI configurator; it looks like D9ADD26A-23AF-4BF4-8F1A-8B5731C0E1F2.',
					itemIndex: options.itemIndex,
				},
			);
		}
		const baseUrl = normaliseBaseUrl(credentials.baseUrl);
		if (!/^https?:\/\/[^/]+/i.test(baseUrl)) {
			throw new NodeOperationError(
				node,
				'The Base URL in the Symfonia WebAPI credential must start with http:// or https://',
				{
					description:
						'Use the Prefix, Address and Port of the WebAPI tab in the WebAPI configurator, e.g. http://127.0.0.1:9200.',
					itemIndex: options.itemIndex,
				},
			);
		}
		const deviceName = String(credentials.deviceName ?? '').trim() || 'n8n';
		const waitSeconds = Number(credentials.sessionWaitSeconds ?? DEFAULT_SESSION_WAIT_SECONDS);
		const deadline =
			Date.now() + (Number.isFinite(waitSeconds) && waitSeconds > 0 ? waitSeconds * 1000 : 0);
		for (let attempt = 1; ; attempt++) {
			const answer = await this.requestSession(baseUrl, deviceName, secrets, options);
			if ('token' in answer) {
				this.token = answer.token;
				this.usedTokens.push(answer.token);
				this.stats.opened++;
				return;
			}
			// Every slot is taken (docs/api/symfonia.md §2): opening creates nothing, so asking again is safe. Other
			// executions (n8n queue-mode workers included) close their sessions in seconds.
			const remaining = deadline - Date.now();
			if (remaining <= 0) {
				throw apiError(
					node,
					{
						message:
							'Symfonia WebAPI did not open a session: the limit of concurrent sessions for this user is reached',
						description:
							`${messageSuffix(answer.limitText)}Other programs (or other n8n executions) held every session slot of this WebAPI user` +
							`${waitSeconds > 0 ? ` for ${waitSeconds} s (the credential's "Wait for a Free Session")` : ''}. ` +
							'Wait until they finish, or raise "Liczba instancji" (ITG instances) for the user in the Handel / FK tab of the WebAPI configurator and restart the service. ' +
							'A session that was not closed frees its slot after "Długość sesji w min." minutes.',
						httpCode: answer.httpCode,
						itemIndex: options.itemIndex,
						kind: 'rejectedByApi',
					},
					secrets,
				);
			}
			await sleep(
				Math.min(Math.min(500 * 2 ** (attempt - 1), 5_000) * (0.75 + Math.random() / 2), remaining),
			);
		}
	}

	/** One `OpenNewSession` call: the new token, or the text WebAPI sends when no session slot is free. */
	private async requestSession(
		baseUrl: string,
		deviceName: string,
		secrets: string[],
		options: SendOptions,
	): Promise<{ token: string } | { limitText: string; httpCode: string }> {
		const node = this.ctx.getNode();
		// Not repeated on a lost answer: a session opened twice holds two of the few session slots.
		const response = await sendRequest.call(
			this.ctx,
			CREDENTIAL,
			{
				method: 'GET',
				url: `${baseUrl}/api/Sessions/OpenNewSession`,
				qs: { deviceName },
				safeToRepeat: false,
				acceptStatuses: READ_STATUSES,
			},
			{ ...options, apiMessageOf: symfoniaMessageOf },
		);
		const text = bodyText(response.body).trim();
		const httpCode = String(response.statusCode);
		if (response.statusCode === 401 || response.statusCode === 403) {
			throw apiError(
				node,
				{
					message: `Symfonia WebAPI refused the application token (HTTP ${httpCode})`,
					description: `${messageSuffix(text)}Check the Application Token in the credential: it must be the "Token autoryzacji WebAPI" of a user in the WebAPI configurator of this company's instance.`,
					httpCode,
					itemIndex: options.itemIndex,
				},
				secrets,
			);
		}
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			parsed = text;
		}
		const token = typeof parsed === 'string' ? GUID.exec(parsed.trim())?.[1] : undefined;
		if (response.statusCode < 300 && token) return { token };
		// What WebAPI sends instead of the GUID when no session slot is free (docs/api/symfonia.md §2). An error status
		// with a JSON body is a failure of its own, not a full slot: it is reported, not waited out.
		if (response.statusCode < 300 && parsed && typeof parsed === 'object')
			return { limitText: text, httpCode };
		throw apiError(
			node,
			{
				message: `Symfonia WebAPI answered the session opening with something that is not a session token (HTTP ${httpCode})`,
				description: `The body starts with: ${quoteStart(text) || '(empty)'}. Check that the Base URL points at the WebAPI service.`,
				httpCode,
				itemIndex: options.itemIndex,
				kind:
					response.statusCode >= 400 ? errorKindOfStatus(response.statusCode) : 'unreadableAnswer',
			},
			secrets,
		);
	}

	/** `GET /api/Sessions/CloseSession`; a failure is logged, never thrown (it must not hide the real result). */
	async close(): Promise<void> {
		const token = this.token;
		if (!token) return;
		this.token = undefined;
		await this.queue;
		await this.closeToken(token);
	}

	/** Closes one session token without waiting for the queue (also used from inside it, on reopen). */
	private async closeToken(token: string): Promise<void> {
		try {
			const credentials = await this.credentials();
			await sendRequest.call(
				this.ctx,
				CREDENTIAL,
				{
					method: 'GET',
					url: `${normaliseBaseUrl(credentials.baseUrl)}/api/Sessions/CloseSession`,
					headers: { Authorization: `Session ${token}` },
					safeToRepeat: true,
					acceptStatuses: READ_STATUSES,
				},
				{ retry: { maxRetries: 1 }, timeoutMs: 15_000 },
			);
			this.stats.closed++;
		} catch (error) {
			const message = redactSecrets(error instanceof Error ? error.message : String(error), [
				token,
			]);
			this.ctx.logger.warn(
				`Symfonia WebAPI: the session could not be closed; it expires by itself. ${message}`,
			);
		}
	}
}

/**
 * The session of each node run, keyed by its execution context (a new one per run) and dropped with it (a WeakMap).
 * withSession closes it at the end of the run, so no WebAPI session outlives the run that opened it.
 */
const sessions = new WeakMap<object, SymfoniaSession>();

/** The session of this execution (one per node run), created on first use; it opens on its first request. */
export function sessionFor(ctx: RequestContext): SymfoniaSession {
	let session = sessions.get(ctx);
	if (!session) {
		session = new SymfoniaSession(ctx);
		sessions.set(ctx, session);
	}
	return session;
}

/** Runs `work` with this execution's session and closes the session afterwards, even after an error. */
export async function withSession<T>(
	ctx: RequestContext | IExecuteFunctions,
	work: () => Promise<T>,
): Promise<T> {
	try {
		return await work();
	} finally {
		const session = sessions.get(ctx);
		sessions.delete(ctx);
		await session?.close();
	}
}

function messageSuffix(text: string): string {
	let message: string | undefined;
	try {
		message = symfoniaMessageOf(JSON.parse(text));
	} catch {
		message = text ? quoteStart(text) : undefined;
	}
	return message ? `Symfonia's message: "${message}". ` : '';
}

/** Symfonia's own error text: `Message`, `ExceptionMessage`, the first `ModelState` entry, or a plain string. */
export function symfoniaMessageOf(body: unknown): string | undefined {
	if (typeof body === 'string') return body;
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const record = lowerKeys(body as IDataObject);
	const parts: string[] = [];
	if (typeof record.message === 'string' && record.message) parts.push(record.message);
	if (
		typeof record.exceptionmessage === 'string' &&
		record.exceptionmessage &&
		record.exceptionmessage !== record.message
	) {
		parts.push(record.exceptionmessage);
	}
	const modelState = record.modelstate;
	if (modelState && typeof modelState === 'object') {
		for (const [field, errors] of Object.entries(modelState as IDataObject)) {
			const list = Array.isArray(errors) ? errors : [errors];
			parts.push(`${field}: ${list.map(String).join(' ')}`);
			break;
		}
	}
	return parts.length ? parts.join(' — ') : undefined;
}

export function lowerKeys(record: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(record).map(([key, value]) => [key.toLowerCase(), value]),
	);
}
