import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';

import type { RawResponse, RequestContext, SendOptions } from '../common/http';
import {
	apiError,
	bodyText,
	credentialsOf,
	errorKindOfStatus,
	parseJsonBody,
	quoteStart,
} from '../common/http';
import { readRequestOptions } from '../common/options';
import { secretValuesOf } from '../common/redact';
import { CREDENTIAL, lowerKeys, sessionFor, symfoniaMessageOf, type SymfoniaCall } from './session';
import type { FKMessage } from './types';

export interface CallOptions {
	/** Return undefined instead of failing on 404 (lookups by code / id that may find nothing). */
	notFoundAsUndefined?: boolean;
	/** An empty answer is an error (reads that must return something). */
	requireBody?: boolean;
}

const FK_TYPE = ['comment', 'warning', 'error'];

/**
 * The ONE place that talks to Symfonia WebAPI: sends on this execution's session (session.ts), turns
 * HTTP and body errors into NodeApiErrors carrying the status and Symfonia's own Message (Polish,
 * verbatim) plus FK's `FKMessages`, and parses JSON. An empty body (updates answer 200/204 without one)
 * comes back as undefined.
 */
export async function symfoniaRequest<T = unknown>(
	this: RequestContext,
	itemIndex: number | undefined,
	call: SymfoniaCall,
	callOptions: CallOptions = {},
): Promise<T | undefined> {
	const options: SendOptions = {
		itemIndex,
		apiMessageOf: symfoniaMessageOf,
		...(itemIndex !== undefined && 'getInputData' in this
			? readRequestOptions(this as IExecuteFunctions, itemIndex)
			: {}),
	};
	const session = sessionFor(this);
	const response = await session.send(call, options);
	// "Nothing found" — but not "this WebAPI has no such endpoint" (ASP.NET's routing 404), which must not
	// make a find-before-create believe the record is missing.
	if (
		response.statusCode === 404 &&
		callOptions.notFoundAsUndefined &&
		!/No HTTP resource was found/i.test(bodyText(response.body))
	)
		return undefined;
	const credentials = await credentialsOf(this, CREDENTIAL);
	const secrets = [...secretValuesOf(credentials), ...session.secretTokens()];
	if (response.statusCode >= 400)
		throw symfoniaError.call(this, response, call, itemIndex, secrets);

	if (!bodyText(response.body).trim() && !callOptions.requireBody) return undefined;
	const parsed = parseJsonBody(this.getNode(), response, itemIndex, secrets);
	// A 200 whose whole body is {Message} is an error answered with the wrong status.
	if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
		const keys = Object.keys(parsed).map((key) => key.toLowerCase());
		if (
			keys.length > 0 &&
			keys.every((key) =>
				['message', 'exceptionmessage', 'exceptiontype', 'stacktrace', 'modelstate'].includes(key),
			)
		) {
			throw symfoniaError.call(this, response, call, itemIndex, secrets);
		}
	}
	if (callOptions.requireBody && (parsed === null || typeof parsed !== 'object')) {
		const message = `Symfonia WebAPI answered ${call.method} /api${call.path} with ${JSON.stringify(parsed)?.slice(0, 60)} where a record or a list was expected`;
		throw apiError(
			this.getNode(),
			{ message, httpCode: String(response.statusCode), itemIndex, kind: 'unreadableAnswer' },
			secrets,
		);
	}
	return parsed as T;
}

function symfoniaError(
	this: RequestContext,
	response: RawResponse,
	call: SymfoniaCall,
	itemIndex: number | undefined,
	secrets: string[],
) {
	const text = bodyText(response.body);
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		parsed = undefined;
	}
	const apiMessage =
		parsed === undefined
			? text.trim()
				? quoteStart(text)
				: undefined
			: (symfoniaMessageOf(parsed) ?? quoteStart(text));
	const fkMessages =
		parsed && typeof parsed === 'object' && !Array.isArray(parsed)
			? fkMessagesOf(parsed as IDataObject)
			: [];
	const status = response.statusCode;
	let message = `Symfonia WebAPI answered HTTP ${status} to ${call.method} /api${call.path}`;
	const firstFkError = fkMessages.find((entry) => entry.Type === 2) ?? fkMessages[0];
	if (apiMessage) message += `: ${apiMessage}`;
	// FK's general "not saved" says nothing of why; its first error message does (also where only the message is shown).
	if (
		firstFkError &&
		firstFkError.Message !== apiMessage &&
		(!apiMessage || firstFkError.Type === 2)
	)
		message += `${apiMessage ? ' —' : ':'} ${firstFkError.Message}`;
	const hints: string[] = [];
	// ASP.NET's own 404 for a route this WebAPI does not have: the endpoint is missing, not the record.
	const missingEndpoint = status === 404 && /No HTTP resource was found/i.test(text);
	if (missingEndpoint)
		hints.push(
			'This WebAPI version does not offer this endpoint; check the Swagger page of the instance (/swagger/ui/index).',
		);
	else if (status === 404) hints.push('Nothing was found: check the id, code or number.');
	if (status === 405)
		hints.push(
			'This WebAPI version does not offer this endpoint; check the Swagger page of the instance (/swagger/ui/index).',
		);
	if (status === 500)
		hints.push('Symfonia failed internally; the WebAPI service log has the details.');
	const lines = [
		apiMessage ? `Symfonia's message: "${apiMessage}"` : undefined,
		...fkMessages.map(
			(entry) => `FK ${FK_TYPE[entry.Type] ?? `type ${entry.Type}`}: ${entry.Message}`,
		),
		...hints,
	].filter((line): line is string => !!line);
	const kind = missingEndpoint || status < 400 ? 'rejectedByApi' : errorKindOfStatus(status);
	return apiError(
		this.getNode(),
		{
			message,
			description: lines.join('\n') || undefined,
			httpCode: String(status),
			itemIndex,
			kind,
		},
		secrets,
	);
}

/** `FKMessages: [{Message, Type}]` read case-insensitively (Type 0 comment, 1 warning, 2 error). */
export function fkMessagesOf(body: IDataObject | undefined): FKMessage[] {
	if (!body) return [];
	const list = lowerKeys(body).fkmessages;
	if (!Array.isArray(list)) return [];
	return list
		.filter((entry): entry is IDataObject => !!entry && typeof entry === 'object')
		.map((entry) => {
			const lower = lowerKeys(entry);
			return { Message: String(lower.message ?? ''), Type: Number(lower.type ?? 0) };
		});
}

/** Reads a property whatever its case (the API's JSON is PascalCase, a few clients saw camelCase). */
export function prop(record: IDataObject | undefined, name: string): unknown {
	if (!record) return undefined;
	if (name in record) return record[name];
	const lower = name.toLowerCase();
	const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === lower);
	return key === undefined ? undefined : record[key];
}

/** Lists where a list is documented; a single object (or nothing) is wrapped, so both readings work. */
export function asList(value: unknown): IDataObject[] {
	if (Array.isArray(value))
		return value.filter((entry): entry is IDataObject => !!entry && typeof entry === 'object');
	if (value && typeof value === 'object') {
		const data = prop(value as IDataObject, 'Data');
		if (Array.isArray(data)) return asList(data);
		return [value as IDataObject];
	}
	return [];
}

export type { JsonObject };
