import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { apiError, credentialsOf, errorKindOf, mayHaveBeenApplied } from '../../common/http';
import { secretValuesOf } from '../../common/redact';
import { errorJson } from '../../common/router';
import type { ParameterContext } from '../../common/validate';
import { addDays, formatDate, today } from '../dates';
import { CREDENTIAL, callSmartup, isQuotaSpent } from '../transport';
import type { ImportAnswer } from '../types';
import { readOptions } from './fields';

/** One object (document, reference, status change) built from one input item. */
export interface BuiltObject {
	/** What Smartup's answer names the object by: external_id for documents, code for references, the ID for actions. */
	key: string;
	object: IDataObject;
	/** Group mode: items with the same group key become one document; their lines are joined. */
	groupKey?: string;
	lines?: IDataObject[];
}

export interface ImportSpec {
	path: string;
	root: string;
	/** The field the key travels in (external_id, code, deal_id, inventory_code). */
	keyField: string;
	/** "order", "product" … for messages. */
	label: string;
	linesKey?: string;
	/** Updates keyed by a Smartup ID (status change, attach data, prices) may be repeated; $import never is. */
	safeToRepeat: boolean;
	/**
	 * Reads one item's parameters into the object to send. It gets a parameter reader, not the execution
	 * context (parameters without an expression are read once per run, see staticParameters): it sends nothing.
	 */
	build: (this: ParameterContext, itemIndex: number) => BuiltObject;
	/** How to learn, after a lost answer, which objects landed: export of the last two days, matched by key. */
	verify?: {
		exportPath: string;
		root: string;
		keyField: string;
		idField?: string;
		/** Orders: the export shows only the statuses the account's "Статус заказа" setting exports (docs/api/smartup.md §7). */
		exportHidesSomeStatuses?: boolean;
	};
	/** Cross-organization movement has no duplicate-check setting (docs/api/smartup.md §7): a resend may create a second one. */
	noDuplicateCheck?: boolean;
	/** Fills in line external IDs once the lines of a document are complete. */
	finish?: (this: ParameterContext, object: IDataObject, itemIndex: number) => IDataObject;
}

interface Pending {
	key: string;
	object: IDataObject;
	items: number[];
}

type Outcome =
	| { ok: true; json: IDataObject }
	| { ok: false; error: NodeApiError | NodeOperationError; extra?: IDataObject };

/**
 * Imports batched across all input items (docs/api/smartup.md §4.4: up to 5000 objects per request): validates every
 * item first (nothing is sent while one is invalid, unless Continue On Fail), groups, sends batches, and
 * maps Smartup's successes/errors back to the input items by key. A lost answer (timeout, 5xx) is never
 * resent: the objects are looked up by key to learn whether they landed.
 */
