import type { SmartupEmulator } from '../emulators/smartup';
import { outputOf, type E2eCase } from './cases';

const ORDER = '/b/trade/txs/tdeal/order';

/** Each case starts from the sandbox without what an earlier run of it left (the sandbox may be reused). */
function forgetEarlierRuns(smartup: SmartupEmulator) {
	const orders = smartup.docs(ORDER);
	for (const [id, row] of orders) if (String(row.external_id).startsWith('e2e-')) orders.delete(id);
	smartup.refs('/b/anor/mxsx/mr/inventory').delete('E2E-P');
	smartup.prices.delete('E2E-P');
	smartup.requests.length = 0;
}

export const cases: E2eCase[] = [
	{
		file: 'test/e2e/workflows/smartup-all-actions.json',
		prepare: ({ emulators }) => forgetEarlierRuns(emulators.smartup as SmartupEmulator),
		check: (run, { emulators }) => {
			const smartup = emulators.smartup as SmartupEmulator;
			const created = outputOf(run, 'Create orders').map((item) => item.json);
			expect(created).toEqual([
				expect.objectContaining({ success: true, external_id: 'e2e-1' }),
				expect.objectContaining({ success: true, external_id: 'e2e-2' }),
			]);
			// One import request for both items, and exactly two orders: nothing created twice.
			expect(smartup.requestsTo(/order\$import$/)).toHaveLength(1);
			const stored = [...smartup.docs(ORDER).values()].filter((row) => String(row.external_id).startsWith('e2e-'));
			expect(stored).toHaveLength(2);
			expect(stored.every((row) => row.status === 'B#W')).toBe(true);
			expect(outputOf(run, 'Change status').map((item) => item.json.success)).toEqual([true, true]);
			const many = outputOf(run, 'Get many').map((item) => item.json);
			// The sandbox also holds seeded orders (one per status): ours are there, each once.
			expect(many.map((order) => order.external_id).filter((id) => String(id).startsWith('e2e-')).sort()).toEqual(['e2e-1', 'e2e-2']);
			expect(many.every((order) => order.status === 'B#W')).toBe(true);
			const got = outputOf(run, 'Get').map((item) => item.json);
			expect(got.map((order) => order.deal_id)).toEqual(many.map((order) => order.deal_id));
			expect(got.filter((order) => String(order.external_id).startsWith('e2e-')).map((order) => order.total_amount).sort()).toEqual([24000, 36000]);
			expect(outputOf(run, 'Upsert product')[0].json).toMatchObject({ success: true, code: 'E2E-P' });
			expect(outputOf(run, 'Product by code')[0].json).toMatchObject({ code: 'E2E-P', name: 'E2E tea' });
			expect(outputOf(run, 'Set price')[0].json).toMatchObject({ success: true, inventory_code: 'E2E-P' });
			expect(smartup.prices.get('E2E-P')?.get('777')).toBe('9990');
			expect(outputOf(run, 'Warehouses').map((item) => item.json.code)).toEqual(['001', '002']);
			expect(outputOf(run, 'Stock')[0].json).toMatchObject({ warehouse_code: '001', quantity: 140 });
			expect((outputOf(run, 'Custom call')[0].json.room as Array<Record<string, unknown>>)[0].room_code).toBe('R1');
		},
	},
	{
		file: 'test/e2e/workflows/smartup-continue-on-fail.json',
		prepare: ({ emulators }) => forgetEarlierRuns(emulators.smartup as SmartupEmulator),
		check: (run, { emulators }) => {
			const items = outputOf(run, 'Create orders');
			expect(items).toHaveLength(3);
			expect(items[0].json).toMatchObject({ success: true, external_id: 'e2e-ok' });
			expect(items[1].json.error).toContain('External ID: "an-id-that-is-far-too-long-for-smartup" must be at most 20 ASCII characters');
			expect(items[2].json.error).toContain('Smartup rejected order "e2e-bad"');
			expect(items[2].json.description).toContain('ТМЦ не найден: NOPE');
			expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			const smartup = emulators.smartup as SmartupEmulator;
			const stored = [...smartup.docs(ORDER).values()].map((row) => row.external_id);
			expect(stored.filter((id) => id === 'e2e-ok')).toHaveLength(1);
			expect(stored.some((id) => id === 'e2e-bad' || String(id).startsWith('an-id'))).toBe(false);
		},
	},
	{
		file: 'templates/smartup-orders-export.json',
		prepare: ({ emulators }) => {
			const smartup = emulators.smartup as SmartupEmulator;
			const orders = smartup.docs(ORDER);
			for (const [id, row] of orders) if (row.external_id === 'tpl-2lines') orders.delete(id);
			const today = smartup.today().split('-').reverse().join('.');
			smartup.addDocument(ORDER, {
				external_id: 'tpl-2lines',
				status: 'B#N',
				deal_time: `${today} 11:00:00`,
				deal_date: today,
				person_code: 'C-77',
				person_name: 'OOO Example',
				order_products: [
					{ product_unit_id: '8001', product_code: 'P-10', product_name: 'Tea 100 g', order_quant: '2', product_price: '12000', sold_amount: '24000' },
					{ product_unit_id: '8002', product_code: 'P-20', product_name: 'Sugar 1 kg', order_quant: '1', product_price: '15000', sold_amount: '15000' },
				],
			});
		},
		check: (run) => {
			const rows = outputOf(run, 'Order lines as rows').map((item) => item.json);
			// The seeded new order (one line) and the two-line one: one row per line, only status New.
			const mine = rows.filter((row) => row.external_id === 'tpl-2lines');
			expect(mine).toEqual([
				expect.objectContaining({ client_code: 'C-77', product_code: 'P-10', quantity: 2, price: 12000, amount: 24000 }),
				expect.objectContaining({ client_code: 'C-77', product_code: 'P-20', quantity: 1, price: 15000, amount: 15000 }),
			]);
			expect(rows.filter((row) => row.external_id === 'seed-2')).toHaveLength(1);
			expect(rows.some((row) => row.external_id === 'seed-1')).toBe(false);
		},
	},
];
