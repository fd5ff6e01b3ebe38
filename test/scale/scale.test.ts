/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions, no-console --
   Test code that drives a real n8n in queue mode (child processes: main, workers) and prints how the executions spread over the workers. Never shipped. */
/**
 * Scale-out on n8n's own queue mode: one main process (webhooks, triggers, REST), two workers that run the
 * executions, Redis as the queue and PostgreSQL as n8n's database (Debian's packages, private instances on
 * 127.0.0.1). The package is installed as a community package, exactly as in e2e.
 *
 * Proves: a 10,000-order Smartup job sent as 10 webhook calls is spread over both workers and lands exactly
 * once (same orders as the single-process run makes); the Vitec trigger in On Emit mode polls in the main
 * process only, so no revision is emitted twice; Symfonia executions running at once on two workers wait for
 * the user's one session slot instead of failing ("Liczba instancji" = 1 in the sandbox).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { startSandboxes, type RunningSandboxes } from '../emulators';
import type { SmartupEmulator } from '../emulators/smartup';
import type { SymfoniaEmulator } from '../emulators/symfonia';
import { accountingRow, type VitecEmulator } from '../emulators/vitec';
import type { E2eRun } from '../e2e/cases';
import {
	activateWorkflow,
	freePort,
	importIntoN8n,
	ownerSession,
	prepareN8n,
	publicApiKey,
	ROOT,
	startServer,
	stopServer,
	waitForExecutions,
	type N8nInstance,
} from '../e2e/n8n';
import { attachSandboxCredentials, workflowIdFor } from '../e2e/workflows';
import { queueServices, startPostgres, startRedis, type Service } from './services';

const WORKFLOWS = {
	smartup: 'test/scale/workflows/smartup-orders-webhook.json',
	vitec: 'test/e2e/workflows/vitec-trigger-on-emit.json',
	symfonia: 'test/scale/workflows/symfonia-contractors-webhook.json',
};
const ORDER = '/b/trade/txs/tdeal/order';
const WORKERS = 2;

interface Worker {
	name: string;
	child: ChildProcess;
	log: () => string;
}

let sandboxes: RunningSandboxes;
let n8n: N8nInstance;
let services: Service[] = [];
let main: ChildProcess | undefined;
const workers: Worker[] = [];
let apiKey = '';

function errorsOf(runs: E2eRun[]) {
	return runs.map((run) => run.data.resultData.error?.message).filter(Boolean);
}

function itemsOf(runs: E2eRun[], node: string) {
	return runs
		.flatMap((run) => run.data.resultData.runData[node]?.[0]?.data?.main?.[0] ?? [])
		.map((item) => item.json);
}

/** Execution ids each worker started, read from its own log ("Worker started execution 12 (job 12)"). */
function executionsByWorker(): Record<string, string[]> {
	return Object.fromEntries(
		workers.map((worker) => [
			worker.name,
			[...worker.log().matchAll(/Worker started execution (\d+)/g)].map((match) => match[1]),
		]),
	);
}

