/**
 * The trigger's delivery guarantee (issue 13, docs/vitec.md "Delivery guarantee") against the emulator, which
 * reads requests as a WCF service does (a wrong member name or namespace is ignored, not faulted), through
 * n8n-core's PollContext. Each block is one defect of the earlier design, tested by its effect.
 */
import { sleep } from 'n8n-workflow';

import { VitecEmulator, accountingRow, type VitecEmulatorOptions } from '../emulators/vitec';
import { runNode } from '../harness';
import { poll, pollAgain, pollContext } from './poll-harness';

let emulator: VitecEmulator;

async function start(options: VitecEmulatorOptions = {}) {
	emulator = new VitecEmulator(options);
	await emulator.start();
	emulator.subscribe('N8N', { types: ['Accounting', 'Supplier', 'Customer', 'Currency'] });
}

afterEach(async () => emulator.stop());

const credentials = (extra: Record<string, unknown> = {}) => ({
	username: emulator.username,
	password: emulator.password,
	baseUrl: emulator.baseUrl,
	domain: '',
	...extra,
});
const ACCOUNTING = { integrationId: 'N8N', informationTypes: ['accounting'] };
const LATER = { ...ACCOUNTING, acknowledgeMode: 'later' };

function addVouchers(companyId: number, count: number, startVoucher = 1) {
	for (let i = 0; i < count; i++)
		emulator.upsert('Accounting', companyId, accountingRow(companyId, startVoucher + i));
}

const ids = (result: { items: Array<{ json: Record<string, unknown> }> }) =>
	result.items.map((item) => item.json.eventId);
const receiptsSent = () =>
	emulator.requests.filter((request) => request.body.includes('SendProofOfReceiptForRevisions'));
const fetches = () =>
	emulator.requests.filter((request) => request.body.includes('RevisionsWithReceiptRequirement'));

async function runAction(
	parameters: Record<string, unknown>,
	items: Array<Record<string, unknown>> = [{}],
	extra: Record<string, unknown> = {},
) {
	return await runNode({ type: 'vitecEkonomi', parameters }, items, {
		vitecEkonomiApi: credentials(extra),
	});
}

describe('1. a revision is acknowledged only after n8n holds it (on emit)', () => {
	beforeEach(async () => start({ maxBatch: 2 }));

	it('a poll sends no receipt for what it returns; the next poll sends it first, from the saved static data', async () => {
		addVouchers(101, 3);
		addVouchers(102, 1);
		const state = {};
		const first = await poll(ACCOUNTING, credentials(), { staticData: state });
		expect(first.error).toBeUndefined();
		expect(first.items.length).toBeGreaterThan(0);
		expect(receiptsSent()).toHaveLength(0);
		expect(emulator.pendingCount('N8N')).toBe(4);

		const before = emulator.requests.length;
		const second = await poll(ACCOUNTING, credentials(), { staticData: state });
		expect(second.error).toBeUndefined();
		// The receipts of the first poll, for exactly what it emitted, came before anything else of the second.
		expect(emulator.requests[before].body).toContain('SendProofOfReceiptForRevisions');
		expect(emulator.acks.flatMap((ack) => ack.eventIds).sort()).toEqual(
			(ids(first) as number[]).sort(),
		);
		expect(new Set([...ids(first), ...ids(second)]).size).toBe(
			ids(first).length + ids(second).length,
		);
	});

	it('n8n killed while a poll waits for company 102: after the restart every revision of 101 and 102 arrives', async () => {
		addVouchers(101, 3);
		addVouchers(102, 3);
		// "Process 1": its first poll emitted and was saved; its second poll hangs on company 102 and is killed.
		const saved = {};
		const one = await poll(ACCOUNTING, credentials(), {
			staticData: saved,
			workflowId: 'process-1',
		});
		emulator.hangOn(/GetAccountingRevisionsWithReceiptRequirement/, 102);
		void poll(ACCOUNTING, credentials(), { staticData: saved, workflowId: 'process-1' }).catch(
			() => undefined,
		);
		const sentBefore = emulator.requests.length;
		const hung = () =>
			emulator.requests
				.slice(sentBefore)
				.some((request) => request.body.includes('WithReceipt') && request.body.includes('>102<'));
		for (let i = 0; i < 100 && !hung(); i++) await sleep(20);
		expect(hung()).toBe(true);
		// "Process 2" starts from what process 1 saved (the killed poll saved nothing) and polls until quiet.
		const emitted = [...ids(one)];
		for (let round = 0; round < 10; round++) {
			const result = await poll(ACCOUNTING, credentials(), {
				staticData: saved,
				workflowId: 'process-2',
			});
			expect(result.error).toBeUndefined();
			emitted.push(...ids(result));
			if (!result.returned && emulator.pendingCount('N8N') === 0) break;
		}
		const all = emulator.acks.flatMap((ack) => ack.eventIds);
		expect(new Set(emitted)).toEqual(new Set(all));
		expect(new Set(emitted).size).toBe(6);
		expect(emulator.pendingCount('N8N')).toBe(0);
	});
});

