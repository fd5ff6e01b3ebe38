/**
 * The ONE place that talks to Vitec Ekonomi: reads the credential's connection settings, builds the SOAP
 * envelope, sends it through the common request wrapper (retries only what is safe to repeat) and turns
 * the answer into a result element or a NodeApiError carrying Vitec's own ServiceFault messages.
 */

import {
	apiError,
	bodyText,
	credentialsOf,
	quoteStart,
	sendRequest,
	type RequestContext,
	type RetryPolicy,
} from '../common/http';
import { secretValuesOf } from '../common/redact';
import { escapeXml, type XmlElement } from '../common/xml';
import type { Contract, VitecConfig } from './config';
import { configFromCredentials, serviceUrl } from './config';
import { buildEnvelope, readSoapAnswer, resultOf, type SoapParam } from './soap';

export const CREDENTIAL = 'vitecEkonomiApi';

export interface CallOptions {
	itemIndex?: number;
	retry?: Partial<RetryPolicy>;
	timeoutMs?: number;
	/** False for the legacy destructive reads: a repeated call cannot bring back what the first deleted. */
	safeToRepeat: boolean;
}

/** Known Vitec texts explained in English; the Swedish original always stays in the description. */
const EXPLANATIONS: Array<[RegExp, string]> = [
	[
		/integrations-?id.*(finns inte|saknas|okänt)/i,
		'Vitec does not know this Integration-ID: check it against the Prenumeration your Vitec administrator created',
	],
	[
		/inte aktiv/i,
		'The Prenumeration (subscription) for this Integration-ID is not active in Vitec',
	],
	[
		/prenumererar inte/i,
		'The Prenumeration does not include this information type: ask your Vitec administrator to add it',
	],
	[
		/behörighet/i,
		"The API user has no permission for this company (or it is outside the Prenumeration's companies)",
	],
	[
		/verifying security|security token|inloggning|lösenord/i,
		'Vitec refused the API user name or password (or the security mode in the credential does not match the service)',
	],
	[
		/ActionNotSupported|action.*cannot be processed/i,
		"The service does not know this SOAP action: check Service Namespace and the method names in the credential's advanced settings",
	],
];

export async function vitecConfig(
	ctx: RequestContext,
	itemIndex?: number,
): Promise<{ config: VitecConfig; secrets: string[] }> {
	const credentials = await credentialsOf(ctx, CREDENTIAL);
	// The password also travels XML-escaped inside the envelope: a service echoing it must not leak it either.
	const plain = secretValuesOf(credentials);
	const secrets = [...new Set([...plain, ...plain.map(escapeXml)])].sort(
		(a, b) => b.length - a.length,
	);
	const config = configFromCredentials(credentials);
	if (typeof config === 'string') {
		throw apiError(
			ctx.getNode(),
			{ message: `The Vitec Ekonomi credential is incomplete: ${config}`, itemIndex },
			secrets,
		);
	}
	return { config, secrets };
}

/**
 * Calls one SOAP operation and returns its result element (`<MethodResult>`), or undefined for a void
 * answer. A SOAP fault (any HTTP status) becomes a NodeApiError with every ServiceFault message.
 */
export async function callVitec(
	ctx: RequestContext,
	contract: Contract,
	method: string,
	params: SoapParam[],
	options: CallOptions,
): Promise<XmlElement | undefined> {
	const { config, secrets } = await vitecConfig(ctx, options.itemIndex);
	const node = ctx.getNode();
	const request = buildEnvelope(config, serviceUrl(config, contract), contract, method, params);
	const response = await sendRequest.call(
		ctx,
		CREDENTIAL,
		{
			method: 'POST',
			url: request.url,
			body: request.body,
			headers: request.headers,
			safeToRepeat: options.safeToRepeat,
			// WCF answers faults with 500 (and 400 for some SOAP 1.2 sender faults): read them ourselves.
			acceptStatuses: [400, 500],
		},
		{ itemIndex: options.itemIndex, retry: options.retry, timeoutMs: options.timeoutMs },
	);
	const httpCode = String(response.statusCode);
	const text = bodyText(response.body);
	let answer: ReturnType<typeof readSoapAnswer>;
	try {
		if (!text.trim()) throw new Error('the answer is empty');
		answer = readSoapAnswer(text);
	} catch (error) {
		const reason = (error as Error).message;
		const message =
			response.statusCode >= 400
				? `Vitec answered HTTP ${httpCode} without a readable SOAP fault (${method})`
				: `Vitec answered ${method} with something that is not a SOAP answer: ${reason}`;
		throw apiError(
			node,
			{
				message,
				description: `The body starts with: ${quoteStart(text)}`,
				httpCode,
				itemIndex: options.itemIndex,
			},
			secrets,
		);
	}
	if (answer.fault) {
		const messages = answer.fault.messages.length ? answer.fault.messages : ['(no message)'];
		const explained = EXPLANATIONS.find(([pattern]) =>
			messages.some((text) => pattern.test(text)),
		)?.[1];
		const message = `Vitec refused ${method}: ${explained ?? messages.join(' | ')}`;
		const description = `Vitec's message${messages.length > 1 ? 's' : ''} (ServiceFault): ${messages.map((m) => `"${m}"`).join('; ')}`;
		throw apiError(node, { message, description, httpCode, itemIndex: options.itemIndex }, secrets);
	}
	if (response.statusCode >= 400) {
		throw apiError(
			node,
			{
				message: `Vitec answered HTTP ${httpCode} to ${method}`,
				description: `The body starts with: ${quoteStart(text)}`,
				httpCode,
				itemIndex: options.itemIndex,
			},
			secrets,
		);
	}
	return resultOf(answer.result);
}