export async function runImport(
	this: IExecuteFunctions,
	spec: ImportSpec,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const continueOnFail = this.continueOnFail();
	const outcomes = new Map<number, Outcome>();
	const pending: Pending[] = [];
	const byGroup = new Map<string, Pending>();
	const byKey = new Map<string, Pending>();

	const reader = staticParameters(this);
	for (let i = 0; i < items.length; i++) {
		let built: BuiltObject;
		try {
			built = spec.build.call(reader, i);
		} catch (error) {
			const nodeError =
				error instanceof NodeOperationError || error instanceof NodeApiError
					? error
					: new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
			if (!continueOnFail) throw nodeError;
			outcomes.set(i, { ok: false, error: nodeError });
			continue;
		}
		if (built.groupKey !== undefined) {
			const group = byGroup.get(built.groupKey);
			if (group) {
				if (spec.linesKey)
					(group.object[spec.linesKey] as IDataObject[]).push(...(built.lines ?? []));
				group.items.push(i);
				continue;
			}
		}
		const clash = byKey.get(built.key);
		if (clash) {
			const error = new NodeOperationError(
				this.getNode(),
				`${spec.keyField}: "${built.key}" is also used by item ${clash.items[0]} of this run; Smartup would take them for one ${spec.label} [item ${i}]`,
				{
					itemIndex: i,
					description:
						'Give each document its own external ID, or group the items into one document (Group Items By).',
				},
			);
			if (!continueOnFail) throw error;
			outcomes.set(i, { ok: false, error });
			continue;
		}
		const object = { ...built.object };
		if (spec.linesKey && built.lines) object[spec.linesKey] = [...built.lines];
		const entry: Pending = { key: built.key, object, items: [i] };
		pending.push(entry);
		byKey.set(built.key, entry);
		if (built.groupKey !== undefined) byGroup.set(built.groupKey, entry);
	}

	if (spec.finish) {
		for (const entry of pending)
			entry.object = spec.finish.call(reader, entry.object, entry.items[0]);
	}

	const batchSize = readBatchSize(this);
	const secrets = secretValuesOf(await credentialsOf(this, CREDENTIAL));
	let quotaError: NodeApiError | undefined;
	for (let start = 0; start < pending.length; start += batchSize) {
		const batch = pending.slice(start, start + batchSize);
		// Once the day's quota is spent, the next batches would only fail the same way (and count again).
		const results = quotaError
			? new Map(batch.map((entry) => [entry, { ok: false, error: quotaError } as Outcome]))
			: await sendBatch.call(this, spec, batch, secrets);
		const spent = [...results.values()].find(
			(outcome) => !outcome.ok && isQuotaSpent(outcome.error),
		);
		if (spent && !spent.ok) quotaError = spent.error as NodeApiError;
		for (const [entry, outcome] of results)
			for (const item of entry.items) outcomes.set(item, outcome);
		const failed = [...results.values()].find((outcome) => !outcome.ok);
		if (failed && !continueOnFail && !failed.ok) {
			const accepted = [...outcomes.values()].filter((outcome) => outcome.ok).length;
			if (accepted > 0)
				failed.error.message += ` (${accepted} other item(s) were accepted; with "On Error: Continue" each item gets its own result)`;
			throw failed.error;
		}
	}

	const output: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		const outcome = outcomes.get(i);
		if (!outcome) continue;
		output.push({
			json: outcome.ok ? outcome.json : { ...errorJson(outcome.error), ...outcome.extra },
			pairedItem: { item: i },
		});
	}
	return [output];
}

function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(hasExpression);
	if (value && typeof value === 'object') return Object.values(value).some(hasExpression);
	return false;
}

/**
 * A parameter reader for the build step: a parameter without any expression has the same value for every
 * item, so it is read once instead of once per item; with thousands of items per import this measured as
 * most of the node's time (4,000 products: about 1.7 s with it, 14.5 s without, in-process on the emulator).
 * It is a plain object with only getNode and getNodeParameter, not a context: nothing can send a request or
 * key a per-run cache on it. It lives for this one run (one runImport call).
 */
function staticParameters(ctx: IExecuteFunctions): ParameterContext {
	const cache = new Map<string, unknown>();
	const isStatic = new Map<string, boolean>();
	const read = ctx.getNodeParameter.bind(ctx) as (
		name: string,
		itemIndex: number,
		fallback?: unknown,
		options?: unknown,
	) => unknown;
	const getNodeParameter = (
		name: string,
		itemIndex: number,
		fallback?: unknown,
		options?: unknown,
	): unknown => {
		if (options !== undefined || name.includes('.'))
			return read(name, itemIndex, fallback, options);
		if (!isStatic.has(name))
			isStatic.set(name, !hasExpression(read(name, 0, fallback, { rawExpressions: true })));
		if (!isStatic.get(name)) return read(name, itemIndex, fallback);
		const key = `${name}\u0000${JSON.stringify(fallback) ?? ''}`;
		if (!cache.has(key)) cache.set(key, read(name, itemIndex, fallback));
		const value = cache.get(key);
		// Each item gets its own copy (parameter values are plain JSON), so a build step may change it safely.
		return value && typeof value === 'object'
			? (JSON.parse(JSON.stringify(value)) as unknown)
			: value;
	};
	return {
		getNode: () => ctx.getNode(),
		getNodeParameter: getNodeParameter as IExecuteFunctions['getNodeParameter'],
	};
}

