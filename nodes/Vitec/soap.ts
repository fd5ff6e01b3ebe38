/**
 * SOAP ⇄ JSON for Vitec Ekonomi: envelopes built from typed request descriptions, answers read with the
 * strict XML reader, faults turned into their ServiceFault messages. Every guess about member names lives
 * in this file or in config.ts (docs/api/vitec.md §6: all knowledge of these shapes in one adapter).
 */
import type { IDataObject } from 'n8n-workflow';

import {
	child,
	childrenNamed,
	descendant,
	escapeXml,
	isNil,
	leafValue,
	parseXml,
	type XmlElement,
} from '../common/xml';
import type { InformationType, SoapVersion, VitecConfig } from './config';
import { dataContractNamespace, soapAction } from './config';
import { SECURITY_MARKER } from './security';

export { SECURITY_MARKER, applySecurity, wsSecurityHeader } from './security';

export const SOAP11_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SOAP12_NS = 'http://www.w3.org/2003/05/soap-envelope';
const ARRAYS_NS = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays';

/**
 * One parameter of a SOAP operation: a text value, or a data contract whose members live in its own
 * namespace (docs/api/vitec.md §6.1: WCF ignores a member in any other namespace, silently).
 */
export type SoapParam =
	| { name: string; value: string | number }
	| { name: string; namespace: string; members: SoapParam[] }
	| { name: string; longs: Array<string | number> };

/** `prefix` is set inside a data contract (its members are `b:Name`); operation parameters have none. */
function paramXml(param: SoapParam, prefix: string | undefined): string {
	const tag = prefix ? `${prefix}:${param.name}` : param.name;
	if ('value' in param) return `<${tag}>${escapeXml(String(param.value))}</${tag}>`;
	if ('longs' in param)
		return `<${tag}>${param.longs.map((id) => `<a:long>${escapeXml(String(id))}</a:long>`).join('')}</${tag}>`;
	return `<${tag} xmlns:b="${escapeXml(param.namespace)}">${param.members.map((member) => paramXml(member, 'b')).join('')}</${tag}>`;
}

export interface SoapRequest {
	url: string;
	body: string;
	headers: Record<string, string>;
}

export function buildEnvelope(
	config: VitecConfig,
	url: string,
	contract: Parameters<typeof soapAction>[1],
	method: string,
	params: SoapParam[],
): SoapRequest {
	const action = soapAction(config, contract, method);
	const soap12 = config.soapVersion === '1.2';
	const envelopeNs = soap12 ? SOAP12_NS : SOAP11_NS;
	const addressing = soap12
		? `<a:Action xmlns:a="http://www.w3.org/2005/08/addressing" s:mustUnderstand="1">${escapeXml(action)}</a:Action><a:To xmlns:a="http://www.w3.org/2005/08/addressing" s:mustUnderstand="1">${escapeXml(url)}</a:To>`
		: '';
	const body =
		`<?xml version="1.0" encoding="utf-8"?>` +
		`<s:Envelope xmlns:s="${envelopeNs}"><s:Header>${addressing}${SECURITY_MARKER}</s:Header>` +
		`<s:Body><${method} xmlns="${escapeXml(config.serviceNamespace)}" xmlns:a="${ARRAYS_NS}">` +
		params.map((param) => paramXml(param, undefined)).join('') +
		`</${method}></s:Body></s:Envelope>`;
	const headers: Record<string, string> = soap12
		? { 'Content-Type': `application/soap+xml; charset=utf-8; action="${action}"` }
		: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: `"${action}"` };
	return { url, body, headers: { ...headers, Accept: 'text/xml, application/soap+xml' } };
}

export interface SoapFault {
	/** The ServiceFault's Messages (Swedish, verbatim), or the fault text when there is no ServiceFault. */
	messages: string[];
	code?: string;
}

export type SoapAnswer =
	| { result: XmlElement; fault?: undefined }
	| { fault: SoapFault; result?: undefined };

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
	const messages = serviceFault
		? childrenNamed(child(serviceFault, 'Messages'), 'string')
				.map((m) => m.text.trim())
				.filter(Boolean)
		: [];
	const code = child(fault, 'faultcode')?.text ?? descendant(child(fault, 'Code'), 'Value')?.text;
	if (!messages.length) {
		const reason =
			child(fault, 'faultstring')?.text ?? descendant(child(fault, 'Reason'), 'Text')?.text;
		if (reason?.trim()) messages.push(reason.trim());
	}
	return { messages, code: code?.trim() };
}

/** `<XResponse><XResult>…</XResult></XResponse>`: the result element (undefined for void methods). */
export function resultOf(response: XmlElement): XmlElement | undefined {
	return (
		response.children.find((candidate) => candidate.local.endsWith('Result')) ??
		response.children[0]
	);
}

/* ---- Parameters ---- */

export function companySelector(config: VitecConfig, companyId: number | null): SoapParam {
	return {
		name: 'companySelector',
		namespace: dataContractNamespace(config, 'CompanySelector'),
		members: companyId === null ? [] : [{ name: 'CompanyId', value: companyId }],
	};
}

