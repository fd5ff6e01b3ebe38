import type { SmartupEmulator } from '../emulators/smartup';
import { outputOf, type E2eCase } from './cases';

const ORDER = '/b/trade/txs/tdeal/order';
const CASHIN = '/b/trade/txs/tcs/cashin';

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
			const stored = [...smartup.docs(ORDER).values()].filter((row) =>
				String(row.external_id).startsWith('e2e-'),
			);
			expect(stored).toHaveLength(2);
			expect(stored.every((row) => row.status === 'B#W')).toBe(true);
			expect(outputOf(run, 'Change status').map((item) => item.json.success)).toEqual([true, true]);
			const many = outputOf(run, 'Get many').map((item) => item.json);
			// The sandbox also holds seeded orders (one per status): ours are there, each once.
			expect(
				many
					.map((order) => order.external_id)
					.filter((id) => String(id).startsWith('e2e-'))
					.sort(),
			).toEqual(['e2e-1', 'e2e-2']);
			expect(many.every((order) => order.status === 'B#W')).toBe(true);
			const got = outputOf(run, 'Get').map((item) => item.json);
			expect(got.map((order) => order.deal_id)).toEqual(many.map((order) => order.deal_id));
			expect(
				got
					.filter((order) => String(order.external_id).startsWith('e2e-'))
					.map((order) => order.total_amount)
					.sort(),
			).toEqual([24000, 36000]);
			expect(outputOf(run, 'Upsert product')[0].json).toMatchObject({
				success: true,
				code: 'E2E-P',
			});
			expect(outputOf(run, 'Product by code')[0].json).toMatchObject({
				code: 'E2E-P',
				name: 'E2E tea',
			});
			expect(outputOf(run, 'Set price')[0].json).toMatchObject({
				success: true,
				inventory_code: 'E2E-P',
			});
			expect(smartup.prices.get('E2E-P')?.get('777')).toBe('9990');
			expect(outputOf(run, 'Warehouses').map((item) => item.json.code)).toEqual(['001', '002']);
			expect(outputOf(run, 'Stock')[0].json).toMatchObject({
				warehouse_code: '001',
				quantity: 140,
			});
			expect(
				(outputOf(run, 'Custom call')[0].json.room as Array<Record<string, unknown>>)[0].room_code,
			).toBe('R1');
		},
	},
	{
		file: 'test/e2e/workflows/smartup-continue-on-fail.json',
		prepare: ({ emulators }) => forgetEarlierRuns(emulators.smartup as SmartupEmulator),
		check: (run, { emulators }) => {
			const items = outputOf(run, 'Create orders');
			expect(items).toHaveLength(3);
			expect(items[0].json).toMatchObject({ success: true, external_id: 'e2e-ok' });
			// Bad input stops only its own item: an order without its External ID is never sent.
			expect(items[1].json.error).toMatch(/External ID.*is required/);
			expect(items[2].json.error).toContain('Smartup rejected order "e2e-bad"');
			expect(items[2].json.description).toContain('ТМЦ не найден: NOPE');
			expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			const smartup = emulators.smartup as SmartupEmulator;
			const stored = [...smartup.docs(ORDER).values()].map((row) => row.external_id);
			expect(stored.filter((id) => id === 'e2e-ok')).toHaveLength(1);
			expect(stored.some((id) => id === 'e2e-bad' || id === '')).toBe(false);
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
					{
						product_unit_id: '8001',
						product_code: 'P-10',
						product_name: 'Tea 100 g',
						order_quant: '2',
						product_price: '12000',
						sold_amount: '24000',
					},
					{
						product_unit_id: '8002',
						product_code: 'P-20',
						product_name: 'Sugar 1 kg',
						order_quant: '1',
						product_price: '15000',
						sold_amount: '15000',
					},
				],
			});
		},
		check: (run) => {
			const rows = outputOf(run, 'Order lines as rows').map((item) => item.json);
			// The seeded new order (one line) and the two-line one: one row per line, only status New.
			const mine = rows.filter((row) => row.external_id === 'tpl-2lines');
			expect(mine).toEqual([
				expect.objectContaining({
					client_code: 'C-77',
					product_code: 'P-10',
					quantity: 2,
					price: 12000,
					amount: 24000,
				}),
				expect.objectContaining({
					client_code: 'C-77',
					product_code: 'P-20',
					quantity: 1,
					price: 15000,
					amount: 15000,
				}),
			]);
			expect(rows.filter((row) => row.external_id === 'seed-2')).toHaveLength(1);
			expect(rows.some((row) => row.external_id === 'seed-1')).toBe(false);
		},
	},
	{
		file: 'templates/smartup-payments-import.json',
		prepare: ({ emulators }) => {
			const smartup = emulators.smartup as SmartupEmulator;
			const payments = smartup.docs(CASHIN);
			for (const [id, row] of payments)
				if (String(row.external_id).startsWith('PAY-1023')) payments.delete(id);
			smartup.requests.length = 0;
		},
		check: (run, { emulators }) => {
			const smartup = emulators.smartup as SmartupEmulator;
			const stored = [...smartup.docs(CASHIN).values()].filter((row) =>
				String(row.external_id).startsWith('PAY-1023'),
			);
			// Both payments in one import request, each stored once, with Smartup's dd.mm.yyyy dates.
			expect(smartup.requestsTo(/cashin\$import$/)).toHaveLength(1);
			expect(
				stored
					.map((row) => [
						row.external_id,
						row.client_code,
						row.amount,
						row.cashin_date,
						row.cashin_time,
						row.posted,
					])
					.sort(),
			).toEqual([
				['PAY-10231', 'C-77', '1500000', '05.03.2026', '05.03.2026 10:15:00', 'Y'],
				['PAY-10232', 'N-1', '350000', '05.03.2026', '05.03.2026 16:40:00', 'Y'],
			]);
			const results = outputOf(run, 'Result for your system').map((item) => item.json);
			expect(results.map((result) => [result.paymentId, result.importedToSmartup])).toEqual([
				['PAY-10231', true],
				['PAY-10232', true],
			]);
			// The Smartup ID handed back is the stored payment's cashin_id.
			for (const result of results) {
				expect(stored.find((row) => row.external_id === result.paymentId)?.cashin_id).toBe(
					result.smartupId,
				);
			}
		},
	},
	{
		file: 'templates/smartup-stock-balance-report.json',
		prepare: ({ emulators }) => {
			const smartup = emulators.smartup as SmartupEmulator;
			// Today's stock: P-10 in both warehouses (the sandbox's default) plus two products only in one each.
			smartup.stock.splice(
				0,
				smartup.stock.length,
				{
					warehouse_code: '001',
					product_code: 'P-10',
					product_id: '21',
					inventory_kind: 'G',
					quantity: 140,
					input_price: 9000,
					measure_code: 'pcs',
					currency_code: '860',
				},
				{
					warehouse_code: '001',
					product_code: 'P-20',
					product_id: '22',
					inventory_kind: 'G',
					quantity: 35,
					input_price: 12500.5,
					measure_code: 'pcs',
					currency_code: '860',
				},
				{
					warehouse_code: '002',
					product_code: 'P-10',
					product_id: '21',
					inventory_kind: 'G',
					quantity: 60,
					input_price: 9000,
					measure_code: 'pcs',
					currency_code: '860',
				},
				{
					warehouse_code: '002',
					product_code: 'P-30',
					product_id: '23',
					inventory_kind: 'G',
					quantity: 8,
					input_price: 47000,
					measure_code: 'pcs',
					currency_code: '860',
				},
			);
		},
		check: (run) => {
			expect(outputOf(run, 'Stock balance today')).toHaveLength(4);
			const perWarehouse = outputOf(run, 'Totals per warehouse').map((item) => item.json);
			expect(
				perWarehouse.sort((a, b) => String(a.warehouse).localeCompare(String(b.warehouse))),
			).toEqual([
				{
					warehouse: '001',
					unique_count_product: 2,
					sum_quantity: 175,
					sum_value: 140 * 9000 + 35 * 12500.5,
				},
				{
					warehouse: '002',
					unique_count_product: 2,
					sum_quantity: 68,
					sum_value: 60 * 9000 + 8 * 47000,
				},
			]);
			const perProduct = outputOf(run, 'Totals per product').map((item) => item.json);
			expect(perProduct.sort((a, b) => String(a.product).localeCompare(String(b.product)))).toEqual(
				[
					{ product: 'P-10', unique_count_warehouse: 2, sum_quantity: 200, sum_value: 200 * 9000 },
					{ product: 'P-20', unique_count_warehouse: 1, sum_quantity: 35, sum_value: 35 * 12500.5 },
					{ product: 'P-30', unique_count_warehouse: 1, sum_quantity: 8, sum_value: 8 * 47000 },
				],
			);
		},
	},
];
