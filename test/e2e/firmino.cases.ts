import type { FirminoEmulator } from '../emulators/firmino';
import { outputOf, type E2eCase } from './cases';

export const cases: E2eCase[] = [
	{
		file: 'test/e2e/workflows/firmino-all-actions.json',
		check: (run, { emulators }) => {
			const firmino = emulators.firmino as FirminoEmulator;
			expect(outputOf(run, 'Get Defaults')[0].json).toMatchObject({
				id: null,
				intervalTimeType: 'month',
				active: true,
			});
			const created = outputOf(run, 'Create')[0].json;
			expect(created).toMatchObject({
				name: 'CYKLICZNA - E2E month',
				intervalTimeType: 'week',
				startDate: '2026-12-01',
				hourToSend: '8',
				email: 'a@firma.pl;b@firma.pl',
			});
			expect(outputOf(run, 'Get')[0].json).toEqual(created);
			expect(outputOf(run, 'Update')[0].json).toMatchObject({
				id: created.id,
				active: false,
				name: 'CYKLICZNA - E2E month',
				email: 'a@firma.pl;b@firma.pl',
			});
			expect(outputOf(run, 'Get Many').map((item) => item.json.id)).toContain(created.id);
			expect(outputOf(run, 'Delete')[0].json).toEqual({
				id: created.id,
				deleted: true,
				message: 'Usunięto dokument',
			});
			expect(firmino.documents.has(created.id as number)).toBe(false);
			// Exactly one add: nothing was created twice.
			expect(firmino.requestsTo(/\/add$/)).toHaveLength(1);
		},
	},
	{
		file: 'test/e2e/workflows/firmino-continue-on-fail.json',
		prepare: ({ emulators }) => {
			(emulators.firmino as FirminoEmulator).documents.set(4242, {
				id: 4242,
				idSaleDocument: 1,
				intervalTimeType: 'month',
				name: 'CYKLICZNA - Seeded',
				startDate: '2026-01-01',
				active: 'true',
				email: null,
				emailForConfirmation: null,
				hourToSend: '10',
			});
		},
		check: (run) => {
			const items = outputOf(run, 'Get');
			expect(items).toHaveLength(3);
			expect(items[0].json.error).toContain(
				'Recurring Invoice ID: must be a whole number, got "not-a-number" [item 0]',
			);
			expect(items[0].pairedItem).toEqual({ item: 0 });
			expect(items[1].json).toMatchObject({ id: 4242, active: true });
			expect(items[1].pairedItem).toEqual({ item: 1 });
			expect(items[2].json.error).toContain('Nie znaleziono dokumentu');
			expect(items[2].pairedItem).toEqual({ item: 2 });
		},
	},
];
