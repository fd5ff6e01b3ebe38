import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import {
	DEFAULT_RETRY_POLICY,
	apiError,
	bodyText,
	credentialsOf,
	currentSecrets,
	errorKindOf,
	errorKindOfStatus,
	parseJsonBody,
	quoteStart,
	sendRequest,
	type RawResponse,
} from '../common/http';
import { secretValuesOf } from '../common/redact';
import type { SmartupLimits } from './types';

export const CREDENTIAL = 'smartupApi';

/** The cheapest call (workspaces export), also the credential's Test request. */
const TEST_PATH = '/b/anor/mxsx/mrf/room$export';

export interface SmartupCall {
	/** `/b/...` path, `$` included, appended to the credential's base URL (which may carry a prefix). */
	path: string;
	body: IDataObject;
	/** Exports and updates keyed by a Smartup ID are safe to send twice; `$import` of documents never is. */
	safeToRepeat: boolean;
	itemIndex: number;
	/** Import-style answers carry per-object `errors[]`: the caller maps them to items instead of failing here. */
	itemErrorsExpected?: boolean;
	/** Reference exports: an identical call within one execution is answered from memory (quota, docs/api/smartup.md §9). */
	cacheable?: boolean;
	headers?: Record<string, string>;
}

/** English help for the error codes Smartup is known to send (docs/api/smartup.md §6). */
const KNOWN_CODES: Record<string, string> = {
	'A02-24-048':
		"The organization code (filial_code) does not match the organization of the credential's Organization ID. Leave Organization Code empty, or use the head organization's ID in the credential.",
	'A02-24-042':
		"Smartup does not know this organization code (filial_code). Check the code in Smartup's organization settings.",
	'A02-24-070':
		'An organization code is required but the current organization has none. Give the organization an integration code in Smartup, or set Organization Code.',
	'A02-24-012': 'A warehouse code was not found in the current organization.',
	'A02-02-024': 'Not enough stock in the batch for this quantity.',
	'A02-05-003':
		'An object with this name already exists (legal person names are unique per company).',
	'A02-13-170': 'A price problem: check the price type and the price.',
	'A02-24-122':
		'Smartup could not read a date in the date filter. Dates are sent as dd.mm.yyyy; check From and To (or the dates in the body of a Custom API Call).',
	'A02-24-194':
		'Smartup received an empty body. Every method needs a JSON object, at least {} (docs: send {}, never nothing).',
};

/** Integrators wait 150 s for exports (docs/api/smartup.md §9): one reference export returned 31,846 rows. */
export const DEFAULT_TIMEOUT_SECONDS = 150;

/**
 * Timeout and retries of Smartup calls: 150 s unless the user set one, and an export is repeated at most once
 * (each attempt is another call of the daily quota, docs/api/smartup.md §9, §6).
 */
export function smartupRequestOptions(
	raw: { maxRetries?: unknown; timeoutSeconds?: unknown },
	isExport = false,
): { retry: { maxRetries: number }; timeoutMs: number } {
	const seconds = Number(raw.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS);
	const asked = Number(raw.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries);
	const retries =
		Number.isInteger(asked) && asked >= 0 ? Math.min(asked, 10) : DEFAULT_RETRY_POLICY.maxRetries;
	return {
		retry: { maxRetries: isExport ? Math.min(retries, 1) : retries },
		timeoutMs:
			(Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 600) : DEFAULT_TIMEOUT_SECONDS) *
			1000,
	};
}

const QUOTA_TEXT =
	'The daily Smartup request quota for this kind of call is spent (100 reference calls, 300 rarely used document calls and 500 frequent document calls a day, shared by every integration of the company). It starts again tomorrow; until then avoid running this workflow, and poll less often.';

