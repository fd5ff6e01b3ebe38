import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, returnAllOrLimit } from '../../common/paginate';
import { describeValue, fieldError } from '../../common/validate';
import { NodeApiError } from 'n8n-workflow';

import { addDays, formatDate, readDateTime, daysBetween, today, type CalendarDate } from '../dates';
import { callSmartup, lastLimits } from '../transport';
import { ORDER_STATUSES, type DocumentType } from '../types';
import {
	codeTypeOption,
	organizationCodeField,
	readOptions,
	readTimeZone,
	simplifyField,
	simplifyRecord,
	splitLines,
	timeZoneOption,
} from './fields';

/** More windows than this in one run would eat the day's quota: the user narrows the range instead. */
export const MAX_WINDOWS = 60;

/** Get Many of one document type: date filter with automatic windows, filters, Simplify, split lines. */
export function getManyProperties(type: DocumentType): INodeProperties[] {
	const dateOptions = [
		{ name: 'None (Whatever Smartup Allows)', value: 'none' },
		...type.dateFilters.map((filter) => ({ name: filter.name, value: filter.value })),
	];
	const filterOptions: INodeProperties[] = [
		{ ...organizationCodeField },
		{
			displayName: 'External ID',
			name: 'externalId',
			type: 'string',
			default: '',
			description: 'Only the document your system sent with this external_id',
		},
		{
			displayName: `Smartup ID (${type.idField})`,
			name: 'documentId',
			type: 'string',
			default: '',
			description: `Only the document with this ${type.idField}`,
		},
		{
			displayName: 'Producer Codes',
			name: 'producerCodes',
			type: 'string',
			default: '',
			placeholder: 'PR1, PR2',
			description: 'Comma-separated producer codes (producer_codes)',
		},
	];
	if (type.resource === 'order') {
		filterOptions.push({
			displayName: 'Statuses',
			name: 'statuses',
			type: 'multiOptions',
			options: ORDER_STATUSES.map((status) => ({
				name: `${status.name} (${status.russian})`,
				value: status.value,
			})),
			default: [],
			description:
				"Only orders in these statuses. Smartup's integration settings can restrict further which statuses are exported at all.",
		});
	}
	return [
		{
			displayName: 'Date Filter',
			name: 'dateFilter',
			type: 'options',
			options: dateOptions,
			default: 'modified',
			description:
				'Which date From and To apply to. Smartup serves only recent data (the last 7 days by default, see Options › Data Age Limit): older days are not asked for. A range wider than one request may span is split by the span Smartup reports (limits.day_range_limit).',
		},
		{
			displayName: 'From',
			name: 'dateFrom',
			type: 'dateTime',
			default: '',
			required: true,
			displayOptions: { hide: { dateFilter: ['none'] } },
			description: 'First day (included)',
		},
		{
			displayName: 'To',
			name: 'dateTo',
			type: 'dateTime',
			default: '',
			displayOptions: { hide: { dateFilter: ['none'] } },
			description: 'Last day (included). Empty means the same day as From.',
		},
		...returnAllOrLimit,
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: filterOptions,
		},
		simplifyField,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				codeTypeOption,
				{
					displayName: 'Include Quota (Limits)',
					name: 'includeLimits',
					type: 'boolean',
					default: false,
					description:
						"Whether to add Smartup's limits object (calls left today, window width) to each item",
				},
				...(type.linesKey
					? [
							{
								displayName: 'One Item per Line',
								name: 'splitLines',
								type: 'boolean' as const,
								default: false,
								description: `Whether to output one item per line of ${type.linesKey}, with the document's fields repeated and the line's fields prefixed line_`,
							},
						]
					: []),
				timeZoneOption,
				{
					displayName: 'Data Age Limit (Days)',
					name: 'maxAgeDays',
					type: 'number',
					typeOptions: { minValue: 0, maxValue: 3660 },
					default: 7,
					description:
						'How far back Smartup serves data on this account: days before today are not asked for (each request counts against the daily quota). The official documentation says 7; some accounts serve about 30. 0 asks for any date.',
				},
				{
					displayName: 'Window (Days)',
					name: 'windowDays',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: 366 },
					default: 7,
					description:
						'Widest date range of the first request; after it, the span Smartup reports (limits.day_range_limit) is used',
				},
			],
		},
	];
}

function readDay(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	field: string,
	zone: string,
): CalendarDate | undefined {
	const value = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	if (value === '' || value === undefined || value === null) return undefined;
	const parts = readDateTime(value, zone);
	if (!parts)
		throw fieldError(
			ctx,
			itemIndex,
			field,
			`must be a date like 2026-03-05, got ${describeValue(value)}`,
		);
	return { year: parts.year, month: parts.month, day: parts.day };
}

