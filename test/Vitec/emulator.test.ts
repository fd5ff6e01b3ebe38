/**
 * Vitec Ekonomi node against the Vitec emulator (real SOAP over HTTP on 127.0.0.1): every action in whole
 * flows, the credential test (the Test button), a trigger-in-later-mode + Acknowledge round trip, the
 * one-time transfer, the subscription's company filter, auth in both modes and faults on real sockets.
 */
import type { ICredentialTestFunctions, ICredentialsDecrypted } from 'n8n-workflow';

import { VitecEmulator, accountingRow } from '../emulators/vitec';
import { runNode } from '../harness';
import { poll, pollContext, triggerMethods } from './poll-harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { nodes } = require('../../index.js') as {
	nodes: Record<
		string,
		new () => {
			methods: {
				credentialTest: Record<
					string,
					(
						this: ICredentialTestFunctions,
						c: ICredentialsDecrypted,
					) => Promise<{ status: string; message: string }>
				>;
			};
		}
	>;
};

let emulator: VitecEmulator;

async function start(options: ConstructorParameters<typeof VitecEmulator>[0] = {}) {
	emulator = new VitecEmulator(options);
	await emulator.start();
	emulator.subscribe('N8N', { types: ['Accounting', 'Supplier', 'Customer', 'Dimension01'] });
}
afterEach(async () => emulator.stop());

const credentialData = (extra: Record<string, unknown> = {}) =>
	({
		username: emulator.username,
		password: emulator.password,
		baseUrl: emulator.baseUrl,
		...extra,
	}) as Record<string, string>;

function run(
	parameters: Record<string, unknown>,
	items: object[] = [{}],
	extra: Record<string, unknown> = {},
	onError?: 'continueRegularOutput',
) {
	return runNode(
		{ type: 'vitecEkonomi', parameters: parameters as never, onError },
		items as never,
		{ vitecEkonomiApi: credentialData(extra) },
	);
}

