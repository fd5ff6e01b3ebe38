/**
 * SOAP ⇄ JSON for Vitec Ekonomi: envelopes built from typed request descriptions, answers read with the
 * strict XML reader, faults turned into their ServiceFault messages. Every guess about member names lives
 * in this file or in config.ts (API file §6: "isolate all knowledge of these shapes in one adapter").
 */
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { child, childrenNamed, descendant, escapeXml, isNil, leafValue, parseXml, type XmlElement } from '../common/xml';
import type { InformationType, SoapVersion, VitecConfig } from './config';
import { soapAction } from './config';

export const SOAP11_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SOAP12_NS = 'http://www.w3.org/2003/05/soap-envelope';
const ARRAYS_NS = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays';
const WSSE_NS = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
const WSU_NS = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';
const PASSWORD_TEXT = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText';

/**
 * Where the credential puts the WS-Security header. The node never sees the password: the credential's
 * `authenticate` replaces this marker (or adds HTTP Basic) when the request is sent.
 */
export const SECURITY_MARKER = '<!--vitec:security-->';

/** One parameter of a SOAP operation: a text value, or child elements in the data-contract namespace. */
export type SoapParam =
	| { name: string; value: string | number }
	| { name: string; members: SoapParam[] }
	| { name: string; longs: Array<string | number> };

function paramXml(param: SoapParam, nested: boolean): string {
	const tag = nested ? `b:${param.name}` : param.name;
	if ('value' in param) return `<${tag}>${escapeXml(String(param.value))}</${tag}>`;
	if ('longs' in param) return `<${tag}>${param.longs.map((id) => `<a:long>${escapeXml(String(id))}</a:long>`).join('')}</${tag}>`;
	return `<${tag}>${param.members.map((member) => paramXml(member, true)).join('')}</${tag}>`;
}

export interface SoapRequest {
	url: string;
	body: string;
	headers: Record<string, string>;
}

export function buildEnvelope(config: VitecConfig, url: string, contract: Parameters<typeof soapAction>[1], method: string, params: SoapParam[]): SoapRequest {
	const action = soapAction(config, contract, method);
	const soap12 = config.soapVersion === '1.2';
	const envelopeNs = soap12 ? SOAP12_NS : SOAP11_NS;
	const addressing = soap12
		? `<a:Action xmlns:a="http://www.w3.org/2005/08/addressing" s:mustUnderstand="1">${escapeXml(action)}</a:Action><a:To xmlns:a="http://www.w3.org/2005/08/addressing" s:mustUnderstand="1">${escapeXml(url)}</a:To>`
		: '';
	const body =
		`<?xml version="1.0" encoding="utf-8"?>` +
		`<s:Envelope xmlns:s="${envelopeNs}"><s:Header>${addressing}${SECURITY_MARKER}</s:Header>` +
		`<s:Body><${method} xmlns="${escapeXml(config.serviceNamespace)}" xmlns:b="${escapeXml(config.typesNamespace)}" xmlns:a="${ARRAYS_NS}">` +
		params.map((param) => paramXml(param, false)).join('') +
		`</${method}></s:Body></s:Envelope>`;
	const headers: Record<string, string> = soap12
		? { 'Content-Type': `application/soap+xml; charset=utf-8; action="${action}"` }
		: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: `"${action}"` };
	return { url, body, headers: { ...headers, Accept: 'text/xml, application/soap+xml' } };
}

