import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { collectPages, readLimit, returnAllOrLimit } from '../../../common/paginate';
import type { OperationExecute } from '../../../common/router';
import { fieldError, fixedCollectionRows, isBlank, toText } from '../../../common/validate';
import { callFirmino, unexpectedAnswer } from '../../transport';
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
				description:
					'Field of a recurring invoice to sort by (sortField), e.g. startDate or name; Firmino does not list which it accepts',
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
	{
		...simplifyField,
		description: 'Whether to return each recurring invoice with Active as a true/false value',
	},
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
				return await unexpectedAnswer.call(
					this,
					itemIndex,
					'Firmino answered the list without its "list" of documents',
					response,
				);
			}
			const total = Number(response.params?.total);
			return { items: response.list, total: Number.isFinite(total) ? total : undefined };
		},
		{ limit, pageSize: PAGE_SIZE },
	);
	return simplify ? documents.map(simplifyDocument) : (documents as IDataObject[]);
};

/** Text of a filter or sort value (common reader: an object or list mapped in is refused by field name). */
function textOf(ctx: IExecuteFunctions, value: unknown, itemIndex: number, field: string): string {
	return isBlank(value) ? '' : toText(ctx, value, itemIndex, field);
}

/** The find request (docs/api/firmino.md "find"). */
function readFindQuery(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const query: IDataObject = {};
	const text = textOf(this, filters.text, itemIndex, 'Search Text');
	if (text) query.text = text;
	const list: Array<{ name: string; value: string }> = [];
	if (!isBlank(filters.intervalTimeType)) {
		if (!(INTERVALS as readonly unknown[]).includes(filters.intervalTimeType)) {
			throw fieldError(this, itemIndex, 'Interval', `must be one of: ${INTERVALS.join(', ')}`);
		}
		list.push({ name: 'intervalTimeType', value: filters.intervalTimeType as string });
	}
	for (const filter of fixedCollectionRows(filters.otherFilters, 'filter')) {
		const name = textOf(this, filter.name, itemIndex, 'Other Filters → Name');
		if (!name) throw fieldError(this, itemIndex, 'Other Filters', 'each filter needs a name');
		list.push({ name, value: textOf(this, filter.value, itemIndex, 'Other Filters → Value') });
	}
	if (list.length) query.filters = list;
	// Top-level keys of the find request, as on Firmino's customers page (docs/api/firmino.md "find").
	const sort = this.getNodeParameter('sort', itemIndex, {}) as IDataObject;
	const sortField = textOf(this, sort.sortField, itemIndex, 'Sort Field');
	if (sortField) {
		query.sortField = sortField;
		const order = textOf(this, sort.sortOrder, itemIndex, 'Sort Order').toLowerCase() || 'asc';
		if (order !== 'asc' && order !== 'desc')
			throw fieldError(this, itemIndex, 'Sort Order', 'must be asc or desc');
		query.sortOrder = order;
	}
	return query;
}