describe('revisions', () => {
	beforeEach(async () => start());

	it('pending → get (nothing confirmed) → get and acknowledge drains it → pending is empty', async () => {
		for (let i = 1; i <= 3; i++) emulator.upsert('Accounting', 101, accountingRow(101, i));
		emulator.upsert('Supplier', 102, { SupplierId: 'L7', Name: 'Städ & Fönster AB' });

		const pending = await run({
			resource: 'revision',
			operation: 'getPendingEvents',
			integrationId: 'N8N',
		});
		expect(pending.items[0].json).toMatchObject({ total: 4 });
		expect((pending.items[0].json.events as object[]).map((e) => e)).toEqual(
			expect.arrayContaining([
				{ companyId: 101, informationType: 'Accounting', type: 'accounting', count: 3 },
				{ companyId: 102, informationType: 'Supplier', type: 'supplier', count: 1 },
			]),
		);

		const peek = await run({
			resource: 'revision',
			operation: 'getRevisions',
			integrationId: 'N8N',
			informationType: 'accounting',
			companyId: '101',
		});
		expect(peek.items).toHaveLength(3);
		expect(emulator.pendingCount('N8N')).toBe(4);

		const drained = await run({
			resource: 'revision',
			operation: 'getAndAcknowledge',
			integrationId: 'N8N',
			informationType: 'accounting',
			companyId: '101',
		});
		expect(drained.items.map((item) => item.json.eventId)).toEqual(
			peek.items.map((item) => item.json.eventId),
		);
		const supplier = await run({
			resource: 'revision',
			operation: 'getAndAcknowledge',
			integrationId: 'N8N',
			informationType: 'supplier',
			companyId: '102',
		});
		expect(supplier.items[0].json).toMatchObject({
			key: '102|L7',
			data: { Name: 'Städ & Fönster AB' },
		});
		expect(emulator.pendingCount('N8N')).toBe(0);
	});

	it('get and acknowledge loops over several batches (server batch size 2) and stops at Max Batches', async () => {
		await emulator.stop();
		await start({ maxBatch: 2 });
		for (let i = 1; i <= 7; i++) emulator.upsert('Accounting', 101, accountingRow(101, i));
		const first = await run({
			resource: 'revision',
			operation: 'getAndAcknowledge',
			integrationId: 'N8N',
			informationType: 'accounting',
			companyId: '101',
			maxBatches: 3,
		});
		expect(first.items).toHaveLength(6);
		expect(emulator.pendingCount('N8N')).toBe(1);
		const rest = await run({
			resource: 'revision',
			operation: 'getAndAcknowledge',
			integrationId: 'N8N',
			informationType: 'accounting',
			companyId: '101',
		});
		expect(rest.items).toHaveLength(1);
	});

	it('trigger in Later mode → workflow stores → Acknowledge step: confirmed per company, never redelivered', async () => {
		emulator.upsert('Accounting', 101, accountingRow(101, 1));
		emulator.upsert('Accounting', 102, accountingRow(102, 1));
		const state = {};
		const params = {
			integrationId: 'N8N',
			informationTypes: ['accounting'],
			acknowledgeMode: 'later',
		};
		const emitted = await poll(params, credentialData(), { staticData: state });
		expect(emitted.items).toHaveLength(2);
		const ack = await run(
			{ resource: 'revision', operation: 'acknowledge' },
			emitted.items.map((item) => item.json),
		);
		expect(ack.error).toBeUndefined();
		expect(ack.items.map((item) => item.json.companyId)).toEqual([101, 102]);
		expect(emulator.pendingCount('N8N')).toBe(0);
		expect(emulator.acks.map((a) => a.companyId)).toEqual([101, 102]);
		// Even past the redelivery timeout nothing comes back: it was confirmed.
		const inFlight = (state as Record<string, { inFlight: Record<string, number> }>)[
			'node:Vitec Ekonomi Trigger'
		].inFlight;
		for (const key of Object.keys(inFlight)) inFlight[key] -= 3_600_000;
		expect((await poll(params, credentialData(), { staticData: state })).returned).toBeNull();
	});

	it('acknowledge in batch output mode reads eventIds; currency events are confirmed without a company', async () => {
		emulator.subscribe('FX', { types: ['Currency'] });
		emulator.upsert('Currency', null, {
			FromCurrency: 'EUR',
			ToCurrency: 'SEK',
			Date: '2026-11-20',
			Rate: '11.5',
		});
		emulator.upsert('Currency', null, {
			FromCurrency: 'USD',
			ToCurrency: 'SEK',
			Date: '2026-11-20',
			Rate: '10.1',
		});
		const emitted = await poll(
			{
				integrationId: 'FX',
				informationTypes: ['currency'],
				acknowledgeMode: 'later',
				options: { output: 'batch' },
			},
			credentialData(),
			{ staticData: {} },
		);
		expect(emitted.items).toHaveLength(1);
		const ack = await run(
			{ resource: 'revision', operation: 'acknowledge' },
			emitted.items.map((item) => item.json),
		);
		expect(ack.items[0].json).toMatchObject({
			integrationId: 'FX',
			companyId: null,
			acknowledged: 2,
		});
		expect(emulator.pendingCount('FX')).toBe(0);
	});

	it("the one-time transfer (Engångsöverföring) arrives through the same revisions, only for the subscription's companies", async () => {
		emulator.subscribe('ONLY101', { types: ['Customer'], companyIds: [101] });
		emulator.upsert('Customer', 101, { CustomerId: 'K1', Name: 'Andersson; Anna' });
		emulator.upsert('Customer', 102, { CustomerId: 'K2', Name: 'Berg; Bo' });
		emulator.subscribe('LATE', { types: ['Customer'] });
		expect(emulator.oneTimeTransfer('LATE', 'Customer')).toBe(2);
		const late = await run({
			resource: 'revision',
			operation: 'getRevisions',
			integrationId: 'LATE',
			informationType: 'customer',
			companyId: '102',
		});
		expect(late.items.map((item) => item.json.key)).toEqual(['102|K2']);
		const outside = await run({
			resource: 'revision',
			operation: 'getRevisions',
			integrationId: 'ONLY101',
			informationType: 'customer',
			companyId: '102',
		});
		expect(outside.error?.description).toContain('Företag 102 ingår inte i prenumerationen');
	});

	it('a stricter Vitec (faults on foreign ids, numeric ProcessingCode, current-data payloads) is drained the same way', async () => {
		await emulator.stop();
		await start({ strictAck: true, processingCodeFormat: 'number', payloadMode: 'current' });
		emulator.upsert('Accounting', 101, accountingRow(101, 1));
		emulator.upsert('Accounting', 102, accountingRow(102, 1));
		emulator.upsert('Accounting', 101, accountingRow(101, 1, 1, { Amount: '5.00' }));
		emulator.remove('Accounting', 102, {
			AccountingYear: 2026,
			Routine: 'A',
			VoucherNumber: 1,
			Row: 1,
			AutoAccountingCode: '*',
			AutoAccountingRow: 0,
		});
		const state = {};
		const result = await poll(
			{ integrationId: 'N8N', informationTypes: ['accounting'] },
			credentialData(),
			{ staticData: state },
		);
		expect(result.error).toBeUndefined();
		expect(
			result.items.map((item) => [item.json.companyId, item.json.action, item.json.processingCode]),
		).toEqual([
			[101, 'new', '1'],
			[101, 'changed', '2'],
			[102, 'new', '1'],
			[102, 'deleted', '3'],
		]);
		// "current" payloads: both revisions of the changed row carry today's amount; the deleted row only its key.
		expect(
			result.items.slice(0, 2).map((item) => (item.json.data as { Amount: number }).Amount),
		).toEqual([5, 5]);
		// The next poll's receipts (one per company, never a foreign id) are accepted by this strict Vitec.
		expect(
			(
				await poll({ integrationId: 'N8N', informationTypes: ['accounting'] }, credentialData(), {
					staticData: state,
				})
			).error,
		).toBeUndefined();
		expect(emulator.pendingCount('N8N')).toBe(0);
		// Acknowledging a revision under the wrong company is refused by this Vitec: the node's grouping never does that.
		emulator.upsert('Accounting', 101, accountingRow(101, 2));
		const [event] = emulator.pending('N8N');
		const wrong = await run({ resource: 'revision', operation: 'acknowledge' }, [
			{ integrationId: 'N8N', companyId: 102, eventId: event.eventId, type: 'accounting' },
		]);
		expect(wrong.error?.description).toContain(
			`Händelse ${event.eventId} tillhör inte företag 102.`,
		);
		expect(emulator.pendingCount('N8N')).toBe(1);
	});

	it("a type outside the Prenumeration and an unknown company come back as Vitec's faults", async () => {
		const type = await run({
			resource: 'revision',
			operation: 'getRevisions',
			integrationId: 'N8N',
			informationType: 'salesLedger',
			companyId: '101',
		});
		expect(type.error?.message).toMatch(/does not include this information type/);
		expect(type.error?.description).toContain('prenumererar inte på SalesLedger');
		const company = await run(
			{
				resource: 'revision',
				operation: 'getRevisions',
				integrationId: 'N8N',
				informationType: 'accounting',
				companyId: '999',
			},
			[{}],
			{},
			'continueRegularOutput',
		);
		expect(company.items[0].json).toMatchObject({
			error: expect.stringMatching(/no permission for this company/),
			description: expect.stringContaining('saknar behörighet till företag 999'),
		});
	});

	it('a connection reset mid-body and a timeout are clear errors after the retries', async () => {
		emulator.upsert('Accounting', 101, accountingRow(101, 1));
		emulator.injectFault({ kind: 'resetMidBody' }, { times: 2 });
		const cut = await run({
			resource: 'revision',
			operation: 'getRevisions',
			integrationId: 'N8N',
			informationType: 'accounting',
			companyId: '101',
			requestOptions: { maxRetries: 1 },
		});
		expect(cut.error?.message).toMatch(/closed before its answer arrived/);
		emulator.clearFaults();
		emulator.injectFault({ kind: 'delay', ms: 1500 });
		const slow = await run({
			resource: 'revision',
			operation: 'getRevisions',
			integrationId: 'N8N',
			informationType: 'accounting',
			companyId: '101',
			requestOptions: { maxRetries: 0, timeoutSeconds: 1 },
		});
		expect(slow.error?.message).toMatch(/did not answer within the timeout/);
		emulator.clearFaults();
		// Retried reads succeed once the fault is gone; the revision is still there (nothing acknowledged).
		emulator.injectFault({ kind: 'status', status: 503 });
		const retried = await run({
			resource: 'revision',
			operation: 'getRevisions',
			integrationId: 'N8N',
			informationType: 'accounting',
			companyId: '101',
		});
		expect(retried.items).toHaveLength(1);
	});
});

