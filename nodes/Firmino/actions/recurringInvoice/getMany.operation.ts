import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { collectPages, readLimit, returnAllOrLimit } from '../../../common/paginate';
import type { OperationExecute } from '../../../common/router';
import { fieldError, fixedCollectionRows } from '../../../common/validate';
import { callFirmino } from '../../transport';
import { INTERVALS, type FindResponse } from '../../types';
import { documentOptionFields, simplifyDocument, simplifyField } from '../fields';

const PAGE_SIZE = 50;

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				...documentOptionFields.find((field) => field.name === 'intervalTimeType')!,
				description: 'Only recurring invoices sent at this interval',
			},
			{
				displayName: 'Other Filters',
				name: 'otherFilters',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: 'Add Filter',
				description: 'Any other filter the Firmino API accepts, as name and value',
				options: [
					{
						displayName: 'Filter',
						name: 'filter',
						values: [
							{ displayName: 'Name', name: 'name', type: 'string', default: '' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						],
					},
				],
			},
			{
				displayName: 'Search Text',
				name: 'text',
				type: 'string',
				default: '',
				description: 'Free-text search, as in the Firmino list view',
			},
		],
	},
	{
		displayName: 'Sort',
		name: 'sort',
		type: 'collection',
		placeholder: 'Add Sort',
		default: {},
		options: [
			{
				displayName: 'Sort Field',
				name: 'sortField',
				type: 'string',
				default: '',
				placeholder: 'startDate',
				description: 'Field of a recurring invoice to sort by (sortField), e.g. startDate or name; Firmino does not list which it accepts',
			},
			{
				displayName: 'Sort Order',
				name: 'sortOrder',
				type: 'options',
				options: [
					{ name: 'Ascending', value: 'asc' },
					{ name: 'Descending', value: 'desc' },
				],
				default: 'asc',
				description: 'SortOrder',
			},
		],
	},
	{ ...simplifyField, description: 'Whether to return each recurring invoice with Active as a true/false value' },
];

export const description = updateDisplayOptions(
	{ show: { resource: ['recurringInvoice'], operation: ['getMany'] } },
	properties,
);

/** `find`, page by page until the limit or `params.total` (docs/api/firmino.md "find (list) in detail"). */
export const execute: OperationExecute = async function (this, itemIndex) {
	const limit = readLimit(this, itemIndex);
	const query = readFindQuery.call(this, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

	const documents = await collectPages(
		async (page, size) => {
			const { response } = await (callFirmino<FindResponse>).call(this, itemIndex, 'find', {
				body: { ...query, page, size },
			});
			if (!response || !Array.isArray(response.list)) {
				throw fieldError(this, itemIndex, 'Get Many', 'Firmino answered without a "list" of documents');
			}
			const total = Number(response.params?.total);
			return { items: response.list, total: Number.isFinite(total) ? total : undefined };
		},
		{ limit, pageSize: PAGE_SIZE },
	);
	return simplify ? documents.map(simplifyDocument) : (documents as IDataObject[]);
};

function readFindQuery(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as {
		text?: unknown;
		intervalTimeType?: unknown;
		otherFilters?: unknown;
	};
	const query: IDataObject = {};
	const text = plainText(this, filters.text, itemIndex, 'Search Text');
	if (text) query.text = text;
	const list: Array<{ name: string; value: string }> = [];
	if (filters.intervalTimeType) {
		if (!(INTERVALS as readonly unknown[]).includes(filters.intervalTimeType)) {
			throw fieldError(this, itemIndex, 'Interval', `must be one of: ${INTERVALS.join(', ')}`);
		}
		list.push({ name: 'intervalTimeType', value: filters.intervalTimeType as string });
	}
	for (const filter of fixedCollectionRows(filters.otherFilters, 'filter')) {
		const name = plainText(this, filter.name, itemIndex, 'Other Filters → Name').trim();
		if (!name) throw fieldError(this, itemIndex, 'Other Filters', 'each filter needs a name');
		list.push({ name, value: plainText(this, filter.value, itemIndex, 'Other Filters → Value') });
	}
	if (list.length) query.filters = list;
	// Top-level keys of the find request, as on Firmino's customers page (docs/api/firmino.md "find").
	const sort = this.getNodeParameter('sort', itemIndex, {}) as { sortField?: unknown; sortOrder?: unknown };
	const sortField = plainText(this, sort.sortField, itemIndex, 'Sort Field').trim();
	if (sortField) {
		query.sortField = sortField;
		const order = plainText(this, sort.sortOrder ?? 'asc', itemIndex, 'Sort Order').toLowerCase();
		if (order !== 'asc' && order !== 'desc') throw fieldError(this, itemIndex, 'Sort Order', 'must be asc or desc');
		query.sortOrder = order;
	}
	return query;
}

/** Text, a number or a boolean as text; an object or list mapped in by an expression is refused by name. */
function plainText(ctx: IExecuteFunctions, value: unknown, itemIndex: number, field: string): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
	throw fieldError(ctx, itemIndex, field, `must be text, got ${Array.isArray(value) ? 'a list' : 'an object'}`);
}