interface ExecutionState {
	limits?: SmartupLimits;
	/** The path whose answer carried `limits` last (the quota class of a path is not published, §4.7). */
	limitsPath?: string;
	warned?: boolean;
	cache: Map<string, IDataObject>;
	/** Requests sent to Smartup in this run (each one counts against the daily quota), and answers from memory. */
	calls: number;
	fromMemory: number;
	/** Paths whose last `limits` said nothing is left today: not sent again in this run. */
	spent: Set<string>;
}

/**
 * State of one node run (the quota seen, whether the user was warned, reference exports answered from memory),
 * keyed by its execution context: n8n gives each run a new context, so the state starts empty with every run and
 * is dropped with the context (a WeakMap). Nothing here outlives a run; in queue mode each run lives on one worker.
 */
const states = new WeakMap<object, ExecutionState>();

function stateOf(ctx: IExecuteFunctions): ExecutionState {
	let state = states.get(ctx);
	if (!state) {
		state = { cache: new Map(), calls: 0, fromMemory: 0, spent: new Set() };
		states.set(ctx, state);
	}
	return state;
}

/** The last `limits` object Smartup sent in this execution (exports of documents carry one). */
export function lastLimits(ctx: IExecuteFunctions): SmartupLimits | undefined {
	return stateOf(ctx).limits;
}

function messageOf(body: unknown): string | undefined {
	if (!body || typeof body !== 'object') return undefined;
	const {
		message,
		error_code: code,
		error,
	} = body as { message?: unknown; error_code?: unknown; error?: unknown };
	const text =
		typeof message === 'string' ? message : typeof error === 'string' ? error : undefined;
	if (typeof code === 'string' && code) return text ? `${code}: ${text}` : code;
	return text;
}

function leftOf(limits: unknown): number | undefined {
	if (!limits || typeof limits !== 'object') return undefined;
	const { left_limit_quant: left, request_quant: used, limit_quant: cap } = limits as SmartupLimits;
	if (
		left !== undefined &&
		left !== null &&
		String(left).trim() !== '' &&
		Number.isFinite(Number(left))
	)
		return Number(left);
	if (
		Number.isFinite(Number(used)) &&
		Number.isFinite(Number(cap)) &&
		String(cap ?? '').trim() !== ''
	)
		return Number(cap) - Number(used);
	return undefined;
}

/**
 * What a spent daily quota looks like is not documented (docs/api/smartup.md §4.7, §6): no error code is known.
 * It is decided from what is: HTTP 429, or a refusal whose `limits` say nothing is left (left_limit_quant 0,
 * or request_quant at limit_quant).
 */
function isQuotaError(status: number, body: unknown): boolean {
	if (status === 429) return true;
	const answer = body && typeof body === 'object' ? (body as IDataObject) : undefined;
	const refused = status >= 400 || !!answer?.error_code;
	const left = leftOf(answer?.limits);
	return refused && left !== undefined && left <= 0;
}

/** Calls spent in this run and what the last `limits` said is left (docs/api/smartup.md §4.7), for the run's hint. */
export function quotaSummary(ctx: IExecuteFunctions): string | undefined {
	const state = stateOf(ctx);
	if (state.calls === 0 && state.fromMemory === 0) return undefined;
	let text = `${state.calls} Smartup call${state.calls === 1 ? '' : 's'} in this run`;
	if (state.fromMemory) text += ` (${state.fromMemory} more answered from memory)`;
	const left = leftOf(state.limits);
	const cap = Number(state.limits?.limit_quant);
	if (left !== undefined)
		text += `; ${left}${Number.isFinite(cap) ? ` of ${cap}` : ''} calls left today for ${state.limitsPath ?? 'this kind of call'} (Smartup's limits)`;
	else text += '; Smartup sent no limits, so the calls left today are unknown';
	return `${text}. The daily quota is shared by every integration of the company.`;
}

/** Whether an error is the spent quota (further calls today would fail the same way). */
export function isQuotaSpent(error: unknown): boolean {
	return errorKindOf(error) === 'quotaSpent';
}

