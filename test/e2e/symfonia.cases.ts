/** Symfonia in a real n8n against its emulator: every resource in one workflow, Continue On Fail, and the template. */
import type { SymfoniaEmulator } from '../emulators/symfonia';
import { outputOf, type E2eCase } from './cases';

const symfonia = (emulators: Record<string, unknown>) => emulators.symfonia as SymfoniaEmulator;

export const cases: E2eCase[] = [
	{
		file: 'test/e2e/workflows/symfonia-all-actions.json',
		check: (run, { emulators }) => {
			const emulator = symfonia(emulators);
			expect(outputOf(run, 'Upsert Contractor').map((item) => item.json.symfoniaAction)).toEqual(['created', 'created']);
			// Second pass over the same data: found by NIP, nothing to change, nothing created.
			expect(outputOf(run, 'Upsert Again').map((item) => item.json.symfoniaAction)).toEqual(['unchanged', 'unchanged']);
			expect(emulator.contractors.filter((c) => String(c.Code).startsWith('E2E-'))).toHaveLength(2);

			expect(outputOf(run, 'Sales Invoice')[0].json).toMatchObject({ Buffer: true, NetValue: 300, symfoniaAction: 'created' });
			expect(outputOf(run, 'Issue Sales Invoice')[0].json).toMatchObject({ Buffer: false });
			expect(outputOf(run, 'Sales Status')[0].json).toMatchObject({ DocumentStatus: 16 });

			const purchase = outputOf(run, 'Purchase Invoice')[0].json;
			expect(purchase.symfoniaAction).toBe('created');
			expect(outputOf(run, 'Purchase Invoice Again')[0].json).toMatchObject({ Id: purchase.Id, symfoniaAction: 'existing' });
			expect(emulator.purchases.filter((d) => d.ForeignDocumentNumber === 'E2E/77/2026')).toHaveLength(1);

			expect(outputOf(run, 'Fiscal Year')[0].json.Id).toBe(12);
			const supplier = outputOf(run, 'FK Supplier')[0].json;
			expect(typeof supplier.Position).toBe('number');
			expect(outputOf(run, 'Validate FK Invoice')[0].json).toMatchObject({ valid: false, errors: ['Dokument niezbilansowany: Wn 123.00 ≠ Ma 120.00.'] });
			const fkInvoice = outputOf(run, 'FK Invoice')[0].json;
			expect(fkInvoice).toMatchObject({ Source: 1, Value: 123, ContractorPosition: supplier.Position });
			expect(outputOf(run, 'FK Buffer').map((item) => item.json.Id)).toEqual([fkInvoice.Id]);
			expect(emulator.fkDocuments.filter((d) => d.DocumentNumber === 'E2E/FK/1')).toHaveLength(1);
			expect(outputOf(run, 'Custom Call')[0].json.DeviceName).toBe('n8n-sandbox');

			// Every node closed its session; requests never overlapped.
			expect(emulator.liveSessions()).toHaveLength(0);
			expect(emulator.overlaps).toBe(0);
			expect(emulator.closedSessions).toBe(emulator.openedSessions);
		},
	},
	{
		file: 'test/e2e/workflows/symfonia-continue-on-fail.json',
		check: (run, { emulators }) => {
			const items = outputOf(run, 'Get Contractor');
			expect(items).toHaveLength(3);
			expect(items[0].json).toMatchObject({ httpCode: '404' });
			expect(String(items[0].json.description)).toContain('Nie znaleziono kontrahenta.');
			expect(items[0].pairedItem).toEqual({ item: 0 });
			expect(items[1].json).toMatchObject({ Code: 'ACME' });
			expect(items[1].pairedItem).toEqual({ item: 1 });
			expect(String(items[2].json.error)).toContain('Value: is required [item 2]');
			expect(items[2].pairedItem).toEqual({ item: 2 });
			expect(symfonia(emulators).liveSessions()).toHaveLength(0);
		},
	},
	{
		file: 'templates/symfonia-contractor-and-invoice.json',
		check: (run, { emulators }) => {
			const emulator = symfonia(emulators);
			const contractor = outputOf(run, 'Contractor for the contract')[0].json;
			expect(contractor).toMatchObject({ Code: 'UM-2026-017', Name: 'Jan Kowalski / Anna Kowalska', Pesel: '80010112345' });
			expect(emulator.requestsTo(/Contractors\/Create$/).some((request) => request.query.get('syncFk') === 'true')).toBe(true);
			expect(outputOf(run, 'Supplier in FK')[0].json).toMatchObject({ Position: 154 });
			const invoice = outputOf(run, 'Posted cost invoice')[0].json;
			expect(invoice).toMatchObject({ Source: 1, YearId: 12, DocumentNumber: 'FV/123/2026', ContractorPosition: 154, Value: 1230 });
			expect(emulator.fkDocuments.filter((d) => d.DocumentNumber === 'FV/123/2026')).toHaveLength(1);
		},
	},
];
