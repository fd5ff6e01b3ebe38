/**
 * Vitec Ekonomi node through n8n-core's engine (test/harness), the SOAP service mocked with nock: every
 * action's envelope and answer, validation before any request, ServiceFault → NodeApiError with Vitec's
 * Swedish text, non-SOAP bodies, retries, Continue On Fail, both security modes, SOAP 1.2, no secret leaks.
 */
import nock from 'nock';

import { runNode } from '../harness';

const HOST = 'https://exempel.vitec.net';
const ACC = '/VitecEkonomiServices/AccountingService.svc';
const SUP = '/VitecEkonomiServices/SupplierService.svc';
const CUS = '/VitecEkonomiServices/CustomerService.svc';
const PASSWORD = 'Hemlig&<Lösen>';
const credentials = (extra: Record<string, unknown> = {}) => ({
	vitecEkonomiApi: {
		domain: 'exempel',
		username: 'api.n8n',
		password: PASSWORD,
		...extra,
	} as Record<string, string>,
});

const NS =
	'xmlns:b="http://schemas.datacontract.org/2004/07/Vitec.Ekonomi.Services" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"';
const envelope = (body: string) =>
	`<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>${body}</s:Body></s:Envelope>`;
const answer = (method: string, result: string) =>
	envelope(
		`<${method}Response xmlns="http://tempuri.org/"><${method}Result ${NS}>${result}</${method}Result></${method}Response>`,
	);
const fault = (messages: string[]) =>
	envelope(
		`<s:Fault><faultcode>s:Client</faultcode><faultstring xml:lang="sv-SE">${messages[0]}</faultstring><detail><ServiceFault xmlns="http://schemas.datacontract.org/2004/07/Vitec.Ekonomi.Services"><Messages xmlns:a="http://schemas.microsoft.com/2003/10/Serialization/Arrays">${messages.map((m) => `<a:string>${m}</a:string>`).join('')}</Messages></ServiceFault></detail></s:Fault>`,
	);
const revision = (eventId: number, code: string, data: string, company = 101) =>
	`<b:RevisionItem><b:EventInfo><b:CompanyId>${company}</b:CompanyId><b:EventId>${eventId}</b:EventId><b:ProcessingCode>${code}</b:ProcessingCode></b:EventInfo><b:VoucherRowExtended>${data}</b:VoucherRowExtended></b:RevisionItem>`;
const ROW =
	'<b:CompanyId>101</b:CompanyId><b:AccountingYear>2026</b:AccountingYear><b:Routine>A</b:Routine><b:VoucherNumber>12</b:VoucherNumber><b:Row>2</b:Row><b:AutoAccountingCode>*</b:AutoAccountingCode><b:AutoAccountingRow>0</b:AutoAccountingRow><b:Account>3010</b:Account><b:Amount>-1250.50</b:Amount><b:Text>Hyra &amp; el</b:Text><b:Note i:nil="true"/><b:Dimension02>P1</b:Dimension02>';

function run(
	parameters: Record<string, unknown>,
	items: object[] = [{}],
	options: { onError?: 'continueRegularOutput'; credentials?: Record<string, unknown> } = {},
) {
	return runNode(
		{ type: 'vitecEkonomi', parameters: parameters as never, onError: options.onError },
		items as never,
		credentials(options.credentials),
	);
}

interface Sent {
	body: string;
	headers: Record<string, string>;
}

function soap(
	path: string,
	reply: string | ((body: string) => string),
	status = 200,
	sent: Sent[] = [],
) {
	return nock(HOST)
		.post(path)
		.reply(function (_uri, body) {
			sent.push({ body: String(body), headers: this.req.headers as Record<string, string> });
			return [
				status,
				typeof reply === 'function' ? reply(String(body)) : reply,
				{ 'Content-Type': 'text/xml; charset=utf-8' },
			];
		});
}

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
});
afterAll(() => nock.enableNetConnect());

