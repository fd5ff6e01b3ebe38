/**
 * The polling trigger: pending check → fetch (receipt variant) → items → acknowledge (on emit) or remember
 * (later) → return. Nothing is lost: events leave Vitec's log only after n8n has them (on emit) or after
 * the workflow's Acknowledge step (later); manual runs ("Fetch Test Event") never acknowledge or save state.
 */
import type { IDataObject, INodeExecutionData, INodeProperties, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { INFORMATION_TYPE_BY_VALUE, type InformationType } from '../config';
import { dimensionField, dimensionWarning, informationTypeOptions, integrationIdField, reportPlanField } from '../fields';
import { acknowledge, batchItem, fetchBatch, listCompanies, pendingEvents, revisionItem, type FetchSettings, type Target } from '../revisions';
import { matchInformationType, type Revision } from '../soap';

export const triggerProperties: INodeProperties[] = [
	integrationIdField,
	{
		displayName: 'Information Types',
		name: 'informationTypes',
		type: 'multiOptions',
		options: informationTypeOptions,
		default: ['accounting'],
		required: true,
		description: 'What to receive; each must be ticked in the Prenumeration in Vitec (Prenumerera på)',
	},
	{
		displayName: 'Companies',
		name: 'companySelection',
		type: 'options',
		options: [
			{ name: 'All the API User Sees', value: 'all', description: 'Companies with pending events (or the full company list when the pending check is off)' },
			{ name: 'Chosen From a List', value: 'list' },
			{ name: 'By ID', value: 'ids' },
		],
		default: 'all',
		description: 'Which companies (bolag) to fetch; currency rates are not per company',
	},
	{
		displayName: 'Company Names or IDs',
		name: 'companies',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getCompanies' },
		default: [],
		description: 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		displayOptions: { show: { companySelection: ['list'] } },
	},
	{
		displayName: 'Company IDs',
		name: 'companyIds',
		type: 'string',
		default: '',
		placeholder: '101, 102',
		description: 'Company numbers (CompanyId) separated by commas',
		displayOptions: { show: { companySelection: ['ids'] } },
	},
	dimensionField,
	dimensionWarning,
	{
		displayName: 'Acknowledge Mode',
		name: 'acknowledgeMode',
		type: 'options',
		options: [
			{
				name: 'On Emit (Simple)',
				value: 'onEmit',
				description: 'Confirm receipt to Vitec as soon as n8n has the items. If the workflow then fails, use n8n\'s error workflow: Vitec will not send them again.',
			},
			{
				name: 'Later, by an Acknowledge Step (At-Least-Once)',
				value: 'later',
				description: 'Confirm only when the workflow reaches a Vitec Ekonomi → Acknowledge step. Unconfirmed revisions come again after the redelivery timeout.',
			},
			{
				name: 'Legacy Destructive Read (Not Recommended)',
				value: 'legacyDestructive',
				description: 'Old Get…Revisions methods: Vitec deletes the revisions when it sends them, so a crash loses them',
			},
		],
		default: 'onEmit',
	},
	{
		displayName:
			'End this workflow with "Vitec Ekonomi → Acknowledge" (Revision resource). Until then the revisions stay in Vitec; while the oldest 5000 are unconfirmed, newer ones cannot be fetched.',
		name: 'laterNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { acknowledgeMode: ['later'] } },
	},
	{
		displayName: 'Legacy mode: Vitec removes revisions when it sends them. If n8n stops before the workflow has stored them, they are lost. Fetch Test Event is refused in this mode.',
		name: 'legacyNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { acknowledgeMode: ['legacyDestructive'] } },
	},
	{
		displayName: 'Redelivery Timeout (Minutes)',
		name: 'redeliveryTimeoutMinutes',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 30,
		description: 'How long an emitted but unconfirmed revision is held back before it is emitted again',
		displayOptions: { show: { acknowledgeMode: ['later'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Check Pending Events First',
				name: 'checkPendingFirst',
				type: 'boolean',
				default: true,
				description: 'Whether to ask GetListOfPendingEvents first (cheap, recommended by Vitec) and fetch only where something waits',
			},
			{
				displayName: 'Max Batches per Poll',
				name: 'maxBatchesPerPoll',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 100 },
				default: 10,
				description: 'Each batch is at most 5000 revisions; what is left comes at the next poll. Bounds memory and time.',
			},
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				options: [
					{ name: 'One Item per Revision', value: 'revision' },
					{ name: 'One Item per Batch', value: 'batch' },
				],
				default: 'revision',
			},
			reportPlanField,
		],
	},
];