/**
 * Sends one Smartup call (every method is POST with a JSON body) and returns the parsed answer, checked:
 * HTTP errors, `error_code` (also on HTTP 200), plain-text bodies, the quota, and — unless the caller maps
 * them itself — a non-empty `errors[]`.
 */
export async function callSmartup(
	this: IExecuteFunctions,
	call: SmartupCall,
): Promise<IDataObject> {
	const state = stateOf(this);
	const cacheKey = `${call.path} ${JSON.stringify(call.body)}`;
	if (call.cacheable && state.cache.has(cacheKey)) {
		state.fromMemory++;
		return state.cache.get(cacheKey)!;
	}
	const node = this.getNode();
	const itemIndex = call.itemIndex;
	if (state.spent.has(call.path)) {
		// Smartup said no calls of this kind are left today (docs/api/smartup.md §4.7): another one would be refused and counted.
		throw apiError(
			node,
			{
				message: QUOTA_TEXT,
				description: `The last answer of ${call.path} in this run said no calls are left today (left_limit_quant 0); this call was not sent.`,
				itemIndex,
				kind: 'quotaSpent',
			},
			[],
		);
	}

	const credentials = await credentialsOf(this, CREDENTIAL);
	let secrets = secretValuesOf(credentials);
	const base = String(credentials.baseUrl ?? 'https://smartup.online')
		.trim()
		.replace(/\/+$/, '');
	const url = `${base}${call.path}`;
	const isExport = /\$export(_data)?$/.test(call.path);
	const options = smartupRequestOptions(
		this.getNodeParameter('requestOptions', call.itemIndex, {}) as IDataObject,
		isExport,
	);
	state.calls++;

	let response = await sendRequest.call(
		this,
		CREDENTIAL,
		{
			method: 'POST',
			url,
			body: call.body,
			headers: { 'Content-Type': 'application/json; charset=utf-8', ...call.headers },
			safeToRepeat: call.safeToRepeat,
			// A 429 is the daily quota (docs/api/smartup.md §4.7): retried only when Smartup says when (Retry-After),
			// then read here so that the error explains the quota.
			tooManyRequests: 'quota',
			acceptStatuses: [400, 401, 429],
		},
		{ itemIndex, ...options, apiMessageOf: messageOf, freshCredentials: true },
	);

	// An OAuth2 token that expired: n8n fetches a new one (the credential's preAuthentication) when a
	// request made through it fails with 401, so the same call is made once more that way. A 401 means
	// the call was not processed, so repeating it creates nothing twice.
	if (response.statusCode === 401 && credentials.authType === 'oauth2') {
		response = await repeatWithNewToken.call(this, url, call, options.timeoutMs, secrets);
	}

	const status = response.statusCode;
	const text = bodyText(response.body);
	let parsed: unknown;
	try {
		parsed = text.trim() ? JSON.parse(text) : undefined;
	} catch {
		parsed = undefined;
	}
	const answerObject = parsed && typeof parsed === 'object' ? (parsed as IDataObject) : undefined;
	if (
		status >= 300 ||
		!answerObject ||
		answerObject.error_code ||
		(Array.isArray(answerObject.errors) && answerObject.errors.length)
	) {
		// An error is coming: an OAuth2 token n8n fetched during this call is a secret too, and the answer may quote it.
		secrets = await currentSecrets(this, CREDENTIAL, secrets);
	}

	if (status === 401) {
		const project = String(credentials.projectCode ?? '') || '(empty)';
		const filial = String(credentials.filialId ?? '') || '(empty)';
		const culprit = await whichSettingIsRefused.call(
			this,
			base,
			credentials,
			options.timeoutMs,
			itemIndex,
		);
		throw apiError(
			node,
			{
				message:
					culprit ??
					`Smartup refused the credential (HTTP 401). Check the login (user@company) and password, the Project Code "${project}" (usually "trade") and the Organization ID "${filial}" (a value this user may not use gives 401 too)`,
				description: text.trim() ? quoteStart(text) : 'Требуется авторизация',
				httpCode: '401',
				itemIndex,
				kind: 'credentialRefused',
			},
			secrets,
		);
	}
	if (isQuotaError(status, parsed)) {
		state.spent.add(call.path);
		const description = messageOf(parsed) ?? (text.trim() ? quoteStart(text) : undefined);
		throw apiError(
			node,
			{ message: QUOTA_TEXT, description, httpCode: String(status), itemIndex, kind: 'quotaSpent' },
			secrets,
		);
	}
	if (status >= 400) {
		throw bodyError(
			this,
			parsed,
			text,
			String(status),
			itemIndex,
			secrets,
			`Smartup answered HTTP ${status}`,
		);
	}

	const body = parseJsonBody(node, response, itemIndex, secrets);
	if (!body || typeof body !== 'object' || Array.isArray(body)) {
		const kind = 'unreadableAnswer';
		throw apiError(
			node,
			{
				message: 'Smartup answered with JSON that is not an object',
				description: quoteStart(text),
				httpCode: String(status),
				itemIndex,
				kind,
			},
			secrets,
		);
	}
	const answer = body as IDataObject;
	if (typeof answer.error_code === 'string' && answer.error_code) {
		throw bodyError(
			this,
			answer,
			text,
			String(status),
			itemIndex,
			secrets,
			'Smartup refused the request',
		);
	}
	if (!call.itemErrorsExpected && Array.isArray(answer.errors) && answer.errors.length > 0) {
		const first = (answer.errors[0] ?? {}) as IDataObject;
		throw apiError(
			node,
			{
				message: `Smartup refused the request: ${String(first?.message ?? 'error').slice(0, 200)}`,
				description: (answer.errors as Array<IDataObject | null>)
					.map((error) => `${String(error?.code ?? '')}: ${String(error?.message ?? '')}`)
					.join('\n'),
				httpCode: String(status),
				itemIndex,
				kind: 'rejectedByApi',
			},
			secrets,
		);
	}
	if (answer.limits && typeof answer.limits === 'object')
		noteLimits(this, answer.limits as SmartupLimits, call.path);
	if (call.cacheable) state.cache.set(cacheKey, answer);
	return answer;
}

