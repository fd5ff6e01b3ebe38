/**
 * Vitec Ekonomi Trigger against the Vitec emulator (real SOAP over HTTP), through n8n-core's PollContext:
 * both acknowledge modes, the proofs that nothing is lost (crash between fetch and acknowledge, workflow
 * failure in later mode, manual mode, a large drain exactly once), the dimension trap and the legacy read.
 */
import { sleep } from 'n8n-workflow';

import { VitecEmulator, accountingRow } from '../emulators/vitec';
import { poll, pollAgain, pollContext } from './poll-harness';

let emulator: VitecEmulator;

beforeEach(async () => {
	emulator = new VitecEmulator();
	await emulator.start();
	emulator.subscribe('N8N', { types: ['Accounting', 'Supplier', 'Currency'] });
});
afterEach(async () => emulator.stop());

const fetchCalls = () =>
	emulator.requests.filter((request) => request.body.includes('RevisionsWithReceiptRequirement'))
		.length;
const credentials = () => ({
	username: emulator.username,
	password: emulator.password,
	baseUrl: emulator.baseUrl,
	domain: '',
});

function addVouchers(companyId: number, count: number, startVoucher = 1) {
	for (let i = 0; i < count; i++)
		emulator.upsert('Accounting', companyId, accountingRow(companyId, startVoucher + i));
}

