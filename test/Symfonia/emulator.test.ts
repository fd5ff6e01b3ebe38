/**
 * Symfonia against its emulator (real HTTP on 127.0.0.1, behaviour from docs/api/symfonia.md):
 * the session life cycle, whole flows of every resource, and the guarantees (nothing created twice,
 * sessions always closed, one request at a time).
 */
import { SymfoniaEmulator, type SymfoniaEmulatorOptions } from '../emulators/symfonia';
import { runNode } from '../harness';

let emulator: SymfoniaEmulator;

async function start(options: SymfoniaEmulatorOptions = {}) {
	emulator = new SymfoniaEmulator({ processingMs: 2, ...options });
	await emulator.start();
}

afterEach(async () => emulator?.stop());

function credentials(token = emulator.applicationToken, sessionWaitSeconds = 0) {
	return {
		symfoniaApi: {
			baseUrl: emulator.baseUrl,
			applicationToken: token,
			deviceName: 'n8n-test',
			companyLabel: 'testsymfonia',
			ignoreSslIssues: false,
			sessionWaitSeconds,
		},
	};
}

function run(
	parameters: Record<string, unknown>,
	items: object[] = [{}],
	options: { token?: string; onError?: 'continueRegularOutput'; sessionWaitSeconds?: number } = {},
) {
	return runNode(
		{ type: 'symfonia', parameters, onError: options.onError },
		items as never,
		credentials(options.token, options.sessionWaitSeconds),
	);
}

const upsertByNip = {
	resource: 'contractor',
	operation: 'upsert',
	matchBy: 'nip',
	code: '={{ $json.code }}',
	name: '={{ $json.name }}',
	nip: '={{ $json.nip }}',
	additionalFields: { city: '={{ $json.city }}', email: 'biuro@example.pl' },
};

/** Valid NIPs: 9 digits + checksum. */
function nipFor(n: number): string {
	const base = String(100000000 + n * 7919).slice(0, 9);
	const weights = [6, 5, 7, 2, 3, 4, 5, 6, 7];
	const check = weights.reduce((sum, weight, index) => sum + weight * Number(base[index]), 0) % 11;
	return check === 10 ? nipFor(n + 1000) : `${base}${check}`;
}

function contractorItems(count: number) {
	return Array.from({ length: count }, (_, i) => ({
		code: `K${String(i).padStart(4, '0')}`,
		name: `Klient ${i} Sp. z o.o.`,
		nip: nipFor(i + 1),
		city: 'Gdańsk',
	}));
}

