/**
 * The revision calls shared by the trigger and the node: fetch one batch (receipt variant, or the legacy
 * destructive one when asked), acknowledge (per company, ≤5000 ids per call), pending events, companies,
 * and the shape of an output item.
 */
import type { IDataObject } from 'n8n-workflow';

import { apiError, type RequestContext, type RetryPolicy } from '../common/http';
import type { InformationType } from './config';
import { VITEC_DEFAULTS, VITEC_METHODS, namedMethod, revisionMethod } from './config';
import {
	companySelector,
	readLegacyRevisions,
	readPendingEvents,
	readRevisions,
	readRows,
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
}

export interface Target {
	type: InformationType;
	/** null for currency rates (no company selector). */
	companyId: number | null;
}

function revisionParams(target: Target, settings: FetchSettings): SoapParam[] {
	const { type } = target;
	const params: SoapParam[] = [];
	if (type.perCompany) params.push(companySelector(target.companyId));
	if (type.extra === 'reportPlan') params.push({ name: 'reportPlan', value: settings.reportPlan });
	params.push({ name: 'integrationId', value: settings.integrationId });
	if (type.extra === 'dimension') params.push({ name: 'dimension', value: settings.dimension || 'All' });
	if (type.extra === 'ledgerOptions') params.push({ name: 'options', members: [] });
	if (!settings.legacy) params.push({ name: 'batchId', value: 0 });
	return params;
}

/** One call: at most 5000 of the oldest revisions of one type and company. */
export async function fetchBatch(ctx: RequestContext, target: Target, settings: FetchSettings, request: RequestSettings): Promise<Revision[]> {
	const { config, secrets } = await vitecConfig(ctx, request.itemIndex);
	const method = revisionMethod(config, target.type, settings.legacy);
	const result = await callVitec(ctx, target.type.contract, method, revisionParams(target, settings), {
		...request,
		// The legacy read deletes what it returns: repeating it cannot bring lost rows back, so it is not retried.
		safeToRepeat: !settings.legacy,
	});
	try {
		return settings.legacy ? readLegacyRevisions(result, target.type, target.companyId) : readRevisions(result, target.type);
	} catch (error) {
		// Nothing was confirmed: the same revisions stay in Vitec until this is sorted out.
		const message = `Vitec answered ${method} with a revision the node cannot read: ${(error as Error).message}`;
		const description = 'Nothing was acknowledged, so no revision is lost. The answer\'s shape differs from what the node expects: see docs/vitec.md "what is still unconfirmed".';
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
				companySelector(companyId),
				{ name: 'integrationId', value: integrationId },
				{ name: 'revisionReciept', members: [{ name: 'BatchId', value: 0 }, { name: 'EventIds', longs: chunk }] },
			],
			{ ...request, safeToRepeat: true },
		);
	}
	return eventIds.length;
}

export async function pendingEvents(ctx: RequestContext, integrationId: string, request: RequestSettings): Promise<PendingEntry[]> {
	const { config } = await vitecConfig(ctx, request.itemIndex);
	const method = namedMethod(config, 'pendingEvents', VITEC_METHODS.pendingEvents.name);
	const result = await callVitec(ctx, VITEC_METHODS.pendingEvents.contract, method, [{ name: 'integrationId', value: integrationId }], {
		...request,
		safeToRepeat: true,
	});
	return readPendingEvents(result);
}

export async function listCompanies(ctx: RequestContext, request: RequestSettings): Promise<IDataObject[]> {
	const { config } = await vitecConfig(ctx, request.itemIndex);
	const method = namedMethod(config, 'listCompanies', VITEC_METHODS.listCompanies.name);
	const result = await callVitec(ctx, VITEC_METHODS.listCompanies.contract, method, [], { ...request, safeToRepeat: true });
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

export function revisionItem(revision: Revision, type: InformationType, integrationId: string, fetchedAt: string): IDataObject {
	return {
		integrationId,
		companyId: revision.companyId,
		type: type.value,
		typeName: type.swedish,
		eventId: revision.eventId,
		action: revision.action,
		deleted: revision.action === 'deleted',
		// Vitec's own value (New/Changed/Deleted or 1/2/3); an unknown one is treated as changed (upsert).
		processingCode: revision.processingCode,
		key: keyOf(type, revision.data, revision.companyId),
		...(revision.created ? { created: revision.created } : {}),
		data: revision.data,
		fetchedAt,
	};
}

export function batchItem(revisions: Revision[], type: InformationType, companyId: number | null, integrationId: string, fetchedAt: string): IDataObject {
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
