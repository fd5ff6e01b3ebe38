/** Symfonia in a real n8n against its emulator: every resource in one workflow, Continue On Fail, and the three templates. */
import type { SymfoniaEmulator } from '../emulators/symfonia';
import { outputOf, type E2eCase } from './cases';

const symfonia = (emulators: Record<string, unknown>) => emulators.symfonia as SymfoniaEmulator;

export const cases: E2eCase[] = [
	{
		file: 'test/e2e/workflows/symfonia-all-actions.json',
		check: (run, { emulators }) => {
			const emulator = symfonia(emulators);
			expect(outputOf(run, 'Upsert Contractor').map((item) => item.json.symfoniaAction)).toEqual([
				'created',
				'created',
			]);
			// Second pass over the same data: found by NIP, nothing to change, nothing created.
			expect(outputOf(run, 'Upsert Again').map((item) => item.json.symfoniaAction)).toEqual([
				'unchanged',
				'unchanged',
			]);
			expect(emulator.contractors.filter((c) => String(c.Code).startsWith('E2E-'))).toHaveLength(2);

			expect(outputOf(run, 'Sales Invoice')[0].json).toMatchObject({
				Buffer: true,
				NetValue: 300,
				symfoniaAction: 'created',
			});
			expect(outputOf(run, 'Issue Sales Invoice')[0].json).toMatchObject({ Buffer: false });
			expect(outputOf(run, 'Sales Status')[0].json).toMatchObject({ DocumentStatus: 16 });

			const purchase = outputOf(run, 'Purchase Invoice')[0].json;
			expect(purchase.symfoniaAction).toBe('created');
			expect(outputOf(run, 'Purchase Invoice Again')[0].json).toMatchObject({
				Id: purchase.Id,
				symfoniaAction: 'existing',
			});
			expect(
				emulator.purchases.filter((d) => d.ForeignDocumentNumber === 'E2E/77/2026'),
			).toHaveLength(1);

			expect(outputOf(run, 'Fiscal Year')[0].json.Id).toBe(12);
			const supplier = outputOf(run, 'FK Supplier')[0].json;
			expect(typeof supplier.Position).toBe('number');
			expect(outputOf(run, 'Validate FK Invoice')[0].json).toMatchObject({
				valid: false,
				errors: ['Dokument niezbilansowany: Wn 123.00 ≠ Ma 120.00.'],
			});
			const fkInvoice = outputOf(run, 'FK Invoice')[0].json;
			expect(fkInvoice).toMatchObject({
				Source: 1,
				Value: 123,
				ContractorPosition: supplier.Position,
			});
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
		file: 'templates/symfonia-contract-clients-to-one-contractor.json',
		check: (run, { emulators }) => {
			const emulator = symfonia(emulators);
			const contractor = outputOf(run, 'Contractor for the contract')[0].json;
			expect(contractor).toMatchObject({
				Code: 'UM-2026-017',
				Name: 'Jan Kowalski / Anna Kowalska',
				Pesel: '80010112345',
			});
			// One contractor for both clients, and both named in its note.
			const stored = emulator.contractors.filter((c) => c.Code === 'UM-2026-017');
			expect(stored).toHaveLength(1);
			expect(String(stored[0].Note)).toContain('Anna Kowalska');
			expect(String(stored[0].Note)).toContain('PESEL 82030398765');
			expect(
				emulator
					.requestsTo(/Contractors\/Create$/)
					.some((request) => request.query.get('syncFk') === 'true'),
			).toBe(true);
		},
	},
	{
		file: 'templates/symfonia-contractor-upsert.json',
		check: (run, { emulators }) => {
			const emulator = symfonia(emulators);
			// The sample holds a new contractor, a changed one (ACME's address) and one Symfonia already has as is.
			expect(
				outputOf(run, 'Result for your system').map((item) => [
					item.json.yourId,
					item.json.symfoniaCode,
					item.json.action,
				]),
			).toEqual([
				['K-1001', 'K-1001', 'created'],
				['K-0007', 'ACME', 'updated'],
				['K-0002', 'DOST1', 'unchanged'],
			]);
			const created = emulator.contractors.filter((c) => c.NIP === '5213104565');
			expect(created).toHaveLength(1);
			expect(created[0]).toMatchObject({
				Code: 'K-1001',
				Name: 'Biuro Rachunkowe Nowak Sp. z o.o.',
				DefaultAddress: { Street: 'Puławska', HouseNo: '12', PostCode: '02-512', City: 'Warszawa' },
			});
			const acme = emulator.contractors.filter((c) => c.NIP === '5260001246');
			expect(acme).toHaveLength(1);
			expect(acme[0]).toMatchObject({
				Code: 'ACME',
				DefaultAddress: {
					Street: 'Marszałkowska',
					HouseNo: '10',
					PostCode: '00-590',
					City: 'Warszawa',
				},
			});
			// Unchanged means no write: exactly one create (K-1001) and one update (ACME) went out.
			const writes = emulator.requests.filter(
				(request) =>
					/\/api\/Contractors\/(Create|Update)$/i.test(request.path) &&
					/K-1001|ACME|DOST1/.test(request.body),
			);
			expect(writes.map((request) => request.path.split('/').pop())).toEqual(['Create', 'Update']);
		},
	},
	{
		file: 'templates/symfonia-invoice-to-fk.json',
		check: (run, { emulators }) => {
			const emulator = symfonia(emulators);
			const [supplier, customer] = outputOf(run, 'Contractor in FK').map((item) => item.json);
			expect(supplier).toMatchObject({ NIP: '9452109875', symfoniaAction: 'created' });
			expect(customer).toMatchObject({ NIP: '6793012342', symfoniaAction: 'created' });
			// Each invoice went down its own branch and was posted once into the FK buffer of year 2026.
			expect(outputOf(run, 'Posted cost invoice (FZ)').map((item) => item.json)).toEqual([
				expect.objectContaining({
					TypeCode: 'FZ',
					DocumentNumber: 'FV/0457/2026',
					YearId: 12,
					ContractorPosition: supplier.Position,
					Value: 984,
				}),
			]);
			expect(outputOf(run, 'Posted sales invoice (FS)').map((item) => item.json)).toEqual([
				expect.objectContaining({
					TypeCode: 'FS',
					DocumentNumber: 'FS/31/05/2026',
					YearId: 12,
					ContractorPosition: customer.Position,
					Value: 3075,
				}),
			]);
			const cost = emulator.fkDocuments.filter((d) => d.DocumentNumber === 'FV/0457/2026');
			const sales = emulator.fkDocuments.filter((d) => d.DocumentNumber === 'FS/31/05/2026');
			expect([cost.length, sales.length]).toEqual([1, 1]);
			// Created once each (documents are never sent twice).
			expect(
				emulator
					.requestsTo(/NewPurchaseInvoice$/i)
					.filter((request) => request.method === 'POST' && request.body.includes('FV/0457/2026')),
			).toHaveLength(1);
			expect(
				emulator
					.requestsTo(/NewSaleInvoice$/i)
					.filter((request) => request.method === 'POST' && request.body.includes('FS/31/05/2026')),
			).toHaveLength(1);
			// Cost: Wn 402 / 221, Ma 202-<supplier> with the due date; sales: Wn 201-<customer>, Ma 700 / 222.
			const sides = (doc: Record<string, unknown>) =>
				(doc.Records as Array<Record<string, unknown>>).map((record) => [
					record.Side,
					record.Account,
					record.Value,
				]);
			expect(sides(cost[0])).toEqual([
				[0, '402-1', 800],
				[0, '221-1', 184],
				[1, `202-${String(supplier.Position)}`, 984],
			]);
			expect(sides(sales[0])).toEqual([
				[0, `201-${String(customer.Position)}`, 3075],
				[1, '700-1', 2500],
				[1, '222-1', 575],
			]);
			expect((cost[0].VatRegisters as Array<Record<string, unknown>>)[0]).toMatchObject({
				DefinitionId: 3,
				NetValuePLN: 800,
				VatValuePLN: 184,
			});
			expect((sales[0].VatRegisters as Array<Record<string, unknown>>)[0]).toMatchObject({
				DefinitionId: 4,
				NetValuePLN: 2500,
				VatValuePLN: 575,
			});
			expect(emulator.liveSessions()).toHaveLength(0);
		},
	},
];
