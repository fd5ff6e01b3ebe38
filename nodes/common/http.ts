import type {
	IAdditionalCredentialOptions,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { errorKindOfStatus, withErrorKind, type ErrorKind } from './errors';
import { redactSecrets, secretValuesOf } from './redact';

export {
	errorKindOf,
	errorKindOfStatus,
	mayHaveBeenApplied,
	withErrorKind,
	type ErrorKind,
} from './errors';

/** Every n8n context our transports are called from. */
export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Absolute URL, or a path relative to `baseURL`. */
	url: string;
	baseURL?: string;
	qs?: IDataObject;
	/** Objects are sent as JSON text; a string is sent exactly as given (what a request signature covers). */
	body?: IDataObject | IDataObject[] | string;
	headers?: Record<string, string>;
	/**
	 * True only for requests that are safe to send twice: reads, read-only POSTs and upserts keyed by the
	 * caller's id. Creates the API does not deduplicate must say false: they are never retried.
	 */
	safeToRepeat: boolean;
	/** Return the body as a Buffer (PDFs) instead of text. */
	binary?: boolean;
	/**
	 * HTTP statuses the caller handles itself instead of getting an error (e.g. 405 to fall back). A status
	 * that is retried (below) is retried first; only its last answer is handed over.
	 */
	acceptStatuses?: number[];
	/**
	 * What a 429 that carries no Retry-After means for this API (docs/reliability.md, "429"):
	 * - `backoff` (default): a short rate limit (requests a minute): retried with backoff, like a 503;
	 * - `quota`: a quota that lasts (requests a day): retrying soon cannot succeed and spends more of it,
	 *   so it is retried only when the API names the wait in Retry-After.
	 */
	tooManyRequests?: 'backoff' | 'quota';
	/**
	 * For requests not safe to repeat: what to tell the user when the answer is lost after sending
	 * (default: the document may have been created; look it up before running the item again).
	 */
	lostAnswerHint?: string;
}

export interface RawResponse {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	/** Text, or a Buffer when the request asked for `binary`. */
	body: string | Buffer;
}

export interface RetryPolicy {
	/** Extra attempts after the first one. */
	maxRetries: number;
	baseDelayMs: number;
	/** A Retry-After longer than this is not waited for: the error says when to try again. */
	maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxRetries: 3,
	baseDelayMs: 500,
	maxDelayMs: 30_000,
};
export const DEFAULT_TIMEOUT_MS = 60_000;

export interface SendOptions {
	itemIndex?: number;
	retry?: Partial<RetryPolicy>;
	timeoutMs?: number;
	/** Pulls the API's own error text out of a parsed error body. */
	apiMessageOf?: (body: unknown) => string | undefined;
	/** More values to keep out of errors, besides the credential's (e.g. a session token). */
	secrets?: string[];
	/**
	 * Let n8n read the credential again for this request instead of handing it the one read once per run. Needed
	 * where n8n keeps a token in the credential that may change during the run (an expirable field refreshed by
	 * the credential's preAuthentication, as Smartup's OAuth2 token).
	 */
	freshCredentials?: boolean;
}

const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

const credentialCache = new WeakMap<object, Map<string, Promise<ICredentialDataDecryptedObject>>>();

/**
 * The node's credential, read once per node run: n8n reads and decrypts it again on every getCredentials
 * call, which measured as the largest per-item cost of our nodes (docs/performance.md). The context object
 * is the same for every item of one run, and a new one for the next run; the cache is keyed by it and dropped
 * with it (a WeakMap), so a credential changed between runs is read anew and nothing outlives the run.
 */
export async function credentialsOf(
	ctx: RequestContext,
	type: string,
): Promise<ICredentialDataDecryptedObject> {
	let byType = credentialCache.get(ctx);
	if (!byType) credentialCache.set(ctx, (byType = new Map()));
	let credentials = byType.get(type);
	if (!credentials) {
		credentials = ctx.getCredentials<ICredentialDataDecryptedObject>(type);
		byType.set(type, credentials);
		credentials.catch(() => byType.delete(type));
	}
	return await credentials;
}

/**
 * Forget the credential read for this context. For pollers: n8n keeps one poll context for the whole
 * activation (n8n-core `activatePolling`), so without this a changed password would be used only after the
 * workflow is re-activated. Call at the start of each poll.
 */
