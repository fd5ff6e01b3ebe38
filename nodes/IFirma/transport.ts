import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import {
	apiError,
	bodyText,
	credentialsOf,
	parseJsonBody,
	quoteStart,
	sendRequest,
	type ErrorKind,
} from '../common/http';
import { readRequestOptions } from '../common/options';
import { secretValuesOf } from '../common/redact';
import { KEY_FIELDS, KEY_PURPOSES, isHexKey, keyNameForPath, type KeyName } from './signing';
import type { IfirmaEnvelope, IfirmaResponse } from './types';

const CREDENTIAL = 'iFirmaApi';

export interface IfirmaCall {
	method: IHttpRequestMethods;
	/** Path below the API root, already percent-encoded where it carries user text (`kontrahenci/id/X.json`). */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** False for everything that creates, sends or moves something: those are never retried. */
	safeToRepeat: boolean;
	/** Non-zero `Kod` values that are an answer, not an error, for this call (e.g. 208 "nothing found"). */
	acceptKod?: number[];
}

/** The documented rate limit: 100 requests a minute per user (docs/api/ifirma.md §3.4). */
export const RATE_LIMIT = { requests: 100, windowMs: 60_000 };

/**
 * State that outlives a run, on purpose (docs/ifirma.md "Rate limit"): the times of the last minute's requests per
 * iFirma login and base URL, in this n8n process. iFirma's limit is per user, not per execution, so counting per
 * run would let two executions at once, or one execution after another, go over it. In queue mode every worker is
 * its own process with its own count: with N workers using one iFirma login, set the credential's "Max Requests
 * per Minute" to 100 / N. Nothing else is kept; entries older than a minute are dropped when the login is used.
 */
const recentRequests = new Map<string, number[]>();

/**
 * How long to wait before the next request so that at most `limit` fall in any `windowMs`: 0 while fewer
 * than `limit` were sent in the window, else until the oldest of them leaves it.
 */
export function throttleDelay(
	sentAt: number[],
	now: number,
	limit = RATE_LIMIT.requests,
	windowMs = RATE_LIMIT.windowMs,
): number {
	const inWindow = sentAt.filter((time) => time > now - windowMs);
	if (inWindow.length < limit) return 0;
	return inWindow[inWindow.length - limit] + windowMs - now;
}

/** The credential's "Max Requests per Minute": 100 when empty; 0 = the node does not space requests. */
function requestsPerMinute(credentials: ICredentialDataDecryptedObject): number {
	const value = credentials.requestsPerMinute;
	if (value === undefined || value === null || value === '') return RATE_LIMIT.requests;
	const limit = Number(value);
	return Number.isFinite(limit) && limit >= 0 ? Math.floor(limit) : RATE_LIMIT.requests;
}

/** Waits (n8n's sleep) until one more request to this account stays within `limit` a minute, then counts it. */
async function throttle(account: string, limit: number): Promise<void> {
	if (limit === 0) return;
	for (;;) {
		const now = Date.now();
		const sentAt = (recentRequests.get(account) ?? []).filter(
			(time) => time > now - RATE_LIMIT.windowMs,
		);
		const wait = throttleDelay(sentAt, now, limit);
		if (wait <= 0) {
			sentAt.push(now);
			recentRequests.set(account, sentAt);
			return;
		}
		recentRequests.set(account, sentAt);
		await sleep(wait);
	}
}

const WHERE_TO_GENERATE = 'in iFirma: Login → Konfiguracja → Rozszerzenia i integracje → API';