/** The RevisionReciept (sic) with the names and namespace the credential says (docs/api/vitec.md §5.6). */
export function revisionReceipt(config: VitecConfig, eventIds: Array<number | string>): SoapParam {
	const names = config.receiptNames;
	return {
		name: names.parameter,
		namespace: dataContractNamespace(config, 'RevisionReciept'),
		// WCF reads data-contract members in order (alphabetical by default) and skips one out of order.
		members: [
			{ name: names.batchId, value: 0 } as SoapParam,
			{ name: names.eventIds, longs: eventIds } as SoapParam,
		].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
	};
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
		else if (NUMERIC_FIELDS.has(field.local) && DECIMAL.test(field.text.trim()))
			row[field.local] = Number(field.text.trim());
		else if (field.text === 'true' || field.text === 'false')
			row[field.local] = field.text === 'true';
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
	/** 'unknown' only for legacy reads, whose rows Vitec has already deleted (never an upsert). */
	action: RevisionAction | 'unknown';
	processingCode: string;
	created?: string;
	data: IDataObject;
}

function eventIdOf(text: string): number | string {
	const trimmed = text.trim();
	const number = Number(trimmed);
	return /^\d+$/.test(trimmed) && Number.isSafeInteger(number) ? number : trimmed;
}

/** The row of a revision item, in either shape docs/api/vitec.md §6.1 allows. */
function rowOf(item: XmlElement, info: XmlElement): IDataObject {
	const others = item.children.filter((candidate) => candidate !== info);
	// (a) a wrapper {EventInfo, <Row>}: one other member, itself a structure (or nil).
	if (others.length === 1 && (others[0].children.length > 0 || isNil(others[0])))
		return isNil(others[0]) ? {} : rowToJson(others[0]);
	// (b) the row class itself, carrying EventInfo beside its own fields.
	return rowToJson({ ...item, children: others });
}

/**
 * The revisions of a `GetRevisionsResult` (receipt variant). Throws — so nothing is acknowledged — on a
 * revision that could not be acknowledged or handled correctly: no EventId, a ProcessingCode that is not
 * New/Changed/Deleted (a delete read as a change would become an upsert of key fields), or no data at all.
 * `companyId` is the company the request asked for: the answer may not say (docs/api/vitec.md §6.1).
 */
export function readRevisions(
	result: XmlElement | undefined,
	type: InformationType,
	companyId: number | null,
): Revision[] {
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
			if (wrapped || item.children.length)
				throw new Error(`a revision <${item.name}> without EventInfo`);
			continue;
		}
		const eventIdText = leafValue(child(info, 'EventId'));
		if (!eventIdText) throw new Error('a revision without an EventId');
		const eventId = eventIdOf(eventIdText);
		const code = leafValue(child(info, 'ProcessingCode')) ?? '';
		const action = actionOf(code);
		if (!action)
			throw new Error(
				`ProcessingCode "${code}" of revision ${eventId} is not New, Changed or Deleted (nor 1, 2, 3)`,
			);
		const data = rowOf(item, info);
		if (!Object.keys(data).length)
			throw new Error(`revision ${eventId} carries no data (no row beside its EventInfo)`);
		const companyText =
			leafValue(child(info, 'CompanyId')) ??
			(data.CompanyId !== undefined && data.CompanyId !== null
				? String(data.CompanyId)
				: undefined);
		revisions.push({
			eventId,
			companyId: type.perCompany
				? companyText && /^\d+$/.test(companyText.trim())
					? Number(companyText)
					: companyId
				: null,
			action,
			processingCode: code,
			created: leafValue(child(info, 'Created')) ?? undefined,
			data,
		});
	}
	return revisions;
}

/**
 * The legacy `Dictionary<Entity, ProcessingCode>` (`KeyValueOf…` with Key = row, Value = code). Legacy
 * rows carry no event id (docs/api/vitec.md §5.1): `sequence` (a prefix unique per poll, a running number) stands in for it, so
 * that an id never repeats across batches and polls. De-duplicate legacy rows on `key`, not on this id.
 */
export function readLegacyRevisions(
	result: XmlElement | undefined,
	type: InformationType,
	companyId: number | null,
	sequence: { prefix: string; count: number },
): Revision[] {
	if (!result || isNil(result)) return [];
	return result.children.map((entry) => {
		const key = child(entry, 'Key');
		const code = leafValue(child(entry, 'Value')) ?? '';
		// Already deleted in Vitec by this read: an unknown code cannot stop it, so the row is kept and marked.
		const action = actionOf(code) ?? 'unknown';
		const data = key ? rowToJson(key) : {};
		return {
			eventId: `${sequence.prefix}-${++sequence.count}`,
			companyId: type.perCompany ? companyId : null,
			action,
			processingCode: code,
			data,
		};
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
			leafValue(child(entry, 'InformationType')) ??
			leafValue(child(entry, 'EventType')) ??
			leafValue(child(entry, 'Type')) ??
			(entry.children.length ? '' : entry.text.trim());
		return {
			companyId: company && /^\d+$/.test(company.trim()) ? Number(company) : null,
			informationType: informationType ?? '',
			count: count && /^\d+$/.test(count.trim()) ? Number(count) : null,
		};
	});
}

/** Matches a pending entry's type name to our information types (several spellings); undefined = unknown. */
export function matchInformationType(
	name: string,
	types: InformationType[],
): InformationType | undefined {
	const wanted = name.toLowerCase().replace(/[^a-z0-9åäö]/g, '');
	if (!wanted) return undefined;
	return types.find((type) => {
		const aliases = [
			type.value,
			type.name,
			type.swedish,
			type.method,
			type.method.replace(/^Get/, '').replace(/Revisions$/, ''),
		];
		return aliases.some((alias) => alias.toLowerCase().replace(/[^a-z0-9åäö]/g, '') === wanted);
	});
}

/** A list answer (companies, GetAll): each child element is one row. */
export function readRows(result: XmlElement | undefined): IDataObject[] {
	if (!result || isNil(result)) return [];
	return result.children.map(rowToJson);
}

export type { SoapVersion };