describe('session', () => {
	beforeEach(async () => start({ maxSessions: 1 }));

	it('opens one session for all items, sends requests one at a time and closes it at the end', async () => {
		const { items, error } = await run(upsertByNip, contractorItems(5));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(5);
		expect(emulator.openedSessions).toBe(1);
		expect(emulator.closedSessions).toBe(1);
		expect(emulator.liveSessions()).toHaveLength(0);
		expect(emulator.overlaps).toBe(0);
		const open = emulator.requestsTo(/OpenNewSession/)[0];
		expect(open.headers.authorization).toBe(`Application ${emulator.applicationToken}`);
		expect(open.query.get('deviceName')).toBe('n8n-test');
		const other = emulator.requests.filter((request) => !/OpenNewSession/.test(request.path));
		expect(
			other.every((request) =>
				/^Session [0-9a-f-]{36}$/.test(String(request.headers.authorization)),
			),
		).toBe(true);
	});

	it('closes the session even when an item fails the run', async () => {
		const { error } = await run({
			resource: 'contractor',
			operation: 'get',
			findBy: 'code',
			value: 'NOPE',
		});
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toContain('HTTP 404');
		expect(error?.description).toContain('Nie znaleziono kontrahenta.');
		expect(emulator.closedSessions).toBe(1);
		expect(emulator.liveSessions()).toHaveLength(0);
	});

	it.each(['401', 'text'] as const)(
		'a session that expires in the middle of 50 items (signal %s) finishes all 50 with one reopen',
		async (signal) => {
			await emulator.stop();
			await start({ maxSessions: 1, expirySignal: signal });
			let upserts = 0;
			emulator.onRequest = (request) => {
				if (/Contractors\/Create$/.test(request.path) && ++upserts === 25)
					emulator.expireAllSessions();
			};
			const { items, error } = await run(upsertByNip, contractorItems(50));
			expect(error).toBeUndefined();
			expect(items).toHaveLength(50);
			expect(items.every((item) => item.json.symfoniaAction === 'created')).toBe(true);
			expect(emulator.openedSessions).toBe(2);
			expect(emulator.contractors.filter((c) => String(c.Code).startsWith('K'))).toHaveLength(50);
			expect(emulator.liveSessions()).toHaveLength(0);
		},
	);

	it('says exactly that the session limit is reached, and how to raise it', async () => {
		// Another program holds the only slot.
		const other = await fetch(`${emulator.baseUrl}/api/Sessions/OpenNewSession?deviceName=other`, {
			headers: { Authorization: `Application ${emulator.applicationToken}` },
		});
		expect(other.status).toBe(200);
		const { error } = await run({
			resource: 'dictionary',
			operation: 'get',
			dictionary: 'vatRates',
		});
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe(
			'Symfonia WebAPI did not open a session: the limit of concurrent sessions for this user is reached',
		);
		expect(error?.description).toContain('Przekroczono limit sesji');
		expect(error?.description).toContain('Liczba instancji');
		expect(emulator.requestsTo(/OpenNewSession/)).toHaveLength(2);
	});

	it('waits for the only session slot while another program holds it, then runs (queue-mode workers share one slot)', async () => {
		const other = await fetch(`${emulator.baseUrl}/api/Sessions/OpenNewSession?deviceName=other`, {
			headers: { Authorization: `Application ${emulator.applicationToken}` },
		});
		const otherToken = String(await other.json());
		const started = Date.now();
		// eslint-disable-next-line @n8n/community-nodes/no-restricted-globals -- test-only: the other program closes its session while the node waits
		setTimeout(
			() =>
				void fetch(`${emulator.baseUrl}/api/Sessions/CloseSession`, {
					headers: { Authorization: `Session ${otherToken}` },
				}),
			1500,
		);
		const { items, error } = await run(
			{ resource: 'dictionary', operation: 'get', dictionary: 'vatRates' },
			[{}],
			{ sessionWaitSeconds: 20 },
		);
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(0);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
		// Refused while the slot was taken, asked again, then opened: nothing else was sent before the session.
		const opens = emulator
			.requestsTo(/OpenNewSession/)
			.filter((request) => request.query.get('deviceName') === 'n8n-test');
		expect(opens.length).toBeGreaterThan(1);
		expect(emulator.liveSessions()).toHaveLength(0);
	});

	it('gives up after the wait set in the credential and says how long it waited', async () => {
		await fetch(`${emulator.baseUrl}/api/Sessions/OpenNewSession?deviceName=other`, {
			headers: { Authorization: `Application ${emulator.applicationToken}` },
		});
		const started = Date.now();
		const { error } = await run(
			{ resource: 'dictionary', operation: 'get', dictionary: 'vatRates' },
			[{}],
			{ sessionWaitSeconds: 2 },
		);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
		expect(Date.now() - started).toBeLessThan(6000);
		expect(error?.message).toBe(
			'Symfonia WebAPI did not open a session: the limit of concurrent sessions for this user is reached',
		);
		expect(error?.description).toContain('for 2 s');
	});

	it('a wrong application token is refused with a clear error that does not contain the token', async () => {
		const wrong = '11111111-2222-3333-4444-555555555555';
		const { error } = await run(
			{ resource: 'dictionary', operation: 'get', dictionary: 'vatRates' },
			[{}],
			{ token: wrong },
		);
		expect(error?.message).toBe('Symfonia WebAPI refused the application token (HTTP 401)');
		expect(
			JSON.stringify({ ...error, message: error?.message, description: error?.description }),
		).not.toContain(wrong);
	});

	it('refuses an application token that is not a GUID before sending anything', async () => {
		const { error } = await run(
			{ resource: 'dictionary', operation: 'get', dictionary: 'vatRates' },
			[{}],
			{ token: 'not-a-guid' },
		);
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toContain('not a GUID');
		expect(emulator.requests).toHaveLength(0);
	});
});