/** English explanations of the documented `Kod` values (docs/api/ifirma.md §3.2). */
const KOD_EXPLANATIONS: Record<number, string> = {
	100: 'iFirma had a technical problem. Try again later.',
	101: 'iFirma could not read the characters of the request (encoding).',
	102: 'iFirma did not accept the content type of the request.',
	200: 'iFirma did not recognise the structure of the data sent. Check the Additional JSON, if you used it.',
	201: 'iFirma found the data invalid; its message says which field.',
	202: 'The iFirma account settings do not allow this (often the accounting month: see Account → Set Accounting Month).',
	208: 'No contractor matches the search.',
	400: 'iFirma did not accept the Authentication header.',
	401: 'iFirma does not know this login. Use the login you sign in to iFirma with.',
	402: `The key this action needs has not been generated. Generate it ${WHERE_TO_GENERATE}.`,
	403: `iFirma rejected the signature: the key in the credential is wrong or was regenerated. Copy it again, or regenerate it ("przegeneruj") ${WHERE_TO_GENERATE}.`,
	499: 'The iFirma terms must be accepted first: sign in to ifirma.pl and accept them.',
	500: 'No access to this resource, or the document does not exist. Check the ID or number; iFirma also answers this when the login is not a super-account user ("uprawnienia super konta"), which the API needs.',
};

interface Context {
	credentials: ICredentialDataDecryptedObject;
	baseUrl: string;
	secrets: string[];
}

async function context(this: IExecuteFunctions): Promise<Context> {
	const credentials = await credentialsOf(this, CREDENTIAL);
	return {
		credentials,
		baseUrl: String(credentials.baseUrl ?? '')
			.trim()
			.replace(/\/+$/, ''),
		secrets: secretValuesOf(credentials),
	};
}