function readBatchSize(ctx: IExecuteFunctions): number {
	const options = readOptions(ctx, 0);
	const size = Math.floor(Number(options.batchSize ?? 5000));
	return Number.isFinite(size) && size >= 1 ? Math.min(size, 5000) : 5000;
}

function keyOf(entry: IDataObject | undefined, keyField: string): string | undefined {
	if (!entry) return undefined;
	for (const name of [keyField, 'external_id', 'code']) {
		const value = entry[name];
		if (value !== undefined && value !== null && value !== '') return String(value);
	}
	return undefined;
}

async function sendBatch(
	this: IExecuteFunctions,
	spec: ImportSpec,
	batch: Pending[],
	secrets: string[],
): Promise<Map<Pending, Outcome>> {
	const results = new Map<Pending, Outcome>();
	const firstItem = batch[0].items[0];
	const failAll = (error: NodeApiError | NodeOperationError) => {
		for (const entry of batch)
			results.set(entry, { ok: false, error: withItem(this, error, entry, spec, secrets) });
		return results;
	};

	let answer: ImportAnswer;
	try {
		answer = (await callSmartup.call(this, {
			path: spec.path,
			body: { [spec.root]: batch.map((entry) => entry.object) },
			safeToRepeat: spec.safeToRepeat,
			itemIndex: firstItem,
			itemErrorsExpected: true,
		})) as ImportAnswer;
	} catch (error) {
		// A lost answer, a timeout, a 5xx or an unreadable 200: the import may have landed, so it is looked up, never resent.
		if (
			spec.verify &&
			!spec.safeToRepeat &&
			error instanceof NodeApiError &&
			mayHaveBeenApplied(error)
		) {
			return await verifyBatch.call(this, spec, batch, error, secrets);
		}
		return failAll(error as NodeApiError);
	}

	const isObject = (entry: unknown): entry is IDataObject =>
		!!entry && typeof entry === 'object' && !Array.isArray(entry);
	const successes = Array.isArray(answer.successes) ? answer.successes.filter(isObject) : [];
	const errors = Array.isArray(answer.errors) ? answer.errors.filter(isObject) : [];
	if (successes.length === 0 && errors.length === 0) {
		return failAll(
			apiError(
				this.getNode(),
				{
					message: `Smartup accepted none of the ${batch.length} ${spec.label} object(s): its answer had neither successes nor errors`,
					itemIndex: firstItem,
					kind: 'unreadableAnswer',
				},
				secrets,
			),
		);
	}
	const byKey = new Map(batch.map((entry) => [entry.key, entry]));
	const unmatchedSuccesses: IDataObject[] = [];
	const unmatchedErrors: IDataObject[] = [];
	for (const success of successes) {
		const entry = byKey.get(keyOf(success, spec.keyField) ?? '\u0000');
		if (entry && !results.has(entry))
			results.set(entry, { ok: true, json: successJson(spec, entry, success) });
		else unmatchedSuccesses.push(success);
	}
	for (const failure of errors) {
		const entry = byKey.get(keyOf(failure, spec.keyField) ?? '\u0000');
		if (entry && !results.has(entry)) {
			// Only document imports keyed by external_id have the duplicate setting (docs/api/smartup.md §7).
			const duplicate =
				spec.keyField === 'external_id' && !spec.noDuplicateCheck && isDuplicateAnswer(failure);
			results.set(entry, {
				ok: false,
				error: rejection(this, spec, entry, failure, secrets, duplicate),
				...(duplicate ? { extra: { duplicate: true } } : {}),
			});
		} else unmatchedErrors.push(failure);
	}
	// Success entries of documents may carry the new Smartup ID instead of the external ID (docs/api/smartup.md §4.5):
	// when every other object is accounted for, they belong to the remaining objects in the order sent.
	const rest = batch.filter((entry) => !results.has(entry));
	if (unmatchedErrors.length === 0 && unmatchedSuccesses.length === rest.length) {
		rest.forEach((entry, index) =>
			results.set(entry, { ok: true, json: successJson(spec, entry, unmatchedSuccesses[index]) }),
		);
	}
	for (const entry of batch.filter((candidate) => !results.has(candidate))) {
		const detail = unmatchedErrors
			.map((failure) => `${String(failure.code ?? '')}: ${String(failure.message ?? '')}`)
			.join('\n');
		results.set(entry, {
			ok: false,
			error: apiError(
				this.getNode(),
				{
					message: `Smartup's answer does not say what happened to ${spec.label} "${entry.key}": look it up by ${spec.keyField} before sending it again`,
					description: detail || undefined,
					itemIndex: entry.items[0],
					kind: 'answerLost',
				},
				secrets,
			),
		});
	}
	return results;
}

