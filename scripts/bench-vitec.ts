/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console --
   Benchmark script (never shipped): timers, process memory and console output are the point. */
/**
 * Vitec Ekonomi benchmark: `npx ts-node --transpile-only scripts/bench-vitec.ts [revisions]` (after `npm run build`).
 * 1. Drains N revisions (default 100,000) across 3 companies and 3 information types from the emulator
 *    with the compiled trigger's poll() in "on emit" mode (10 batches of ≤5000 per poll), checks every
 *    revision arrived exactly once and the queue is empty, prints revisions/s and peak memory.
 * 2. Times the node's XML reader against fast-xml-parser on the same 5000-row SOAP answer (ratio; ≤ 1.0
 *    means ours is at least as fast).
 * The poll context here is a small stand-in for n8n's (parameters, static data, credentials, and
 * httpRequestWithAuthentication = the credential's authenticate + fetch), so HTTP client costs differ a
 * little from n8n's axios; the emulator runs in the same process and its memory is included.
 */
import { XMLParser } from 'fast-xml-parser';

import { VitecEmulator, accountingRow } from '../test/emulators/vitec';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pollRevisions } = require('../dist/nodes/Vitec/trigger/poll.js') as { pollRevisions: (this: unknown) => Promise<Array<Array<{ json: Record<string, unknown> }>> | null> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseXml } = require('../dist/nodes/common/xml.js') as { parseXml: (xml: string) => unknown };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { applySecurity } = require('../dist/nodes/Vitec/soap.js') as { applySecurity: (c: object, r: { body?: unknown; headers?: Record<string, string> }) => { body?: string; headers?: Record<string, string> } };

const TOTAL = Number(process.argv[2] ?? 100_000);

let peakRss = 0;
let peakHeap = 0;
const sample = () => {
	const usage = process.memoryUsage();
	peakRss = Math.max(peakRss, usage.rss);
	peakHeap = Math.max(peakHeap, usage.heapUsed);
};

function pollContext(emulator: VitecEmulator, parameters: Record<string, unknown>, staticData: Record<string, unknown>) {
	const credentials = { username: emulator.username, password: emulator.password, baseUrl: emulator.baseUrl };
	return {
		getMode: () => 'trigger',
		getNode: () => ({ name: 'Vitec Ekonomi Trigger', type: 'vitecEkonomiTrigger', typeVersion: 1, parameters: {} }),
		getNodeParameter: (name: string, fallback: unknown) => parameters[name] ?? fallback,
		getWorkflowStaticData: () => staticData,
		getCredentials: async () => credentials,
		logger: { warn: (message: string) => console.warn(message) },
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: { url: string; method: string; body?: string; headers?: Record<string, string> }) => {
				const signed = applySecurity(credentials, options);
				const response = await fetch(options.url, { method: options.method, body: signed.body, headers: signed.headers });
				const body = await response.text();
				sample();
				return { statusCode: response.status, headers: Object.fromEntries(response.headers), body };
			},
		},
	};
}

async function drain(): Promise<void> {
	const emulator = new VitecEmulator();
	await emulator.start();
	emulator.subscribe('BENCH', { types: ['Accounting', 'Supplier', 'Customer'] });
	const companies = [101, 102, 103];
	const started = Date.now();
	for (let i = 0; i < TOTAL; i++) {
		const companyId = companies[i % 3];
		const kind = i % 10;
		if (kind < 8) emulator.upsert('Accounting', companyId, accountingRow(companyId, i + 1));
		else if (kind === 8) emulator.upsert('Supplier', companyId, { SupplierId: `L${i}`, Name: `Leverantör ${i} & Co`, BankGiro: '5050-1055' });
		else emulator.upsert('Customer', companyId, { CustomerId: `K${i}`, Name: `Kund ${i}; Anna`, City: 'Göteborg' });
	}
	console.log(`emulator loaded with ${emulator.pendingCount('BENCH')} revisions in ${Date.now() - started} ms`);
	if (global.gc) global.gc();
	const baseRss = process.memoryUsage().rss;

	const parameters = { integrationId: 'BENCH', informationTypes: ['accounting', 'supplier', 'customer'], companySelection: 'all', acknowledgeMode: 'onEmit', dimension: 'All', options: { maxBatchesPerPoll: 10 } };
	const seen = new Set<string>();
	let duplicates = 0;
	let polls = 0;
	const t0 = process.hrtime.bigint();
	while (emulator.pendingCount('BENCH') > 0 && polls < 1000) {
		const result = await pollRevisions.call(pollContext(emulator, parameters, {}));
		polls++;
		for (const item of result?.[0] ?? []) {
			const id = String(item.json.eventId);
			if (seen.has(id)) duplicates++;
			seen.add(id);
		}
		sample();
	}
	const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
	const requests = emulator.requests.length;
	await emulator.stop();
	console.log(`drained ${seen.size} revisions (${duplicates} duplicates, ${emulator.pendingCount('BENCH')} left) in ${polls} polls, ${requests} SOAP calls, ${seconds.toFixed(2)} s`);
	console.log(`throughput: ${Math.round(seen.size / seconds)} revisions/s`);
	console.log(`peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB (before draining ${(baseRss / 2 ** 20).toFixed(0)} MiB, emulator included), peak heap ${(peakHeap / 2 ** 20).toFixed(0)} MiB`);
	if (seen.size !== TOTAL || duplicates) {
		console.error('FAILED: not every revision arrived exactly once');
		process.exitCode = 1;
	}
}

async function xmlRatio(): Promise<void> {
	const emulator = new VitecEmulator();
	await emulator.start();
	emulator.subscribe('XML', { types: ['Accounting'] });
	for (let i = 0; i < 5000; i++) emulator.upsert('Accounting', 101, accountingRow(101, i + 1));
	const body = applySecurity(
		{ username: emulator.username, password: emulator.password },
		{
			body:
				'<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header><!--vitec:security--></s:Header><s:Body><GetAccountingRevisionsWithReceiptRequirement xmlns="http://tempuri.org/" xmlns:b="urn:b">' +
				'<companySelector><b:CompanyId>101</b:CompanyId></companySelector><integrationId>XML</integrationId><dimension>All</dimension><batchId>0</batchId></GetAccountingRevisionsWithReceiptRequirement></s:Body></s:Envelope>',
		},
	).body;
	const response = await fetch(`${emulator.baseUrl}/VitecEkonomiServices/AccountingService.svc`, {
		method: 'POST',
		body,
		headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: '"http://tempuri.org/IAccountingService/GetAccountingRevisionsWithReceiptRequirement"' },
	});
	const xml = await response.text();
	await emulator.stop();
	const oracle = new XMLParser({ ignoreAttributes: false, parseTagValue: false, processEntities: true });
	const time = (fn: () => unknown, runs: number) => {
		for (let i = 0; i < 3; i++) fn();
		const start = process.hrtime.bigint();
		for (let i = 0; i < runs; i++) fn();
		return Number(process.hrtime.bigint() - start) / 1e6 / runs;
	};
	const ours = time(() => parseXml(xml), 20);
	const theirs = time(() => oracle.parse(xml), 20);
	console.log(`XML reader on one 5000-row answer (${(xml.length / 2 ** 20).toFixed(2)} MiB): ours ${ours.toFixed(1)} ms, fast-xml-parser ${theirs.toFixed(1)} ms, ratio ${(ours / theirs).toFixed(2)}`);
}

void (async () => {
	await drain();
	await xmlRatio();
})();