interface TriggerState {
	/** Later mode: `${type}|${companyId}|${eventId}` → when it was emitted (ms). */
	inFlight?: Record<string, number>;
}

function parseCompanyIds(ctx: IPollFunctions, text: string): number[] {
	const parts = text.split(/[\s,;]+/).filter(Boolean);
	const ids = parts.map(Number);
	const bad = parts.find((part, index) => !/^\d+$/.test(part) || ids[index] <= 0);
	if (bad !== undefined || !ids.length) {
		throw new NodeOperationError(ctx.getNode(), `Company IDs: "${bad ?? text}" is not a company number; enter numbers separated by commas, like 101, 102`);
	}
	return ids;
}

export async function pollRevisions(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const manual = this.getMode() === 'manual';
	const integrationId = String(this.getNodeParameter('integrationId', '') ?? '').trim();
	if (!integrationId) throw new NodeOperationError(this.getNode(), 'Integration-ID is required: enter the ID of the Prenumeration created in Vitec');
	const typeValues = this.getNodeParameter('informationTypes', []) as string[];
	const types = typeValues.map((value) => INFORMATION_TYPE_BY_VALUE.get(value)).filter((type): type is InformationType => !!type);
	if (!types.length) throw new NodeOperationError(this.getNode(), 'Information Types: choose at least one type to receive');
	const selection = this.getNodeParameter('companySelection', 'all') as string;
	let companies: number[] | undefined;
	if (selection === 'list') companies = (this.getNodeParameter('companies', []) as Array<number | string>).map(Number).filter((id) => id > 0);
	if (selection === 'ids') companies = parseCompanyIds(this, String(this.getNodeParameter('companyIds', '')));
	if (companies && !companies.length && types.some((type) => type.perCompany)) {
		throw new NodeOperationError(this.getNode(), 'Companies: choose at least one company (or select "All the API User Sees")');
	}
	const mode = this.getNodeParameter('acknowledgeMode', 'onEmit') as 'onEmit' | 'later' | 'legacyDestructive';
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const checkPending = options.checkPendingFirst !== false;
	const maxBatches = Math.max(1, Math.min(100, Math.floor(Number(options.maxBatchesPerPoll ?? 10)) || 10));
	const perBatch = options.output === 'batch';
	const settings: FetchSettings = {
		integrationId,
		dimension: String(this.getNodeParameter('dimension', 'All') || 'All'),
		reportPlan: Number(options.reportPlan ?? 0) || 0,
		legacy: mode === 'legacyDestructive',
	};
	if (manual && settings.legacy) {
		throw new NodeOperationError(this.getNode(), 'Fetch Test Event is not available in Legacy Destructive Read mode', {
			description: 'A test fetch would delete the revisions in Vitec. Switch Acknowledge Mode to On Emit or Later to see test data.',
		});
	}

	// Which (type, company) pairs to ask: only where the pending list shows something, when it can tell.
	let targets: Target[] | undefined;
	if (checkPending) {
		const pending = await pendingEvents(this, integrationId, {});
		if (!pending.some((entry) => entry.count === null || entry.count > 0)) {
			if (manual) throw nothingPending(this, integrationId);
			return null;
		}
		targets = targetsFromPending(pending, types, companies);
	}
	if (!targets) {
		const all = companies ?? (types.some((type) => type.perCompany) ? (await listCompanies(this, {})).map((company) => Number(company.CompanyId)) : []);
		targets = [];
		for (const type of types) {
			if (!type.perCompany) targets.push({ type, companyId: null });
			else for (const companyId of all) targets.push({ type, companyId });
		}
	}

	const state = this.getWorkflowStaticData('node') as TriggerState;
	const now = Date.now();
	const timeoutMs = Math.max(1, Number(this.getNodeParameter('redeliveryTimeoutMinutes', 30)) || 30) * 60_000;
	const inFlight: Record<string, number> = {};
	if (mode === 'later') {
		for (const [key, at] of Object.entries(state.inFlight ?? {})) if (now - at < timeoutMs) inFlight[key] = at;
	}

	const fetchedAt = new Date(now).toISOString();
	const items: INodeExecutionData[] = [];
	const emit = (revisions: Revision[], target: Target) => {
		if (!revisions.length) return;
		if (perBatch) items.push({ json: batchItem(revisions, target.type, target.companyId, integrationId, fetchedAt) });
		else for (const revision of revisions) items.push({ json: revisionItem(revision, target.type, integrationId, fetchedAt) });
	};
	let batches = 0;
	let failure: unknown;
	// Round robin: one batch per (type, company) in turn, so a large backlog of one type (a one-time
	// transfer of accounting rows) does not hold back the others; a drained pair leaves the round.
	let active = targets;
	outer: while (active.length && batches < maxBatches) {
		const stillFull: Target[] = [];
		for (const target of active) {
			if (batches >= maxBatches) break outer;
			let revisions: Revision[];
			try {
				revisions = await fetchBatch(this, target, settings, {});
			} catch (error) {
				failure = error;
				break outer;
			}
			batches++;
			if (!revisions.length) continue;
			if (manual) {
				emit(revisions, target);
				break outer;
			}
			if (mode === 'later') {
				const fresh = revisions.filter((revision) => !inFlight[`${target.type.value}|${target.companyId}|${revision.eventId}`]);
				for (const revision of fresh) inFlight[`${target.type.value}|${target.companyId}|${revision.eventId}`] = now;
				emit(fresh, target);
				// Nothing is acknowledged here, so the next call would return the same head of the queue.
				continue;
			}
			emit(revisions, target);
			if (mode === 'onEmit') {
				try {
					await acknowledge(this, target.type, target.companyId, integrationId, revisions.map((revision) => revision.eventId), {});
				} catch (error) {
					// Emitted anyway: the ack may have reached Vitec, so holding them back could lose them.
					failure = error;
					break outer;
				}
			}
			stillFull.push(target);
		}
		active = stillFull;
	}

	if (manual && !items.length && !failure) throw nothingPending(this, integrationId);
	if (!manual && mode === 'later') state.inFlight = inFlight;
	if (failure) {
		// Items already taken from Vitec must reach the workflow; the error is only thrown when nothing was.
		if (!items.length) throw failure;
		this.logger.warn(`Vitec Ekonomi Trigger stopped early, the rest comes at the next poll: ${(failure as Error).message}`);
	}
	return items.length ? [items] : null;
}