describe('Revision → Get Pending Events', () => {
	it('sends a SOAP 1.1 envelope with SOAPAction and the WS-Security login (escaped), and sums the pending list', async () => {
		const sent: Sent[] = [];
		soap(
			ACC,
			answer(
				'GetListOfPendingEvents',
				'<b:PendingEvent><b:CompanyId>101</b:CompanyId><b:Count>3</b:Count><b:InformationType>Accounting</b:InformationType></b:PendingEvent><b:PendingEvent><b:CompanyId i:nil="true"/><b:Count>1</b:Count><b:InformationType>Currency</b:InformationType></b:PendingEvent>',
			),
			200,
			sent,
		);
		const { items, error } = await run({
			resource: 'revision',
			operation: 'getPendingEvents',
			integrationId: 'N8N',
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({
			integrationId: 'N8N',
			total: 4,
			countsReported: true,
			events: [
				{ companyId: 101, informationType: 'Accounting', type: 'accounting', count: 3 },
				{ companyId: null, informationType: 'Currency', type: 'currency', count: 1 },
			],
		});
		expect(sent[0].headers['content-type']).toBe('text/xml; charset=utf-8');
		expect(sent[0].headers.soapaction).toBe(
			'"http://tempuri.org/IAccountingService/GetListOfPendingEvents"',
		);
		expect(sent[0].body).toContain('<GetListOfPendingEvents xmlns="http://tempuri.org/"');
		expect(sent[0].body).toContain('<integrationId>N8N</integrationId>');
		expect(sent[0].body).toContain('<o:Username>api.n8n</o:Username>');
		expect(sent[0].body).toContain('Hemlig&amp;&lt;Lösen&gt;</o:Password>');
		expect(sent[0].headers.authorization).toBeUndefined();
	});

	it('other answer shapes: a plain number, or a list of type names without counts', async () => {
		soap(ACC, answer('GetListOfPendingEvents', '7'));
		const number = await run({
			resource: 'revision',
			operation: 'getPendingEvents',
			integrationId: 'N8N',
		});
		expect(number.items[0].json).toEqual({
			integrationId: 'N8N',
			total: 7,
			countsReported: true,
			events: [{ companyId: null, informationType: '', type: null, count: 7 }],
		});
		soap(ACC, answer('GetListOfPendingEvents', '<a:string xmlns:a="urn:a">Bokföring</a:string>'));
		const names = await run({
			resource: 'revision',
			operation: 'getPendingEvents',
			integrationId: 'N8N',
		});
		expect(names.items[0].json).toEqual({
			integrationId: 'N8N',
			total: 0,
			countsReported: false,
			events: [{ companyId: null, informationType: 'Bokföring', type: 'accounting', count: null }],
		});
	});

	it('HTTP Basic mode puts the login in the header and none in the envelope; SOAP 1.2 uses its content type', async () => {
		const sent: Sent[] = [];
		nock(HOST)
			.post(ACC)
			.reply(function (_uri, body) {
				sent.push({ body: String(body), headers: this.req.headers as Record<string, string> });
				return [
					200,
					answer('GetListOfPendingEvents', '').replace(
						'http://schemas.xmlsoap.org/soap/envelope/',
						'http://www.w3.org/2003/05/soap-envelope',
					),
					{ 'Content-Type': 'application/soap+xml' },
				];
			});
		const { items, error } = await run(
			{ resource: 'revision', operation: 'getPendingEvents', integrationId: 'N8N' },
			[{}],
			{
				credentials: { advanced: true, securityMode: 'basic', soapVersion: '1.2' },
			},
		);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ total: 0, events: [] });
		expect(sent[0].headers.authorization).toBe(
			`Basic ${Buffer.from(`api.n8n:${PASSWORD}`).toString('base64')}`,
		);
		expect(sent[0].body).not.toContain('Security');
		expect(sent[0].body).toContain('http://www.w3.org/2003/05/soap-envelope');
		expect(sent[0].headers['content-type']).toBe(
			'application/soap+xml; charset=utf-8; action="http://tempuri.org/IAccountingService/GetListOfPendingEvents"',
		);
	});

	it("a ServiceFault becomes a NodeApiError with Vitec's Swedish messages; Continue On Fail pairs it to the item", async () => {
		soap(ACC, fault(["Integrations-ID 'X' finns inte.", 'Kontakta administratören.']), 500);
		const failed = await run({
			resource: 'revision',
			operation: 'getPendingEvents',
			integrationId: 'X',
		});
		expect(failed.error?.name).toBe('NodeApiError');
		expect(failed.error?.message).toMatch(/does not know this Integration-ID/);
		expect(failed.error?.description).toBe(
			'Vitec\'s messages (ServiceFault): "Integrations-ID \'X\' finns inte."; "Kontakta administratören."',
		);
		expect(failed.error?.httpCode).toBe('500');

		soap(ACC, fault(['Okänt fel']), 500);
		const continued = await run(
			{ resource: 'revision', operation: 'getPendingEvents', integrationId: 'X' },
			[{}],
			{ onError: 'continueRegularOutput' },
		);
		expect(continued.items[0].json).toMatchObject({
			error: 'Vitec refused GetListOfPendingEvents: Okänt fel',
			httpCode: '500',
		});
		expect(continued.items[0].pairedItem).toEqual({ item: 0 });
	});

	it('SOAP 1.2 faults: ServiceFault messages from Detail, else the Reason text', async () => {
		const soap12 = (inner: string) =>
			`<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><s:Fault><s:Code><s:Value>s:Sender</s:Value></s:Code><s:Reason><s:Text xml:lang="sv-SE">Felaktig begäran</s:Text></s:Reason>${inner}</s:Fault></s:Body></s:Envelope>`;
		nock(HOST)
			.post(ACC)
			.reply(
				400,
				soap12(
					'<s:Detail><ServiceFault xmlns="urn:v"><Messages xmlns:a="urn:a"><a:string>Företag 5 saknas.</a:string></Messages></ServiceFault></s:Detail>',
				),
			);
		const detailed = await run(
			{ resource: 'revision', operation: 'getPendingEvents', integrationId: 'N8N' },
			[{}],
			{ credentials: { advanced: true, soapVersion: '1.2' } },
		);
		expect(detailed.error?.description).toBe(
			'Vitec\'s message (ServiceFault): "Företag 5 saknas."',
		);
		expect(detailed.error?.httpCode).toBe('400');
		nock(HOST).post(ACC).reply(500, soap12(''));
		const plain = await run(
			{ resource: 'revision', operation: 'getPendingEvents', integrationId: 'N8N' },
			[{}],
			{ credentials: { advanced: true, soapVersion: '1.2' } },
		);
		expect(plain.error?.message).toBe('Vitec refused GetListOfPendingEvents: Felaktig begäran');
	});

	it('an HTML page or a cut body is a clear error quoting it, never a TypeError', async () => {
		nock(HOST).post(ACC).reply(200, '<html><body><h1>Underhåll pågår</h1></body></html>', {
			'Content-Type': 'text/html',
		});
		const html = await run({
			resource: 'revision',
			operation: 'getPendingEvents',
			integrationId: 'N8N',
		});
		expect(html.error?.message).toMatch(/not a SOAP answer/);
		expect(html.error?.description).toContain('Underhåll pågår');

		nock(HOST).post(ACC).reply(200, answer('GetListOfPendingEvents', '').slice(0, 120));
		const cut = await run({
			resource: 'revision',
			operation: 'getPendingEvents',
			integrationId: 'N8N',
		});
		expect(cut.error?.message).toMatch(/not a SOAP answer/);
		expect(cut.error?.message).not.toMatch(/TypeError|Cannot read/);
	});

	it('a refused login (401) names the credential and never shows the password', async () => {
		nock(HOST).post(ACC).reply(401, `denied for api.n8n:${PASSWORD}`);
		const { error } = await run(
			{ resource: 'revision', operation: 'getPendingEvents', integrationId: 'N8N' },
			[{}],
			{ credentials: { advanced: true, securityMode: 'basic' } },
		);
		expect(error?.message).toMatch(/credential was refused/);
		expect(JSON.stringify({ m: error?.message, d: error?.description })).not.toContain(PASSWORD);
	});

	it('a fault that echoes the envelope never shows the password, plain or XML-escaped', async () => {
		soap(
			ACC,
			(body) =>
				fault([
					`Ogiltig begäran: ${body.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!)}`,
				]),
			500,
		);
		const { error } = await run({
			resource: 'revision',
			operation: 'getPendingEvents',
			integrationId: 'N8N',
		});
		const shown = `${error?.message} ${error?.description}`;
		expect(shown).toContain('Ogiltig begäran');
		expect(shown).toContain('***');
		expect(shown).not.toContain(PASSWORD);
		expect(shown).not.toContain('Hemlig&amp;&lt;Lösen&gt;');
		expect(shown).not.toContain('Hemlig');
	});

	it('validation: an empty or spaced Integration-ID stops before any request', async () => {
		const empty = await run(
			{ resource: 'revision', operation: 'getPendingEvents', integrationId: '={{ $json.id }}' },
			[{ id: '' }],
		);
		expect(empty.error?.message).toBe('Integration-ID: is required [item 0]');
		const spaced = await run(
			{ resource: 'revision', operation: 'getPendingEvents', integrationId: 'N8N TEST' },
			[{}, {}],
		);
		expect(spaced.error?.message).toMatch(/Integration-ID: must not contain spaces/);
		expect(nock.pendingMocks()).toEqual([]);
	});

	it('a bad domain in the credential is explained', async () => {
		const { error } = await run(
			{ resource: 'revision', operation: 'getPendingEvents', integrationId: 'N8N' },
			[{}],
			{ credentials: { domain: 'https://x y' } },
		);
		expect(error?.message).toMatch(
			/credential is incomplete: Domain "https:\/\/x y" is not a subdomain/,
		);
	});
});