describe('2. a receipt without effect is detected, never an emit loop', () => {
	it('trigger: the ids just acknowledged come back → the poll stops with an error naming the receipt settings', async () => {
		// This Vitec calls the receipt's list "EventIdList": the node's EventIds is ignored, the receipt is empty.
		await start({ receiptNames: { eventIds: 'EventIdList' } });
		addVouchers(101, 3);
		const state = {};
		const first = await poll(ACCOUNTING, credentials(), { staticData: state });
		expect(first.items).toHaveLength(3);
		expect(new Set(ids(first)).size).toBe(3);
		const second = await poll(ACCOUNTING, credentials(), { staticData: state });
		expect(second.items).toHaveLength(0);
		expect(second.error?.message).toMatch(/acknowledgement had no effect/i);
		expect(second.error?.description).toMatch(/Receipt Event IDs Member/);
		// Set right in the credential, the same receipt takes effect and the queue drains.
		const fixed = credentials({ advanced: true, receiptEventIdsMember: 'EventIdList' });
		const third = await poll(ACCOUNTING, fixed, { staticData: state });
		expect(third.error).toBeUndefined();
		expect(third.returned).toBeNull();
		expect(emulator.pendingCount('N8N')).toBe(0);
	});

	it('a receipt in another data-contract namespace is ignored by WCF: detected; the per-type namespace setting fixes it', async () => {
		await start({
			dataContractNamespaces: {
				RevisionReciept: 'http://schemas.datacontract.org/2004/07/Vitec.Ekonomi.Services.Common',
			},
		});
		addVouchers(101, 2);
		const state = {};
		await poll(ACCOUNTING, credentials(), { staticData: state });
		const second = await poll(ACCOUNTING, credentials(), { staticData: state });
		expect(second.error?.message).toMatch(/acknowledgement had no effect/i);
		const fixed = credentials({
			advanced: true,
			typeNamespaces:
				'{"RevisionReciept": "http://schemas.datacontract.org/2004/07/Vitec.Ekonomi.Services.Common"}',
		});
		expect((await poll(ACCOUNTING, fixed, { staticData: state })).error).toBeUndefined();
		expect(emulator.pendingCount('N8N')).toBe(0);
	});

	it('the Acknowledge action reports the receipt without effect as an error, not "acknowledged: N"', async () => {
		await start({ receiptNames: { eventIds: 'EventIdList' } });
		addVouchers(101, 2);
		const events = emulator.pending('N8N');
		const result = await runAction(
			{ resource: 'revision', operation: 'acknowledge' },
			events.map((event) => ({
				integrationId: 'N8N',
				companyId: 101,
				eventId: event.eventId,
				type: 'accounting',
			})),
		);
		expect(result.error?.message).toMatch(/acknowledgement had no effect/i);
		const fixed = await runAction(
			{ resource: 'revision', operation: 'acknowledge' },
			events.map((event) => ({
				integrationId: 'N8N',
				companyId: 101,
				eventId: event.eventId,
				type: 'accounting',
			})),
			{ advanced: true, receiptEventIdsMember: 'EventIdList' },
		);
		expect(fixed.items[0].json).toMatchObject({ acknowledged: 2 });
		expect(emulator.pendingCount('N8N')).toBe(0);
	});

	it('Get and Acknowledge stops with the error instead of returning the same batch Max Batches times', async () => {
		await start({ receiptNames: { eventIds: 'EventIdList' } });
		addVouchers(101, 3);
		const result = await runAction({
			resource: 'revision',
			operation: 'getAndAcknowledge',
			integrationId: 'N8N',
			informationType: 'accounting',
			companyId: '101',
		});
		expect(result.error?.message).toMatch(/acknowledgement had no effect/i);
		expect(fetches().length).toBeLessThanOrEqual(2);
	});
});