describe('Contractor (Handel)', () => {
	beforeEach(async () => start());

	it('Create or Update by NIP twice gives one contractor; the second run changes what differs', async () => {
		const item = {
			code: 'NOWY',
			name: 'Nowy Klient S.A.',
			nip: '526-000-12-46'.replace('526-000-12-46', nipFor(77)),
			city: 'Poznań',
		};
		const first = await run(upsertByNip, [item]);
		expect(first.items[0].json.symfoniaAction).toBe('created');
		const second = await run(upsertByNip, [{ ...item, city: 'Łódź' }]);
		expect(second.error).toBeUndefined();
		expect(second.items[0].json.symfoniaAction).toBe('updated');
		const matching = emulator.contractors.filter((c) => c.NIP === item.nip);
		expect(matching).toHaveLength(1);
		expect(matching[0]).toMatchObject({
			Code: 'NOWY',
			Name: 'Nowy Klient S.A.',
			DefaultAddress: { City: 'Łódź' },
			Contact: { Email: 'biuro@example.pl' },
		});
		const third = await run(upsertByNip, [{ ...item, city: 'Łódź' }]);
		expect(third.items[0].json.symfoniaAction).toBe('unchanged');
		expect(emulator.requestsTo(/Contractors\/Update$/)).toHaveLength(1);
	});

	it('an update keeps the fields the user did not send (the whole contractor is sent back)', async () => {
		const { error } = await run({
			resource: 'contractor',
			operation: 'update',
			findBy: 'code',
			value: 'ACME',
			updateFields: { email: 'nowy@acme.pl' },
		});
		expect(error).toBeUndefined();
		const acme = emulator.contractors.find((c) => c.Code === 'ACME');
		expect(acme).toMatchObject({
			Name: 'ACME Sp. z o.o.',
			NIP: '5260001246',
			DefaultAddress: { City: 'Warszawa', Street: 'Prosta' },
			Contact: { Email: 'nowy@acme.pl' },
		});
	});

	it('one contractor for a contract with several clients, updated (not duplicated) when the contract changes', async () => {
		const parameters = {
			resource: 'contractor',
			operation: 'upsertForContract',
			code: 'UM-2026-017',
			contractReference: 'Umowa UM/2026/017',
			clientsInput: 'json',
			clientsJson: '={{ JSON.stringify($json.clients) }}',
		};
		const clients = [
			{
				name: 'Jan Kowalski',
				pesel: '80010112345',
				street: 'Długa',
				houseNo: '5',
				apartmentNo: '2',
				postCode: '30-001',
				city: 'Kraków',
				email: 'jan@example.pl',
			},
			{ name: 'Anna Nowak', pesel: '85020254321', city: 'Kraków' },
		];
		const first = await run(parameters, [{ clients }]);
		expect(first.error).toBeUndefined();
		const created = emulator.contractors.find((c) => c.Code === 'UM-2026-017');
		expect(created).toMatchObject({
			Name: 'Jan Kowalski / Anna Nowak',
			Pesel: '80010112345',
			Type: 2,
			DefaultAddress: {
				City: 'Kraków',
				Street: 'Długa',
				HouseNo: '5',
				ApartmentNo: '2',
				PostCode: '30-001',
			},
			Contact: { Email: 'jan@example.pl' },
		});
		expect(String(created?.Note)).toBe(
			'Umowa UM/2026/017 — 2 client(s):\n1. Jan Kowalski; PESEL 80010112345; Długa 5/2, 30-001 Kraków; jan@example.pl\n2. Anna Nowak; PESEL 85020254321; Kraków',
		);
		const second = await run(parameters, [
			{ clients: [...clients, { name: 'Firma X', nip: '5260001246' }] },
		]);
		expect(second.items[0].json.symfoniaAction).toBe('updated');
		expect(emulator.contractors.filter((c) => c.Code === 'UM-2026-017')).toHaveLength(1);
		expect(emulator.contractors.find((c) => c.Code === 'UM-2026-017')?.Name).toBe(
			'Jan Kowalski / Anna Nowak / Firma X',
		);
	});

	it('Sync to FK sends a Handel contractor to FK: new the first time, an update the second (detected)', async () => {
		const first = await run({
			resource: 'contractor',
			operation: 'syncFk',
			findBy: 'code',
			value: 'ACME',
		});
		expect(first.error).toBeUndefined();
		expect(first.items[0].json).toMatchObject({
			success: true,
			contractorCode: 'ACME',
			isNew: true,
			symfoniaAction: 'createdInFk',
		});
		expect(emulator.fkContractors.filter((c) => c.Code === 'ACME')).toHaveLength(1);
		const second = await run({
			resource: 'contractor',
			operation: 'syncFk',
			findBy: 'id',
			value: String(emulator.contractors[0].Id),
		});
		expect(second.items[0].json).toMatchObject({ isNew: false, symfoniaAction: 'updatedInFk' });
		expect(emulator.fkContractors.filter((c) => c.Code === 'ACME')).toHaveLength(1);
		expect(
			emulator.requestsTo(/SyncFK/).map((request) => [request.method, request.query.get('isNew')]),
		).toEqual([
			['PATCH', 'true'],
			['PATCH', 'false'],
		]);
	});

	it('Get by NIP returns every match; Get Many pages through all contractors; filters use Contractors/Filter', async () => {
		for (const item of contractorItems(120))
			emulator.contractors.push({
				Id: 5000 + emulator.contractors.length,
				Code: item.code,
				Name: item.name,
				NIP: item.nip,
				Active: true,
				DefaultAddress: { City: item.city },
			});
		const byNip = await run({
			resource: 'contractor',
			operation: 'get',
			findBy: 'nip',
			value: '526-000-12-46',
		});
		expect(byNip.items.map((item) => item.json.Code)).toEqual(['ACME']);
		const all = await run({ resource: 'contractor', operation: 'getMany', returnAll: true });
		expect(all.items).toHaveLength(122);
		expect(emulator.requestsTo(/Contractors\/Page$/)).toHaveLength(2);
		const filtered = await run({
			resource: 'contractor',
			operation: 'getMany',
			returnAll: true,
			filters: { code: 'K000' },
		});
		expect(filtered.items).toHaveLength(10);
	});

	it('measures requests per item for a 100-item upsert (goal: at most 2 per item + session open/close)', async () => {
		const items = contractorItems(100);
		const created = await run(upsertByNip, items);
		expect(created.error).toBeUndefined();
		const createRun = emulator.requests.length;
		emulator.requests.length = 0;
		const updated = await run(
			upsertByNip,
			items.map((item) => ({ ...item, city: 'Sopot' })),
		);
		expect(updated.items.every((item) => item.json.symfoniaAction === 'updated')).toBe(true);
		const updateRun = emulator.requests.length;
		emulator.requests.length = 0;
		await run(
			upsertByNip,
			items.map((item) => ({ ...item, city: 'Sopot' })),
		);
		const unchangedRun = emulator.requests.length;
		// 1 open + 100 × (find + create|update) + 1 close
		expect(createRun).toBe(202);
		expect(updateRun).toBe(202);
		expect(unchangedRun).toBe(102);
		// eslint-disable-next-line @n8n/community-nodes/no-restricted-globals -- test-only: prints the measured request count for the report
		process.stdout.write(
			`Symfonia 100-item contractor upsert: ${createRun} requests when creating, ${updateRun} when updating, ${unchangedRun} when nothing changed (incl. 1 session open + 1 close)\n`,
		);
	});
});