export function forgetCredentials(ctx: RequestContext): void {
	credentialCache.delete(ctx);
}
const TRANSIENT_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ECONNREFUSED',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/**
 * Sends one API request with the credential's authentication, retrying only what is safe to repeat
 * (docs/reliability.md, the fault matrix). Returns the raw response for statuses < 400 (and `acceptStatuses`);
 * anything else becomes a `NodeApiError` carrying the API's own message, with secrets removed.
 */
export async function sendRequest(
	this: RequestContext,
	credentialType: string,
	request: ApiRequest,
	options: SendOptions = {},
): Promise<RawResponse> {
	const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
	const credentials = await credentialsOf(this, credentialType);
	const secrets = [
		...secretValuesOf(credentials),
		...(options.secrets ?? []).filter((secret) => secret.length >= 4),
	].sort((a, b) => b.length - a.length);
	const httpOptions = toHttpRequestOptions(request, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
	const node = this.getNode();
	// The credential read once per run (credentialsOf) goes to n8n with the request: otherwise n8n reads and decrypts
	// it from its database again for every request, which measured as the largest per-request cost of our own making
	// (docs/performance.md). n8n still runs the credential's authenticate (and preAuthentication) on it.
	const reuse: IAdditionalCredentialOptions | undefined = options.freshCredentials
		? undefined
		: {
				credentialsDecrypted: {
					id: node.credentials?.[credentialType]?.id ?? '',
					name: node.credentials?.[credentialType]?.name ?? '',
					type: credentialType,
					data: credentials,
				},
			};

	for (let attempt = 0; ; attempt++) {
		let response: RawResponse;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				credentialType,
				{ ...httpOptions, headers: { ...httpOptions.headers } },
				reuse,
			)) as RawResponse;
		} catch (error) {
			const code = networkErrorCode(error);
			if (code && request.safeToRepeat && attempt < policy.maxRetries) {
				await sleep(backoffDelay(attempt, policy));
				continue;
			}
			throw networkError(
				node,
				error,
				code,
				request,
				options.itemIndex,
				await currentSecrets(this, credentialType, secrets),
			);
		}

		const status = response.statusCode;
		if (status < 400) return response;

		const wait = retryWait(status, response.headers['retry-after'], request, attempt, policy);
		if (wait !== undefined) {
			await sleep(wait);
			continue;
		}
		if (request.acceptStatuses?.includes(status)) return response;
		throw httpStatusError(
			node,
			response,
			request,
			attempt,
			options,
			await currentSecrets(this, credentialType, secrets),
		);
	}
}

/**
 * The secrets to keep out of an error: those known before the request, and the credential as it is now. n8n
 * may have refreshed it during the request (a new OAuth2 access token from `preAuthentication`), and an
 * answer can quote that new value. Read only when an error is built, so the normal path pays nothing.
 */
export async function currentSecrets(
	ctx: RequestContext,
	credentialType: string,
	known: string[],
): Promise<string[]> {
	let now: ICredentialDataDecryptedObject | undefined;
	try {
		now = await ctx.getCredentials<ICredentialDataDecryptedObject>(credentialType);
	} catch {
		now = undefined;
	}
	return [...new Set([...known, ...secretValuesOf(now)])].sort((a, b) => b.length - a.length);
}

/**
 * How long to wait before sending again after an HTTP error status, or undefined when it is not sent again:
 * only requests safe to repeat, only 429/502/503/504, at most `maxRetries` times, never longer than
 * `maxDelayMs` (a longer Retry-After becomes an error saying when to try), and a 429 without Retry-After
 * of an API whose 429 means a lasting quota (`tooManyRequests: 'quota'`) not at all.
 */
export function retryWait(
	status: number,
	retryAfter: string | string[] | undefined,
	request: Pick<ApiRequest, 'safeToRepeat' | 'tooManyRequests'>,
	attempt: number,
	policy: RetryPolicy,
): number | undefined {
	if (!RETRYABLE_STATUSES.has(status) || !request.safeToRepeat || attempt >= policy.maxRetries)
		return undefined;
	const asked = retryAfterMs(retryAfter);
	if (asked !== undefined) return asked <= policy.maxDelayMs ? asked : undefined;
	if (status === 429 && request.tooManyRequests === 'quota') return undefined;
	return backoffDelay(attempt, policy);
}

