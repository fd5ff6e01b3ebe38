/**
 * Vitec Ekonomi in a real n8n: an active workflow with the trigger (on emit) receives revisions created in
 * the emulator; the Later-mode template (trigger → transform → HTTP POST to the customer endpoint →
 * Acknowledge) delivers and confirms every revision, leaving nothing pending in Vitec; the On-Emit template
 * (its own Integration-ID) delivers suppliers and customers, confirmed by the trigger itself.
 */
import { sleep } from 'n8n-workflow';

import { accountingRow, type VitecEmulator } from '../emulators/vitec';
import type { E2eServerCase, E2eRun } from './cases';

const vitecOf = (emulators: Record<string, unknown>) => emulators.vitec as VitecEmulator;

/** On Emit sends the receipts for an emit at the trigger's next poll (a minute later): wait for them. */
async function receiptsSent(vitec: VitecEmulator, integrationId: string): Promise<void> {
	const deadline = Date.now() + 150_000;
	while (vitec.pendingCount(integrationId) > 0 && Date.now() < deadline) await sleep(1000);
}

function itemsOf(runs: E2eRun[], node: string) {
	return runs
		.flatMap((run) => run.data.resultData.runData[node]?.[0]?.data?.main?.[0] ?? [])
		.map((item) => item.json);
}

