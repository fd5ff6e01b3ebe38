import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiError, credentialsOf, parseJsonBody, quoteStart, sendRequest } from '../common/http';
import { secretValuesOf } from '../common/redact';
import { readRequestOptions } from '../common/options';
import type { Envelope, FirminoMethod } from './types';

const CREDENTIAL = 'firminoApi';

/**
 * Only `add` creates something the API does not deduplicate; `update` sends the whole document keyed by its id, so
 * sending it twice leaves the same result; `delete` is not repeated, so that a lost answer is reported, not turned
 * into "no such document" by a second call (docs/api/firmino.md "Methods").
 */
const SAFE_TO_REPEAT: Record<FirminoMethod, boolean> = {
	add: false,
	get: true,
	find: true,
	update: true,
	delete: false,
	init: true,
};

/** English explanations of the Polish messages the API is known to send. */
const KNOWN_MESSAGES: Record<string, string> = {
	'Brak wymaganych wartości':
		'Required values are missing: a name and a sales document ID are needed.',
};

/**
 * Calls one method of the recurring-documents API and returns its envelope, checked to be a success.
 * `success: false` is an error whatever the HTTP status (docs/api/firmino.md "Response envelope").
 */
export async function callFirmino<T>(
	this: IExecuteFunctions,
	itemIndex: number,
	method: FirminoMethod,
	params: { id?: number; body?: IDataObject } = {},
): Promise<{ success: true; response: T }> {
	const credentials = await credentialsOf(this, CREDENTIAL);
	const secrets = secretValuesOf(credentials);
	const url = `${String(credentials.baseUrl).replace(/\/+$/, '')}/${method}${params.id !== undefined ? `/${params.id}` : ''}`;
	// Every method as the page's curl sends it: POST, JSON content type, a JSON body (`{}` for get/delete), as
	// Firmino's other API page and every public client do (docs/api/firmino.md "Methods").
	const response = await sendRequest.call(
		this,
		CREDENTIAL,
		{
			method: 'POST',
			url,
			body: params.body ?? {},
			headers: { 'Content-Type': 'application/json' },
			safeToRepeat: SAFE_TO_REPEAT[method],
		},
		{ itemIndex, ...readRequestOptions(this, itemIndex), apiMessageOf },
	);

	const httpCode = String(response.statusCode);
	const envelope = parseJsonBody(this.getNode(), response, itemIndex, secrets) as Envelope<T>;
	if (!envelope || typeof envelope !== 'object' || !('success' in envelope)) {
		const description = `The body starts with: ${quoteStart(JSON.stringify(envelope))}`;
		const message = 'Firmino answered without its usual {success, response} envelope';
		throw apiError(
			this.getNode(),
			{ message, description, httpCode, itemIndex, kind: 'unreadableAnswer' },
			secrets,
		);
	}
	if (envelope.success !== true && String(envelope.success) !== 'true') {
		const apiText =
			typeof envelope.response === 'string' ? envelope.response : JSON.stringify(envelope.response);
		const message = `Firmino refused the request (${method}): ${KNOWN_MESSAGES[apiText.trim()] ?? apiText}`;
		const description = `Firmino's message: "${apiText}"`;
		throw apiError(
			this.getNode(),
			{ message, description, httpCode, itemIndex, kind: 'rejectedByApi' },
			secrets,
		);
	}
	return envelope as { success: true; response: T };
}

function apiMessageOf(body: unknown): string | undefined {
	const response = (body as { response?: unknown } | null)?.response;
	return typeof response === 'string' ? response : undefined;
}

/** An answer with the envelope but not the shape the API documents for this call: a NodeApiError quoting it. */
export async function unexpectedAnswer(
	this: IExecuteFunctions,
	itemIndex: number,
	message: string,
	answer: unknown,
): Promise<never> {
	const secrets = secretValuesOf(await credentialsOf(this, CREDENTIAL));
	const description = `Firmino answered: ${quoteStart(JSON.stringify(answer) ?? String(answer))}`;
	throw apiError(
		this.getNode(),
		{ message, description, itemIndex, kind: 'unreadableAnswer' },
		secrets,
	);
}