function toHttpRequestOptions(request: ApiRequest, timeout: number): IHttpRequestOptions {
	const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
	let body: string | undefined;
	if (typeof request.body === 'string') {
		body = request.body;
	} else if (request.body !== undefined) {
		body = JSON.stringify(request.body);
		headers['Content-Type'] ??= 'application/json';
	}
	return {
		method: request.method,
		url: request.url,
		baseURL: request.baseURL,
		qs: request.qs,
		body,
		headers,
		timeout,
		json: false,
		// Raw text: we parse it ourselves so that a body that is not JSON becomes a clear error.
		encoding: request.binary ? 'arraybuffer' : 'text',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
}

/** Exponential backoff with jitter: 0.5-1 × base × 2^attempt, capped. */
export function backoffDelay(attempt: number, policy: RetryPolicy): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
	return Math.round(ceiling * (0.5 + Math.random() * 0.5));
}

/** Retry-After in milliseconds: either seconds or an HTTP date. */
export function retryAfterMs(
	header: string | string[] | undefined,
	now = Date.now(),
): number | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	if (!value) return undefined;
	if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(parseFloat(value) * 1000);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * n8n-core wraps connection failures in a NodeApiError that keeps neither the axios error nor its code,
 * only n8n's fixed description of the code (n8n-workflow `NodeError` message mapping). These are the
 * texts to recognise them by; "stream has been aborted" is axios when a body is cut mid-way.
 */
const NETWORK_MESSAGES: Array<[RegExp, string]> = [
	[/closed unexpectedly/i, 'ECONNRESET'],
	[/stream has been aborted|socket hang up/i, 'ECONNRESET'],
	[/connection was aborted|timeout of \d+ms exceeded/i, 'ECONNABORTED'],
	[/connection timed out/i, 'ETIMEDOUT'],
	[/refused the connection/i, 'ECONNREFUSED'],
	[/DNS server returned an error/i, 'EAI_AGAIN'],
];

/** What each connection failure means for a request that was (or was not) sent. */
const NETWORK_FAILURE_KIND: Record<string, ErrorKind> = {
	ECONNRESET: 'answerLost',
	EPIPE: 'answerLost',
	ECONNABORTED: 'timedOut',
	ETIMEDOUT: 'timedOut',
	ESOCKETTIMEDOUT: 'timedOut',
	// n8n-core gives it no text of its own; taken as a lost answer, like any connection failure it cannot name.
	ERR_SOCKET_CONNECTION_TIMEOUT: 'answerLost',
	ECONNREFUSED: 'notApplied',
	EAI_AGAIN: 'notApplied',
};

const NETWORK_FAILURE_TEXT: Record<string, string> = {
	ECONNRESET: 'The connection to the API was closed before its answer arrived',
	ECONNABORTED: 'The API did not answer within the timeout',
	ETIMEDOUT: 'The API did not answer within the timeout',
	ESOCKETTIMEDOUT: 'The API did not answer within the timeout',
	ECONNREFUSED: 'The API refused the connection (is the server running, is the port right?)',
	EAI_AGAIN: 'The API host name could not be resolved',
	EPIPE: 'The connection to the API was closed while sending the request',
};

/** The errno-style code of a connection failure, looked up through wrapped errors. */
export function networkErrorCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
		const candidate = current as { code?: unknown; cause?: unknown; message?: unknown };
		if (typeof candidate.code === 'string' && TRANSIENT_NETWORK_CODES.has(candidate.code)) {
			return candidate.code;
		}
		if (typeof candidate.message === 'string') {
			const known = NETWORK_MESSAGES.find(([pattern]) => pattern.test(candidate.message as string));
			if (known) return known[1];
		}
		current = candidate.cause;
	}
	return undefined;
}

function networkError(
	node: INode,
	error: unknown,
	code: string | undefined,
	request: ApiRequest,
	itemIndex: number | undefined,
	secrets: string[],
): NodeApiError {
	const original = error instanceof Error ? error.message : String(error);
	// Refused or unresolved connections never reached the API; the others may have been processed. A failure
	// without a known code is taken as a lost answer: looking the object up is the safe side.
	const kind: ErrorKind = code ? (NETWORK_FAILURE_KIND[code] ?? 'answerLost') : 'answerLost';
	const maybeCreated = !request.safeToRepeat && code !== undefined && kind !== 'notApplied';
	// No errno code in the message: NodeApiError would replace the whole message with its own text for it.
	const message = code
		? (NETWORK_FAILURE_TEXT[code] ?? 'The connection to the API failed')
		: `The request to the API failed: ${original}`;
	const description = maybeCreated
		? `The request was sent but no answer arrived, and it was not sent again, to avoid doing it twice. ${
				request.lostAnswerHint ??
				'The document may have been created: look it up (Get / Get Many) before running this item again.'
			}`
		: `${original}. Check the base URL in the credential and that the service is reachable.`;
	return apiError(node, { message, description, itemIndex, kind }, secrets);
}