export const serverCases: E2eServerCase[] = [
	{
		file: 'test/e2e/workflows/vitec-trigger-on-emit.json',
		feed: ({ emulators }) => {
			const vitec = vitecOf(emulators);
			// Company 103 is the only one in E2E-ONEMIT's Prenumeration (and outside N8N's).
			vitec.upsert('Accounting', 103, accountingRow(103, 9001));
			vitec.upsert('Accounting', 103, accountingRow(103, 9002));
			vitec.upsert('Supplier', 103, { SupplierId: 'E2E-L1', Name: 'Nytt Bolag AB' });
		},
		executionsWanted: 1,
		check: async (runs, { emulators }) => {
			const error = runs[0].data.resultData.error;
			expect({
				finished: runs[0].finished,
				error: error?.message,
				description: error?.description,
				node: error?.node?.name,
			}).toEqual({
				finished: true,
				error: undefined,
				description: undefined,
				node: undefined,
			});
			const items = itemsOf(runs, 'Vitec Ekonomi Trigger');
			expect(items.map((item) => item.key).sort()).toEqual([
				'103|2026|A|9001|1|*|0',
				'103|2026|A|9002|1|*|0',
				'103|E2E-L1',
			]);
			expect(new Set(items.map((item) => item.eventId)).size).toBe(3);
			expect(itemsOf(runs, 'Keep')).toHaveLength(3);
			// Acknowledged by the trigger's next poll: nothing left for this Integration-ID.
			await receiptsSent(vitecOf(emulators), 'E2E-ONEMIT');
			expect(vitecOf(emulators).pendingCount('E2E-ONEMIT')).toBe(0);
			expect(vitecOf(emulators).pendingCount('N8N')).toBe(0);
		},
	},
	{
		file: 'templates/vitec-revisions-to-webhook.json',
		feed: ({ emulators }) => {
			const vitec = vitecOf(emulators);
			vitec.upsert('Accounting', 101, accountingRow(101, 7001, 1, { Text: 'Hyra & el, december' }));
			vitec.upsert('Accounting', 101, accountingRow(101, 7001, 2));
			vitec.remove('Accounting', 102, {
				AccountingYear: 2026,
				Routine: 'A',
				VoucherNumber: 1,
				Row: 1,
				AutoAccountingCode: '*',
				AutoAccountingRow: 0,
			});
		},
		executionsWanted: 1,
		check: (runs, { emulators }) => {
			const vitec = vitecOf(emulators);
			const error = runs[0].data.resultData.error;
			expect({
				finished: runs[0].finished,
				error: error?.message,
				description: error?.description,
				node: error?.node?.name,
			}).toEqual({
				finished: true,
				error: undefined,
				description: undefined,
				node: undefined,
			});
			// Confirmed by the Acknowledge step (one call per company), so Vitec has nothing left for N8N.
			expect(
				itemsOf(runs, 'Acknowledge')
					.map((item) => item.companyId)
					.sort(),
			).toEqual([101, 102]);
			expect(vitec.pendingCount('N8N')).toBe(0);
			// Delivered to this run's sandbox (e2e points the template's sandbox URL at it, test/e2e/workflows.ts).
			const delivered = vitec.endpointReceived
				.filter((entry) => entry.path === '/customer-endpoint/vitec-revisions')
				.map((entry) => entry.body as Record<string, unknown>);
			expect(delivered.map((body) => [body.id, body.operation]).sort()).toEqual([
				['101|2026|A|7001|1|*|0', 'upsert'],
				['101|2026|A|7001|2|*|0', 'upsert'],
				['102|2026|A|1|1|*|0', 'delete'],
			]);
			expect(delivered.find((body) => body.id === '101|2026|A|7001|1|*|0')).toMatchObject({
				company: 101,
				account: '1910',
				amount: 1250.5,
				date: '2026-11-20',
				text: 'Hyra & el, december',
			});
		},
	},
	{
		// Runs after the two cases above checked N8N and E2E-ONEMIT: N8N also subscribes to suppliers and
		// customers of 101/102, so from here on it holds its own copies of these changes (as in Vitec).
		file: 'templates/vitec-registers-on-emit.json',
		feed: ({ emulators }) => {
			const vitec = vitecOf(emulators);
			vitec.upsert('Supplier', 101, {
				SupplierId: 'L1017',
				Name: 'Målarfirman i Norr AB',
				Address2: 'Kungsgatan 12',
				ZipCode: '903 25',
				City: 'Umeå',
				BankGiro: '5402-9681',
				Currency: 'SEK',
			});
			vitec.upsert('Customer', 102, {
				CustomerId: 'K2044',
				Name: 'Lindqvist; Eva',
				Address2: 'Storgatan 8',
				ZipCode: '972 31',
				City: 'Luleå',
				CountryCode: 'SE',
			});
			vitec.remove('Customer', 101, { CustomerId: 'K1011' });
		},
		executionsWanted: 1,
		check: async (runs, { emulators }) => {
			const vitec = vitecOf(emulators);
			const error = runs[0].data.resultData.error;
			expect({
				finished: runs[0].finished,
				error: error?.message,
				node: error?.node?.name,
			}).toEqual({ finished: true, error: undefined, node: undefined });
			const shaped = itemsOf(runs, 'Shape for your system');
			expect(shaped.map((item) => [item.id, item.kind, item.operation]).sort()).toEqual([
				['101|K1011', 'customer', 'delete'],
				['101|L1017', 'supplier', 'upsert'],
				['102|K2044', 'customer', 'upsert'],
			]);
			expect(shaped.find((item) => item.id === '101|L1017')).toMatchObject({
				company: 101,
				code: 'L1017',
				name: 'Målarfirman i Norr AB',
				city: 'Umeå',
				bankgiro: '5402-9681',
			});
			// Acknowledged by the trigger itself at its next poll (no Acknowledge step): nothing left for N8N-REGISTER,
			// one receipt per company and type, and N8N's own copies of the same changes untouched.
			await receiptsSent(vitec, 'N8N-REGISTER');
			expect(vitec.pendingCount('N8N-REGISTER')).toBe(0);
			expect(
				vitec.acks
					.filter((ack) => ack.integrationId === 'N8N-REGISTER')
					.map((ack) => ack.eventIds.length)
					.reduce((a, b) => a + b, 0),
			).toBe(3);
			expect(vitec.pending('N8N', { type: 'Supplier' }).map((event) => event.companyId)).toContain(
				101,
			);
			expect(
				vitec
					.pending('N8N', { type: 'Customer' })
					.map((event) => event.companyId)
					.sort(),
			).toEqual([101, 102]);
			const delivered = vitec.endpointReceived
				.filter((entry) => entry.path === '/customer-endpoint/vitec-registers')
				.map((entry) => entry.body as Record<string, unknown>);
			expect(delivered.map((body) => body.id).sort()).toEqual([
				'101|K1011',
				'101|L1017',
				'102|K2044',
			]);
		},
	},
];