/** The WS-Security header with a UsernameToken (password as text, over HTTPS) and a timestamp. */
export function wsSecurityHeader(username: string, password: string, now = new Date()): string {
	const created = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
	const expires = new Date(now.getTime() + 5 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
	return (
		`<o:Security xmlns:o="${WSSE_NS}" xmlns:u="${WSU_NS}"><u:Timestamp u:Id="_0"><u:Created>${created}</u:Created><u:Expires>${expires}</u:Expires></u:Timestamp>` +
		`<o:UsernameToken u:Id="uuid-n8n-1"><o:Username>${escapeXml(username)}</o:Username><o:Password Type="${PASSWORD_TEXT}">${escapeXml(password)}</o:Password></o:UsernameToken></o:Security>`
	);
}

/** What the credential's `authenticate` does: the login goes into the envelope or into HTTP Basic. */
export function applySecurity(
	credentials: { username?: unknown; password?: unknown; securityMode?: unknown },
	request: IHttpRequestOptions,
): IHttpRequestOptions {
	const username = String(credentials.username ?? '');
	const password = String(credentials.password ?? '');
	const body = typeof request.body === 'string' ? request.body : undefined;
	if (credentials.securityMode === 'basic') {
		const token = Buffer.from(`${username}:${password}`).toString('base64');
		return {
			...request,
			body: body?.replace(SECURITY_MARKER, ''),
			headers: { ...request.headers, Authorization: `Basic ${token}` },
		};
	}
	return { ...request, body: body?.replace(SECURITY_MARKER, wsSecurityHeader(username, password)) };
}

export interface SoapFault {
	/** The ServiceFault's Messages (Swedish, verbatim), or the fault text when there is no ServiceFault. */
	messages: string[];
	code?: string;
}

export type SoapAnswer = { result: XmlElement; fault?: undefined } | { fault: SoapFault; result?: undefined };

/** Reads an answer: the operation's response element, or the fault. Throws XmlError / Error on anything else. */
export function readSoapAnswer(text: string): SoapAnswer {
	const envelope = parseXml(text);
	if (envelope.local !== 'Envelope' || (envelope.ns !== SOAP11_NS && envelope.ns !== SOAP12_NS)) {
		throw new Error(`the answer is XML but not a SOAP envelope (root <${envelope.name}>)`);
	}
	const body = child(envelope, 'Body');
	if (!body) throw new Error('the SOAP envelope has no Body');
	const fault = child(body, 'Fault');
	if (fault) return { fault: readFault(fault) };
	const response = body.children[0];
	if (!response) throw new Error('the SOAP Body is empty');
	return { result: response };
}

function readFault(fault: XmlElement): SoapFault {
	const serviceFault = descendant(fault, 'ServiceFault');
	const messages = serviceFault ? childrenNamed(child(serviceFault, 'Messages'), 'string').map((m) => m.text.trim()).filter(Boolean) : [];
	const code = child(fault, 'faultcode')?.text ?? descendant(child(fault, 'Code'), 'Value')?.text;
	if (!messages.length) {
		const reason = child(fault, 'faultstring')?.text ?? descendant(child(fault, 'Reason'), 'Text')?.text;
		if (reason?.trim()) messages.push(reason.trim());
	}
	return { messages, code: code?.trim() };
}

/** `<XResponse><XResult>…</XResult></XResponse>`: the result element (undefined for void methods). */
export function resultOf(response: XmlElement): XmlElement | undefined {
	return response.children.find((candidate) => candidate.local.endsWith('Result')) ?? response.children[0];
}

/* ---- Parameters ---- */

export function companySelector(companyId: number | null): SoapParam {
	return { name: 'companySelector', members: companyId === null ? [] : [{ name: 'CompanyId', value: companyId }] };
}

/* ---- Rows ---- */

const NUMERIC_FIELDS = new Set([
	'CompanyId',
	'AccountingYear',
	'VoucherNumber',
	'Row',
	'AutoAccountingRow',
	'Amount',
	'AmountInCurrency',
	'CurrencyRate',
	'Number',
	'Rate',
	'Units',
	'RemainingAmount',
	'ReportPlan',
]);
const DECIMAL = /^-?\d{1,15}(\.\d+)?$/;

/** A data row as flat JSON: known numeric fields as numbers, true/false as booleans, nil as null. */
export function rowToJson(element: XmlElement): IDataObject {
	const row: IDataObject = {};
	for (const field of element.children) {
		if (isNil(field)) row[field.local] = null;
		else if (field.children.length) row[field.local] = rowToJson(field);
		else if (NUMERIC_FIELDS.has(field.local) && DECIMAL.test(field.text.trim())) row[field.local] = Number(field.text.trim());
		else if (field.text === 'true' || field.text === 'false') row[field.local] = field.text === 'true';
		else row[field.local] = field.text;
	}
	return row;
}

export type RevisionAction = 'new' | 'changed' | 'deleted';

/** ProcessingCode as an enum member name (WCF default) or its number (3L Pro: 1/2/3). */
export function actionOf(code: string): RevisionAction | undefined {
	switch (code.trim().toLowerCase()) {
		case 'new':
		case '1':
			return 'new';
		case 'changed':
		case '2':
			return 'changed';
		case 'deleted':
		case '3':
			return 'deleted';
		default:
			return undefined;
	}
}

export interface Revision {
	eventId: number | string;
	companyId: number | null;
	action: RevisionAction;
	processingCode: string;
	created?: string;
	data: IDataObject;
}

function eventIdOf(text: string): number | string {
	const trimmed = text.trim();
	const number = Number(trimmed);
	return /^\d+$/.test(trimmed) && Number.isSafeInteger(number) ? number : trimmed;
}

/**
 * The revisions of a `GetRevisionsResult` (receipt variant): each item holds an EventInfo and one data
 * element, whatever they are called. Throws when an item has no usable event id (it could not be acked).
 */
export function readRevisions(result: XmlElement | undefined, type: InformationType): Revision[] {
	if (!result || isNil(result)) return [];
	const wrapped = child(result, 'RevisionResult');
	const list = wrapped ?? result;
	const revisions: Revision[] = [];
	for (const item of list.children) {
		const info = child(item, 'EventInfo');
		if (!info) {
			// Inside RevisionResult every element is a revision: one we cannot identify could never be
			// acknowledged, so it is an error rather than a silent skip (which would look like "nothing new").
			// Outside it (no wrapper), only plain members such as BatchId are skipped.
			if (wrapped || item.children.length) throw new Error(`a revision <${item.name}> without EventInfo`);
			continue;
		}
		const dataElement = item.children.find((candidate) => candidate !== info);
		const eventIdText = leafValue(child(info, 'EventId'));
		if (!eventIdText) throw new Error('a revision without an EventId');
		const code = leafValue(child(info, 'ProcessingCode')) ?? '';
		const data = dataElement && !isNil(dataElement) ? rowToJson(dataElement) : {};
		const companyText = leafValue(child(info, 'CompanyId')) ?? (data.CompanyId !== undefined ? String(data.CompanyId) : undefined);
		revisions.push({
			eventId: eventIdOf(eventIdText),
			companyId: type.perCompany && companyText && /^\d+$/.test(companyText.trim()) ? Number(companyText) : null,
			action: actionOf(code) ?? 'changed',
			processingCode: code,
			created: leafValue(child(info, 'Created')) ?? undefined,
			data,
		});
	}
	return revisions;
}

/**
 * The legacy `Dictionary<Entity, ProcessingCode>` (`KeyValueOf…` with Key = row, Value = code). Legacy
 * rows have no event id; a running number within the answer stands in for it.
 */
export function readLegacyRevisions(result: XmlElement | undefined, type: InformationType, companyId: number | null): Revision[] {
	if (!result || isNil(result)) return [];
	return result.children.map((entry, index) => {
		const key = child(entry, 'Key');
		const code = leafValue(child(entry, 'Value')) ?? '';
		const data = key ? rowToJson(key) : {};
		return { eventId: `legacy-${index + 1}`, companyId: type.perCompany ? companyId : null, action: actionOf(code) ?? 'changed', processingCode: code, data };
	});
}

export interface PendingEntry {
	companyId: number | null;
	/** The information type as Vitec names it in the answer ('' when the answer does not say). */
	informationType: string;
	/** null when the answer does not give a count (then "something is pending"). */
	count: number | null;
}

/**
 * GetListOfPendingEvents (return shape U). Read: a list of entries with CompanyId / Count / InformationType;
 * a list of type names; a plain number; true/false. Whatever cannot be read counts as "something is pending,
 * details unknown" (companyId null, type '', count null), so a caller fetches everything rather than nothing:
 * misreading this answer must never stop revisions from being fetched.
 */
export function readPendingEvents(result: XmlElement | undefined): PendingEntry[] {
	const unknown: PendingEntry = { companyId: null, informationType: '', count: null };
	if (!result) return [unknown];
	if (isNil(result)) return [];
	if (!result.children.length) {
		const text = result.text.trim().toLowerCase();
		if (text === '' || text === 'false' || text === '0') return [];
		if (/^\d+$/.test(text)) return [{ ...unknown, count: Number(text) }];
		return [unknown];
	}
	return result.children.map((entry) => {
		const company = leafValue(child(entry, 'CompanyId'));
		const count = leafValue(child(entry, 'Count')) ?? leafValue(child(entry, 'NumberOfEvents'));
		const informationType =
			leafValue(child(entry, 'InformationType')) ?? leafValue(child(entry, 'EventType')) ?? leafValue(child(entry, 'Type')) ?? (entry.children.length ? '' : entry.text.trim());
		return {
			companyId: company && /^\d+$/.test(company.trim()) ? Number(company) : null,
			informationType: informationType ?? '',
			count: count && /^\d+$/.test(count.trim()) ? Number(count) : null,
		};
	});
}

/** Matches a pending entry's type name to our information types (several spellings); undefined = unknown. */
export function matchInformationType(name: string, types: InformationType[]): InformationType | undefined {
	const wanted = name.toLowerCase().replace(/[^a-z0-9åäö]/g, '');
	if (!wanted) return undefined;
	return types.find((type) => {
		const aliases = [type.value, type.name, type.swedish, type.method, type.method.replace(/^Get/, '').replace(/Revisions$/, '')];
		return aliases.some((alias) => alias.toLowerCase().replace(/[^a-z0-9åäö]/g, '') === wanted);
	});
}

/** A list answer (companies, GetAll): each child element is one row. */
export function readRows(result: XmlElement | undefined): IDataObject[] {
	if (!result || isNil(result)) return [];
	return result.children.map(rowToJson);
}

export type { SoapVersion };