/** The key an endpoint needs must be in the credential and be hex: checked before anything is sent. */
function assertKey(
	ctx: IExecuteFunctions,
	credentials: ICredentialDataDecryptedObject,
	keyName: KeyName,
	itemIndex: number,
): void {
	const key = String(credentials[KEY_FIELDS[keyName]] ?? '').trim();
	const field = `the "${keyName}" key of the iFirma credential`;
	if (!key) {
		throw new NodeOperationError(
			ctx.getNode(),
			`This action needs ${field}, which is empty [item ${itemIndex}]`,
			{
				itemIndex,
				description: `The "${keyName}" key is used for ${KEY_PURPOSES[keyName]}. Generate it ${WHERE_TO_GENERATE} and paste it into the credential.`,
			},
		);
	}
	if (!isHexKey(key)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The "${keyName}" key of the iFirma credential is not a hex key [item ${itemIndex}]`,
			{
				itemIndex,
				description:
					'iFirma shows each key as hex digits (0-9, A-F), e.g. EAB0D8ACF3308F3B. Copy it again from iFirma.',
			},
		);
	}
}

function apiMessageOf(body: unknown): string | undefined {
	const response = (body as { response?: { Kod?: unknown; Informacja?: unknown } } | null)
		?.response;
	if (!response || typeof response !== 'object') return undefined;
	return `Kod ${String(response.Kod)}: ${String(response.Informacja ?? '')}`;
}

/** What a download asks for: a PDF print or the XML version (docs/api/ifirma.md §5.4). */
export type Download = 'pdf' | 'xml';

async function send(
	this: IExecuteFunctions,
	ctx: Context,
	itemIndex: number,
	call: IfirmaCall,
	download?: Download,
) {
	const binary = download !== undefined;
	// The official modules name the PDF type for prints, JSON for everything else (docs/api/ifirma.md §1).
	const contentType =
		download === 'pdf' ? 'application/pdf; charset=UTF-8' : 'application/json; charset=UTF-8';
	const accept =
		download === 'pdf'
			? 'application/pdf'
			: download === 'xml'
				? 'application/xml'
				: 'application/json';
	const keyName = keyNameForPath(call.path);
	assertKey(this, ctx.credentials, keyName, itemIndex);
	await throttle(
		`${String(ctx.credentials.login)}|${ctx.baseUrl}`,
		requestsPerMinute(ctx.credentials),
	);
	// Serialised once here: the credential signs this very string and it is sent unchanged.
	const body = call.body === undefined ? undefined : JSON.stringify(call.body);
	return await sendRequest.call(
		this,
		CREDENTIAL,
		{
			method: call.method,
			url: `${ctx.baseUrl}/${call.path}`,
			qs: call.qs,
			body,
			// On every request, reads included: iFirma's Kod 102 is a missing or wrong content type (docs/api/ifirma.md §1).
			headers: { Accept: accept, 'Content-Type': contentType },
			safeToRepeat: call.safeToRepeat,
			binary,
		},
		{ itemIndex, ...readRequestOptions(this, itemIndex), apiMessageOf },
	);
}

/**
 * Calls one endpoint and returns the inside of its `response` envelope. `Kod` other than 0 is an error
 * whatever the HTTP status; a body without the envelope is a clear error quoting its start.
 */
export async function callIfirma(
	this: IExecuteFunctions,
	itemIndex: number,
	call: IfirmaCall,
): Promise<IfirmaResponse> {
	const ctx = await context.call(this);
	const response = await send.call(this, ctx, itemIndex, call);
	return await unwrap.call(
		this,
		ctx,
		itemIndex,
		call,
		parseJsonBody(this.getNode(), response, itemIndex, ctx.secrets),
		String(response.statusCode),
	);
}

/**
 * Downloads a PDF print or the XML version of a document; iFirma answers JSON instead when it refuses, which
 * becomes the usual error.
 */
export async function downloadIfirmaFile(
	this: IExecuteFunctions,
	itemIndex: number,
	path: string,
	kind: Download,
): Promise<Buffer> {
	const ctx = await context.call(this);
	const call: IfirmaCall = { method: 'GET', path, safeToRepeat: true };
	const response = await send.call(this, ctx, itemIndex, call, kind);
	const buffer = Buffer.isBuffer(response.body)
		? response.body
		: Buffer.from(bodyText(response.body), 'utf8');
	const httpCode = String(response.statusCode);
	const start = buffer.subarray(0, 64).toString('latin1').trimStart();
	if (kind === 'pdf' && start.startsWith('%PDF-')) {
		// A PDF ends with %%EOF (PDF 1.7 §7.5.5): without it the download was cut short, even when the
		// connection closed cleanly (a truncated body with a matching length is still a 200).
		if (buffer.subarray(-1024).toString('latin1').includes('%%EOF')) return buffer;
		throw apiError(
			this.getNode(),
			{
				message:
					'iFirma sent an incomplete PDF (it ends before its %%EOF marker): download it again',
				description: `Received ${buffer.length} bytes.`,
				httpCode,
				itemIndex,
				kind: 'unreadableAnswer',
			},
			ctx.secrets,
		);
	}
	if (kind === 'xml' && start.startsWith('<')) return buffer;
	const text = buffer.toString('utf8');
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		parsed = undefined;
	}
	if (parsed && typeof parsed === 'object' && 'response' in parsed) {
		await unwrap.call(this, ctx, itemIndex, call, parsed, httpCode);
	}
	throw apiError(
		this.getNode(),
		{
			message: `iFirma did not send ${kind === 'pdf' ? 'a PDF' : 'an XML document'}`,
			description: `The answer starts with: ${quoteStart(text)}`,
			httpCode,
			itemIndex,
			kind: 'unreadableAnswer',
		},
		ctx.secrets,
	);
}

async function unwrap(
	this: IExecuteFunctions,
	ctx: Context,
	itemIndex: number,
	call: IfirmaCall,
	parsed: unknown,
	httpCode: string,
): Promise<IfirmaResponse> {
	const response = (parsed as Partial<IfirmaEnvelope> | null)?.response;
	if (!response || typeof response !== 'object' || Array.isArray(response)) {
		const description = `The body starts with: ${quoteStart(JSON.stringify(parsed))}`;
		throw apiError(
			this.getNode(),
			{
				message: 'iFirma answered without its usual {"response": ...} envelope',
				description,
				httpCode,
				itemIndex,
				kind: 'unreadableAnswer',
			},
			ctx.secrets,
		);
	}
	if (response.Kod === undefined || response.Kod === null || Number(response.Kod) === 0)
		return response;
	if (call.acceptKod?.includes(Number(response.Kod))) return response;

	const kod = Number(response.Kod);
	const informacja = String(response.Informacja ?? '');
	// What iFirma answers once the monthly limit is used up is not documented (docs/api/ifirma.md §3.4): only its
	// own wording tells it from the other Kod 202 answers, the accounting month above all.
	const limitSpent = (kod === 202 || kod === 500) && /limit/i.test(informacja);
	const kind = limitSpent ? 'quotaSpent' : kindOfKod(kod);
	let message = `iFirma refused the request (Kod ${String(response.Kod)}): ${KOD_EXPLANATIONS[kod] ?? 'see its message below.'}`;
	if (kod === 402 || kod === 403)
		message = message
			.replace('the key', `the "${keyNameForPath(call.path)}" key`)
			.replace('The key this action needs', `The "${keyNameForPath(call.path)}" key`);
	if (limitSpent) {
		message +=
			' The API limit of the account seems to be used up: check it with Account → Get API Limit, and request extended access or a higher limit in iFirma (Konfiguracja → Rozszerzenia i integracje → API → Limity API).';
	} else if (kod === 202) {
		// Kod 202 is a refusal by the account's settings, most often the accounting month (§3.2): say which is set.
		message += await accountingMonthHint.call(this, ctx, itemIndex);
	}
	if (!call.safeToRepeat && kind === 'serverError')
		message +=
			' The request was not sent again: check whether it was processed before running it again.';
	throw apiError(
		this.getNode(),
		{ message, description: `iFirma's message: "${informacja}"`, httpCode, itemIndex, kind },
		ctx.secrets,
	);
}

