/**
 * The revision calls shared by the trigger and the node: fetch one batch (receipt variant, or the legacy
 * destructive one when asked), acknowledge (per company, ≤5000 ids per call), pending events, companies,
 * and the shape of an output item.
 */
import type { IDataObject, NodeApiError } from 'n8n-workflow';

import { apiError, type RequestContext, type RetryPolicy } from '../common/http';
import {
	VITEC_DEFAULTS,
	VITEC_METHODS,
	dataContractNamespace,
	namedMethod,
	revisionMethod,
	type InformationType,
	type VitecConfig,
} from './config';
import {
	companySelector,
	readLegacyRevisions,
	readPendingEvents,
	readRevisions,
	readRows,
	revisionReceipt,
	type PendingEntry,
	type Revision,
	type SoapParam,
} from './soap';
import { callVitec, vitecConfig } from './transport';

export interface RequestSettings {
	itemIndex?: number;
	retry?: Partial<RetryPolicy>;
	timeoutMs?: number;
}

export interface FetchSettings {
	integrationId: string;
	/** Accounting only: All, or Dimension01…Dimension10 (a filter that deletes non-matching events in Vitec). */
	dimension: string;
	/** Chart of accounts only: 0 = the company's default report plan (RED). */
	reportPlan: number;
	legacy: boolean;
	/** Legacy reads only: the stand-in event ids (legacy rows have none), a prefix unique per poll and a counter. */
	legacySequence?: { prefix: string; count: number };
}

export interface Target {
	type: InformationType;
	/** null for currency rates (no company selector). */
	companyId: number | null;
}

function revisionParams(config: VitecConfig, target: Target, settings: FetchSettings): SoapParam[] {
	const { type } = target;
	const params: SoapParam[] = [];
	if (type.perCompany) params.push(companySelector(config, target.companyId));
	if (type.extra === 'reportPlan') params.push({ name: 'reportPlan', value: settings.reportPlan });
	params.push({ name: 'integrationId', value: settings.integrationId });
	if (type.extra === 'dimension')
		params.push({ name: 'dimension', value: settings.dimension || 'All' });
	if (type.extra === 'ledgerOptions') {
		const optionsType =
			type.contract === 'Customer'
				? 'GetSalesLedgerRevisionsOptions'
				: 'GetSupplierLedgerRevisionsOptions';
		params.push({
			name: 'options',
			namespace: dataContractNamespace(config, optionsType),
			members: [],
		});
	}
	if (!settings.legacy) params.push({ name: 'batchId', value: 0 });
	return params;
}

/** One call: at most 5000 of the oldest revisions of one type and company. */
export async function fetchBatch(
	ctx: RequestContext,
	target: Target,
	settings: FetchSettings,
	request: RequestSettings,
): Promise<Revision[]> {
	const { config, secrets } = await vitecConfig(ctx, request.itemIndex);
	const method = revisionMethod(config, target.type, settings.legacy);
	const result = await callVitec(
		ctx,
		target.type.contract,
		method,
		revisionParams(config, target, settings),
		{
			...request,
			// The legacy read deletes what it returns: repeating it cannot bring lost rows back, so it is not retried.
			safeToRepeat: !settings.legacy,
		},
	);
	try {
		return settings.legacy
			? readLegacyRevisions(
					result,
					target.type,
					target.companyId,
					(settings.legacySequence ??= { prefix: `legacy-${Date.now().toString(36)}`, count: 0 }),
				)
			: readRevisions(result, target.type, target.companyId);
	} catch (error) {
		// Nothing was confirmed: the same revisions stay in Vitec until this is sorted out.
		const message = `Vitec answered ${method} with a revision the node cannot read: ${(error as Error).message}`;
		const description =
			'Nothing was acknowledged, so no revision is lost. The answer\'s shape differs from what the node expects: see docs/vitec.md "what is still unconfirmed".';
		throw apiError(ctx.getNode(), { message, description, itemIndex: request.itemIndex }, secrets);
	}
}

/**
 * SendProofOfReceiptForRevisions for one company: the listed events are removed from Vitec's log. Safe to
 * repeat (removing an id twice leaves the same log), so lost answers are retried.
 */
export async function acknowledge(
	ctx: RequestContext,
	type: InformationType | undefined,
	companyId: number | null,
	integrationId: string,
	eventIds: Array<number | string>,
	request: RequestSettings,
): Promise<number> {
	const { config } = await vitecConfig(ctx, request.itemIndex);
	const method = namedMethod(config, 'acknowledge', VITEC_METHODS.acknowledge.name);
	const contract = type?.contract ?? 'Accounting';
	for (let start = 0; start < eventIds.length; start += VITEC_DEFAULTS.maxBatchSize) {
		const chunk = eventIds.slice(start, start + VITEC_DEFAULTS.maxBatchSize);
		await callVitec(
			ctx,
			contract,
			method,
			[
				companySelector(config, companyId),
				{ name: 'integrationId', value: integrationId },
				revisionReceipt(config, chunk),
			],
			{ ...request, safeToRepeat: true },
		);
	}
	return eventIds.length;
}