describe('3./4. company and row shape taken as the answer allows', () => {
	it('an answer without CompanyId: items carry the company asked for; Later mode acknowledges per company', async () => {
		await start({ companyIdInAnswer: false });
		addVouchers(101, 1);
		addVouchers(102, 1);
		const state = {};
		const result = await poll(LATER, credentials(), { staticData: state });
		expect(result.items.map((item) => [item.json.companyId, item.json.key])).toEqual([
			[101, '101|2026|A|1|1|*|0'],
			[102, '102|2026|A|1|1|*|0'],
		]);
		const ack = await runAction(
			{ resource: 'revision', operation: 'acknowledge' },
			result.items.map((item) => item.json),
		);
		expect(ack.error).toBeUndefined();
		expect(emulator.pendingCount('N8N')).toBe(0);
	});

	it("EventInfo as a member of the row (shape b): the row's fields are the data", async () => {
		await start({ rowShape: 'inline' });
		emulator.upsert('Supplier', 101, { SupplierId: 'L1', Name: 'Städ & Fönster AB' });
		const result = await poll(
			{ integrationId: 'N8N', informationTypes: ['supplier'] },
			credentials(),
			{ staticData: {} },
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			key: '101|L1',
			data: { CompanyId: 101, SupplierId: 'L1', Name: 'Städ & Fönster AB' },
		});
		expect(result.items[0].json.data).not.toHaveProperty('EventInfo');
	});
});

describe('5. a failing target is skipped with a warning, the others are fetched', () => {
	beforeEach(async () => start());

	it('no permission for company 101: 102 still arrives, the warning names 101, and a lasting failure is reported', async () => {
		addVouchers(101, 2);
		addVouchers(102, 2);
		emulator.failCompany(101);
		const state = {};
		const first = await poll(ACCOUNTING, credentials(), { staticData: state });
		expect(first.error).toBeUndefined();
		expect(first.items.map((item) => item.json.companyId)).toEqual([102, 102]);
		expect(first.warnings.join('\n')).toMatch(/accounting.*company 101.*saknar behörighet/i);
		// 101 keeps failing: once 102 is drained, the poll reports it as an error instead of staying quiet.
		let reported: Error | undefined;
		for (let round = 0; round < 8 && !reported; round++)
			reported = (await poll(ACCOUNTING, credentials(), { staticData: state })).error;
		expect(reported?.message).toMatch(/company 101/);
		expect(emulator.pending('N8N', { companyId: 102 })).toHaveLength(0);
	});
});

