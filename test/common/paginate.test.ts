import { collectPages } from '../../nodes/common/paginate';

function pagedApi(total: number, serverMaxSize = Infinity) {
	const calls: Array<{ page: number; size: number }> = [];
	const rows = Array.from({ length: total }, (_, i) => i + 1);
	const fetchPage = async (page: number, size: number) => {
		calls.push({ page, size });
		const effective = Math.min(size, serverMaxSize);
		return { items: rows.slice((page - 1) * effective, page * effective), total };
	};
	return { calls, fetchPage };
}

it('Return All walks every page once, with one page size throughout', async () => {
	const api = pagedApi(120);
	expect(await collectPages(api.fetchPage, { limit: Infinity, pageSize: 50 })).toEqual(
		Array.from({ length: 120 }, (_, i) => i + 1),
	);
	expect(api.calls).toEqual([
		{ page: 1, size: 50 },
		{ page: 2, size: 50 },
		{ page: 3, size: 50 },
	]);
});

it('a limit asks for a page no bigger than needed', async () => {
	const api = pagedApi(120);
	expect(await collectPages(api.fetchPage, { limit: 7, pageSize: 50 })).toEqual([
		1, 2, 3, 4, 5, 6, 7,
	]);
	expect(api.calls).toEqual([{ page: 1, size: 7 }]);
});

it('a limit over several pages keeps the page size and cuts the last page', async () => {
	const api = pagedApi(120);
	const rows = await collectPages(api.fetchPage, { limit: 60, pageSize: 50 });
	expect(rows).toHaveLength(60);
	expect(rows[59]).toBe(60);
	expect(api.calls.every((call) => call.size === 50)).toBe(true);
});

it('loses nothing when the server caps the page size below what was asked (trusts the total)', async () => {
	const api = pagedApi(95, 20);
	expect(await collectPages(api.fetchPage, { limit: Infinity, pageSize: 50 })).toHaveLength(95);
});

it('without a total, stops at a short page; an empty first page is an empty result', async () => {
	const rows = Array.from({ length: 30 }, (_, i) => i);
	expect(
		await collectPages(
			async (page, size) => ({ items: rows.slice((page - 1) * size, page * size) }),
			{ limit: Infinity, pageSize: 25 },
		),
	).toHaveLength(30);
	expect(
		await collectPages(async () => ({ items: [] as number[], total: 0 }), {
			limit: Infinity,
			pageSize: 25,
		}),
	).toEqual([]);
});

it('stops after maxPages against an API that never ends', async () => {
	let calls = 0;
	const rows = await collectPages(async () => (calls++, { items: [1, 2] }), {
		limit: Infinity,
		pageSize: 2,
		maxPages: 5,
	});
	expect(calls).toBe(5);
	expect(rows).toHaveLength(10);
});