function httpStatusError(
	node: INode,
	response: RawResponse,
	request: ApiRequest,
	retries: number,
	options: SendOptions,
	secrets: string[],
): NodeApiError {
	const status = response.statusCode;
	const text = bodyText(response.body);
	let apiMessage: string | undefined;
	try {
		apiMessage = options.apiMessageOf?.(JSON.parse(text));
	} catch {
		apiMessage = undefined;
	}
	apiMessage ??= text.trim() ? quoteStart(text) : undefined;

	let message = `The API answered HTTP ${status}`;
	if (status === 401 || status === 403)
		message += ': the credential was refused. Check the login and secret in the credential';
	if (status === 404) message += ': not found. Check the id or the base URL in the credential';
	if (status === 429) {
		const wait = retryAfterMs(response.headers['retry-after']);
		message += ': too many requests';
		if (wait !== undefined) message += `. The API asks to wait ${Math.ceil(wait / 1000)} s`;
	}
	if (retries > 0) message += ` (after ${retries} retries)`;
	if (!request.safeToRepeat && RETRYABLE_STATUSES.has(status)) {
		message +=
			'. This request creates a document, so it was not retried: check whether it exists before running it again';
	}
	const kind =
		status === 429 && request.tooManyRequests === 'quota'
			? 'quotaSpent'
			: errorKindOfStatus(status);
	return apiError(
		node,
		{
			message,
			description: apiMessage,
			httpCode: String(status),
			itemIndex: options.itemIndex,
			kind,
		},
		secrets,
	);
}

/**
 * The one way our code builds a NodeApiError: message and description with every secret removed, and
 * nothing else of the request or response attached (an axios error would carry the auth header). `kind`
 * says what failed, for code that decides on it (errors.ts); without one, the HTTP code decides it.
 */
export function apiError(
	node: INode,
	details: {
		message: string;
		description?: string;
		httpCode?: string;
		itemIndex?: number;
		kind?: ErrorKind;
	},
	secrets: string[],
): NodeApiError {
	const message = redactSecrets(details.message, secrets);
	const description =
		details.description === undefined ? undefined : redactSecrets(details.description, secrets);
	const errorResponse: JsonObject = {
		message,
		description: description ?? null,
		httpCode: details.httpCode ?? null,
	};
	const error = new NodeApiError(node, errorResponse, {
		message,
		description,
		httpCode: details.httpCode,
		itemIndex: details.itemIndex,
	});
	const status = Number(details.httpCode);
	const kind =
		details.kind ??
		(Number.isInteger(status) && status >= 400 ? errorKindOfStatus(status) : undefined);
	return withErrorKind(error, kind);
}

export function bodyText(body: string | Buffer | undefined | null): string {
	if (body === undefined || body === null) return '';
	return Buffer.isBuffer(body) ? body.toString('utf8') : String(body);
}

/** The first 200 characters of a body, for error messages. */
export function quoteStart(text: string): string {
	const compact = text.replace(/\s+/g, ' ').trim();
	return compact.length > 200 ? `${compact.slice(0, 200)}…` : compact;
}

/**
 * Parses a JSON body; a body that is empty or not JSON (an HTML error page, a truncated answer)
 * becomes a clear error quoting its start, never a TypeError later on.
 */
export function parseJsonBody(
	node: INode,
	response: RawResponse,
	itemIndex?: number,
	secrets: string[] = [],
): unknown {
	const text = bodyText(response.body);
	const httpCode = String(response.statusCode);
	if (!text.trim()) {
		throw apiError(
			node,
			{
				message: 'The API answered with an empty body where JSON was expected',
				httpCode,
				itemIndex,
				kind: 'unreadableAnswer',
			},
			secrets,
		);
	}
	try {
		return JSON.parse(text);
	} catch {
		const description = `The body starts with: ${quoteStart(text)}`;
		throw apiError(
			node,
			{
				message: 'The API answered with something that is not JSON',
				description,
				httpCode,
				itemIndex,
				kind: 'unreadableAnswer',
			},
			secrets,
		);
	}
}
