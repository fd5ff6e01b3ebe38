/**
 * Vitec Ekonomi Trigger with the service mocked by nock (n8n-core's PollContext, real request helpers):
 * how the pending list decides what is fetched, and the exact calls in order.
 */
import nock from 'nock';

import { poll } from './poll-harness';

const HOST = 'https://exempel.vitec.net';
const ACC = '/VitecEkonomiServices/AccountingService.svc';
const SUP = '/VitecEkonomiServices/SupplierService.svc';
const credentials = { domain: 'exempel', username: 'api.n8n', password: 'Hemligt-123' };
const NS = 'xmlns:b="urn:b" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"';
const answer = (method: string, result: string) =>
	`<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><${method}Response xmlns="http://tempuri.org/"><${method}Result ${NS}>${result}</${method}Result></${method}Response></s:Body></s:Envelope>`;
const pending = (entries: Array<[number | null, string, number]>) =>
	answer(
		'GetListOfPendingEvents',
		entries
			.map(
				([company, type, count]) =>
					`<b:PendingEvent>${company === null ? '<b:CompanyId i:nil="true"/>' : `<b:CompanyId>${company}</b:CompanyId>`}<b:Count>${count}</b:Count><b:InformationType>${type}</b:InformationType></b:PendingEvent>`,
			)
			.join(''),
	);
const revisions = (company: number, ids: number[]) =>
	answer(
		'GetSupplierRevisionsWithReceiptRequirement',
		`<b:RevisionResult>${ids.map((id) => `<b:RevisionItem><b:EventInfo><b:CompanyId>${company}</b:CompanyId><b:EventId>${id}</b:EventId><b:ProcessingCode>New</b:ProcessingCode></b:EventInfo><b:Supplier><b:CompanyId>${company}</b:CompanyId><b:SupplierId>L${id}</b:SupplierId></b:Supplier></b:RevisionItem>`).join('')}</b:RevisionResult>`,
	);
const ACK =
	'<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><SendProofOfReceiptForRevisionsResponse xmlns="http://tempuri.org/"/></s:Body></s:Envelope>';

const calls: string[] = [];
function reply(path: string, body: string) {
	nock(HOST)
		.post(path)
		.reply(200, (_uri, requestBody) => {
			const text = String(requestBody);
			const method = /<s:Body><(\w+)/.exec(text)?.[1] ?? '?';
			const company = /<b:CompanyId>(\d+)</.exec(text)?.[1];
			calls.push(company ? `${method}(${company})` : method);
			return body;
		});
}

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
	calls.length = 0;
});
afterAll(() => nock.enableNetConnect());

it('fetches only the (type, company) pairs the pending list names, skipping types this trigger does not receive', async () => {
	reply(
		ACC,
		pending([
			[102, 'Supplier', 2],
			[101, 'Accounting', 5],
		]),
	);
	reply(SUP, revisions(102, [11, 12]));
	const state = {};
	const result = await poll({ integrationId: 'N8N', informationTypes: ['supplier'] }, credentials, {
		staticData: state,
	});
	expect(result.error).toBeUndefined();
	// One batch per target and no receipt: what this poll returns is acknowledged by the next one.
	expect(calls).toEqual([
		'GetListOfPendingEvents',
		'GetSupplierRevisionsWithReceiptRequirement(102)',
	]);
	expect(result.items.map((item) => item.json.key)).toEqual(['102|L11', '102|L12']);
	expect(nock.pendingMocks()).toEqual([]);

	// The next poll: the receipt first (from the saved static data), then the pending check, then the next batch.
	calls.length = 0;
	reply(SUP, ACK);
	reply(ACC, pending([[102, 'Supplier', 1]]));
	reply(SUP, revisions(102, [13]));
	const next = await poll({ integrationId: 'N8N', informationTypes: ['supplier'] }, credentials, {
		staticData: state,
	});
	expect(next.error).toBeUndefined();
	expect(calls).toEqual([
		'SendProofOfReceiptForRevisions(102)',
		'GetListOfPendingEvents',
		'GetSupplierRevisionsWithReceiptRequirement(102)',
	]);
	expect(next.items.map((item) => item.json.eventId)).toEqual([13]);
});