function bodyError(
	ctx: IExecuteFunctions,
	parsed: unknown,
	text: string,
	httpCode: string,
	itemIndex: number,
	secrets: string[],
	prefix: string,
) {
	const code =
		parsed && typeof parsed === 'object' ? String((parsed as IDataObject).error_code ?? '') : '';
	const apiText = messageOf(parsed) ?? (text.trim() ? quoteStart(text) : undefined);
	const hint =
		KNOWN_CODES[code] ??
		Object.entries(KNOWN_CODES).find(([known]) => apiText?.includes(known))?.[1];
	const message = hint
		? `${prefix}: ${hint}`
		: `${prefix}${apiText ? `: ${apiText.slice(0, 150)}` : ''}`;
	// An error_code answered with HTTP 200 is a refusal too; an error status says what failed.
	const status = Number(httpCode);
	const kind = status >= 400 ? errorKindOfStatus(status) : 'rejectedByApi';
	return apiError(
		ctx.getNode(),
		{ message, description: apiText, httpCode, itemIndex, kind },
		secrets,
	);
}

/**
 * After a 401, one cheap reference call each (only when it can tell something) finds out whether the
 * Organization ID or the Project Code is what Smartup refuses: the same login works without it.
 */
async function whichSettingIsRefused(
	this: IExecuteFunctions,
	base: string,
	credentials: IDataObject,
	timeoutMs: number,
	itemIndex: number,
): Promise<string | undefined> {
	const works = async (headers: Record<string, string>) => {
		try {
			const response = await sendRequest.call(
				this,
				CREDENTIAL,
				{
					method: 'POST',
					url: `${base}${TEST_PATH}`,
					body: {},
					headers,
					safeToRepeat: true,
					acceptStatuses: [401, 403, 404],
				},
				{ itemIndex, retry: { maxRetries: 0 }, timeoutMs, freshCredentials: true },
			);
			return response.statusCode < 300;
		} catch {
			return false;
		}
	};
	const filialId = String(credentials.filialId ?? '').trim();
	const project = String(credentials.projectCode ?? '').trim();
	if (filialId && (await works({ filial_id: '' }))) {
		return `Smartup refused the Organization ID "${filialId}" (HTTP 401): the same login works without it. Use an organization this user may access, or leave Organization ID empty in the credential`;
	}
	if (
		project !== 'trade' &&
		(await works({ project_code: 'trade', ...(filialId ? { filial_id: '' } : {}) }))
	) {
		return `Smartup refused the Project Code "${project || '(empty)'}" (HTTP 401): the same login works with "trade". Set Project Code to trade in the credential`;
	}
	return undefined;
}

