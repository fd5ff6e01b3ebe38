import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { describeValue, fieldError, readString } from '../../../common/validate';
import {
	daysBetween,
	formatDate,
	readDateTime,
	splitWindows,
	today,
	type CalendarDate,
} from '../../dates';
import { callSmartup } from '../../transport';
import { PATHS } from '../../types';
import { MAX_WINDOWS, shapeRows } from '../exporter';
import {
	organizationCodeField,
	readOptions,
	readTimeZone,
	simplifyField,
	timeZoneOption,
} from '../fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Warehouse Codes',
		name: 'warehouseCodes',
		type: 'string',
		default: '',
		placeholder: '001, 002',
		description: 'Comma-separated warehouse codes; empty for every warehouse',
	},
	{
		displayName: 'From',
		name: 'dateFrom',
		type: 'dateTime',
		default: '',
		description: 'First day; empty means today',
	},
	{
		displayName: 'To',
		name: 'dateTo',
		type: 'dateTime',
		default: '',
		description: 'Last day; empty means the same day as From',
	},
	{
		displayName: 'Conditions',
		name: 'conditions',
		type: 'multiOptions',
		options: [
			{ name: 'Free (F)', value: 'F' },
			{ name: 'Booked (B)', value: 'B' },
			{ name: 'In Transit (T)', value: 'T' },
		],
		default: [],
		description: "Which stock to count (product_conditions); none selected means Smartup's default",
	},
	{ ...organizationCodeField },
	simplifyField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			timeZoneOption,
			{
				displayName: 'Window (Days)',
				name: 'windowDays',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 366 },
				default: 7,
				description: 'Widest date range one request may ask for',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['stock'], operation: ['getBalance'] } },
	properties,
);

/** `mkw/balance$export`: one row per day × warehouse × product (docs/api/smartup.md §8.10); begin and end date are required. */
export const execute: OperationExecute = async function (this, itemIndex) {
	const zone = readTimeZone(this, itemIndex);
	const day = (name: string, field: string): CalendarDate | undefined => {
		const value = this.getNodeParameter(name, itemIndex, '') as unknown;
		if (value === '' || value === undefined || value === null) return undefined;
		const parts = readDateTime(value, zone);
		if (!parts)
			throw fieldError(
				this,
				itemIndex,
				field,
				`must be a date like 2026-03-05, got ${describeValue(value)}`,
			);
		return parts;
	};
	const from = day('dateFrom', 'From') ?? today(zone);
	const to = day('dateTo', 'To') ?? from;
	if (daysBetween(from, to) < 0) throw fieldError(this, itemIndex, 'To', 'must not be before From');
	const width = Math.max(1, Math.floor(Number(readOptions(this, itemIndex).windowDays ?? 7)) || 7);
	const windows = splitWindows(from, to, width);
	if (windows.length > MAX_WINDOWS)
		throw fieldError(
			this,
			itemIndex,
			'From',
			`the range needs ${windows.length} requests; at most ${MAX_WINDOWS} are made in one run. Narrow it`,
		);

	const base: IDataObject = {};
	// Text only: an object mapped in would otherwise be sent as "[object Object]".
	const warehouses = readString(this, 'warehouseCodes', itemIndex, 'Warehouse Codes')
		.split(',')
		.map((code) => code.trim())
		.filter(Boolean);
	if (warehouses.length)
		base.warehouse_codes = warehouses.map((code) => ({ warehouse_code: code }));
	const conditions = this.getNodeParameter('conditions', itemIndex, []) as string[];
	if (conditions.length) base.product_conditions = conditions;
	const filial = readString(this, 'filialCode', itemIndex, 'Organization Code');
	if (filial) base.filial_code = filial;

	const rows: IDataObject[] = [];
	for (const [start, end] of windows) {
		const answer = await callSmartup.call(this, {
			path: PATHS.balanceExport,
			body: { ...base, begin_date: formatDate(start), end_date: formatDate(end) },
			safeToRepeat: true,
			itemIndex,
		});
		if (Array.isArray(answer.balance)) rows.push(...(answer.balance as IDataObject[]));
	}
	return shapeRows(this, rows, itemIndex);
};