/** Fetch Test Event found nothing: say what to do instead of showing an empty result. */
function nothingPending(ctx: IPollFunctions, integrationId: string): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `No revisions are waiting in Vitec for Integration-ID "${integrationId}" (for the chosen types and companies)`, {
		description:
			'Change a row in Vitec Ekonomi (or ask your Vitec administrator for a one-time transfer, Engångsöverföring) and fetch again. Check that the Prenumeration is active and includes these information types and companies.',
	});
}

/** The pairs the pending list names; undefined when it names something we cannot map (then ask all). */
function targetsFromPending(
	pending: Array<{ companyId: number | null; informationType: string; count: number | null }>,
	types: InformationType[],
	companies: number[] | undefined,
): Target[] | undefined {
	const targets: Target[] = [];
	const seen = new Set<string>();
	for (const entry of pending) {
		if (entry.count !== null && entry.count <= 0) continue;
		const type = matchInformationType(entry.informationType, types.length ? types : []);
		if (!type) {
			const known = matchInformationType(entry.informationType, [...INFORMATION_TYPE_BY_VALUE.values()]);
			if (known) continue; // a type this trigger does not receive
			return undefined;
		}
		if (type.perCompany && entry.companyId === null) return undefined;
		const companyId = type.perCompany ? entry.companyId : null;
		if (companyId !== null && companies && !companies.includes(companyId)) continue;
		const key = `${type.value}|${companyId}`;
		if (!seen.has(key)) {
			seen.add(key);
			targets.push({ type, companyId });
		}
	}
	// Oldest types first is unknown; keep the order of the selected types for predictability.
	return targets.sort((a, b) => types.indexOf(a.type) - types.indexOf(b.type) || (a.companyId ?? 0) - (b.companyId ?? 0));
}
