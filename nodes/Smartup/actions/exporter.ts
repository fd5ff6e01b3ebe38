import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, returnAllOrLimit } from '../../common/paginate';
import { describeValue, fieldError } from '../../common/validate';
import { formatDate, readDateTime, splitWindows, daysBetween, type CalendarDate } from '../dates';
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
			options: ORDER_STATUSES.map((status) => ({ name: `${status.name} (${status.russian})`, value: status.value })),
			default: [],
			description:
				'Only orders in these statuses. Smartup\'s integration settings can restrict further which statuses are exported at all.',
		});
	}
	return [
		{
			displayName: 'Date Filter',
			name: 'dateFilter',
			type: 'options',
			options: dateOptions,
			default: 'modified',
			description: 'Which date From and To apply to. Long ranges are split into windows Smartup allows (7 days by default).',
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
					description: 'Whether to add Smartup\'s limits object (calls left today, window width) to each item',
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
					displayName: 'Window (Days)',
					name: 'windowDays',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: 366 },
					default: 7,
					description: 'Widest date range one request may ask for (limits.day_range_limit, 7 by default)',
				},
			],
		},
	];
}

function readDay(ctx: IExecuteFunctions, name: string, itemIndex: number, field: string, zone: string): CalendarDate | undefined {
	const value = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	if (value === '' || value === undefined || value === null) return undefined;
	const parts = readDateTime(value, zone);
	if (!parts) throw fieldError(ctx, itemIndex, field, `must be a date like 2026-03-05, got ${describeValue(value)}`);
	return { year: parts.year, month: parts.month, day: parts.day };
}

/** The export request bodies of one Get Many: one per date window. */
export function exportBodies(ctx: IExecuteFunctions, type: DocumentType, itemIndex: number): IDataObject[] {
	const zone = readTimeZone(ctx, itemIndex);
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = readOptions(ctx, itemIndex);
	const base: IDataObject = {};
	if (filters.filialCode) base.filial_code = String(filters.filialCode).trim();
	if (filters.externalId) base.external_id = String(filters.externalId).trim();
	if (filters.documentId) {
		const id = String(filters.documentId).trim();
		if (!/^\d+$/.test(id)) throw fieldError(ctx, itemIndex, `Smartup ID (${type.idField})`, `must be a whole number, got "${id.slice(0, 40)}"`);
		base[type.idField] = id;
	}
	if (filters.producerCodes) {
		base.producer_codes = String(filters.producerCodes).split(',').map((code) => code.trim()).filter(Boolean);
	}
	if (Array.isArray(filters.statuses) && filters.statuses.length) base.statuses = filters.statuses;

	const dateFilter = ctx.getNodeParameter('dateFilter', itemIndex, 'none') as string;
	if (dateFilter === 'none') return [base];
	const filter = type.dateFilters.find((candidate) => candidate.value === dateFilter);
	if (!filter) throw fieldError(ctx, itemIndex, 'Date Filter', `"${dateFilter}" is not a date filter of ${type.label}`);
	const from = readDay(ctx, 'dateFrom', itemIndex, 'From', zone);
	if (!from) throw fieldError(ctx, itemIndex, 'From', 'is required when a Date Filter is chosen');
	const to = readDay(ctx, 'dateTo', itemIndex, 'To', zone) ?? from;
	if (daysBetween(from, to) < 0) throw fieldError(ctx, itemIndex, 'To', 'must not be before From');

	const width = filter.end ? Math.max(1, Math.floor(Number(options.windowDays ?? 7)) || 7) : 1;
	const windows = splitWindows(from, to, width);
	if (windows.length > MAX_WINDOWS) {
		throw fieldError(ctx, itemIndex, 'From', `the range needs ${windows.length} requests of ${width} days; at most ${MAX_WINDOWS} are made in one run (each counts against the daily quota). Narrow the range`);
	}
	return windows.map(([start, end]) =>
		filter.end ? { ...base, [filter.begin]: formatDate(start), [filter.end]: formatDate(end) } : { ...base, [filter.begin]: formatDate(start) },
	);
}

/**
 * Runs every window, merges the rows and drops the ones seen before (a document modified twice shows up
 * in two windows): by its Smartup ID, or by its whole content when it has none.
 */
export async function exportDocuments(ctx: IExecuteFunctions, type: DocumentType, itemIndex: number): Promise<IDataObject[]> {
	const bodies = exportBodies(ctx, type, itemIndex);
	const limit = readLimit(ctx, itemIndex);
	const seen = new Set<string>();
	const rows: IDataObject[] = [];
	for (const body of bodies) {
		const answer = await callSmartup.call(ctx, { path: type.exportPath, body, safeToRepeat: true, itemIndex });
		const list = answer[type.root];
		if (list !== undefined && list !== null && !Array.isArray(list)) {
			throw fieldError(ctx, itemIndex, 'Get Many', `Smartup answered without a "${type.root}" list`);
		}
		for (const row of (list ?? []) as IDataObject[]) {
			if (!row || typeof row !== 'object' || Array.isArray(row)) continue;
			const id = row[type.idField];
			const key = id !== undefined && id !== null && id !== '' ? `id:${String(id)}` : `row:${JSON.stringify(row)}`;
			if (seen.has(key)) continue;
			seen.add(key);
			rows.push(row);
		}
		if (rows.length >= limit) break;
	}
	// Some installations ignore the external_id filter (docs/api/smartup.md §8.1): it is applied here as well.
	const first = bodies[0];
	return rows
		.filter((row) => (first.external_id ? String(row.external_id ?? '') === first.external_id : true))
		.filter((row) => (first[type.idField] ? String(row[type.idField] ?? '') === first[type.idField] : true))
		.filter((row) => (Array.isArray(first.statuses) ? (first.statuses as string[]).includes(String(row.status ?? '')) : true))
		.slice(0, limit);
}

/** Simplify, split lines and limits, as the item's options ask. */
export function shapeRows(ctx: IExecuteFunctions, rows: IDataObject[], itemIndex: number, linesKey?: string): IDataObject[] {
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