async function startWorker(name: string): Promise<Worker> {
	// Each worker runs its own task-runner broker: it needs a port of its own.
	const env = { ...n8n.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
	const child = spawn(n8n.n8nBin, ['worker', '--concurrency=5'], {
		env,
		cwd: n8n.userFolder,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let log = '';
	child.stdout?.on('data', (chunk) => (log += chunk));
	child.stderr?.on('data', (chunk) => (log += chunk));
	const deadline = Date.now() + 180_000;
	while (!log.includes('n8n worker is now ready')) {
		if (child.exitCode !== null || Date.now() > deadline)
			throw new Error(`n8n worker ${name} did not start:\n${log.slice(-3000)}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return { name, child, log: () => log };
}

async function postWebhook(webhookPath: string, body: unknown): Promise<number> {
	const response = await fetch(`http://127.0.0.1:${n8n.env.N8N_PORT}/webhook/${webhookPath}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});
	await response.text();
	return response.status;
}

beforeAll(async () => {
	const found = queueServices();
	if ('missing' in found)
		throw new Error(`Queue mode cannot be tested on this machine: ${found.missing}`);
	const [postgres, redis] = [
		await startPostgres(found.pgBin, 'n8n', 'n8n'),
		await startRedis(found.redisServer),
	];
	services = [redis, postgres];
	sandboxes = await startSandboxes();

	n8n = prepareN8n({ port: await freePort() });
	Object.assign(n8n.env, {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: 'n8n',
		DB_POSTGRESDB_USER: 'n8n',
		DB_POSTGRESDB_PASSWORD: '',
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
	});

	const workflows = Object.values(WORKFLOWS).map((file) => {
		const workflow = JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
		attachSandboxCredentials(workflow, sandboxes.credentials);
		return { id: workflowIdFor(file), workflow };
	});
	await importIntoN8n(n8n, sandboxes.credentials, workflows);
	for (const { id } of workflows) await activateWorkflow(n8n, id);

	main = await startServer(n8n);
	for (let index = 1; index <= WORKERS; index++) workers.push(await startWorker(`worker ${index}`));
	const { cookie } = await ownerSession(n8n);
	apiKey = await publicApiKey(n8n, cookie);
}, 15 * 60_000);

afterAll(async () => {
	await Promise.all(workers.map(async (worker) => await stopServer(worker.child)));
	if (main) await stopServer(main);
	await sandboxes?.stop();
	for (const service of services) await service.stop();
}, 120_000);

it(
	'10,000 Smartup orders sent as 10 webhook calls run on both workers and land exactly once',
	async () => {
		const smartup = sandboxes.emulators.smartup as SmartupEmulator;
		const importsBefore = smartup.requestsTo(/order\$import$/).length;
		const quantOf = (batch: number, index: number) => ((batch * 1000 + index) % 7) + 1;
		const statuses = await Promise.all(
			Array.from(
				{ length: 10 },
				async (_, batch) =>
					await postWebhook('scale-smartup-orders', {
						orders: Array.from({ length: 1000 }, (__, index) => ({
							id: `scale-${batch}-${index}`,
							quant: quantOf(batch, index),
						})),
					}),
			),
		);
		expect(statuses).toEqual(Array(10).fill(200));

		const runs = await waitForExecutions(
			n8n,
			apiKey,
			workflowIdFor(WORKFLOWS.smartup),
			10,
			600_000,
		);
		expect(errorsOf(runs)).toEqual([]);
		expect(runs.map((run) => run.finished)).toEqual(Array(10).fill(true));
		const results = itemsOf(runs, 'Create orders');
		expect(results).toHaveLength(10_000);
		expect(results.filter((item) => item.success !== true)).toEqual([]);

		// What Smartup holds: every order once, with the quantity its item carried.
		const stored = [...smartup.docs(ORDER).values()].filter((row) =>
			String(row.external_id).startsWith('scale-'),
		);
		expect(stored).toHaveLength(10_000);
		expect(new Set(stored.map((row) => row.external_id)).size).toBe(10_000);
		const wrongQuantity = stored.filter((row) => {
			const [, batch, index] = String(row.external_id).split('-').map(Number);
			return (
				(row.order_products as Array<{ order_quant: string }>)[0].order_quant !==
				String(quantOf(batch, index))
			);
		});
		expect(wrongQuantity).toEqual([]);
		// Batched: one import request per execution of 1,000 orders (the batch holds up to 5,000).
		expect(smartup.requestsTo(/order\$import$/).length - importsBefore).toBe(10);

		const byWorker = executionsByWorker();
		console.log(
			`Smartup executions per worker: ${JSON.stringify(Object.fromEntries(Object.entries(byWorker).map(([name, ids]) => [name, ids.length])))}`,
		);
		for (const ids of Object.values(byWorker)) expect(ids.length).toBeGreaterThan(0);
	},
	15 * 60_000,
);

it(
	'the Vitec trigger (On Emit) polls in the main process only: 3,000 revisions in two bursts, each emitted once',
	async () => {
		const vitec = sandboxes.emulators.vitec as VitecEmulator;
		// Company 103 is the only company in E2E-ONEMIT's Prenumeration (test/emulators/vitec.ts).
		const feed = (from: number) => {
			for (let voucher = from; voucher < from + 1500; voucher++)
				vitec.upsert('Accounting', 103, accountingRow(103, voucher));
		};
		feed(20_000);
		const vitecRuns = async (wanted = 1) =>
			await waitForExecutions(n8n, apiKey, workflowIdFor(WORKFLOWS.vitec), wanted, 180_000);
		await vitecRuns();
		feed(30_000);
		// One poll per minute; a poll may emit less than all that is waiting. Wait until 3,000 were emitted.
		const deadline = Date.now() + 300_000;
		let all = await vitecRuns();
		while (itemsOf(all, 'Vitec Ekonomi Trigger').length < 3000 && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 2_000));
			all = await vitecRuns();
		}
		// The receipts for the last emit are sent by the poll after it (docs/vitec.md "Delivery guarantee").
		while (vitec.pendingCount('E2E-ONEMIT') > 0 && Date.now() < deadline + 90_000)
			await new Promise((resolve) => setTimeout(resolve, 2_000));
		// Give a duplicate poll (if any other process polled too) the time to show up before judging.
		await new Promise((resolve) => setTimeout(resolve, 5_000));
		all = await vitecRuns();

		expect(errorsOf(all)).toEqual([]);
		const emitted = itemsOf(all, 'Vitec Ekonomi Trigger');
		const keys = emitted.map((item) => String(item.key));
		expect(keys).toHaveLength(3000);
		expect(new Set(keys).size).toBe(3000);
		expect(new Set(emitted.map((item) => item.eventId)).size).toBe(3000);
		expect(itemsOf(all, 'Keep')).toHaveLength(3000);
		expect(vitec.pendingCount('E2E-ONEMIT')).toBe(0);
		// Only workers ran these executions; the main process only polled.
		const ranOnWorkers = Object.values(executionsByWorker()).flat().length;
		expect(ranOnWorkers).toBeGreaterThanOrEqual(10 + all.length);
	},
	10 * 60_000,
);

it(
	'Symfonia executions on both workers at once share the one session slot ("Liczba instancji" = 1) by waiting, not failing',
	async () => {
		const symfonia = sandboxes.emulators.symfonia as SymfoniaEmulator;
		const openedBefore = symfonia.openedSessions;
		const opensBefore = symfonia.requestsTo(/OpenNewSession/).length;
		let mostAtOnce = 0;
		const watch = setInterval(
			() => (mostAtOnce = Math.max(mostAtOnce, symfonia.liveSessions().length)),
			20,
		);
		const batches = 6;
		const statuses = await Promise.all(
			Array.from(
				{ length: batches },
				async (_, batch) =>
					await postWebhook('scale-symfonia-contractors', {
						contractors: Array.from({ length: 20 }, (__, index) => ({
							code: `SC-${batch}-${index}`,
							name: `Scale contractor ${batch}/${index}`,
							city: 'Łódź',
						})),
					}),
			),
		);
		expect(statuses).toEqual(Array(batches).fill(200));
		const runs = await waitForExecutions(
			n8n,
			apiKey,
			workflowIdFor(WORKFLOWS.symfonia),
			batches,
			600_000,
		);
		clearInterval(watch);

		expect(errorsOf(runs)).toEqual([]);
		expect(itemsOf(runs, 'Create or update contractor').map((item) => item.symfoniaAction)).toEqual(
			Array(batches * 20).fill('created'),
		);
		const stored = symfonia.contractors.filter((contractor) =>
			String(contractor.Code).startsWith('SC-'),
		);
		expect(stored).toHaveLength(batches * 20);
		expect(new Set(stored.map((contractor) => contractor.Code)).size).toBe(batches * 20);
		// One session per execution, never two at once, all closed again.
		expect(symfonia.openedSessions - openedBefore).toBe(batches);
		expect(mostAtOnce).toBe(1);
		console.log(
			`Symfonia: ${symfonia.requestsTo(/OpenNewSession/).length - opensBefore - batches} session openings refused while the slot was taken, then retried`,
		);
		expect(symfonia.liveSessions()).toHaveLength(0);
		const workersUsed = Object.values(executionsByWorker()).filter((ids) => ids.length > 0).length;
		expect(workersUsed).toBe(WORKERS);
	},
	10 * 60_000,
);