function successJson(spec: ImportSpec, entry: Pending, success: IDataObject): IDataObject {
	const json: IDataObject = { success: true, [spec.keyField]: entry.key, ...success };
	json[spec.keyField] = entry.key;
	if (success.code !== undefined && String(success.code) !== entry.key)
		json.smartup_id = String(success.code);
	return json;
}

/**
 * Whether Smartup refused an object as a duplicate (duplicate setting "return error", docs/api/smartup.md §7).
 * The answer has no code for it, only its Russian text: this is the one place that text is read, to set the
 * machine-readable `duplicate` flag of the item.
 */
function isDuplicateAnswer(failure: IDataObject): boolean {
	return /уже существует|дубликат|duplicate/i.test(String(failure.message ?? failure.error ?? ''));
}

/** A refused value that Oracle found too long (ORA-06502 / ORA-12899), with the maximum when Oracle gave it. */
function lengthHint(apiText: string, entry: Pending): string {
	if (!/ORA-06502|ORA-12899/.test(apiText)) return '';
	const maximum = apiText.match(/maximum:\s*(\d+)/i)?.[1];
	const length = [...entry.key].length;
	return ` (this installation refused a value as too long${maximum ? `, at most ${maximum} characters` : ''}; the External ID sent has ${length} characters. If that is the value, turn on "Shorten Long External IDs" in Options, or send a shorter ID)`;
}

function rejection(
	ctx: IExecuteFunctions,
	spec: ImportSpec,
	entry: Pending,
	failure: IDataObject,
	secrets: string[],
	duplicate = false,
) {
	const apiText = String(failure.message ?? failure.error ?? 'rejected');
	const what = duplicate
		? `Smartup's duplicate check refused ${spec.label} "${entry.key}": one with this ${spec.keyField} already exists (duplicate setting "return error"). Put its Smartup ID in the item to update it`
		: `Smartup rejected ${spec.label} "${entry.key}"`;
	return apiError(
		ctx.getNode(),
		{
			message: `${what}: ${apiText.slice(0, 200)}${lengthHint(apiText, entry)}`,
			description: apiText,
			itemIndex: entry.items[0],
			kind: 'rejectedByApi',
		},
		secrets,
	);
}

function withItem(
	ctx: IExecuteFunctions,
	error: NodeApiError | NodeOperationError,
	entry: Pending,
	spec: ImportSpec,
	secrets: string[],
) {
	if (error instanceof NodeOperationError || isQuotaSpent(error)) return error;
	return apiError(
		ctx.getNode(),
		{
			message: `${error.message} (${spec.label} "${entry.key}")`,
			description: typeof error.description === 'string' ? error.description : undefined,
			httpCode: error.httpCode ?? undefined,
			itemIndex: entry.items[0],
			kind: errorKindOf(error),
		},
		secrets,
	);
}

/**
 * The answer to an import was lost: export what was created or modified yesterday and today and match
 * it by key. Found → success (marked verified); not found → an error that says it is safe to run again.
 */
