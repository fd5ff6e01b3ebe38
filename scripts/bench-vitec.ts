/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, no-console --
   Benchmark script (never shipped): timers, process memory, console output and a child process for the emulator
   (so that the trigger side's memory is measured apart) are the point. */
/**
 * Vitec Ekonomi benchmark: `npx ts-node --transpile-only scripts/bench-vitec.ts [revisions]` (after `npm run build`).
 * 1. Drains N revisions (default 100,000) across 3 companies and 3 information types from the emulator
 *    with the compiled trigger's poll() in "on emit" mode (one batch of ≤5000 per type and company per poll,
 *    the receipts at the next poll), checks every revision arrived exactly once and the queue is empty, prints
 *    revisions/s and the peak memory of the trigger side; the emulator runs in a child process, measured apart.
 * 2. Times the node's XML reader against fast-xml-parser on the same 5000-row SOAP answer (ratio; ≤ 1.0
 *    means ours is at least as fast).
 * The poll context here is a small stand-in for n8n's (parameters, static data, credentials, and
 * httpRequestWithAuthentication = the credential's authenticate + fetch), so HTTP client costs differ a
 * little from n8n's axios.
 */
import { fork } from 'node:child_process';

import { XMLParser } from 'fast-xml-parser';

import { VitecEmulator, accountingRow } from '../test/emulators/vitec';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pollRevisions } = require('../dist/nodes/Vitec/trigger/poll.js') as {
	pollRevisions: (this: unknown) => Promise<Array<Array<{ json: Record<string, unknown> }>> | null>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseXml } = require('../dist/nodes/common/xml.js') as {
	parseXml: (xml: string) => unknown;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { applySecurity } = require('../dist/nodes/Vitec/soap.js') as {
	applySecurity: (
		c: object,
		r: { body?: unknown; headers?: Record<string, string> },
	) => { body?: string; headers?: Record<string, string> };
};

/** The trigger's Max Batches per Poll: bounds the items of one poll, so the trigger side's peak memory. */
const MAX_BATCHES = Number(process.env.VITEC_BENCH_MAX_BATCHES ?? 10);
const TOTAL = Number(process.argv[2] === '--emulator' ? 0 : (process.argv[2] ?? 100_000));

let peakRss = 0;
let peakHeap = 0;
const sample = () => {
	const usage = process.memoryUsage();
	peakRss = Math.max(peakRss, usage.rss);
	peakHeap = Math.max(peakHeap, usage.heapUsed);
};

function pollContext(
	baseUrl: string,
	credentials: Record<string, string>,
	parameters: Record<string, unknown>,
	staticData: Record<string, unknown>,
) {
	return {
		getMode: () => 'trigger',
		getNode: () => ({
			id: 'bench-trigger',
			name: 'Vitec Ekonomi Trigger',
			type: 'vitecEkonomiTrigger',
			typeVersion: 1,
			parameters: {},
		}),
		getWorkflow: () => ({ id: 'bench', name: 'bench', active: true }),
		getNodeParameter: (name: string, fallback: unknown) => parameters[name] ?? fallback,
		// One object for the whole activation, as n8n keeps the workflow's static data between polls.
		getWorkflowStaticData: () => staticData,
		getCredentials: async () => ({ ...credentials, baseUrl }),
		logger: { warn: (message: string) => console.warn(message) },
		helpers: {
			httpRequestWithAuthentication: async (
				_type: string,
				options: { url: string; method: string; body?: string; headers?: Record<string, string> },
			) => {
				const signed = applySecurity(credentials, options);
				const response = await fetch(options.url, {
					method: options.method,
					body: signed.body,
					headers: signed.headers,
				});
				const body = await response.text();
				sample();
				return { statusCode: response.status, headers: Object.fromEntries(response.headers), body };
			},
		},
	};
}

/** The emulator in a child process, so that the memory measured here is the trigger's alone. */
interface EmulatorProcess {
	baseUrl: string;
	credentials: Record<string, string>;
	ask: (
		question: 'pending' | 'stats',
	) => Promise<{ pending: number; requests: number; peakRss: number }>;
	stop: () => void;
}

async function startEmulatorProcess(total: number): Promise<EmulatorProcess> {
	const child = fork(__filename, ['--emulator', String(total)], {
		execArgv: ['-r', 'ts-node/register/transpile-only'],
		stdio: 'inherit',
	});
	const ready = await new Promise<{ baseUrl: string; username: string; password: string }>(
		(resolve) => child.once('message', (message) => resolve(message as never)),
	);
	const ask = (question: 'pending' | 'stats') =>
		new Promise<{ pending: number; requests: number; peakRss: number }>((resolve) => {
			child.once('message', (message) => resolve(message as never));
			child.send(question);
		});
	return {
		baseUrl: ready.baseUrl,
		credentials: { username: ready.username, password: ready.password },
		ask,
		stop: () => child.kill(),
	};
}

/** Child side: 100,000 revisions across 3 companies and 3 types, answered over HTTP; answers the parent's questions. */
async function emulatorProcess(total: number): Promise<void> {
	const emulator = new VitecEmulator();
	await emulator.start();
	emulator.subscribe('BENCH', { types: ['Accounting', 'Supplier', 'Customer'] });
	const companies = [101, 102, 103];
	for (let i = 0; i < total; i++) {
		const companyId = companies[i % 3];
		const kind = i % 10;
		if (kind < 8) emulator.upsert('Accounting', companyId, accountingRow(companyId, i + 1));
		else if (kind === 8)
			emulator.upsert('Supplier', companyId, {
				SupplierId: `L${i}`,
				Name: `Leverantör ${i} & Co`,
				BankGiro: '5050-1055',
			});
		else
			emulator.upsert('Customer', companyId, {
				CustomerId: `K${i}`,
				Name: `Kund ${i}; Anna`,
				City: 'Göteborg',
			});
	}
	let peakRss = process.memoryUsage().rss;
	const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
	process.on('message', (question) => {
		peakRss = Math.max(peakRss, process.memoryUsage().rss);
		process.send!({
			pending: emulator.pendingCount('BENCH'),
			requests: emulator.requests.length,
			peakRss,
			question,
		});
	});
	process.on('disconnect', () => {
		clearInterval(timer);
		void emulator.stop();
	});
	process.send!({
		baseUrl: emulator.baseUrl,
		username: emulator.username,
		password: emulator.password,
	});
}

async function drain(): Promise<void> {
	const started = Date.now();
	const emulator = await startEmulatorProcess(TOTAL);
	console.log(
		`emulator (its own process) loaded with ${(await emulator.ask('pending')).pending} revisions in ${Date.now() - started} ms`,
	);
	if (global.gc) global.gc();
	const baseRss = process.memoryUsage().rss;

	const parameters = {
		integrationId: 'BENCH',
		informationTypes: ['accounting', 'supplier', 'customer'],
		companySelection: 'all',
		acknowledgeMode: 'onEmit',
		dimension: 'All',
		options: { maxBatchesPerPoll: MAX_BATCHES },
	};
	console.log(`Max Batches per Poll: ${MAX_BATCHES} (VITEC_BENCH_MAX_BATCHES)`);
	const staticData: Record<string, unknown> = {};
	const seen = new Set<string>();
	let duplicates = 0;
	let polls = 0;
	const t0 = process.hrtime.bigint();
	// As n8n's polls of one activation, back to back; the last poll only sends the receipts and finds nothing.
	for (;;) {
		const result = await pollRevisions.call(
			pollContext(emulator.baseUrl, emulator.credentials, parameters, staticData),
		);
		polls++;
		for (const item of result?.[0] ?? []) {
			const id = String(item.json.eventId);
			if (seen.has(id)) duplicates++;
			seen.add(id);
		}
		sample();
		if ((!result && (await emulator.ask('pending')).pending === 0) || polls >= 1000) break;
	}
	const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
	const stats = await emulator.ask('stats');
	emulator.stop();
	console.log(
		`drained ${seen.size} revisions (${duplicates} duplicates, ${stats.pending} left) in ${polls} polls, ${stats.requests} SOAP calls, ${seconds.toFixed(2)} s`,
	);
	console.log(`throughput: ${Math.round(seen.size / seconds)} revisions/s`);
	console.log(
		`peak RSS of the trigger side ${(peakRss / 2 ** 20).toFixed(0)} MiB (before draining ${(baseRss / 2 ** 20).toFixed(0)} MiB), peak heap ${(peakHeap / 2 ** 20).toFixed(0)} MiB; the emulator's process apart: peak RSS ${(stats.peakRss / 2 ** 20).toFixed(0)} MiB`,
	);
	if (seen.size !== TOTAL || duplicates || stats.pending) {
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
				'<companySelector xmlns:b="http://schemas.datacontract.org/2004/07/Vitec.Ekonomi.Services"><b:CompanyId>101</b:CompanyId></companySelector><integrationId>XML</integrationId><dimension>All</dimension><batchId>0</batchId></GetAccountingRevisionsWithReceiptRequirement></s:Body></s:Envelope>',
		},
	).body;
	const response = await fetch(`${emulator.baseUrl}/VitecEkonomiServices/AccountingService.svc`, {
		method: 'POST',
		body,
		headers: {
			'Content-Type': 'text/xml; charset=utf-8',
			SOAPAction:
				'"http://tempuri.org/IAccountingService/GetAccountingRevisionsWithReceiptRequirement"',
		},
	});
	const xml = await response.text();
	await emulator.stop();
	const oracle = new XMLParser({
		ignoreAttributes: false,
		parseTagValue: false,
		processEntities: true,
	});
	const time = (fn: () => unknown, runs: number) => {
		for (let i = 0; i < 3; i++) fn();
		const start = process.hrtime.bigint();
		for (let i = 0; i < runs; i++) fn();
		return Number(process.hrtime.bigint() - start) / 1e6 / runs;
	};
	const ours = time(() => parseXml(xml), 20);
	const theirs = time(() => oracle.parse(xml), 20);
	console.log(
		`XML reader on one 5000-row answer (${(xml.length / 2 ** 20).toFixed(2)} MiB): ours ${ours.toFixed(1)} ms, fast-xml-parser ${theirs.toFixed(1)} ms, ratio ${(ours / theirs).toFixed(2)}`,
	);
}

if (process.argv[2] === '--emulator') {
	void emulatorProcess(Number(process.argv[3]));
} else {
	void (async () => {
		await drain();
		await xmlRatio();
	})();
}