/** What one Get Many asks for: the filters of every request, and the date range split as Smartup allows. */
export interface ExportPlan {
	base: IDataObject;
	/** Undefined when no date filter is chosen: one request. */
	range?: { from: CalendarDate; to: CalendarDate; begin: string; end?: string; width: number };
	/** Days left out because Smartup serves no data that old (docs/api/smartup.md §4.7). */
	skippedBefore?: CalendarDate;
}

/**
 * The filters and the date range of one Get Many. Days older than the data age limit are left out before any
 * call: Smartup serves only the last days (official overview, docs/api/smartup.md §4.7), and a request for
 * older ones would be refused or empty and still count against the daily quota.
 */
export function exportPlan(
	ctx: IExecuteFunctions,
	type: DocumentType,
	itemIndex: number,
): ExportPlan {
	const zone = readTimeZone(ctx, itemIndex);
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = readOptions(ctx, itemIndex);
	const base: IDataObject = {};
	if (filters.filialCode) base.filial_code = String(filters.filialCode).trim();
	if (filters.externalId) base.external_id = String(filters.externalId).trim();
	if (filters.documentId) {
		const id = String(filters.documentId).trim();
		if (!/^\d+$/.test(id))
			throw fieldError(
				ctx,
				itemIndex,
				`Smartup ID (${type.idField})`,
				`must be a whole number, got "${id.slice(0, 40)}"`,
			);
		base[type.idField] = id;
	}
	if (filters.producerCodes) {
		base.producer_codes = String(filters.producerCodes)
			.split(',')
			.map((code) => code.trim())
			.filter(Boolean);
	}
	if (Array.isArray(filters.statuses) && filters.statuses.length) base.statuses = filters.statuses;

	const dateFilter = ctx.getNodeParameter('dateFilter', itemIndex, 'none') as string;
	if (dateFilter === 'none') return { base };
	const filter = type.dateFilters.find((candidate) => candidate.value === dateFilter);
	if (!filter)
		throw fieldError(
			ctx,
			itemIndex,
			'Date Filter',
			`"${dateFilter}" is not a date filter of ${type.label}`,
		);
	let from = readDay(ctx, 'dateFrom', itemIndex, 'From', zone);
	if (!from) throw fieldError(ctx, itemIndex, 'From', 'is required when a Date Filter is chosen');
	const to = readDay(ctx, 'dateTo', itemIndex, 'To', zone) ?? from;
	if (daysBetween(from, to) < 0) throw fieldError(ctx, itemIndex, 'To', 'must not be before From');

	const maxAge = Math.floor(Number(options.maxAgeDays ?? 7));
	let skippedBefore: CalendarDate | undefined;
	if (Number.isFinite(maxAge) && maxAge > 0) {
		const oldest = addDays(today(zone), -maxAge);
		if (daysBetween(oldest, to) < 0) {
			throw fieldError(
				ctx,
				itemIndex,
				'From',
				`the range ${formatDate(from)}–${formatDate(to)} is older than Smartup serves: data can be asked for from ${formatDate(oldest)} on (the last ${maxAge} days, Options › Data Age Limit). No request was sent`,
			);
		}
		if (daysBetween(oldest, from) < 0) {
			skippedBefore = oldest;
			from = oldest;
		}
	}
	const width = filter.end ? Math.max(1, Math.floor(Number(options.windowDays ?? 7)) || 7) : 1;
	const windows = Math.ceil((daysBetween(from, to) + 1) / width);
	if (windows > MAX_WINDOWS) {
		throw fieldError(
			ctx,
			itemIndex,
			'From',
			`the range needs ${windows} requests of ${width} days; at most ${MAX_WINDOWS} are made in one run (each counts against the daily quota). Narrow the range`,
		);
	}
	return { base, range: { from, to, begin: filter.begin, end: filter.end, width }, skippedBefore };
}

/** The span one request may cover as the answer's limits report it (docs/api/smartup.md §4.7), if it says. */
function reportedSpan(limits: unknown): number | undefined {
	const value = Number((limits as { day_range_limit?: unknown } | undefined)?.day_range_limit);
	return Number.isInteger(value) && value >= 1 ? value : undefined;
}

/**
 * Runs the windows, oldest first, each as wide as Smartup allows: the first one as wide as Window (Days), the
 * rest as wide as the span the previous answer reported (a window wider than that is asked again, narrower).
 * Rows are merged and the ones seen before dropped (a document modified twice shows up in two windows): by its
 * Smartup ID, or by its whole content when it has none. A window refused after others answered ends the run
 * with what was fetched and a hint saying which days are missing; nothing fetched is thrown away.
 */