/** The machine-readable kind of a `Kod` (docs/api/ifirma.md §3.2), read by code that decides what to do next. */
export function kindOfKod(kod: number): ErrorKind {
	if (kod === 100) return 'serverError';
	if (kod >= 400 && kod <= 499) return 'credentialRefused';
	// 500 is "no rights to the resource" as well as "the document does not exist": iFirma does not tell them apart.
	if (kod === 208 || kod === 500) return 'notFound';
	return 'rejectedByApi';
}

/** Says which accounting month is set, when the abonent key lets us read it (best effort, never throws). */
async function accountingMonthHint(
	this: IExecuteFunctions,
	ctx: Context,
	itemIndex: number,
): Promise<string> {
	const key = String(ctx.credentials[KEY_FIELDS.abonent] ?? '').trim();
	const advice =
		' Dates must fall in the accounting month set in iFirma; move it with Account → Set Accounting Month.';
	if (!key || !isHexKey(key)) return advice;
	try {
		const month = await send.call(this, ctx, itemIndex, {
			method: 'GET',
			path: 'abonent/miesiacksiegowy.json',
			safeToRepeat: true,
		});
		const data = (JSON.parse(bodyText(month.body)) as IfirmaEnvelope).response;
		if (data && Number(data.MiesiacKsiegowy) >= 1) {
			return ` The accounting month set in iFirma is ${String(data.MiesiacKsiegowy).padStart(2, '0')}/${String(data.RokKsiegowy)}.${advice}`;
		}
	} catch {
		// Only a hint: the original error is what matters.
	}
	return advice;
}

/** An answer with the envelope but not the shape the API documents for this call: a NodeApiError quoting it. */
export async function unexpectedAnswer(
	this: IExecuteFunctions,
	itemIndex: number,
	message: string,
	answer: unknown,
): Promise<never> {
	const secrets = secretValuesOf(await credentialsOf(this, CREDENTIAL));
	const description = `iFirma answered: ${quoteStart(JSON.stringify(answer) ?? String(answer))}`;
	throw apiError(
		this.getNode(),
		{ message, description, itemIndex, kind: 'unreadableAnswer' },
		secrets,
	);
}

/** A document number or id as a path segment: `/` becomes `_` (docs/api/ifirma.md §1), the rest percent-encoded. */
export function documentRef(value: string): string {
	return encodeURIComponent(value.trim().replace(/\//g, '_'));
}