async function repeatWithNewToken(
	this: IExecuteFunctions,
	url: string,
	call: SmartupCall,
	timeout: number,
	secrets: string[],
): Promise<RawResponse> {
	const request: IHttpRequestOptions = {
		method: 'POST',
		url,
		body: JSON.stringify(call.body),
		headers: {
			Accept: 'application/json',
			'Content-Type': 'application/json; charset=utf-8',
			...call.headers,
		},
		timeout,
		json: false,
		encoding: 'text',
		returnFullResponse: true,
	};
	try {
		return (await this.helpers.httpRequestWithAuthentication.call(
			this,
			CREDENTIAL,
			request,
		)) as RawResponse;
	} catch (error) {
		const status = (error as { httpCode?: unknown }).httpCode;
		// What n8n wraps here may carry the request (and its token): only the status goes out.
		if (String(status) === '401')
			return { statusCode: 401, headers: {}, body: 'Требуется авторизация' };
		// A token that changed means the refresh worked and the repeated call itself failed: say which.
		const now = await currentSecrets(this, CREDENTIAL, secrets);
		const renewed = now.length > secrets.length;
		const httpCode = status ? String(status) : undefined;
		// Without a status nobody can tell whether the repeated call reached Smartup: taken as a lost answer.
		const kind = httpCode ? errorKindOfStatus(Number(httpCode)) : 'answerLost';
		throw apiError(
			this.getNode(),
			{
				message: renewed
					? `Smartup answered${httpCode ? ` HTTP ${httpCode}` : ' with an error'} to the call repeated with a new OAuth2 token${call.safeToRepeat ? '' : ': it may have been processed, look it up before running this item again'}`
					: `Getting a new Smartup OAuth2 token failed${httpCode ? ` (HTTP ${httpCode})` : ''}: check the client ID, secret and token URL in the credential`,
				httpCode,
				itemIndex: call.itemIndex,
				kind,
			},
			now,
		);
	}
}

function noteLimits(ctx: IExecuteFunctions, limits: SmartupLimits, path: string) {
	const state = stateOf(ctx);
	state.limits = limits;
	state.limitsPath = path;
	const remaining = leftOf(limits);
	if (remaining !== undefined && remaining <= 0) state.spent.add(path);
	const left = Number(limits.left_limit_quant);
	const cap = Number(limits.limit_quant);
	if (
		!state.warned &&
		Number.isFinite(left) &&
		Number.isFinite(cap) &&
		cap > 0 &&
		left <= cap * 0.1
	) {
		state.warned = true;
		const text = `Only ${left} of ${cap} Smartup calls of this kind are left today; they are shared by every integration of the company.`;
		ctx.logger?.warn(text);
		if (typeof ctx.addExecutionHints === 'function')
			ctx.addExecutionHints({ message: text, location: 'outputPane' });
	}
}