it('a receipt Vitec answered OK but ignored: the same ids come back, the poll fails and emits nothing', async () => {
	reply(ACC, pending([[102, 'Supplier', 2]]));
	reply(SUP, revisions(102, [11, 12]));
	const state = {};
	await poll({ integrationId: 'N8N', informationTypes: ['supplier'] }, credentials, {
		staticData: state,
	});
	reply(SUP, ACK);
	reply(ACC, pending([[102, 'Supplier', 2]]));
	reply(SUP, revisions(102, [11, 12]));
	const next = await poll({ integrationId: 'N8N', informationTypes: ['supplier'] }, credentials, {
		staticData: state,
	});
	expect(next.items).toHaveLength(0);
	expect(next.error?.message).toBe(
		"Vitec's acknowledgement had no effect: revisions 11, 12 came back after being acknowledged (supplier, company 102)",
	);
	expect(next.error?.description).toContain('Receipt Event IDs Member');
});

it('a pending list only naming other types: no revision call, nothing emitted', async () => {
	reply(ACC, pending([[101, 'Accounting', 5]]));
	const result = await poll({ integrationId: 'N8N', informationTypes: ['supplier'] }, credentials);
	expect(result.returned).toBeNull();
	expect(calls).toEqual(['GetListOfPendingEvents']);
});

it('a pending list naming a type the node cannot map: asks every selected company (from the company list) instead', async () => {
	reply(ACC, pending([[null, 'Leverantörsrader', 3]]));
	reply(
		ACC,
		answer(
			'GetCompanies',
			'<b:Company><b:CompanyId>101</b:CompanyId></b:Company><b:Company><b:CompanyId>102</b:CompanyId></b:Company>',
		),
	);
	reply(SUP, revisions(101, []));
	reply(SUP, revisions(102, [5]));
	const result = await poll({ integrationId: 'N8N', informationTypes: ['supplier'] }, credentials);
	expect(result.error).toBeUndefined();
	expect(calls).toEqual([
		'GetListOfPendingEvents',
		'GetCompanies',
		'GetSupplierRevisionsWithReceiptRequirement(101)',
		'GetSupplierRevisionsWithReceiptRequirement(102)',
	]);
	expect(result.items).toHaveLength(1);
});

it('with the pending check off and chosen companies, goes straight to the revision calls', async () => {
	reply(SUP, revisions(103, []));
	const result = await poll(
		{
			integrationId: 'N8N',
			informationTypes: ['supplier'],
			companySelection: 'ids',
			companyIds: '103',
			options: { checkPendingFirst: false },
		},
		credentials,
	);
	expect(result.returned).toBeNull();
	expect(calls).toEqual(['GetSupplierRevisionsWithReceiptRequirement(103)']);
});

it.each([
	['true', answer('GetListOfPendingEvents', 'true')],
	[
		'an answer without a Result element',
		'<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><GetListOfPendingEventsResponse xmlns="http://tempuri.org/"/></s:Body></s:Envelope>',
	],
])(
	'a pending answer the node cannot detail (%s) never stops fetching: it asks everything',
	async (_label, body) => {
		reply(ACC, body);
		reply(SUP, revisions(101, [1]));
		const result = await poll(
			{
				integrationId: 'N8N',
				informationTypes: ['supplier'],
				companySelection: 'ids',
				companyIds: '101',
			},
			credentials,
		);
		expect(result.items).toHaveLength(1);
		expect(calls).toEqual([
			'GetListOfPendingEvents',
			'GetSupplierRevisionsWithReceiptRequirement(101)',
		]);
	},
);

it('"false" or an empty list means nothing is pending: no revision call', async () => {
	reply(ACC, answer('GetListOfPendingEvents', 'false'));
	const result = await poll(
		{
			integrationId: 'N8N',
			informationTypes: ['supplier'],
			companySelection: 'ids',
			companyIds: '101',
		},
		credentials,
	);
	expect(result.returned).toBeNull();
	expect(calls).toEqual(['GetListOfPendingEvents']);
});
