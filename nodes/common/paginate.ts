import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** The Return All / Limit pair every Get Many action shows. */
export const returnAllOrLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/** Infinity for Return All, else the Limit (at least 1). */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean) return Infinity;
	const limit = Number(ctx.getNodeParameter('limit', itemIndex, 50));
	return Number.isFinite(limit) && limit >= 1 ? Math.floor(limit) : 50;
}

export interface Page<T> {
	items: T[];
	/** Total count across all pages, when the API tells it. */
	total?: number;
}

/**
 * Reads numbered pages (1-based) until the limit is reached, the API's total is reached (or, without a
 * total, a page comes back shorter than asked), or a page comes back empty. `maxPages` guards against an API that never says it is done.
 */
export async function collectPages<T = IDataObject>(
	fetchPage: (page: number, pageSize: number) => Promise<Page<T>>,
	options: { limit: number; pageSize: number; maxPages?: number },
): Promise<T[]> {
	const { limit, maxPages = 10_000 } = options;
	// One page size for the whole walk: page N means offset (N-1) × size, so it must not change midway.
	const pageSize = Math.min(options.pageSize, limit);
	const results: T[] = [];
	for (let page = 1; page <= maxPages && results.length < limit; page++) {
		const { items, total } = await fetchPage(page, pageSize);
		results.push(...items);
		if (items.length === 0) break;
		// Trust the API's total when it gives one (a server may cap the page size below what we asked).
		if (total !== undefined ? results.length >= total : items.length < pageSize) break;
	}
	return results.length > limit ? results.slice(0, limit) : results;
}