describe('5b. a lasting failure is reported even while other companies keep delivering', () => {
	beforeEach(async () => start());

	it('company 101 fails every poll while 102 always has news: the 10th poll fails, naming 101; nothing of 102 is lost', async () => {
		emulator.failCompany(101);
		addVouchers(101, 1);
		// One activation: n8n keeps the static data in memory between its polls (saved only with an emit).
		const activation = pollContext(ACCOUNTING, credentials(), { staticData: {} });
		const delivered: unknown[] = [];
		let reported: (Error & { description?: string }) | undefined;
		for (let round = 1; round <= 10; round++) {
			addVouchers(102, 1, round);
			const result = await pollAgain(activation);
			delivered.push(...ids(result));
			if (result.error) {
				reported = result.error;
				expect(round).toBe(10);
			}
		}
		expect(reported?.message).toMatch(
			/could not fetch accounting for company 101 \(failing for 10 polls since .*saknar behörighet|could not fetch accounting for company 101 \(failing for 10 polls/,
		);
		// The 10th poll emitted nothing; its revision of 102 comes with the next one.
		addVouchers(102, 1, 11);
		delivered.push(...ids(await pollAgain(activation)));
		expect(new Set(delivered).size).toBe(delivered.length);
		expect(delivered).toHaveLength(11);
	});
});

describe('6. no two polls of one trigger run at once', () => {
	beforeEach(async () => start());

	it.each([['onEmit'], ['later']])(
		'%s: a poll outlasting the interval; the overlapping tick emits nothing',
		async (mode) => {
			addVouchers(101, 3);
			const activation = pollContext({ ...ACCOUNTING, acknowledgeMode: mode }, credentials(), {
				staticData: {},
			});
			emulator.slowNext(/GetAccountingRevisionsWithReceiptRequirement/, 800);
			const slow = pollAgain(activation);
			await sleep(200);
			const overlapping = await pollAgain(activation);
			expect(overlapping.returned).toBeNull();
			expect(overlapping.warnings.join('\n')).toMatch(/still running/);
			const done = await slow;
			expect(done.items).toHaveLength(3);
			expect(fetches()).toHaveLength(1);
		},
	);
});

describe('7. Later mode, ProcessingCode, event ids, credential', () => {
	it('Later mode does not download the in-flight head again while it waits for the Acknowledge step', async () => {
		await start();
		addVouchers(101, 3);
		const state = {};
		expect((await poll(LATER, credentials(), { staticData: state })).items).toHaveLength(3);
		const before = fetches().length;
		for (let i = 0; i < 3; i++)
			expect((await poll(LATER, credentials(), { staticData: state })).returned).toBeNull();
		expect(fetches().length).toBe(before);
		// Something new arrives: fetched again, only the new one is emitted.
		addVouchers(101, 1, 10);
		const next = await poll(LATER, credentials(), { staticData: state });
		expect(next.items.map((item) => item.json.key)).toEqual(['101|2026|A|10|1|*|0']);
	});

	it('an unknown ProcessingCode spelling is an error naming the value, never an upsert; nothing is acknowledged', async () => {
		await start({ processingCodeNames: { Deleted: 'Removed' } });
		addVouchers(101, 1);
		emulator.remove('Accounting', 101, {
			AccountingYear: 2026,
			Routine: 'A',
			VoucherNumber: 1,
			Row: 1,
			AutoAccountingCode: '*',
			AutoAccountingRow: 0,
		});
		const result = await poll(
			{ ...ACCOUNTING, companySelection: 'ids', companyIds: '101' },
			credentials(),
			{ staticData: {} },
		);
		expect(result.items).toHaveLength(0);
		expect(result.error?.message ?? '').toMatch(/ProcessingCode "Removed"/);
		expect(emulator.pendingCount('N8N')).toBe(2);
	});

	it('legacy event ids are unique across batches and polls', async () => {
		await start({ maxBatch: 2 });
		addVouchers(101, 5);
		const seen: unknown[] = [];
		for (let i = 0; i < 4; i++)
			seen.push(
				...ids(
					await poll({ ...ACCOUNTING, acknowledgeMode: 'legacyDestructive' }, credentials(), {
						staticData: {},
					}),
				),
			);
		expect(seen).toHaveLength(5);
		expect(new Set(seen).size).toBe(5);
	});

	it('a changed password is used by the next poll of the same activation', async () => {
		await start();
		addVouchers(101, 1);
		const data = credentials();
		const activation = pollContext(ACCOUNTING, data, { staticData: {} });
		expect((await pollAgain(activation)).items).toHaveLength(1);
		(emulator.options as { password?: string }).password = 'Nytt-lösen-2026';
		data.password = 'Nytt-lösen-2026';
		const after = await pollAgain(activation);
		expect(after.error).toBeUndefined();
	});
});
