import type { IDataObject } from 'n8n-workflow';

/**
 * What kind of failure an error is, for code that decides what to do next (retry, look the object up,
 * skip the rest of a batch). Decisions read this kind, never the wording of a message: messages are for
 * people and may be reworded at any time.
 */
export type ErrorKind =
	/** The request did not take effect: it never reached the API (connection refused, host unknown), or a look-up showed it missing. Safe to send again. */
	| 'notApplied'
	/** The request was sent and the connection broke before the answer: it may have been processed. */
	| 'answerLost'
	/** The request was sent and no answer came within the timeout: it may have been processed, or still be. */
	| 'timedOut'
	/** An answer arrived but cannot be read (empty, not JSON, not the expected shape). */
	| 'unreadableAnswer'
	/** HTTP 5xx: the API failed on its side; a request that changes something may have been applied. */
	| 'serverError'
	/** HTTP 429 of a short rate limit (requests a minute). */
	| 'rateLimited'
	/** A quota that lasts (requests a day) is spent: further calls fail the same way until it renews. */
	| 'quotaSpent'
	/** HTTP 401/403: the credential was refused. */
	| 'credentialRefused'
	/** A session the API opened is no longer valid. */
	| 'sessionExpired'
	/** HTTP 404 or the API's own "no such record". */
	| 'notFound'
	/** The API refused the request itself (validation, a business rule, an error code in the answer). */
	| 'rejectedByApi';

const KINDS = new Set<string>([
	'notApplied',
	'answerLost',
	'timedOut',
	'unreadableAnswer',
	'serverError',
	'rateLimited',
	'quotaSpent',
	'credentialRefused',
	'sessionExpired',
	'notFound',
	'rejectedByApi',
]);

/** n8n's NodeApiError / NodeOperationError carry a `context` object; the kind is kept there as `errorKind`. */
interface WithContext {
	context?: IDataObject;
}

/** The kind of an error our code built, or undefined (an error of n8n's or a bug of ours). */
export function errorKindOf(error: unknown): ErrorKind | undefined {
	if (!error || typeof error !== 'object') return undefined;
	const kind = (error as WithContext).context?.errorKind;
	return typeof kind === 'string' && KINDS.has(kind) ? (kind as ErrorKind) : undefined;
}

/** Marks `error` with `kind` and returns it. */
export function withErrorKind<T extends object>(error: T, kind: ErrorKind | undefined): T {
	if (kind === undefined) return error;
	const target = error as WithContext;
	target.context = { ...(target.context ?? {}), errorKind: kind };
	return error;
}

/** The kind an HTTP error status means, when nothing more specific is known. */
export function errorKindOfStatus(status: number): ErrorKind {
	if (status === 401 || status === 403) return 'credentialRefused';
	if (status === 404) return 'notFound';
	if (status === 429) return 'rateLimited';
	if (status >= 500) return 'serverError';
	return 'rejectedByApi';
}

/**
 * Whether a request that changes something may have been applied although it failed: its answer was lost or
 * timed out, the server failed, or a success status came with a body that cannot be read. Code that never
 * sends a create twice looks the object up after these instead of reporting "not created".
 */
export function mayHaveBeenApplied(error: unknown): boolean {
	const kind = errorKindOf(error);
	if (kind === 'answerLost' || kind === 'timedOut' || kind === 'serverError') return true;
	if (kind !== 'unreadableAnswer') return false;
	const status = Number((error as { httpCode?: unknown }).httpCode);
	return !Number.isFinite(status) || status < 300;
}