describe('on emit (default)', () => {
	it('emits each revision once with its key, acknowledges per company, and finds nothing next time', async () => {
		addVouchers(101, 3);
		addVouchers(102, 2);
		emulator.upsert('Accounting', 101, accountingRow(101, 1, 1, { Amount: '999.00' }));
		emulator.remove('Accounting', 102, {
			AccountingYear: 2026,
			Routine: 'A',
			VoucherNumber: 2,
			Row: 1,
			AutoAccountingCode: '*',
			AutoAccountingRow: 0,
		});

		const state = {};
		const first = await poll(
			{ integrationId: 'N8N', informationTypes: ['accounting'] },
			credentials(),
			{ staticData: state },
		);
		expect(first.error).toBeUndefined();
		expect(first.items).toHaveLength(7);
		const json = first.items.map((item) => item.json);
		expect(json[0]).toMatchObject({
			integrationId: 'N8N',
			companyId: 101,
			type: 'accounting',
			action: 'new',
			deleted: false,
			key: '101|2026|A|1|1|*|0',
			data: {
				CompanyId: 101,
				Account: '1910',
				Amount: 1250.5,
				Text: 'Hyra november & el – verifikation 1',
				Note: null,
			},
		});
		expect(json.find((item) => item.action === 'changed')).toMatchObject({
			key: '101|2026|A|1|1|*|0',
			data: { Amount: 999 },
		});
		const deleted = json.find((item) => item.deleted)!;
		expect(deleted).toMatchObject({ companyId: 102, action: 'deleted', key: '102|2026|A|2|1|*|0' });
		expect(Object.keys(deleted.data as object).sort()).toEqual([
			'AccountingYear',
			'AutoAccountingCode',
			'AutoAccountingRow',
			'CompanyId',
			'Routine',
			'Row',
			'VoucherNumber',
		]);
		expect(new Set(json.map((item) => item.eventId)).size).toBe(7);
		// Nothing is acknowledged before n8n has saved what this poll returned.
		expect(emulator.acks).toHaveLength(0);

		// The next poll sends the receipts (one per company) and finds nothing more.
		const second = await poll(
			{ integrationId: 'N8N', informationTypes: ['accounting'] },
			credentials(),
			{ staticData: state },
		);
		expect(second.returned).toBeNull();
		expect(emulator.pendingCount('N8N')).toBe(0);
		expect(emulator.acks.map((ack) => ack.companyId).sort()).toEqual([101, 102]);
		// The cheap pending check answered; no revision call was made.
		expect(emulator.requests.slice(-1)[0].body).toContain('GetListOfPendingEvents');
	});

	it('a receipt Vitec refuses is sent again at the next poll: the batch is neither lost nor emitted twice', async () => {
		addVouchers(101, 4);
		const state = {};
		const first = await poll(
			{ integrationId: 'N8N', informationTypes: ['accounting'] },
			credentials(),
			{ staticData: state },
		);
		expect(first.items).toHaveLength(4);
		// The receipt fails (a ServiceFault: nothing removed in Vitec). The target is not fetched again (it would
		// return the same 4), and as nothing else could be fetched the poll reports the failure.
		emulator.failNext(['Tjänsten är tillfälligt otillgänglig.'], {
			method: /SendProofOfReceiptForRevisions/,
		});
		const refused = await poll(
			{ integrationId: 'N8N', informationTypes: ['accounting'] },
			credentials(),
			{ staticData: state },
		);
		expect(refused.items).toHaveLength(0);
		expect(refused.error?.message).toMatch(
			/accounting for company 101.*SendProofOfReceiptForRevisions/,
		);
		expect(emulator.pendingCount('N8N')).toBe(4);
		expect(fetchCalls()).toBe(1);

		// The saved receipt is sent again; Vitec takes it; nothing was emitted twice.
		const again = await poll(
			{ integrationId: 'N8N', informationTypes: ['accounting'] },
			credentials(),
			{ staticData: state },
		);
		expect(again.error).toBeUndefined();
		expect(again.returned).toBeNull();
		expect(emulator.pendingCount('N8N')).toBe(0);
	});

	it('n8n really dies while a receipt is on its way: a restarted n8n sends it again, nothing is lost or repeated', async () => {
		addVouchers(101, 3);
		addVouchers(102, 2);
		const saved = {};
		const first = await poll(
			{ integrationId: 'N8N', informationTypes: ['accounting'] },
			credentials(),
			{ staticData: saved, workflowId: 'process-1' },
		);
		expect(first.items).toHaveLength(5);
		// The receipt for the first company reaches the server, which never processes it: the poll hangs there,
		// as a process killed at that moment. Its promise is abandoned, never awaited, and saves nothing.
		emulator.hangOn(/SendProofOfReceiptForRevisions/);
		void poll({ integrationId: 'N8N', informationTypes: ['accounting'] }, credentials(), {
			staticData: saved,
			workflowId: 'process-1',
		}).catch(() => undefined);
		for (
			let i = 0;
			i < 100 && !emulator.requests.some((r) => r.body.includes('SendProofOfReceiptForRevisions'));
			i++
		)
			await sleep(20);
		expect(emulator.pendingCount('N8N')).toBe(5);

		// The restarted n8n polls with what the first process saved: the receipts again, then nothing new.
		const restarted = await poll(
			{ integrationId: 'N8N', informationTypes: ['accounting'] },
			credentials(),
			{ staticData: saved, workflowId: 'process-2' },
		);
		expect(restarted.error).toBeUndefined();
		expect(restarted.returned).toBeNull();
		expect(emulator.pendingCount('N8N')).toBe(0);
	});

	it('a dropped connection while fetching: the poll fails with a clear error and nothing is acknowledged', async () => {
		addVouchers(101, 2);
		emulator.injectFault({ kind: 'reset' }, { times: 10, pathPattern: /AccountingService/ });
		const failed = await poll(
			{
				integrationId: 'N8N',
				informationTypes: ['accounting'],
				options: { checkPendingFirst: false },
				companySelection: 'ids',
				companyIds: '101',
			},
			credentials(),
		);
		expect(failed.error?.message).toMatch(/closed before its answer arrived/);
		emulator.clearFaults();
		expect(emulator.pendingCount('N8N')).toBe(2);
		const next = await poll(
			{ integrationId: 'N8N', informationTypes: ['accounting'] },
			credentials(),
		);
		expect(next.items).toHaveLength(2);
	});

	it('drains 12,000 revisions across companies and types exactly once, in batches of 5000 with one ack each', async () => {
		addVouchers(101, 7000);
		addVouchers(102, 4000);
		for (let i = 0; i < 1000; i++)
			emulator.upsert('Supplier', 101, { SupplierId: `L${i}`, Name: `Leverantör ${i}` });
		const seen = new Map<string, number>();
		const state = {};
		for (let round = 0; round < 10; round++) {
			const result = await poll(
				{
					integrationId: 'N8N',
					informationTypes: ['accounting', 'supplier'],
					options: { maxBatchesPerPoll: 2 },
				},
				credentials(),
				{ staticData: state },
			);
			expect(result.error).toBeUndefined();
			if (!result.returned) break;
			for (const item of result.items)
				seen.set(String(item.json.eventId), (seen.get(String(item.json.eventId)) ?? 0) + 1);
		}
		expect(seen.size).toBe(12_000);
		expect([...seen.values()].every((count) => count === 1)).toBe(true);
		expect(emulator.pendingCount('N8N')).toBe(0);
		expect(Math.max(...emulator.acks.map((ack) => ack.eventIds.length))).toBe(5000);
	});

	it('takes one batch per type and company, in turns, so one big backlog does not starve the others', async () => {
		await emulator.stop();
		emulator = new VitecEmulator({ maxBatch: 2 });
		await emulator.start();
		emulator.subscribe('N8N', { types: ['Accounting', 'Supplier'] });
		addVouchers(101, 10);
		emulator.upsert('Supplier', 101, { SupplierId: 'L1', Name: 'Ny AB' });
		emulator.upsert('Supplier', 102, { SupplierId: 'L2', Name: 'Ny AB' });
		const result = await poll(
			{
				integrationId: 'N8N',
				informationTypes: ['accounting', 'supplier'],
				options: { maxBatchesPerPoll: 4 },
			},
			credentials(),
		);
		// One batch each (a second one of accounting 101 would be the same head until the receipt is sent).
		expect(result.items.map((item) => `${item.json.type}:${item.json.companyId}`)).toEqual([
			'accounting:101',
			'accounting:101',
			'supplier:101',
			'supplier:102',
		]);
		// With one call per poll, the polls of one activation take the targets in turn.
		const activation = pollContext(
			{
				integrationId: 'N8N',
				informationTypes: ['accounting', 'supplier'],
				options: { maxBatchesPerPoll: 1, checkPendingFirst: false },
				companySelection: 'ids',
				companyIds: '101, 102',
			},
			credentials(),
		);
		const order: string[] = [];
		for (let round = 0; round < 4; round++) {
			const turn = await pollAgain(activation);
			order.push(
				[...new Set(turn.items.map((item) => `${item.json.type}:${item.json.companyId}`))].join(
					',',
				),
			);
		}
		expect(order).toEqual(['accounting:101', '', 'supplier:101', 'supplier:102']);
	});

	it('one item per batch carries all event ids', async () => {
		addVouchers(101, 3);
		const result = await poll(
			{ integrationId: 'N8N', informationTypes: ['accounting'], options: { output: 'batch' } },
			credentials(),
		);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ companyId: 101, type: 'accounting', count: 3 });
		expect((result.items[0].json.eventIds as number[]).length).toBe(3);
		expect((result.items[0].json.revisions as object[]).length).toBe(3);
	});
});