describe('Handel documents', () => {
	beforeEach(async () => start());

	const sale = {
		resource: 'salesDocument',
		operation: 'create',
		typeCode: 'FVS',
		partyCode: 'ACME',
		issue: false,
		issueDate: '2026-05-10',
		positions: { position: [{ code: 'USLUGA-IT', quantity: 2, value: 100.005, vatRate: '23' }] },
		additionalFields: {
			paymentRegistry: 'BANK',
			paymentFormId: 3,
			maturityDate: '2026-05-24',
			description: 'ext 4711',
		},
	};

	it('a sales document created into the buffer, issued, then read by number and status', async () => {
		const created = await run(sale);
		expect(created.error).toBeUndefined();
		expect(created.items[0].json).toMatchObject({
			Buffer: true,
			NetValue: 200.02,
			symfoniaAction: 'created',
		});
		const sent = JSON.parse(emulator.requestsTo(/SalesIssue\/New$/)[0].body);
		expect(sent).toMatchObject({
			TypeCode: 'FVS',
			Buyer: { Code: 'ACME' },
			IssueDate: '2026-05-10T00:00:00',
			MaturityDate: '2026-05-24T00:00:00',
			PaymentRegistry: { Code: 'BANK' },
			PaymentFormId: 3,
		});
		expect(sent.Positions[0]).toEqual({
			Code: 'USLUGA-IT',
			Quantity: 2,
			Value: 100.01,
			VatRate: { Code: '23' },
		});
		expect(emulator.requestsTo(/SalesIssue\/New$/)[0].query.get('issue')).toBeNull();

		const id = String(created.items[0].json.Id);
		const issued = await run({
			resource: 'salesDocument',
			operation: 'issue',
			findBy: 'id',
			value: id,
		});
		expect(issued.items[0].json).toMatchObject({ Buffer: false, DocumentNumber: 'FVS 1/2026' });
		const got = await run({
			resource: 'salesDocument',
			operation: 'get',
			findBy: 'number',
			value: 'FVS 1/2026',
		});
		expect(got.items[0].json.Id).toBe(Number(id));
		const status = await run({
			resource: 'salesDocument',
			operation: 'getStatus',
			findBy: 'id',
			value: id,
		});
		expect(status.items[0].json).toMatchObject({ Buffer: false, DocumentStatus: 16 });
		const many = await run({
			resource: 'salesDocument',
			operation: 'getMany',
			dateFrom: '2026-05-01',
			dateTo: '2026-05-31',
			partyCode: 'ACME',
			returnAll: true,
		});
		expect(many.items.map((item) => item.json.Id)).toEqual([Number(id)]);
	});

	it('purchase: the same supplier invoice sent twice is created once; the second run returns it', async () => {
		const purchase = {
			resource: 'purchaseDocument',
			operation: 'create',
			typeCode: 'FVZ',
			partyCode: 'DOST1',
			foreignNumber: '={{ $json.number }}',
			foreignDate: '2026-05-09',
			issueDate: '2026-05-12',
			positions: {
				position: [
					{ name: 'Usługi IT 05/2026', code: 'USLUGA-IT', quantity: 1, value: 1000, vatRate: '23' },
				],
			},
		};
		const first = await run(purchase, [{ number: 'FV/123/2026' }]);
		expect(first.items[0].json.symfoniaAction).toBe('created');
		const second = await run(purchase, [{ number: 'fv/123/2026 ' }, { number: 'FV/124/2026' }]);
		expect(second.error).toBeUndefined();
		expect(second.items.map((item) => item.json.symfoniaAction)).toEqual(['existing', 'created']);
		expect(second.items[0].json.Id).toBe(first.items[0].json.Id);
		expect(emulator.purchases).toHaveLength(2);
		expect(emulator.requestsTo(/PurchasesIssue\/New$/)[0].query.get('issue')).toBe('true');
	});

	it("an unknown buyer is refused with Symfonia's own message and nothing is retried", async () => {
		const { error } = await run({ ...sale, partyCode: 'BRAK' });
		expect(error?.message).toBe(
			'Symfonia WebAPI answered HTTP 400 to POST /api/SalesIssue/New: Nie znaleziono kontrahenta BRAK.',
		);
		expect(emulator.requestsTo(/SalesIssue\/New$/)).toHaveLength(1);
	});

	it('a create whose answer is lost is not sent again', async () => {
		emulator.injectFault(
			{ kind: 'reset' },
			{ pathPattern: /SalesIssue\/New$/, processFirst: true },
		);
		const { error } = await run(sale);
		expect(error?.description).toContain('may have been created');
		expect(emulator.requestsTo(/SalesIssue\/New$/)).toHaveLength(1);
		expect(emulator.sales).toHaveLength(1);
		expect(emulator.liveSessions()).toHaveLength(0);
	});
});

