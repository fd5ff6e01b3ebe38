/** The templates users import (templates/), run as they ship, with only the sandbox credentials attached. */
import type { FirminoEmulator } from '../emulators/firmino';
import { outputOf, type E2eCase } from './cases';

export const cases: E2eCase[] = [
	{
		file: 'templates/firmino-recurring-invoice.json',
		check: (run, { emulators }) => {
			const created = outputOf(run, 'Create recurring invoice')[0].json;
			expect(created).toMatchObject({
				name: 'CYKLICZNA - Monthly subscription',
				intervalTimeType: 'week',
				email: 'client@example.com',
				hourToSend: '9',
			});
			const weekly = outputOf(run, 'Weekly recurring invoices').map((item) => item.json);
			expect(weekly.map((document) => document.id)).toContain(created.id);
			// List rows carry the Polish label, not the code (docs/api/firmino.md, "find (list) in detail").
			expect(weekly.every((document) => document.intervalTypeName === 'Tydzień')).toBe(true);
			expect(
				(emulators.firmino as FirminoEmulator).documents.get(created.id as number)?.idSaleDocument,
			).toBe(19818500);
		},
	},
];