describe('manual mode (Fetch Test Event)', () => {
	it('shows real pending data but acknowledges nothing and saves no state', async () => {
		addVouchers(101, 3);
		const state = {};
		const result = await poll(
			{ integrationId: 'N8N', informationTypes: ['accounting'], acknowledgeMode: 'later' },
			credentials(),
			{ mode: 'manual', staticData: state },
		);
		expect(result.items).toHaveLength(3);
		expect(emulator.acks).toHaveLength(0);
		expect(emulator.pendingCount('N8N')).toBe(3);
		expect(state).toEqual({});
		const onEmit = await poll(
			{ integrationId: 'N8N', informationTypes: ['accounting'] },
			credentials(),
			{ mode: 'manual' },
		);
		expect(onEmit.items).toHaveLength(3);
		expect(emulator.acks).toHaveLength(0);
		expect(
			emulator.requests.some((request) => request.body.includes('SendProofOfReceiptForRevisions')),
		).toBe(false);
	});

	it('says what to do when nothing is pending, instead of an empty result', async () => {
		const result = await poll(
			{ integrationId: 'N8N', informationTypes: ['accounting'] },
			credentials(),
			{ mode: 'manual' },
		);
		expect(result.error?.message).toBe(
			'No revisions are waiting in Vitec for Integration-ID "N8N" (for the chosen types and companies)',
		);
		expect(result.error?.description).toMatch(/Engångsöverföring/);
	});

	it('refuses the legacy destructive mode instead of deleting test data', async () => {
		addVouchers(101, 2);
		const result = await poll(
			{
				integrationId: 'N8N',
				informationTypes: ['accounting'],
				acknowledgeMode: 'legacyDestructive',
			},
			credentials(),
			{ mode: 'manual' },
		);
		expect(result.error?.message).toMatch(/not available in Legacy Destructive Read mode/);
		expect(emulator.pendingCount('N8N')).toBe(2);
	});
});

describe('later mode (at-least-once)', () => {
	it('holds emitted revisions back until the redelivery timeout, then emits them again unless acknowledged', async () => {
		addVouchers(101, 3);
		const state: Record<string, unknown> = {};
		const params = {
			integrationId: 'N8N',
			informationTypes: ['accounting'],
			acknowledgeMode: 'later',
			redeliveryTimeoutMinutes: 30,
		};
		const first = await poll(params, credentials(), { staticData: state });
		expect(first.items).toHaveLength(3);
		expect(emulator.acks).toHaveLength(0);

		// The workflow failed (no Acknowledge step ran): not re-emitted before the timeout...
		const early = await poll(params, credentials(), { staticData: state });
		expect(early.returned).toBeNull();
		expect(emulator.pendingCount('N8N')).toBe(3);

		// ...but after it: the in-flight marks are 31 minutes old.
		const inFlight = (state['node:Vitec Ekonomi Trigger'] as { inFlight: Record<string, number> })
			.inFlight;
		expect(Object.keys(inFlight)).toHaveLength(3);
		for (const key of Object.keys(inFlight)) inFlight[key] -= 31 * 60_000;
		const late = await poll(params, credentials(), { staticData: state });
		expect(late.items.map((item) => item.json.eventId)).toEqual(
			first.items.map((item) => item.json.eventId),
		);
	});

	it('new revisions behind acknowledged ones arrive; acknowledged ones never come back', async () => {
		addVouchers(101, 2);
		const state: Record<string, unknown> = {};
		const params = {
			integrationId: 'N8N',
			informationTypes: ['accounting'],
			acknowledgeMode: 'later',
		};
		const first = await poll(params, credentials(), { staticData: state });
		// The workflow's Acknowledge step (simulated here as the node would send it; the node is tested in its own file).
		emulator.pending('N8N').forEach(() => undefined);
		const ids = first.items.map((item) => item.json.eventId as number);
		await (await import('./ack-helper')).acknowledgeViaNode(emulator, 'N8N', 101, ids);
		addVouchers(101, 1, 50);
		const second = await poll(params, credentials(), { staticData: state });
		expect(second.items).toHaveLength(1);
		expect((second.items[0].json.data as { VoucherNumber: number }).VoucherNumber).toBe(50);
	});
});