async function verifyBatch(
	this: IExecuteFunctions,
	spec: ImportSpec,
	batch: Pending[],
	original: NodeApiError,
	secrets: string[],
): Promise<Map<Pending, Outcome>> {
	const verify = spec.verify!;
	const results = new Map<Pending, Outcome>();
	const zone = String(readOptions(this, 0).timeZone ?? '') || 'Asia/Tashkent';
	const now = today(zone);
	const body: IDataObject = {
		begin_modified_on: formatDate(addDays(now, -1)),
		end_modified_on: formatDate(now),
	};
	const filial = batch.find((entry) => entry.object.filial_code)?.object.filial_code;
	if (filial) body.filial_code = filial;
	const originalText = `${original.message}${typeof original.description === 'string' && original.description ? ` — ${original.description}` : ''}`;
	let rows: IDataObject[];
	try {
		const answer = await callSmartup.call(this, {
			path: verify.exportPath,
			body,
			safeToRepeat: true,
			itemIndex: batch[0].items[0],
		});
		rows = Array.isArray(answer[verify.root]) ? (answer[verify.root] as IDataObject[]) : [];
	} catch (lookupError) {
		for (const entry of batch) {
			results.set(entry, {
				ok: false,
				error: apiError(
					this.getNode(),
					{
						message: `The answer to the ${spec.label} import was lost and checking whether "${entry.key}" was created failed too. It may exist: look it up by ${spec.keyField} in Smartup before running this item again`,
						description: `${originalText}\nCheck: ${(lookupError as Error).message}`,
						httpCode: original.httpCode ?? undefined,
						itemIndex: entry.items[0],
						kind: 'answerLost',
					},
					secrets,
				),
			});
		}
		return results;
	}
	const found = new Map(rows.map((row) => [String(row[verify.keyField] ?? ''), row]));
	for (const entry of batch) {
		const row = found.get(entry.key);
		if (row) {
			const json: IDataObject = {
				success: true,
				[spec.keyField]: entry.key,
				verified: true,
				note: 'The answer was lost; the object was found in Smartup afterwards, so it was not sent again.',
			};
			if (verify.idField && row[verify.idField] !== undefined)
				json.smartup_id = String(row[verify.idField]);
			results.set(entry, { ok: true, json });
		} else if (errorKindOf(original) === 'timedOut') {
			// A timed-out import may still be running on the server: not finding it yet proves nothing.
			results.set(entry, {
				ok: false,
				error: apiError(
					this.getNode(),
					{
						message: `Smartup did not answer the ${spec.label} import of "${entry.key}" in time, and it is not yet among what Smartup exports: Smartup may still be processing it. Look it up by ${spec.keyField} in a few minutes before running this item again${resendNote(spec)}`,
						description: originalText,
						itemIndex: entry.items[0],
						kind: 'timedOut',
					},
					secrets,
				),
			});
		} else if (verify.exportHidesSomeStatuses) {
			// Not found proves nothing here: the export leaves out every status the account does not export.
			results.set(entry, {
				ok: false,
				error: apiError(
					this.getNode(),
					{
						message: `The answer to the ${spec.label} import of "${entry.key}" was lost and it is not among the orders Smartup exports for yesterday and today. That does not prove it was not created: the export shows only the statuses chosen in Smartup's integration settings (Статус заказа). Look for ${spec.keyField} "${entry.key}" in Smartup's order list before running this item again${resendNote(spec)}`,
						description: originalText,
						httpCode: original.httpCode ?? undefined,
						itemIndex: entry.items[0],
						kind: 'answerLost',
					},
					secrets,
				),
			});
		} else {
			results.set(entry, {
				ok: false,
				error: apiError(
					this.getNode(),
					{
						message: `The answer to the ${spec.label} import of "${entry.key}" was lost (${original.message}) and it is not among the ${spec.label}s Smartup exports as modified yesterday or today, so it was most likely not created. Running this item again sends it once more${resendNote(spec)}`,
						description: originalText,
						httpCode: original.httpCode ?? undefined,
						itemIndex: entry.items[0],
						kind: 'notApplied',
					},
					secrets,
				),
			});
		}
	}
	return results;
}

/** What a resend does when the object did land after all: the duplicate setting decides, and some methods have none. */
function resendNote(spec: ImportSpec): string {
	if (spec.noDuplicateCheck)
		return `. Smartup has no duplicate check for ${spec.label}s, so if it did land a resend creates a second one`;
	return `. If it did land, what a resend does depends on this method's duplicate setting in Smartup (Проверка на дубликат): refused, updated, skipped, or — with the check off — created twice`;
}