describe('Revision → Get Revisions', () => {
	it('reads one batch with the typed parameters and shapes every revision (key, numbers, nil, deleted)', async () => {
		const sent: Sent[] = [];
		soap(
			ACC,
			answer(
				'GetAccountingRevisionsWithReceiptRequirement',
				`<b:BatchId>0</b:BatchId><b:RevisionResult>${revision(7, 'New', ROW)}${revision(8, '3', '<b:CompanyId>101</b:CompanyId><b:AccountingYear>2026</b:AccountingYear><b:Routine>A</b:Routine><b:VoucherNumber>9</b:VoucherNumber><b:Row>1</b:Row><b:AutoAccountingCode>*</b:AutoAccountingCode><b:AutoAccountingRow>0</b:AutoAccountingRow>')}</b:RevisionResult>`,
			),
			200,
			sent,
		);
		const { items, error } = await run(
			{
				resource: 'revision',
				operation: 'getRevisions',
				integrationId: 'N8N',
				informationType: 'accounting',
				companyId: '={{ $json.company }}',
				dimension: 'Dimension02',
			},
			[{ company: 101 }],
		);
		expect(error).toBeUndefined();
		// CompanySelector's members in its data-contract namespace (WCF ignores them in any other, docs/api/vitec.md §6.1).
		expect(sent[0].body).toContain(
			'<companySelector xmlns:b="http://schemas.datacontract.org/2004/07/Vitec.Ekonomi.Services"><b:CompanyId>101</b:CompanyId></companySelector><integrationId>N8N</integrationId><dimension>Dimension02</dimension><batchId>0</batchId>',
		);
		expect(items).toHaveLength(2);
		expect(items[0].json).toMatchObject({
			integrationId: 'N8N',
			companyId: 101,
			type: 'accounting',
			eventId: 7,
			action: 'new',
			deleted: false,
			key: '101|2026|A|12|2|*|0',
			data: {
				Account: '3010',
				Amount: -1250.5,
				Text: 'Hyra & el',
				Note: null,
				Dimension02: 'P1',
				VoucherNumber: 12,
			},
		});
		expect(items[1].json).toMatchObject({
			eventId: 8,
			action: 'deleted',
			deleted: true,
			key: '101|2026|A|9|1|*|0',
		});
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('an unknown ProcessingCode is an error naming the value, never an upsert (a delete read as a change would upsert key fields)', async () => {
		soap(
			ACC,
			answer(
				'GetAccountingRevisionsWithReceiptRequirement',
				`<b:RevisionResult>${revision(9, 'Moved', ROW)}</b:RevisionResult>`,
			),
		);
		const { items, error } = await run({
			resource: 'revision',
			operation: 'getRevisions',
			integrationId: 'N8N',
			informationType: 'accounting',
			companyId: '101',
		});
		expect(items).toHaveLength(0);
		expect(error?.message).toBe(
			'Vitec answered GetAccountingRevisionsWithReceiptRequirement with a revision the node cannot read: ProcessingCode "Moved" of revision 9 is not New, Changed or Deleted (nor 1, 2, 3)',
		);
	});

	it('an item whose row is empty is an error (it would be acknowledged without its data)', async () => {
		soap(
			ACC,
			answer(
				'GetAccountingRevisionsWithReceiptRequirement',
				`<b:RevisionResult><b:RevisionItem><b:EventInfo><b:EventId>3</b:EventId><b:ProcessingCode>New</b:ProcessingCode></b:EventInfo><b:VoucherRowExtended i:nil="true"/></b:RevisionItem></b:RevisionResult>`,
			),
		);
		const { error } = await run({
			resource: 'revision',
			operation: 'getRevisions',
			integrationId: 'N8N',
			informationType: 'accounting',
			companyId: '101',
		});
		expect(error?.message).toMatch(/revision 3 carries no data/);
	});

	it('a revision without an EventId (it could never be confirmed) is a clear error, not a silent skip', async () => {
		soap(
			ACC,
			answer(
				'GetAccountingRevisionsWithReceiptRequirement',
				`<b:RevisionResult><b:RevisionItem><b:EventInfo><b:ProcessingCode>New</b:ProcessingCode></b:EventInfo><b:Row>${ROW}</b:Row></b:RevisionItem></b:RevisionResult>`,
			),
		);
		const { error } = await run({
			resource: 'revision',
			operation: 'getRevisions',
			integrationId: 'N8N',
			informationType: 'accounting',
			companyId: '101',
		});
		expect(error?.message).toBe(
			'Vitec answered GetAccountingRevisionsWithReceiptRequirement with a revision the node cannot read: a revision without an EventId',
		);
		expect(error?.name).toBe('NodeApiError');
		soap(
			ACC,
			answer(
				'GetAccountingRevisionsWithReceiptRequirement',
				`<b:RevisionResult><b:RevisionItem><b:Row>${ROW}</b:Row></b:RevisionItem></b:RevisionResult>`,
			),
		);
		const noInfo = await run({
			resource: 'revision',
			operation: 'getRevisions',
			integrationId: 'N8N',
			informationType: 'accounting',
			companyId: '101',
		});
		expect(noInfo.error?.message).toMatch(
			/cannot read: a revision <b:RevisionItem> without EventInfo/,
		);
		// Without the RevisionResult wrapper too: rows in an unexpected shape are never mistaken for "nothing new".
		soap(
			ACC,
			answer(
				'GetAccountingRevisionsWithReceiptRequirement',
				`<b:BatchId>0</b:BatchId><b:Revision><b:Info><b:Id>4</b:Id></b:Info></b:Revision>`,
			),
		);
		const unwrapped = await run({
			resource: 'revision',
			operation: 'getRevisions',
			integrationId: 'N8N',
			informationType: 'accounting',
			companyId: '101',
		});
		expect(unwrapped.error?.message).toMatch(/a revision <b:Revision> without EventInfo/);
	});

	it('suppliers go to the supplier service; currency rates send no company; chart of accounts sends the report plan', async () => {
		const sent: Sent[] = [];
		soap(
			SUP,
			answer('GetSupplierRevisionsWithReceiptRequirement', '<b:RevisionResult/>'),
			200,
			sent,
		);
		soap(
			SUP,
			answer('GetCurrencyRevisionsWithReceiptRequirement', '<b:RevisionResult/>'),
			200,
			sent,
		);
		soap(
			ACC,
			answer('GetAccountRevisionsWithReceiptRequirement', '<b:RevisionResult/>'),
			200,
			sent,
		);
		await run({
			resource: 'revision',
			operation: 'getRevisions',
			integrationId: 'N8N',
			informationType: 'supplier',
			companyId: '101',
		});
		await run({
			resource: 'revision',
			operation: 'getRevisions',
			integrationId: 'N8N',
			informationType: 'currency',
		});
		const accounts = await run({
			resource: 'revision',
			operation: 'getRevisions',
			integrationId: 'N8N',
			informationType: 'account',
			companyId: '101',
			reportPlan: 2,
		});
		expect(accounts.error).toBeUndefined();
		expect(sent[0].headers.soapaction).toBe(
			'"http://tempuri.org/ISupplierService/GetSupplierRevisionsWithReceiptRequirement"',
		);
		expect(sent[1].body).toContain(
			'<GetCurrencyRevisionsWithReceiptRequirement xmlns="http://tempuri.org/" xmlns:a="http://schemas.microsoft.com/2003/10/Serialization/Arrays"><integrationId>N8N</integrationId><batchId>0</batchId>',
		);
		expect(sent[2].body).toContain('<reportPlan>2</reportPlan><integrationId>N8N</integrationId>');
	});

	it('retries a read after 503 and honours the configured service path and method name overrides', async () => {
		nock(HOST).post('/custom/Acc.svc').reply(503, 'busy');
		const sent: Sent[] = [];
		soap(
			'/custom/Acc.svc',
			answer('GetBookingsWithReceiptRequirement', '<b:RevisionResult/>'),
			200,
			sent,
		);
		const { error, items } = await run(
			{
				resource: 'revision',
				operation: 'getRevisions',
				integrationId: 'N8N',
				informationType: 'accounting',
				companyId: '101',
			},
			[{}],
			{
				credentials: {
					advanced: true,
					accountingServicePath: 'custom/Acc.svc',
					methodNameOverrides: '{"accounting": "GetBookings"}',
					serviceNamespace: 'urn:vitec',
				},
			},
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(0);
		expect(sent[0].headers.soapaction).toBe(
			'"urn:vitec/IAccountingService/GetBookingsWithReceiptRequirement"',
		);
	});

	it('validation: a company that is not a number names the field and item', async () => {
		soap(ACC, answer('GetAccountingRevisionsWithReceiptRequirement', '<b:RevisionResult/>'));
		const { error } = await run(
			{
				resource: 'revision',
				operation: 'getRevisions',
				integrationId: 'N8N',
				informationType: 'accounting',
				companyId: '={{ $json.c }}',
			},
			[{ c: 101 }, { c: 'abc' }],
		);
		expect(error?.message).toBe(
			'Company ID: must be a company number like 101, got "abc" [item 1]',
		);
	});
});

describe('Revision → Acknowledge', () => {
	it('confirms consecutive items of one company with one call, then checks the queue no longer holds them', async () => {
		const sent: Sent[] = [];
		const ack = () =>
			soap(
				ACC,
				envelope('<SendProofOfReceiptForRevisionsResponse xmlns="http://tempuri.org/"/>'),
				200,
				sent,
			);
		const head = () =>
			soap(
				ACC,
				answer('GetAccountingRevisionsWithReceiptRequirement', '<b:RevisionResult/>'),
				200,
				sent,
			);
		ack();
		head();
		ack();
		head();
		const { items, error } = await run({ resource: 'revision', operation: 'acknowledge' }, [
			{ integrationId: 'N8N', companyId: 101, eventId: 1, type: 'accounting' },
			{ integrationId: 'N8N', companyId: 101, eventIds: [3, 4], type: 'accounting' },
			{ integrationId: 'N8N', companyId: 102, eventId: 2, type: 'accounting' },
		]);
		expect(error).toBeUndefined();
		expect(sent.map((request) => /<s:Body><(\w+)/.exec(request.body)?.[1])).toEqual([
			'SendProofOfReceiptForRevisions',
			'GetAccountingRevisionsWithReceiptRequirement',
			'SendProofOfReceiptForRevisions',
			'GetAccountingRevisionsWithReceiptRequirement',
		]);
		expect(sent[0].body).toContain(
			'<companySelector xmlns:b="http://schemas.datacontract.org/2004/07/Vitec.Ekonomi.Services"><b:CompanyId>101</b:CompanyId></companySelector><integrationId>N8N</integrationId><revisionReciept xmlns:b="http://schemas.datacontract.org/2004/07/Vitec.Ekonomi.Services"><b:BatchId>0</b:BatchId><b:EventIds><a:long>1</a:long><a:long>3</a:long><a:long>4</a:long></b:EventIds></revisionReciept>',
		);
		expect(
			items.map((item) => [
				item.json.companyId,
				item.json.acknowledged,
				item.json.verified,
				item.pairedItem,
			]),
		).toEqual([
			[101, 3, true, { item: 1 }],
			[102, 1, true, { item: 2 }],
		]);
	});

	it("the receipt names and namespace come from the credential's advanced settings", async () => {
		const sent: Sent[] = [];
		soap(
			ACC,
			envelope('<SendProofOfReceiptForRevisionsResponse xmlns="http://tempuri.org/"/>'),
			200,
			sent,
		);
		await run(
			{ resource: 'revision', operation: 'acknowledge' },
			[{ integrationId: 'N8N', companyId: 101, eventId: 1 }],
			{
				credentials: {
					advanced: true,
					receiptParameterName: 'receipt',
					receiptEventIdsMember: 'Events',
					receiptBatchIdMember: 'Batch',
					typeNamespaces: '{"RevisionReciept": "urn:receipts"}',
				},
			},
		);
		expect(sent[0].body).toContain(
			'<receipt xmlns:b="urn:receipts"><b:Batch>0</b:Batch><b:Events><a:long>1</a:long></b:Events></receipt>',
		);
		const bad = await run(
			{ resource: 'revision', operation: 'acknowledge' },
			[{ integrationId: 'N8N', companyId: 101, eventId: 1 }],
			{ credentials: { advanced: true, typeNamespaces: '{"Receipt": "urn:x"}' } },
		);
		expect(bad.error?.message).toMatch(
			/Data Contract Namespaces per Type: "Receipt" is not one of CompanySelector, RevisionReciept/,
		);
	});

	it('a bad event id stops before any request; with Continue On Fail only that item fails', async () => {
		const bad = await run({ resource: 'revision', operation: 'acknowledge' }, [
			{ integrationId: 'N8N', companyId: 101, eventId: 'x1' },
		]);
		expect(bad.error?.message).toBe(
			'Event IDs: "x1" is not an event id (whole numbers only) [item 0]',
		);
		expect(bad.error?.name).toBe('NodeOperationError');

		const sent: Sent[] = [];
		soap(
			ACC,
			envelope('<SendProofOfReceiptForRevisionsResponse xmlns="http://tempuri.org/"/>'),
			200,
			sent,
		);
		const partial = await run(
			{ resource: 'revision', operation: 'acknowledge' },
			[
				{ integrationId: 'N8N', companyId: 101, eventId: 5 },
				{ integrationId: 'N8N', companyId: 101 },
			],
			{ onError: 'continueRegularOutput' },
		);
		expect(partial.items.map((item) => item.json.error ?? item.json.acknowledged)).toEqual([
			1,
			expect.stringMatching(/Event IDs: is required/),
		]);
		expect(partial.items[1].pairedItem).toEqual({ item: 1 });
		expect(sent).toHaveLength(1);
	});
});

describe('Revision → Get and Acknowledge', () => {
	it('fetches and confirms batch after batch until Vitec returns nothing', async () => {
		const sent: Sent[] = [];
		soap(
			SUP,
			answer(
				'GetSupplierRevisionsWithReceiptRequirement',
				`<b:RevisionResult>${revision(1, 'New', '<b:SupplierId>L1</b:SupplierId>')}</b:RevisionResult>`,
			),
			200,
			sent,
		);
		soap(
			SUP,
			envelope('<SendProofOfReceiptForRevisionsResponse xmlns="http://tempuri.org/"/>'),
			200,
			sent,
		);
		soap(
			SUP,
			answer(
				'GetSupplierRevisionsWithReceiptRequirement',
				`<b:RevisionResult>${revision(2, 'Changed', '<b:SupplierId>L1</b:SupplierId>')}</b:RevisionResult>`,
			),
			200,
			sent,
		);
		soap(
			SUP,
			envelope('<SendProofOfReceiptForRevisionsResponse xmlns="http://tempuri.org/"/>'),
			200,
			sent,
		);
		soap(
			SUP,
			answer('GetSupplierRevisionsWithReceiptRequirement', '<b:RevisionResult/>'),
			200,
			sent,
		);
		const { items, error } = await run({
			resource: 'revision',
			operation: 'getAndAcknowledge',
			integrationId: 'N8N',
			informationType: 'supplier',
			companyId: '101',
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.eventId, item.json.action, item.json.key])).toEqual([
			[1, 'new', '101|L1'],
			[2, 'changed', '101|L1'],
		]);
		expect(sent.map((request) => /<s:Body><(\w+)/.exec(request.body)?.[1])).toEqual([
			'GetSupplierRevisionsWithReceiptRequirement',
			'SendProofOfReceiptForRevisions',
			'GetSupplierRevisionsWithReceiptRequirement',
			'SendProofOfReceiptForRevisions',
			'GetSupplierRevisionsWithReceiptRequirement',
		]);
	});

	it('a failure after a confirmed batch still returns that batch, then says where it stopped', async () => {
		soap(
			SUP,
			answer(
				'GetSupplierRevisionsWithReceiptRequirement',
				`<b:RevisionResult>${revision(1, 'New', '<b:SupplierId>L1</b:SupplierId>')}</b:RevisionResult>`,
			),
		);
		soap(SUP, envelope('<SendProofOfReceiptForRevisionsResponse xmlns="http://tempuri.org/"/>'));
		soap(SUP, fault(['Servern är upptagen.']), 500);
		const { items, error } = await run({
			resource: 'revision',
			operation: 'getAndAcknowledge',
			integrationId: 'N8N',
			informationType: 'supplier',
			companyId: '101',
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0].json.eventId).toBe(1);
		expect(items[1].json).toMatchObject({
			stoppedEarly: true,
			description: expect.stringContaining('Servern är upptagen.'),
		});
	});
});

describe('Company → List and Master Data → Get Many', () => {
	it('lists companies, optionally only active ones', async () => {
		const companies =
			'<b:Company><b:CompanyId>101</b:CompanyId><b:Name>Fastighets AB</b:Name><b:CorporateId>556677-8899</b:CorporateId><b:Active>true</b:Active></b:Company>' +
			'<b:Company><b:CompanyId>103</b:CompanyId><b:Name>Vilande AB</b:Name><b:CorporateId>556000-2222</b:CorporateId><b:Active>false</b:Active></b:Company>';
		soap(ACC, answer('GetCompanies', companies));
		soap(ACC, answer('GetCompanies', companies));
		const all = await run({ resource: 'company', operation: 'list' });
		expect(all.items.map((item) => item.json)).toEqual([
			{ CompanyId: 101, Name: 'Fastighets AB', CorporateId: '556677-8899', Active: true },
			{ CompanyId: 103, Name: 'Vilande AB', CorporateId: '556000-2222', Active: false },
		]);
		const active = await run({ resource: 'company', operation: 'list', onlyActive: true });
		expect(active.items.map((item) => item.json.CompanyId)).toEqual([101]);
	});

	it('gets all customers of a company from the customer service', async () => {
		const sent: Sent[] = [];
		soap(
			CUS,
			answer(
				'GetAllCustomers',
				'<b:Customer><b:CompanyId>101</b:CompanyId><b:CustomerId>K1</b:CustomerId><b:Name>Andersson; Anna</b:Name></b:Customer>',
			),
			200,
			sent,
		);
		const { items, error } = await run({
			resource: 'masterData',
			operation: 'getAll',
			dataType: 'customer',
			companyId: '101',
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ CompanyId: 101, CustomerId: 'K1', Name: 'Andersson; Anna' });
		expect(sent[0].headers.soapaction).toBe(
			'"http://tempuri.org/ICustomerService/GetAllCustomers"',
		);
	});
});

describe('credential', () => {
	it('defining the credential loads no SOAP or XML code (only the small security module)', () => {
		// A fresh process, as n8n loading the package's credentials: which of our files does it load?
		const script =
			"require('./dist/credentials/VitecEkonomiApi.credentials.js'); console.log(JSON.stringify(Object.keys(require.cache).filter((f) => f.includes('/dist/'))))";
		// A test only (never shipped): a child process is the one way to see what loading the credential loads.
		/* eslint-disable @typescript-eslint/no-require-imports, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
		const loaded = JSON.parse(
			require('node:child_process')
				.execFileSync(process.execPath, ['-e', script], { cwd: `${__dirname}/../..` })
				.toString(),
		) as string[];
		/* eslint-enable @typescript-eslint/no-require-imports, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
		const ours = loaded.map((file) => file.slice(file.indexOf('/dist/') + 6)).sort();
		expect(ours).toEqual([
			'credentials/VitecEkonomiApi.credentials.js',
			'nodes/Vitec/config.js',
			'nodes/Vitec/security.js',
		]);
	});
});