describe('selection and faults', () => {
	it('a dimension filter returns only rows with it and Vitec deletes the other events (the documented trap)', async () => {
		emulator.upsert('Accounting', 101, accountingRow(101, 1, 1, { Dimension02: 'P100' }));
		emulator.upsert('Accounting', 101, accountingRow(101, 2, 1));
		const result = await poll(
			{ integrationId: 'N8N', informationTypes: ['accounting'], dimension: 'Dimension02' },
			credentials(),
		);
		expect(
			result.items.map((item) => (item.json.data as { VoucherNumber: number }).VoucherNumber),
		).toEqual([1]);
		// Voucher 2's event is gone already, though nothing was acknowledged: only voucher 1 waits for its receipt.
		expect(emulator.pending('N8N').map((event) => event.payload.VoucherNumber)).toEqual([1]);
	});

	it('legacy destructive mode: the events are gone from Vitec at fetch, without any acknowledgement', async () => {
		addVouchers(101, 2);
		const result = await poll(
			{
				integrationId: 'N8N',
				informationTypes: ['accounting'],
				acknowledgeMode: 'legacyDestructive',
			},
			credentials(),
		);
		expect(result.items).toHaveLength(2);
		expect(result.items[0].json.action).toBe('new');
		expect(emulator.acks).toHaveLength(0);
		expect(emulator.pendingCount('N8N')).toBe(0);
		expect(
			emulator.requests.some((request) => request.body.includes('GetAccountingRevisions xmlns')),
		).toBe(true);
	});

	it('currency rates (no company) and chosen companies only', async () => {
		emulator.upsert('Currency', null, {
			FromCurrency: 'EUR',
			ToCurrency: 'SEK',
			Date: '2026-11-20',
			Rate: '11.52',
			Units: 1,
		});
		addVouchers(101, 1);
		addVouchers(102, 1);
		const state = {};
		const params = {
			integrationId: 'N8N',
			informationTypes: ['accounting', 'currency'],
			companySelection: 'ids',
			companyIds: '102',
		};
		const result = await poll(params, credentials(), { staticData: state });
		expect(result.items.map((item) => [item.json.type, item.json.companyId])).toEqual([
			['accounting', 102],
			['currency', null],
		]);
		expect(result.items[1].json.key).toBe('EUR|SEK|2026-11-20');
		await poll(params, credentials(), { staticData: state });
		expect(emulator.pending('N8N').map((event) => event.companyId)).toEqual([101]);
	});

	it("an unknown Integration-ID fails with Vitec's own Swedish message", async () => {
		const result = await poll(
			{ integrationId: 'FEL', informationTypes: ['accounting'] },
			credentials(),
		);
		expect(result.error?.message).toMatch(/does not know this Integration-ID/);
		expect(result.error?.description).toContain("Integrations-ID 'FEL' finns inte.");
	});

	it('a wrong password is reported without ever showing it', async () => {
		const result = await poll(
			{ integrationId: 'N8N', informationTypes: ['accounting'] },
			{ ...credentials(), password: 'Fel<&>lösen' },
		);
		expect(result.error?.message).toMatch(/refused the API user name or password/);
		expect(JSON.stringify(result.error)).not.toContain('Fel<&>lösen');
		expect(`${result.error?.message} ${result.error?.description}`).not.toContain('lösen');
	});

	it('bad input: no information type, bad company ids', async () => {
		expect(
			(await poll({ integrationId: 'N8N', informationTypes: [] }, credentials())).error?.message,
		).toMatch(/Information Types/);
		expect(
			(
				await poll(
					{ integrationId: 'N8N', companySelection: 'ids', companyIds: '101, x' },
					credentials(),
				)
			).error?.message,
		).toMatch(/Company IDs: "x"/);
		expect((await poll({ integrationId: '' }, credentials())).error?.message).toMatch(
			/Integration-ID is required/,
		);
		expect(emulator.requests).toHaveLength(0);
	});
});