export async function exportDocuments(
	ctx: IExecuteFunctions,
	type: DocumentType,
	itemIndex: number,
): Promise<IDataObject[]> {
	const plan = exportPlan(ctx, type, itemIndex);
	const limit = readLimit(ctx, itemIndex);
	const seen = new Set<string>();
	const rows: IDataObject[] = [];
	const hint = (message: string) => {
		if (typeof ctx.addExecutionHints === 'function')
			ctx.addExecutionHints({ message, location: 'outputPane' });
	};
	if (plan.skippedBefore && plan.range) {
		hint(
			`Days before ${formatDate(plan.skippedBefore)} were not asked for: Smartup serves only the last days (Options › Data Age Limit); ${formatDate(plan.range.from)}–${formatDate(plan.range.to)} was fetched.`,
		);
	}
	const take = (answer: IDataObject) => {
		const list = answer[type.root];
		if (list !== undefined && list !== null && !Array.isArray(list)) {
			throw fieldError(
				ctx,
				itemIndex,
				'Get Many',
				`Smartup answered without a "${type.root}" list`,
			);
		}
		for (const row of (list ?? []) as IDataObject[]) {
			if (!row || typeof row !== 'object' || Array.isArray(row)) continue;
			const id = row[type.idField];
			const key =
				id !== undefined && id !== null && id !== ''
					? `id:${String(id)}`
					: `row:${JSON.stringify(row)}`;
			if (seen.has(key)) continue;
			seen.add(key);
			rows.push(row);
		}
	};
	if (!plan.range) {
		take(
			await callSmartup.call(ctx, {
				path: type.exportPath,
				body: plan.base,
				safeToRepeat: true,
				itemIndex,
			}),
		);
	} else {
		const { to, begin, end } = plan.range;
		let start = plan.range.from;
		let width = plan.range.width;
		let calls = 0;
		while (daysBetween(start, to) >= 0 && rows.length < limit) {
			const last = end ? minDate(addDays(start, width - 1), to) : start;
			const body = end
				? { ...plan.base, [begin]: formatDate(start), [end]: formatDate(last) }
				: { ...plan.base, [begin]: formatDate(start) };
			if (++calls > MAX_WINDOWS)
				throw fieldError(
					ctx,
					itemIndex,
					'From',
					`more than ${MAX_WINDOWS} requests would be needed; narrow the range`,
				);
			// A refusal after other windows answered keeps their rows; a first refusal (or a bug) stays the run's error.
			const answer = await callSmartup
				.call(ctx, { path: type.exportPath, body, safeToRepeat: true, itemIndex })
				.catch((error: unknown) => {
					if (rows.length === 0 || !(error instanceof NodeApiError)) return Promise.reject(error);
					return error;
				});
			if (answer instanceof NodeApiError) {
				hint(
					`Smartup refused the days ${formatDate(start)}–${formatDate(to)} (${answer.message}${typeof answer.description === 'string' && answer.description ? `: ${answer.description}` : ''}); the ${rows.length} document(s) of the days before are returned.`,
				);
				break;
			}
			const span = end ? reportedSpan(answer.limits) : undefined;
			const asked = daysBetween(start, last) + 1;
			if (span !== undefined && span < asked) {
				// Wider than Smartup allows: the answer may be short; the same days are asked again, narrower.
				width = span;
				continue;
			}
			take(answer);
			if (span !== undefined) width = span;
			start = addDays(last, 1);
		}
	}
	// Some installations ignore the external_id filter (docs/api/smartup.md §8.1): it is applied here as well.
	const first = plan.base;
	return rows
		.filter((row) =>
			first.external_id ? String(row.external_id ?? '') === first.external_id : true,
		)
		.filter((row) =>
			first[type.idField] ? String(row[type.idField] ?? '') === first[type.idField] : true,
		)
		.filter((row) =>
			Array.isArray(first.statuses)
				? (first.statuses as string[]).includes(String(row.status ?? ''))
				: true,
		)
		.slice(0, limit);
}

function minDate(a: CalendarDate, b: CalendarDate): CalendarDate {
	return daysBetween(a, b) < 0 ? b : a;
}

/** Simplify, split lines and limits, as the item's options ask. */
export function shapeRows(
	ctx: IExecuteFunctions,
	rows: IDataObject[],
	itemIndex: number,
	linesKey?: string,
): IDataObject[] {
	const simplify = ctx.getNodeParameter('simplify', itemIndex, true) as boolean;
	const options = readOptions(ctx, itemIndex);
	const codeType = String(options.codeType ?? 'global');
	rows = rows.filter((row) => !!row && typeof row === 'object' && !Array.isArray(row));
	let result = simplify ? rows.map((row) => simplifyRecord(row, codeType)) : rows;
	if (linesKey && options.splitLines) result = result.flatMap((row) => splitLines(row, linesKey));
	if (options.includeLimits) {
		const limits = lastLimits(ctx);
		result = result.map((row) => ({ ...row, limits: (limits ?? null) as IDataObject }));
	}
	return result;
}