describe('FK', () => {
	beforeEach(async () => start());

	const invoice = {
		resource: 'fkDocument',
		operation: 'create',
		kind: 'purchaseInvoice',
		yearId: 12,
		typeCode: 'FZ',
		documentNumber: 'FV/123/2026',
		issueDate: '2026-05-10',
		contractorPosition: '={{ $json.position }}',
		content: 'Usługi IT 05/2026',
		postings: {
			posting: [
				{ side: 0, account: '402-1', value: 100, description: 'Usługi IT' },
				{ side: 0, account: '221-1', value: 23, description: 'VAT naliczony' },
				{
					side: 1,
					account: '202-2-1-154',
					value: 123,
					description: 'Zobowiązanie',
					maturityDate: '2026-05-24',
				},
			],
		},
		vatRegisters: { entry: [{ definitionId: 3, type: 1, vatRate: '23', net: 100, vat: 23 }] },
		additionalFields: { receiptDate: '2026-05-12' },
	};

	it('Contractor (FK) Create or Update returns the Position; an FK purchase invoice with postings lands in the buffer', async () => {
		const contractor = await run({
			resource: 'fkContractor',
			operation: 'upsert',
			matchBy: 'nip',
			code: 'NOWYDOST',
			name: 'Nowy Dostawca',
			nip: nipFor(5),
			additionalFields: { city: 'Lublin' },
		});
		expect(contractor.error).toBeUndefined();
		const position = contractor.items[0].json.Position;
		expect(typeof position).toBe('number');
		const again = await run({
			resource: 'fkContractor',
			operation: 'upsert',
			matchBy: 'nip',
			code: 'NOWYDOST',
			name: 'Nowy Dostawca',
			nip: nipFor(5),
			additionalFields: { city: 'Lublin' },
		});
		expect(again.items[0].json).toMatchObject({ Position: position, symfoniaAction: 'unchanged' });

		const created = await run(invoice, [{ position }]);
		expect(created.error).toBeUndefined();
		expect(created.items[0].json).toMatchObject({
			Source: 1,
			Value: 123,
			ContractorPosition: position,
			warnings: [],
		});
		expect(emulator.fkDocuments).toHaveLength(1);
		const sent = JSON.parse(emulator.requestsTo(/NewPurchaseInvoice$/)[0].body);
		expect(sent.Records[2]).toEqual({
			No: 3,
			Side: 1,
			Account: { Synthetic: 202, Analytic1: 2, Analytic2: 1, Analytic3: 154 },
			Value: 123,
			ValuePLN: 123,
			Description: 'Zobowiązanie',
			DescriptionKind: 1,
			Transactions: [{ MaturityDate: '2026-05-24T00:00:00', Value: 123, ValuePLN: 123 }],
		});
		expect(sent).toMatchObject({
			Currency: 'PLN',
			CurrencyRate: 1,
			CurrencyRateType: 0,
			DocumentNumber: 'FV/123/2026',
		});
		// The posting descriptions are kept (DescriptionKind 1), not replaced by the document's Content.
		expect(
			(emulator.fkDocuments[0].Records as Array<{ Description: string }>).map(
				(record) => record.Description,
			),
		).toEqual(['Usługi IT', 'VAT naliczony', 'Zobowiązanie']);
		expect(sent.VatRegisters[0]).toEqual({
			DefinitionId: 3,
			Type: 1,
			VatRate: '23',
			NetValuePLN: 100,
			VatValuePLN: 23,
			GrossValuePLN: 123,
			Period: '2026-05-01T00:00:00',
			PeriodType: 0,
		});

		const inBuffer = await run({
			resource: 'fkDocument',
			operation: 'getMany',
			source: 'Buffer',
			yearId: 12,
			dateFrom: '2026-05-01',
			dateTo: '2026-05-31',
			contractorPosition: String(position),
			returnAll: true,
		});
		expect(inBuffer.items).toHaveLength(1);
		const got = await run({
			resource: 'fkDocument',
			operation: 'get',
			documentId: String(created.items[0].json.Id),
			yearId: 12,
		});
		expect(got.items[0].json.DocumentNumber).toBe('FV/123/2026');
	});

	it('an FK contractor with a Note is refused before anything is sent (FK has no Note and would drop it)', async () => {
		const { error } = await run({
			resource: 'fkContractor',
			operation: 'create',
			code: 'NOTE1',
			name: 'Z notatką',
			additionalFields: { note: 'klienci: A, B' },
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toContain('Note: FK contractors have no note');
		expect(emulator.requestsTo(/FKContractors\/Create/)).toHaveLength(0);
	});

	it("Validate Only answers FK's messages and changes nothing", async () => {
		const ok = await run({ ...invoice, operation: 'validate' }, [{ position: 154 }]);
		expect(ok.items[0].json).toMatchObject({ valid: true, errors: [], warnings: [] });
		const unbalanced = {
			...invoice,
			operation: 'validate',
			postings: {
				posting: [
					{ side: 0, account: '402-1', value: 100 },
					{ side: 1, account: '202-1', value: 90 },
				],
			},
		};
		const bad = await run(unbalanced, [{ position: 154 }]);
		expect(bad.items[0].json.valid).toBe(false);
		expect(bad.items[0].json.errors).toEqual(['Dokument niezbilansowany: Wn 100.00 ≠ Ma 90.00.']);
		expect(emulator.fkDocuments).toHaveLength(0);
		expect(
			emulator.requestsTo(/NewPurchaseInvoice$/).every((request) => request.method === 'PATCH'),
		).toBe(true);
	});

	it.each(['id0', '400'] as const)(
		'an FK create refused by FK (answered as %s) is an error carrying the FKMessages, never "created"',
		async (refusal) => {
			await emulator.stop();
			await start({ fkRefusal: refusal });
			const { items, error } = await run(
				{
					...invoice,
					postings: {
						posting: [
							{ side: 0, account: '999-1', value: 10 },
							{ side: 1, account: '202-1', value: 10 },
						],
					},
				},
				[{ position: 154 }],
				{ onError: 'continueRegularOutput' },
			);
			expect(emulator.fkDocuments).toHaveLength(0);
			expect(error).toBeUndefined();
			expect(items[0].json.symfoniaAction).toBeUndefined();
			expect(String(items[0].json.error)).toContain('Konto 999 nie istnieje w planie kont.');
			const stopped = await run(
				{
					...invoice,
					postings: {
						posting: [
							{ side: 0, account: '999-1', value: 10 },
							{ side: 1, account: '202-1', value: 10 },
						],
					},
				},
				[{ position: 154 }],
			);
			expect(stopped.error?.name).toBe('NodeApiError');
			expect(stopped.error?.description).toContain(
				'FK error: Konto 999 nie istnieje w planie kont.',
			);
		},
	);

	it('a re-run of the same invoice creates nothing new and says per item where it was found (buffer, books)', async () => {
		const first = await run(invoice, [{ position: 154 }]);
		expect(first.error).toBeUndefined();
		expect(first.items[0].json.symfoniaAction).toBe('created');
		const again = await run(invoice, [{ position: 154 }]);
		expect(again.error).toBeUndefined();
		expect(emulator.fkDocuments).toHaveLength(1);
		expect(
			emulator.requestsTo(/NewPurchaseInvoice$/).filter((request) => request.method === 'POST'),
		).toHaveLength(1);
		expect(again.items[0].json).toMatchObject({
			symfoniaAction: 'existing',
			symfoniaFoundIn: 'buffer',
			Id: first.items[0].json.Id,
			DocumentNumber: 'FV/123/2026',
			ContractorPosition: 154,
		});
		expect(String(again.items[0].json.symfoniaMessage)).toContain('FV/123/2026');
		// Once approved in FK the document is in the books: still found, still not created again.
		emulator.fkDocuments[0].Source = 0;
		const booked = await run(invoice, [{ position: 154 }]);
		expect(booked.items[0].json).toMatchObject({
			symfoniaAction: 'existing',
			symfoniaFoundIn: 'accountingBooks',
		});
		expect(emulator.fkDocuments).toHaveLength(1);
		// The same number of another contractor is another document.
		const other = await run(invoice, [{ position: 155 }]);
		expect(other.error?.description).toContain('Nie znaleziono kontrahenta o pozycji 155.');
	});

	it('a create whose answer is lost is found in the buffer afterwards: reported created once, never sent twice', async () => {
		emulator.injectFault(
			{ kind: 'reset' },
			{ pathPattern: /NewPurchaseInvoice$/, processFirst: true },
		);
		const { items, error } = await run(invoice, [{ position: 154 }]);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			symfoniaAction: 'created',
			symfoniaFoundIn: 'buffer',
			DocumentNumber: 'FV/123/2026',
		});
		expect(emulator.requestsTo(/NewPurchaseInvoice$/)).toHaveLength(1);
		expect(emulator.fkDocuments).toHaveLength(1);
	});

	it('a foreign-currency invoice carries the rate type, the FK currency table and PLN values at its rate', async () => {
		const eur = {
			...invoice,
			documentNumber: 'FV/EUR/1',
			additionalFields: { currency: 'EUR', currencyRateType: 3 },
			postings: {
				posting: [
					{ side: 0, account: '402-1', value: 100, description: 'IT' },
					{ side: 1, account: '202-1', value: 100, description: 'Zobowiązanie' },
				],
			},
			vatRegisters: { entry: [] },
		};
		const { items, error } = await run(eur, [{ position: 154 }]);
		expect(error).toBeUndefined();
		expect(items[0].json.symfoniaAction).toBe('created');
		const sent = JSON.parse(emulator.requestsTo(/NewPurchaseInvoice$/)[0].body);
		// The table of the last day before the issue date (2026-05-10 → 2026-05-08).
		expect(sent).toMatchObject({
			Currency: 'EUR',
			CurrencyRate: 4.2512,
			CurrencyRateType: 3,
			CurrencyRateTableId: 501,
		});
		expect(sent.Records[0]).toMatchObject({ Value: 100, ValuePLN: 425.12 });
	});

	it('a foreign currency unknown to FK is a clear error naming the field', async () => {
		const { error } = await run({ ...invoice, additionalFields: { currency: 'XYZ' } }, [
			{ position: 154 },
		]);
		expect(error?.message).toContain('Currency');
		expect(error?.message).toContain('XYZ');
		expect(emulator.requestsTo(/NewPurchaseInvoice$/)).toHaveLength(0);
	});

	it('creates an invoice by the FK posting scheme', async () => {
		const { items, error } = await run({
			resource: 'fkDocument',
			operation: 'createBusiness',
			businessKind: 'purchaseInvoice',
			documentType: 'FZ',
			documentNumber: 'FV/9/2026',
			issueDate: '2026-05-10',
			contractorPosition: '154',
			positions: { position: [{ vatRate: '23', net: 100, vat: 23, description: 'IT' }] },
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ YearId: 12, Value: 123, FKMessages: [{ Type: 0 }] });
		expect(JSON.parse(emulator.requestsTo(/FKDocumentsBussinessIssue/)[0].body)).toMatchObject({
			Currency: 'PLN',
			CurrencyRate: 1,
		});
	});

	it('a business document in EUR sends PLN amounts converted at the rate, not copied', async () => {
		const { items, error } = await run({
			resource: 'fkDocument',
			operation: 'createBusiness',
			businessKind: 'purchaseInvoice',
			documentType: 'FZ',
			documentNumber: 'FV/10/2026',
			issueDate: '2026-05-10',
			contractorPosition: '154',
			positions: { position: [{ vatRate: '23', net: 100, vat: 23, description: 'IT' }] },
			// An NBP rate has four decimals: it is sent as entered, not rounded like an amount.
			additionalFields: { currency: 'EUR', currencyRate: '4.2512' },
		});
		expect(error).toBeUndefined();
		expect(items[0].json.Value).toBe(522.9);
		const body = JSON.parse(emulator.requestsTo(/FKDocumentsBussinessIssue/)[0].body);
		expect(body.CurrencyRate).toBe(4.2512);
		expect(body.Positions[0]).toMatchObject({
			NetValue: 100,
			NetValuePLN: 425.12,
			VatValuePLN: 97.78,
			GrossValuePLN: 522.9,
		});
	});
});