describe('companies, master data, credential', () => {
	it('lists the companies, gets all dimension values, in HTTP Basic mode over SOAP 1.2', async () => {
		await start({ securityMode: 'basic', soapVersion: '1.2' });
		emulator.upsert('Dimension01', 101, { AccountingCode: 'KS10', Name: 'Förvaltning Norr' });
		const extra = { advanced: true, securityMode: 'basic', soapVersion: '1.2' };
		const companies = await run({ resource: 'company', operation: 'list' }, [{}], extra);
		expect(companies.items.map((item) => item.json.CompanyId)).toEqual([101, 102, 103]);
		const dims = await run(
			{ resource: 'masterData', operation: 'getAll', dataType: 'dimension01', companyId: '101' },
			[{}],
			extra,
		);
		expect(dims.items.map((item) => item.json)).toEqual([
			{ CompanyId: 101, AccountingCode: 'KS10', Name: 'Förvaltning Norr' },
		]);
		// The same call with the wrong binding is refused by the service (415), clearly.
		const wrong = await run({ resource: 'company', operation: 'list' }, [{}], {
			advanced: true,
			securityMode: 'basic',
			soapVersion: '1.1',
		});
		expect(wrong.error?.message).toMatch(/HTTP 415/);
	});

	it('the Companies dropdown lists the companies the API user sees', async () => {
		await start();
		const { context } = pollContext({}, credentialData());
		const options = await triggerMethods.loadOptions.getCompanies.call(context);
		expect(options).toEqual([
			{ name: '101 – Fastighets AB Exempel', value: 101, description: 'Org.nr 556677-8899' },
			{ name: '102 – Bostäder i Norr AB', value: 102, description: 'Org.nr 556000-1111' },
			{
				name: '103 – Vilande Bolaget AB (inactive)',
				value: 103,
				description: 'Org.nr 556000-2222',
			},
		]);
	});

	it("the credential test checks the Integration-ID and shows Vitec's messages, never the password", async () => {
		await start();
		const test = new nodes.VitecEkonomi().methods.credentialTest.vitecEkonomiApiTest;
		const context = {
			helpers: {
				request: async (options: {
					uri: string;
					body: string;
					headers: Record<string, string>;
				}) => {
					const response = await fetch(options.uri, {
						method: 'POST',
						body: options.body,
						headers: options.headers,
					});
					return { statusCode: response.status, body: await response.text() };
				},
			},
		} as unknown as ICredentialTestFunctions;
		const ok = await test.call(context, {
			id: '1',
			name: 'x',
			type: 'vitecEkonomiApi',
			data: { ...credentialData(), integrationId: 'N8N' },
		});
		expect(ok).toEqual({
			status: 'OK',
			message: 'Connection successful: 0 pending events for N8N',
		});
		const companies = await test.call(context, {
			id: '1',
			name: 'x',
			type: 'vitecEkonomiApi',
			data: credentialData(),
		});
		expect(companies.message).toBe('Connection successful: 3 companies visible');
		const unknown = await test.call(context, {
			id: '1',
			name: 'x',
			type: 'vitecEkonomiApi',
			data: { ...credentialData(), integrationId: 'NOPE' },
		});
		expect(unknown).toEqual({
			status: 'Error',
			message: "Vitec refused GetListOfPendingEvents: Integrations-ID 'NOPE' finns inte.",
		});
		const wrong = await test.call(context, {
			id: '1',
			name: 'x',
			type: 'vitecEkonomiApi',
			data: { ...credentialData(), password: 'fel-lösenord-123' },
		});
		expect(wrong.status).toBe('Error');
		expect(wrong.message).toContain('verifying security');
		expect(wrong.message).not.toContain('fel-lösenord-123');
		const path = await test.call(context, {
			id: '1',
			name: 'x',
			type: 'vitecEkonomiApi',
			data: { ...credentialData(), accountingServicePath: '/nope.svc' },
		});
		expect(path.message).toMatch(/No Vitec service at .*nope\.svc \(HTTP 404\)/);
	});
});