/** The credential settings a receipt depends on, for the error that says what to check. */
export const RECEIPT_SETTINGS_HINT =
	"Vitec answered the receipt (SendProofOfReceiptForRevisions) without an error but removed nothing: it did not recognise the receipt's members. Compare the credential's Advanced Settings with the WSDL of your installation: Receipt Parameter Name, Receipt Event IDs Member, Receipt Batch ID Member, and the namespace of RevisionReciept (Data Contract Namespaces per Type, else Data Contract Namespace). Nothing is lost: the revisions stay in Vitec until a receipt takes effect.";

/**
 * The ids of a fetched batch that were just acknowledged for its target. Any at all means Vitec accepted a
 * receipt it could not read: a WCF service ignores members whose name or namespace it does not know
 * (docs/api/vitec.md §5.6). Callers stop with `receiptError`, never treating it as one target's failure.
 */
export function returnedAfterReceipt(
	revisions: Revision[],
	acknowledged: Iterable<number | string>,
): Array<number | string> {
	const sent = new Set([...acknowledged].map(String));
	return sent.size
		? revisions
				.filter((revision) => sent.has(String(revision.eventId)))
				.map((revision) => revision.eventId)
		: [];
}

/** The error for a receipt that had no effect, naming the revisions and the settings to check. */
export function receiptError(
	ctx: RequestContext,
	target: Target,
	returned: Array<number | string>,
	itemIndex?: number,
): NodeApiError {
	const list = `${returned.slice(0, 5).join(', ')}${returned.length > 5 ? '…' : ''}`;
	const company = target.companyId === null ? '' : `, company ${target.companyId}`;
	const message = `Vitec's acknowledgement had no effect: revision${returned.length > 1 ? 's' : ''} ${list} came back after being acknowledged (${target.type.value}${company})`;
	return apiError(ctx.getNode(), { message, description: RECEIPT_SETTINGS_HINT, itemIndex }, []);
}

/**
 * After an acknowledgement: fetch the head of the queue again and check that none of the ids came back
 * (one revision call; used where no later fetch would notice, as the Acknowledge action).
 */
export async function verifyReceipt(
	ctx: RequestContext,
	target: Target,
	integrationId: string,
	eventIds: Array<number | string>,
	request: RequestSettings,
): Promise<void> {
	const head = await fetchBatch(
		ctx,
		target,
		{ integrationId, dimension: 'All', reportPlan: 0, legacy: false },
		request,
	);
	const returned = returnedAfterReceipt(head, eventIds);
	if (returned.length) throw receiptError(ctx, target, returned, request.itemIndex);
}

export async function pendingEvents(
	ctx: RequestContext,
	integrationId: string,
	request: RequestSettings,
): Promise<PendingEntry[]> {
	const { config } = await vitecConfig(ctx, request.itemIndex);
	const method = namedMethod(config, 'pendingEvents', VITEC_METHODS.pendingEvents.name);
	const result = await callVitec(
		ctx,
		VITEC_METHODS.pendingEvents.contract,
		method,
		[{ name: 'integrationId', value: integrationId }],
		{
			...request,
			safeToRepeat: true,
		},
	);
	return readPendingEvents(result);
}

export async function listCompanies(
	ctx: RequestContext,
	request: RequestSettings,
): Promise<IDataObject[]> {
	const { config } = await vitecConfig(ctx, request.itemIndex);
	const method = namedMethod(config, 'listCompanies', VITEC_METHODS.listCompanies.name);
	const result = await callVitec(ctx, VITEC_METHODS.listCompanies.contract, method, [], {
		...request,
		safeToRepeat: true,
	});
	return readRows(result);
}

/** `101|2025|A|1234|3|*|0`: the row's key fields joined, for upserts and de-duplication downstream. */
export function keyOf(type: InformationType, data: IDataObject, companyId: number | null): string {
	return type.keyFields
		.map((field) => {
			const value = data[field] ?? (field === 'CompanyId' ? companyId : undefined);
			return value === undefined || value === null ? '' : String(value);
		})
		.join('|');
}

export function revisionItem(
	revision: Revision,
	type: InformationType,
	integrationId: string,
	fetchedAt: string,
): IDataObject {
	return {
		integrationId,
		companyId: revision.companyId,
		type: type.value,
		typeName: type.swedish,
		eventId: revision.eventId,
		action: revision.action,
		deleted: revision.action === 'deleted',
		// Vitec's own value (New/Changed/Deleted or 1/2/3); an unknown one stops the read (legacy: action 'unknown').
		processingCode: revision.processingCode,
		key: keyOf(type, revision.data, revision.companyId),
		...(revision.created ? { created: revision.created } : {}),
		data: revision.data,
		fetchedAt,
	};
}

export function batchItem(
	revisions: Revision[],
	type: InformationType,
	companyId: number | null,
	integrationId: string,
	fetchedAt: string,
): IDataObject {
	return {
		integrationId,
		companyId,
		type: type.value,
		typeName: type.swedish,
		count: revisions.length,
		eventIds: revisions.map((revision) => revision.eventId),
		revisions: revisions.map((revision) => revisionItem(revision, type, integrationId, fetchedAt)),
		fetchedAt,
	};
}