describe('dictionaries and custom call', () => {
	beforeEach(async () => start());

	it('reads Handel and FK dictionaries, one item per entry', async () => {
		const rates = await run({ resource: 'dictionary', operation: 'get', dictionary: 'vatRates' });
		expect(rates.items.map((item) => item.json.Code)).toContain('23');
		const year = await run({
			resource: 'dictionary',
			operation: 'get',
			dictionary: 'fkYears',
			date: '2026-03-01',
		});
		expect(year.items[0].json.Id).toBe(12);
		const types = await run({
			resource: 'dictionary',
			operation: 'get',
			dictionary: 'documentTypes',
			documentCharacter: 68,
		});
		expect(types.items.map((item) => item.json.Code)).toEqual(['FVZ']);
		const chart = await run({
			resource: 'dictionary',
			operation: 'get',
			dictionary: 'fkAccountsChart',
			fiscalYearId: '12',
		});
		expect(chart.items.length).toBeGreaterThan(3);
	});

	it('custom call sends OPTIONS (the fields a filter takes), then the FK contractor filter with them', async () => {
		const fields = await run({
			resource: 'customApiCall',
			operation: 'call',
			method: 'OPTIONS',
			path: '/api/FKContractors/Filter',
		});
		expect(fields.error).toBeUndefined();
		expect(fields.items.map((item) => item.json.Code)).toEqual(['Code', 'Name', 'NIP']);
		expect(emulator.requestsTo(/FKContractors\/Filter/)[0].method).toBe('OPTIONS');
		const found = await run({
			resource: 'customApiCall',
			operation: 'call',
			method: 'PATCH',
			path: '/api/FKContractors/Filter',
			body: '[{"Code": "NIP", "Value": "7740001454"}]',
		});
		expect(found.items.map((item) => item.json.Position)).toEqual([154]);
	});

	it.each([
		['fkAllYears', {}, [11, 12]],
		['fkDocumentFeatures', { fiscalYearId: '12' }, [3, 7]],
		['fkCurrencyTables', {}, [501, 502, 601]],
		['fkVatRegisterMarkers', {}, [1, 2]],
		['fkCountries', {}, [1, 2]],
	])('FK dictionary %s', async (dictionary, extra, ids) => {
		const { items, error } = await run({
			resource: 'dictionary',
			operation: 'get',
			dictionary,
			...extra,
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.Id)).toEqual(ids);
	});

	it('custom call uses the managed session', async () => {
		const { items, error } = await run({
			resource: 'customApiCall',
			operation: 'call',
			method: 'GET',
			path: 'api/Warehouses',
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ Code: 'MAG' });
		expect(emulator.closedSessions).toBe(1);
	});
});

