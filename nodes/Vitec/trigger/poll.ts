/**
 * The polling trigger. On Emit: pay the receipts owed for what the previous poll emitted → pending check →
 * one batch per (type, company) → return, with this poll's receipts saved in static data (n8n stores it with
 * the emit). Later: the same without receipts; the workflow's Acknowledge step sends them. Manual runs
 * ("Fetch Test Event") never acknowledge and never touch the state. The guarantee and why it holds:
 * docs/vitec.md "Delivery guarantee".
 */
import type {
	IDataObject,
	INodeExecutionData,
	INodeProperties,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { forgetCredentials } from '../../common/http';
import { INFORMATION_TYPE_BY_VALUE, type InformationType } from '../config';
import {
	dimensionField,
	dimensionWarning,
	informationTypeOptions,
	integrationIdField,
	reportPlanField,
} from '../fields';
import {
	acknowledge,
	batchItem,
	fetchBatch,
	listCompanies,
	pendingEvents,
	receiptError,
	returnedAfterReceipt,
	revisionItem,
	type FetchSettings,
	type Target,
} from '../revisions';
import { matchInformationType, type PendingEntry, type Revision } from '../soap';

export const triggerProperties: INodeProperties[] = [
	integrationIdField,
	{
		displayName: 'Information Types',
		name: 'informationTypes',
		type: 'multiOptions',
		options: informationTypeOptions,
		default: ['accounting'],
		required: true,
		description:
			'What to receive; each must be ticked in the Prenumeration in Vitec (Prenumerera på)',
	},
	{
		displayName: 'Companies',
		name: 'companySelection',
		type: 'options',
		options: [
			{
				name: 'All the API User Sees',
				value: 'all',
				description:
					'Companies with pending events (or the full company list when the pending check is off)',
			},
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
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
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
				description:
					"Confirm receipt to Vitec at the next poll, once n8n has stored the items (at-least-once). If the workflow then fails, use n8n's error workflow or retry the execution: Vitec will not send them again.",
			},
			{
				name: 'Later, by an Acknowledge Step (At-Least-Once)',
				value: 'later',
				description:
					'Confirm only when the workflow reaches a Vitec Ekonomi → Acknowledge step. Unconfirmed revisions come again after the redelivery timeout.',
			},
			{
				name: 'Legacy Destructive Read (Not Recommended)',
				value: 'legacyDestructive',
				description:
					'Old Get…Revisions methods: Vitec deletes the revisions when it sends them, so a crash loses them',
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
		displayName:
			'Legacy mode: Vitec removes revisions when it sends them. If n8n stops before the workflow has stored them, they are lost. Fetch Test Event is refused in this mode.',
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
		description:
			'How long an emitted but unconfirmed revision is held back before it is emitted again',
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
				description:
					'Whether to ask GetListOfPendingEvents first (cheap, recommended by Vitec) and fetch only where something waits',
			},
			{
				displayName: 'Max Batches per Poll',
				name: 'maxBatchesPerPoll',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 100 },
				default: 10,
				description:
					'At most this many revision calls per poll (each up to 5000 revisions, one per type and company): what is left comes at the next poll. Bounds memory and time.',
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

/** Receipts owed for what the last emitting poll returned (On Emit). */
interface OwedReceipt {
	type: string;
	companyId: number | null;
	eventIds: Array<number | string>;
}

interface TriggerState {
	/** On Emit: sent at the start of the next poll; saved by n8n together with the emit. */
	owed?: OwedReceipt[];
	/** On Emit, per target: the ids of the last receipt, until a fetch of that target shows it took effect. */
	unverified?: Record<string, Array<number | string>>;
	/** Later mode: `${type}|${companyId}|${eventId}` → when it was emitted (ms). */
	inFlight?: Record<string, number>;
	/** Later mode, per target: the pending count when its head was emitted; no fetch while it is unchanged. */
	heads?: Record<string, { pending: number; at: number }>;
	/** Per target: polls in a row it failed, since when, and the last error. */
	failing?: Record<string, { polls: number; since: string; message: string }>;
	/** Where the next poll starts when Max Batches per Poll is less than the targets. */
	cursor?: number;
}

/** A target failing this many polls in a row makes a poll fail once (error workflow, executions list). */
const REPORT_AFTER_POLLS = 10;

/**
 * Polls running now, per workflow and trigger node. n8n starts each tick without waiting for the previous one
 * (n8n-core `ScheduledTaskManager.registerCron` calls `onTick()` unawaited), and it runs pollers only in the main
 * process — in queue mode too; with several mains only on the leader (`isLeader` check in the same file) —
 * so one process-wide set sees every poll of a trigger. It holds nothing across restarts, on purpose: a killed
 * poll must not block the next process. See docs/vitec.md "Overlapping polls".
 */
const running = new Set<string>();

function parseCompanyIds(ctx: IPollFunctions, text: string): number[] {
	const parts = text.split(/[\s,;]+/).filter(Boolean);
	const ids = parts.map(Number);
	const bad = parts.find((part, index) => !/^\d+$/.test(part) || ids[index] <= 0);
	if (bad !== undefined || !ids.length) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Company IDs: "${bad ?? text}" is not a company number; enter numbers separated by commas, like 101, 102`,
		);
	}
	return ids;
}

const targetKey = (type: string, companyId: number | null) => `${type}|${companyId}`;
const describe = (target: Target) =>
	target.companyId === null
		? target.type.value
		: `${target.type.value} for company ${target.companyId}`;

export async function pollRevisions(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	if (this.getMode() === 'manual') return await pollOnce(this, true);
	const key = `${this.getWorkflow().id ?? ''}|${this.getNode().id ?? this.getNode().name}`;
	if (running.has(key)) {
		this.logger.warn(
			'Vitec Ekonomi Trigger: the previous poll is still running, so this one is skipped (no revision is fetched twice)',
		);
		return null;
	}
	running.add(key);
	try {
		return await pollOnce(this, false);
	} finally {
		running.delete(key);
	}
}

interface PollSettings {
	integrationId: string;
	types: InformationType[];
	companies: number[] | undefined;
	mode: 'onEmit' | 'later' | 'legacyDestructive';
	checkPending: boolean;
	maxCalls: number;
	perBatch: boolean;
	fetch: FetchSettings;
	timeoutMs: number;
}

function readSettings(ctx: IPollFunctions, manual: boolean): PollSettings {
	const integrationId = String(ctx.getNodeParameter('integrationId', '') ?? '').trim();
	if (!integrationId)
		throw new NodeOperationError(
			ctx.getNode(),
			'Integration-ID is required: enter the ID of the Prenumeration created in Vitec',
		);
	const typeValues = ctx.getNodeParameter('informationTypes', []) as string[];
	const types = typeValues
		.map((value) => INFORMATION_TYPE_BY_VALUE.get(value))
		.filter((type): type is InformationType => !!type);
	if (!types.length)
		throw new NodeOperationError(
			ctx.getNode(),
			'Information Types: choose at least one type to receive',
		);
	const selection = ctx.getNodeParameter('companySelection', 'all') as string;
	let companies: number[] | undefined;
	if (selection === 'list')
		companies = (ctx.getNodeParameter('companies', []) as Array<number | string>)
			.map(Number)
			.filter((id) => id > 0);
	if (selection === 'ids')
		companies = parseCompanyIds(ctx, String(ctx.getNodeParameter('companyIds', '')));
	if (companies && !companies.length && types.some((type) => type.perCompany)) {
		throw new NodeOperationError(
			ctx.getNode(),
			'Companies: choose at least one company (or select "All the API User Sees")',
		);
	}
	const mode = ctx.getNodeParameter('acknowledgeMode', 'onEmit') as PollSettings['mode'];
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	if (manual && mode === 'legacyDestructive') {
		throw new NodeOperationError(
			ctx.getNode(),
			'Fetch Test Event is not available in Legacy Destructive Read mode',
			{
				description:
					'A test fetch would delete the revisions in Vitec. Switch Acknowledge Mode to On Emit or Later to see test data.',
			},
		);
	}
	return {
		integrationId,
		types,
		companies,
		mode,
		checkPending: options.checkPendingFirst !== false,
		maxCalls: Math.max(1, Math.min(100, Math.floor(Number(options.maxBatchesPerPoll ?? 10)) || 10)),
		perBatch: options.output === 'batch',
		fetch: {
			integrationId,
			dimension: String(ctx.getNodeParameter('dimension', 'All') || 'All'),
			reportPlan: Number(options.reportPlan ?? 0) || 0,
			legacy: mode === 'legacyDestructive',
			legacySequence: { prefix: `legacy-${Date.now().toString(36)}`, count: 0 },
		},
		timeoutMs:
			Math.max(1, Number(ctx.getNodeParameter('redeliveryTimeoutMinutes', 30)) || 30) * 60_000,
	};
}

/** A target's failure as text (message and Vitec's own words), for the warning; docs/api/vitec.md §7. */
function failureText(error: unknown): string {
	const { message, description } = error as { message?: string; description?: string };
	return [message ?? String(error), description].filter(Boolean).join(' — ');
}

async function pollOnce(
	ctx: IPollFunctions,
	manual: boolean,
): Promise<INodeExecutionData[][] | null> {
	// n8n keeps this context for the whole activation: read the credential again on every poll.
	forgetCredentials(ctx);
	const settings = readSettings(ctx, manual);
	const { integrationId, mode } = settings;
	// Manual runs work on a throwaway state: they never acknowledge and never change what the active trigger keeps.
	const state = (manual ? {} : ctx.getWorkflowStaticData('node')) as TriggerState;
	const now = Date.now();
	const failedNow = new Map<string, { target: Target; error: unknown }>();

	// 1. On Emit: the receipts for what the previous poll emitted. n8n saved them with that emit, so the items
	//    are n8n's now. A target whose receipt fails is not fetched (it would return the same rows again).
	const blocked = new Set<string>();
	if (!manual && mode === 'onEmit' && state.owed?.length) {
		const stillOwed: OwedReceipt[] = [];
		state.unverified ??= {};
		for (const receipt of state.owed) {
			const type = INFORMATION_TYPE_BY_VALUE.get(receipt.type);
			if (!type) continue;
			const key = targetKey(receipt.type, receipt.companyId);
			try {
				await acknowledge(ctx, type, receipt.companyId, integrationId, receipt.eventIds, {});
				state.unverified[key] = receipt.eventIds;
			} catch (error) {
				stillOwed.push(receipt);
				blocked.add(key);
				failedNow.set(key, { target: { type, companyId: receipt.companyId }, error });
			}
		}
		state.owed = stillOwed;
	}

	// 2. Which (type, company) pairs to ask: only where the pending list shows something, when it can tell.
	let targets: Array<Target & { pending: number | null }> | undefined;
	if (settings.checkPending) {
		const pending = await pendingEvents(ctx, integrationId, {});
		if (!pending.some((entry) => entry.count === null || entry.count > 0)) {
			if (manual) throw nothingPending(ctx, integrationId);
			// Nothing waits anywhere: every receipt just sent took effect.
			delete state.unverified;
			return reportFailures(ctx, state, failedNow);
		}
		targets = targetsFromPending(pending, settings.types, settings.companies);
		if (targets && state.unverified) {
			// A target the complete pending list does not name is empty: its receipt took effect.
			for (const key of Object.keys(state.unverified))
				if (!targets.some((target) => targetKey(target.type.value, target.companyId) === key))
					delete state.unverified[key];
		}
	}
	if (!targets) {
		const all =
			settings.companies ??
			(settings.types.some((type) => type.perCompany)
				? (await listCompanies(ctx, {})).map((company) => Number(company.CompanyId))
				: []);
		targets = [];
		for (const type of settings.types) {
			if (!type.perCompany) targets.push({ type, companyId: null, pending: null });
			else for (const companyId of all) targets.push({ type, companyId, pending: null });
		}
	}

	// 3. One batch per target (the receipt modes cannot take a second one before the first is acknowledged),
	//    at most Max Batches calls, starting where the last poll stopped so that every target gets its turn.
	const start = targets.length ? (state.cursor ?? 0) % targets.length : 0;
	const ordered = [...targets.slice(start), ...targets.slice(0, start)];
	const fetchedAt = new Date(now).toISOString();
	const items: INodeExecutionData[] = [];
	const owed: OwedReceipt[] = [];
	const inFlight: Record<string, number> = {};
	if (mode === 'later')
		for (const [key, at] of Object.entries(state.inFlight ?? {}))
			if (now - at < settings.timeoutMs) inFlight[key] = at;
	const heads: NonNullable<TriggerState['heads']> = { ...(state.heads ?? {}) };
	const waiting = new Set(Object.keys(inFlight).map((key) => key.slice(0, key.lastIndexOf('|'))));
	const emit = (revisions: Revision[], target: Target) => {
		if (!revisions.length) return;
		if (settings.perBatch)
			items.push({
				json: batchItem(revisions, target.type, target.companyId, integrationId, fetchedAt),
			});
		else
			for (const revision of revisions)
				items.push({ json: revisionItem(revision, target.type, integrationId, fetchedAt) });
	};
	let calls = 0;
	let visited = 0;
	let succeeded = 0;
	for (const target of ordered) {
		if (calls >= settings.maxCalls) break;
		visited++;
		const key = targetKey(target.type.value, target.companyId);
		if (blocked.has(key)) continue;
		const head = heads[key];
		if (
			mode === 'later' &&
			head &&
			target.pending !== null &&
			target.pending === head.pending &&
			waiting.has(key)
		) {
			// The head emitted earlier still waits for the workflow's Acknowledge step (its in-flight marks have not
			// timed out) and the pending count did not move: the same rows would come back, so they are not fetched.
			succeeded++;
			continue;
		}
		let revisions: Revision[];
		try {
			calls++;
			revisions = await fetchBatch(ctx, target, settings.fetch, {});
			// Legacy reads delete what they return: keep reading this target while there is more (no receipt to wait for).
			while (settings.fetch.legacy && revisions.length && calls < settings.maxCalls) {
				emit(revisions, target);
				calls++;
				revisions = await fetchBatch(ctx, target, settings.fetch, {});
			}
		} catch (error) {
			failedNow.set(key, { target, error });
			continue;
		}
		succeeded++;
		if (!manual && mode === 'onEmit' && state.unverified?.[key]) {
			// What was just acknowledged must not come back: else Vitec could not read the receipt. Stop here, never
			// emit the same batch again (it stays in Vitec; the owed receipt is sent again at the next poll).
			const returned = returnedAfterReceipt(revisions, state.unverified[key]);
			if (returned.length) {
				state.owed = [
					...(state.owed ?? []),
					{ type: target.type.value, companyId: target.companyId, eventIds: state.unverified[key] },
				];
				throw receiptError(ctx, target, returned);
			}
			delete state.unverified[key];
		}
		if (!revisions.length) continue;
		if (manual) {
			emit(revisions, target);
			break;
		}
		if (mode === 'later') {
			const fresh = revisions.filter((revision) => !inFlight[`${key}|${revision.eventId}`]);
			for (const revision of fresh) inFlight[`${key}|${revision.eventId}`] = now;
			emit(fresh, target);
			if (target.pending !== null) heads[key] = { pending: target.pending, at: now };
			else delete heads[key];
			continue;
		}
		emit(revisions, target);
		if (mode === 'onEmit')
			owed.push({
				type: target.type.value,
				companyId: target.companyId,
				eventIds: revisions.map((revision) => revision.eventId),
			});
	}

	if (manual) {
		if (!items.length) {
			const first = [...failedNow.values()][0];
			if (first) throw first.error;
			throw nothingPending(ctx, integrationId);
		}
		return [items];
	}
	// Every target tried failed: the poll fails (with the first failure), so that it is seen.
	if (!succeeded && failedNow.size) return reportFailures(ctx, state, failedNow, true);
	const result = reportFailures(ctx, state, failedNow);
	// Only now, with nothing left to throw, what this poll emits is recorded: the receipts owed (On Emit) and the
	// in-flight marks (Later). n8n saves the static data when it takes the items.
	state.cursor = targets.length ? (start + visited) % targets.length : 0;
	if (mode === 'onEmit') state.owed = [...(state.owed ?? []), ...owed];
	if (mode === 'later') {
		state.inFlight = inFlight;
		state.heads = heads;
	}
	return items.length ? [items] : result;
}

/**
 * Warns about each failing target (named, with how long it has failed) and keeps the count in static data.
 * Throws when every target failed (`all`), or when a target has failed REPORT_AFTER_POLLS polls in a row (then its
 * count starts again), so that a lasting failure reaches n8n's error workflow instead of only the log. What that poll
 * fetched is not lost: nothing of it was acknowledged, so the next poll fetches it again.
 */
function reportFailures(
	ctx: IPollFunctions,
	state: TriggerState,
	failedNow: Map<string, { target: Target; error: unknown }>,
	all = false,
): null {
	const failing: NonNullable<TriggerState['failing']> = {};
	for (const [key, { target, error }] of failedNow) {
		const before = state.failing?.[key];
		const entry = {
			polls: (before?.polls ?? 0) + 1,
			since: before?.since ?? new Date().toISOString(),
			message: failureText(error),
		};
		failing[key] = entry;
		ctx.logger.warn(
			`Vitec Ekonomi Trigger skipped ${describe(target)} (failing for ${entry.polls} poll${entry.polls > 1 ? 's' : ''} since ${entry.since}); the other types and companies were fetched: ${entry.message}`,
		);
	}
	state.failing = failing;
	if (!failedNow.size) return null;
	const lasting = Object.entries(failing).filter(([, entry]) => entry.polls >= REPORT_AFTER_POLLS);
	if (all || lasting.length) {
		const [key, first] = all
			? [...failedNow.entries()][0]
			: [lasting[0][0], failedNow.get(lasting[0][0])!];
		const names = [...failedNow.values()].map(({ target }) => describe(target)).join(', ');
		const since = all
			? ''
			: ` (failing for ${failing[key].polls} polls since ${failing[key].since})`;
		for (const [name] of lasting) failing[name].polls = 0;
		const { message, description } = first.error as { message?: string; description?: string };
		throw new NodeApiError(
			ctx.getNode(),
			{ message: message ?? String(first.error) },
			{
				message: `Vitec Ekonomi Trigger could not fetch ${names}${since}: ${message ?? String(first.error)}`,
				description: `${description ? `${description}. ` : ''}Nothing was acknowledged for ${names}: these revisions stay in Vitec until the cause is fixed.${all ? '' : ' The other types and companies are still fetched.'}`,
				httpCode: (first.error as { httpCode?: string }).httpCode,
			},
		);
	}
	return null;
}

/** Fetch Test Event found nothing: say what to do instead of showing an empty result. */
function nothingPending(ctx: IPollFunctions, integrationId: string): NodeOperationError {
	return new NodeOperationError(
		ctx.getNode(),
		`No revisions are waiting in Vitec for Integration-ID "${integrationId}" (for the chosen types and companies)`,
		{
			description:
				'Change a row in Vitec Ekonomi (or ask your Vitec administrator for a one-time transfer, Engångsöverföring) and fetch again. Check that the Prenumeration is active and includes these information types and companies.',
		},
	);
}

/** The pairs the pending list names; undefined when it names something we cannot map (then ask all). */
function targetsFromPending(
	pending: PendingEntry[],
	types: InformationType[],
	companies: number[] | undefined,
): Array<Target & { pending: number | null }> | undefined {
	const targets: Array<Target & { pending: number | null }> = [];
	const seen = new Map<string, Target & { pending: number | null }>();
	for (const entry of pending) {
		if (entry.count !== null && entry.count <= 0) continue;
		const type = matchInformationType(entry.informationType, types.length ? types : []);
		if (!type) {
			const known = matchInformationType(entry.informationType, [
				...INFORMATION_TYPE_BY_VALUE.values(),
			]);
			if (known) continue; // a type this trigger does not receive
			return undefined;
		}
		if (type.perCompany && entry.companyId === null) return undefined;
		const companyId = type.perCompany ? entry.companyId : null;
		if (companyId !== null && companies && !companies.includes(companyId)) continue;
		const key = targetKey(type.value, companyId);
		const known = seen.get(key);
		if (known)
			known.pending =
				known.pending === null || entry.count === null ? null : known.pending + entry.count;
		else {
			const target = { type, companyId, pending: entry.count };
			seen.set(key, target);
			targets.push(target);
		}
	}
	// Oldest types first is unknown; keep the order of the selected types for predictability.
	return targets.sort(
		(a, b) =>
			types.indexOf(a.type) - types.indexOf(b.type) || (a.companyId ?? 0) - (b.companyId ?? 0),
	);
}