describe('credential test (Test button)', () => {
	beforeEach(async () => start({ maxSessions: 1 }));

	/** What n8n's helpers.request does for us here: JSON in and out, an error with statusCode/response for ≥ 400. */
	function testContext() {
		const warnings: string[] = [];
		return {
			warnings,
			logger: { warn: (message: string) => warnings.push(message) },
			helpers: {
				request: async (options: {
					method: string;
					uri: string;
					qs?: Record<string, string>;
					headers?: Record<string, string>;
				}) => {
					const url = new URL(options.uri);
					for (const [key, value] of Object.entries(options.qs ?? {}))
						url.searchParams.set(key, value);
					const response = await fetch(url, { method: options.method, headers: options.headers });
					const text = await response.text();
					const body = text ? (JSON.parse(text) as unknown) : undefined;
					if (response.status >= 400)
						throw Object.assign(new Error(`Request failed with status code ${response.status}`), {
							statusCode: response.status,
							response: { statusCode: response.status, body },
						});
					return body;
				},
			},
		};
	}

	async function test(token = emulator.applicationToken) {
		const { symfoniaApiTest } = await import('../../nodes/Symfonia/methods/credentialTest');
		const context = testContext();
		const result = await symfoniaApiTest.call(
			context as never,
			{ id: 'x', name: 'x', type: 'symfoniaApi', data: credentials(token).symfoniaApi } as never,
		);
		return { result, context };
	}

	it('pings, opens a session, reads it and the company, and closes it; the message names the company and modules', async () => {
		const { result } = await test();
		expect(result.status).toBe('OK');
		expect(result.message).toContain(
			'Connected to Demo Sp. z o.o. (database testsymfonia). Modules: Handel 2024.2.0, FK 2024.2.0.',
		);
		expect(emulator.requests.map((request) => request.path)).toEqual([
			'/api/Ping',
			'/api/Sessions/OpenNewSession',
			'/api/Sessions/SessionInformation',
			'/api/CompanyInformation',
			'/api/Sessions/CloseSession',
		]);
		expect(emulator.liveSessions()).toHaveLength(0);
	});

	it('a wrong token fails without showing it; a full session slot is named', async () => {
		const wrong = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
		const refused = await test(wrong);
		expect(refused.result.status).toBe('Error');
		expect(refused.result.message).toContain('HTTP 401');
		expect(refused.result.message).not.toContain(wrong);
		await fetch(`${emulator.baseUrl}/api/Sessions/OpenNewSession?deviceName=other`, {
			headers: { Authorization: `Application ${emulator.applicationToken}` },
		});
		const full = await test();
		expect(full.result).toMatchObject({
			status: 'Error',
			message: expect.stringContaining('limit of concurrent sessions'),
		});
		const notGuid = await test('abc');
		expect(notGuid.result.message).toContain('not a GUID');
	});
});
