/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions, no-console --
   Benchmark script (never shipped): it runs a real n8n as a child process, reads /proc, writes docs/performance.md
   and prints to the console. */
/**
 * `npm run bench`: in ONE real n8n (the pinned version, the packed package installed as a community package),
 * each job in JOBS runs twice against its emulator — once with our node, once with what a user would build
 * instead (n8n's HTTP Request node) — with `n8n execute --id=X --rawOutput`. For each run it reports:
 * - wall time of the execution (n8n's own startedAt → stoppedAt from the raw output; the CLI boot is not in it),
 *   and the time n8n recorded for the node(s) that call the API;
 * - requests the emulator received during the run, and requests per item;
 * - peak memory of the n8n process (VmHWM from /proc/<pid>/status, polled while it runs; it includes n8n's
 *   boot, which is the same for both variants);
 * - whether the job was done (records the emulator holds afterwards);
 * - the ratio ours / theirs.
 * Then the package's weight: the packed tarball, and n8n's boot-and-load time with this package against an
 * empty community package (median of several `n8n execute` runs of a one-node workflow), plus the time Node
 * needs to require our compiled nodes and credentials. Results go to docs/performance.md.
 *
 * Adding a system = one entry in JOBS (two workflow files in scripts/bench/workflows/, the baseline's
 * credentials and how to count what was done). BENCH_ITEMS overrides the item count (default 1000), BENCH_REPEAT
 * the number of runs per variant (default 3; medians are shown, every run's wall time is listed).
 * This is a measurement, not a test: nothing here asserts a time.
 */
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Emulator } from '../test/emulators/base';
import type { FirminoEmulator } from '../test/emulators/firmino';
import type { IFirmaEmulator } from '../test/emulators/ifirma';
import type { SmartupEmulator } from '../test/emulators/smartup';
import { accountingRow, type VitecEmulator } from '../test/emulators/vitec';
import { startSandboxes, type RunningSandboxes, type SandboxCredential } from '../test/emulators';
import type { SymfoniaEmulator } from '../test/emulators/symfonia';
import {
	freePort,
	importIntoN8n,
	parseRawOutput,
	prepareN8n,
	ROOT,
	type N8nInstance,
} from '../test/e2e/n8n';
import { attachSandboxCredentials } from '../test/e2e/workflows';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 1000);
/** Only the jobs whose key (or system) matches this comma list, e.g. BENCH_JOBS=firmino,symfonia (default: all). */
const ONLY = (process.env.BENCH_JOBS ?? '')
	.split(',')
	.map((name) => name.trim().toLowerCase())
	.filter(Boolean);
/** A folder: every n8n execute of a job run writes a V8 CPU profile there (--cpu-prof), for finding per-item costs. */
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF;
/** 99 invoices + one accounting-month read = the 100 requests a minute iFirma allows (see the doc's iFirma note). */
const IFIRMA_ITEMS = Number(process.env.BENCH_IFIRMA_ITEMS ?? 99);
/** Each variant runs this many times, alternating ours / baseline; the tables show medians. */
const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3));
const WORKFLOW_DIR = path.join(__dirname, 'bench', 'workflows');
/** The node in each bench workflow that does the per-item API work (our node or the baseline's HTTP Request). */
const API_NODE = 'API';

type Emulators = Record<string, Emulator>;

interface BenchJob {
	/** Unique key of the job (workflow ids, BENCH_JOBS). */
	key: string;
	system: string;
	/** Items of this job; default ITEMS. */
	items?: number;
	/** What the baseline is, for the table. */
	baselineLabel?: string;
	/** Runs before each run of a variant (e.g. loads the revisions a job drains). */
	prepare?: (emulators: Emulators, variant: Variant) => void;
	/** The nodes whose time counts as "API node" and whose last one gives the output items (default: the node named API). */
	apiNodes?: Record<Variant, string[]>;
	/** What the 1,000-item job does, in a few words. */
	job: string;
	/** Key of the emulator in startSandboxes(). */
	emulator: string;
	ourWorkflow: string;
	baselineWorkflow: string;
	/** What the baseline workflow needs: n8n's generic credentials (httpBasicAuth, httpHeaderAuth ...). */
	baselineCredentials: (emulators: Emulators) => SandboxCredential[];
	/** How many of the job's records the emulator holds (counted before and after each run of the variant). */
	done: (emulators: Emulators, variant: Variant) => number;
	/** Anything else worth printing about a run (sessions, overlaps ...), from the emulator. */
	notes?: (emulators: Emulators, before: Record<string, number>) => string;
	snapshot?: (emulators: Emulators) => Record<string, number>;
}

type Variant = 'ours' | 'baseline';

const JOBS: BenchJob[] = [
	{
		key: 'firmino',
		system: 'Firmino',
		job: 'create recurring invoices (one `add` per item)',
		emulator: 'firmino',
		ourWorkflow: 'firmino-ours.json',
		baselineWorkflow: 'firmino-http.json',
		baselineCredentials: ({ firmino }) => [
			{
				id: 'benchFirminoBasic1',
				name: 'Firmino Basic (bench)',
				type: 'httpBasicAuth',
				data: {
					user: (firmino as FirminoEmulator).login,
					password: (firmino as FirminoEmulator).password,
				},
			},
		],
		done: ({ firmino }, variant) =>
			[...(firmino as FirminoEmulator).documents.values()].filter((d) =>
				d.name.startsWith(`CYKLICZNA - Bench ${variant === 'ours' ? 'ours' : 'http'} `),
			).length,
	},
	{
		key: 'symfonia',
		system: 'Symfonia',
		job: 'create Handel contractors (session opened once per run)',
		emulator: 'symfonia',
		ourWorkflow: 'symfonia-ours.json',
		baselineWorkflow: 'symfonia-http.json',
		baselineCredentials: ({ symfonia }) => [
			{
				id: 'benchSymfoniaApp1',
				name: 'Symfonia Application header (bench)',
				type: 'httpHeaderAuth',
				data: {
					name: 'Authorization',
					value: `Application ${(symfonia as SymfoniaEmulator).applicationToken}`,
				},
			},
		],
		done: ({ symfonia }, variant) =>
			(symfonia as SymfoniaEmulator).contractors.filter((c) =>
				String(c.Code).startsWith(variant === 'ours' ? 'BO' : 'BH'),
			).length,
		snapshot: ({ symfonia }) => {
			const s = symfonia as SymfoniaEmulator;
			return { opened: s.openedSessions, closed: s.closedSessions, overlaps: s.overlaps };
		},
		notes: ({ symfonia }, before) => {
			const s = symfonia as SymfoniaEmulator;
			return `sessions opened ${s.openedSessions - before.opened}, closed ${s.closedSessions - before.closed}, overlapping requests ${s.overlaps - before.overlaps}`;
		},
	},
	{
		key: 'ifirma',
		system: 'iFirma',
		job: 'create domestic invoices (one line each; Return Full Document off)',
		// 99 invoices + our node's one accounting-month read = 100 requests: the documented limit of one minute.
		items: IFIRMA_ITEMS,
		baselineLabel: 'HTTP Request 4.2 + Code (HMAC-SHA1)',
		emulator: 'ifirma',
		ourWorkflow: 'ifirma-ours.json',
		baselineWorkflow: 'ifirma-http.json',
		baselineCredentials: () => [],
		apiNodes: { ours: ['API'], baseline: ['Sign', 'API'] },
		prepare: ({ ifirma }) => {
			// The emulator's monthly document quota (1000 by default) is not what is measured here.
			(ifirma as IFirmaEmulator).limit.granted = Number.MAX_SAFE_INTEGER;
		},
		done: ({ ifirma }, variant) =>
			[...(ifirma as IFirmaEmulator).documents.values()].filter((d) =>
				JSON.stringify((d.data as { Pozycje?: unknown }).Pozycje ?? '').includes(
					`Bench ${variant === 'ours' ? 'ours' : 'http'} `,
				),
			).length,
	},
	{
		key: 'smartup',
		system: 'Smartup',
		job: 'create or update products (one `inventory$import` per ≤5000 items)',
		baselineLabel: 'Code (batches of 5000) + HTTP Request 4.2',
		emulator: 'smartup',
		ourWorkflow: 'smartup-ours.json',
		baselineWorkflow: 'smartup-http.json',
		baselineCredentials: ({ smartup }) => [
			{
				id: 'benchSmartupBasic1',
				name: 'Smartup Basic (bench)',
				type: 'httpBasicAuth',
				data: {
					user: (smartup as SmartupEmulator).login,
					password: (smartup as SmartupEmulator).password,
				},
			},
		],
		apiNodes: { ours: ['API'], baseline: ['Batches', 'API'] },
		prepare: ({ smartup }) => {
			// The daily quota (100 reference calls) is not what is measured; both variants stay far below it anyway.
			(smartup as SmartupEmulator).used.reference = 0;
		},
		done: ({ smartup }, variant) => smartupProducts(smartup as SmartupEmulator, variant),
	},
	{
		key: 'smartup12k',
		system: 'Smartup',
		job: 'the same product import with 12,000 items (3 requests of ≤5000)',
		items: 12_000,
		baselineLabel: 'Code (batches of 5000) + HTTP Request 4.2',
		emulator: 'smartup',
		ourWorkflow: 'smartup-ours.json',
		baselineWorkflow: 'smartup-http.json',
		baselineCredentials: () => [],
		apiNodes: { ours: ['API'], baseline: ['Batches', 'API'] },
		prepare: ({ smartup }) => {
			(smartup as SmartupEmulator).used.reference = 0;
		},
		done: ({ smartup }, variant) => smartupProducts(smartup as SmartupEmulator, variant),
	},
	{
		key: 'vitec',
		system: 'Vitec Ekonomi',
		job: 'receive 1,000 pending accounting revisions and confirm them (Get and Acknowledge, one batch)',
		baselineLabel: 'HTTP Request 4.2 (SOAP) + XML + Code + HTTP Request 4.2',
		emulator: 'vitec',
		ourWorkflow: 'vitec-ours.json',
		baselineWorkflow: 'vitec-http.json',
		baselineCredentials: () => [],
		apiNodes: {
			ours: ['API'],
			baseline: ['Get Revisions', 'Parse XML', 'Revisions', 'Acknowledge'],
		},
		prepare: ({ vitec }, variant) => {
			const emulator = vitec as VitecEmulator;
			const integrationId = variant === 'ours' ? 'BENCH-OURS' : 'BENCH-HTTP';
			// Only this Prenumeration sees the rows loaded now, so the sandbox's own queues do not grow.
			const saved = new Map(emulator.subscriptions);
			emulator.subscriptions.clear();
			emulator.subscribe(integrationId, { types: ['Accounting'], companyIds: [101] });
			for (let i = 0; i < ITEMS; i++)
				emulator.upsert('Accounting', 101, accountingRow(101, ++vitecVoucher));
			for (const [id, subscription] of saved) emulator.subscriptions.set(id, subscription);
		},
		done: ({ vitec }, variant) => {
			const integrationId = variant === 'ours' ? 'BENCH-OURS' : 'BENCH-HTTP';
			return (vitec as VitecEmulator).acks
				.filter((ack) => ack.integrationId === integrationId)
				.reduce((sum, ack) => sum + ack.eventIds.length, 0);
		},
		snapshot: ({ vitec }) => ({
			ours: (vitec as VitecEmulator).pendingCount('BENCH-OURS'),
			http: (vitec as VitecEmulator).pendingCount('BENCH-HTTP'),
		}),
		notes: ({ vitec }) =>
			`left unconfirmed after the run: ours ${(vitec as VitecEmulator).pendingCount('BENCH-OURS')}, baseline ${(vitec as VitecEmulator).pendingCount('BENCH-HTTP')}`,
	},
];

let vitecVoucher = 1_000_000;

function smartupProducts(smartup: SmartupEmulator, variant: Variant): number {
	const prefix = variant === 'ours' ? 'PO' : 'PH';
	let count = 0;
	for (const code of smartup.references.get('/b/anor/mxsx/mr/inventory')?.keys() ?? [])
		if (code.startsWith(prefix)) count++;
	return count;
}

interface RunResult {
	variant: Variant;
	status: string;
	wallMs: number;
	apiNodeMs: number;
	requests: number;
	outputItems: number;
	done: number;
	peakKiB?: number;
	notes: string;
	error?: string;
}

const escapeXml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function placeholders(emulators: Emulators, job: BenchJob): Record<string, string> {
	const ifirma = emulators.ifirma as IFirmaEmulator;
	const vitec = emulators.vitec as VitecEmulator;
	return {
		__ITEMS__: String(itemsOf(job)),
		__FIRMINO_API__: (emulators.firmino as FirminoEmulator).apiUrl,
		__SYMFONIA_BASE__: emulators.symfonia.baseUrl,
		__IFIRMA_API__: ifirma.apiUrl,
		__IFIRMA_LOGIN__: ifirma.login,
		__IFIRMA_FAKTURA_KEY__: ifirma.keys.faktura,
		__SMARTUP_BASE__: emulators.smartup.baseUrl,
		__VITEC_BASE__: vitec.baseUrl,
		// Inside a JSON string inside an XML text node: XML-escaped, then JSON-escaped by JSON.stringify below.
		__VITEC_USERNAME_XML__: JSON.stringify(escapeXml(vitec.username)).slice(1, -1),
		__VITEC_PASSWORD_XML__: JSON.stringify(escapeXml(vitec.password)).slice(1, -1),
	};
}

const itemsOf = (job: BenchJob) => job.items ?? ITEMS;

function loadWorkflow(
	file: string,
	job: BenchJob,
	emulators: Emulators,
	credentials: SandboxCredential[],
): { nodes: Array<{ type: string }> } & Record<string, unknown> {
	let text = fs.readFileSync(path.join(WORKFLOW_DIR, file), 'utf8');
	for (const [key, value] of Object.entries(placeholders(emulators, job)))
		text = text.split(key).join(value);
	const workflow = JSON.parse(text);
	attachSandboxCredentials(workflow, credentials);
	return workflow;
}

function workflowId(job: BenchJob, variant: Variant): string {
	return `bench${job.key}${variant === 'ours' ? 'o' : 'h'}`
		.replace(/[^a-z0-9]/gi, '')
		.slice(0, 16)
		.padEnd(16, '0');
}

/** n8n processes that ended by a signal after printing their result (n8n 2.41.1 sometimes segfaults on exit). */
const exitSignals: string[] = [];
let cliRuns = 0;

/** Every process below `pid` (n8n's task runner runs the Code node in a child process). */
function descendants(pid: number): number[] {
	const out: number[] = [];
	const walk = (parent: number) => {
		let children: string[] = [];
		try {
			children = fs
				.readFileSync(`/proc/${parent}/task/${parent}/children`, 'utf8')
				.trim()
				.split(/\s+/)
				.filter(Boolean);
		} catch {
			return;
		}
		for (const child of children.map(Number)) {
			out.push(child);
			walk(child);
		}
	};
	walk(pid);
	return out;
}

function readHwmKiB(pid: number): number | undefined {
	try {
		const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) : undefined;
	} catch {
		return undefined;
	}
}

/** `n8n <args>` with the event loop free (the emulators answer from this process) and VmHWM polled. */
function runMeasured(
	instance: N8nInstance,
	args: string[],
	env = instance.env,
): Promise<{
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	peakKiB?: number;
	ms: number;
}> {
	return new Promise((resolve) => {
		cliRuns++;
		const started = process.hrtime.bigint();
		// stdout goes to a file, not a pipe: n8n exits right after printing the run, and a large --rawOutput
		// (12,000 items) written to a pipe can be cut off at exit; writes to a file are synchronous.
		const outFile = path.join(os.tmpdir(), `n8n-erp-bench-${process.pid}-${cliRuns}.out`);
		const outFd = fs.openSync(outFile, 'w');
		const child = spawn(instance.n8nBin, args, {
			env,
			cwd: String(env.N8N_USER_FOLDER),
			stdio: ['ignore', outFd, 'pipe'],
		});
		fs.closeSync(outFd);
		let stdout = '';
		let stderr = '';
		let peakKiB: number | undefined;
		child.stderr.on('data', (chunk) => (stderr += chunk));
		// n8n's own peak, plus the peak of each child it started (the task runner of the Code node), kept per pid.
		const childPeaks = new Map<number, number>();
		let mainPeak: number | undefined;
		const poll = setInterval(() => {
			if (!child.pid) return;
			const hwm = readHwmKiB(child.pid);
			if (hwm !== undefined) mainPeak = Math.max(mainPeak ?? 0, hwm);
			for (const pid of descendants(child.pid)) {
				const childHwm = readHwmKiB(pid);
				if (childHwm !== undefined)
					childPeaks.set(pid, Math.max(childPeaks.get(pid) ?? 0, childHwm));
			}
			if (mainPeak !== undefined)
				peakKiB = mainPeak + [...childPeaks.values()].reduce((sum, kib) => sum + kib, 0);
		}, 50);
		const timer = setTimeout(() => child.kill('SIGKILL'), 15 * 60_000);
		child.on('close', (code, signal) => {
			clearInterval(poll);
			clearTimeout(timer);
			if (signal) exitSignals.push(`${args[0]}: ${signal}`);
			stdout = fs.readFileSync(outFile, 'utf8');
			fs.rmSync(outFile, { force: true });
			resolve({
				code,
				signal,
				stdout,
				stderr,
				peakKiB,
				ms: Number(process.hrtime.bigint() - started) / 1e6,
			});
		});
	});
}

interface RawRun {
	startedAt: string;
	stoppedAt?: string;
	status?: string;
	data: {
		resultData: {
			error?: { message?: string };
			runData: Record<string, Array<{ executionTime?: number; data?: { main?: unknown[][] } }>>;
		};
	};
}

async function runJob(
	n8n: N8nInstance,
	sandboxes: RunningSandboxes,
	job: BenchJob,
	variant: Variant,
	profileDir = CPU_PROF_DIR && path.join(CPU_PROF_DIR, `${job.key}-${variant}`),
): Promise<RunResult> {
	const emulator = sandboxes.emulators[job.emulator];
	job.prepare?.(sandboxes.emulators, variant);
	const before = emulator.requests.length;
	const snapshot = job.snapshot?.(sandboxes.emulators) ?? {};
	const doneBefore = job.done(sandboxes.emulators, variant);
	const env = profileDir
		? { ...n8n.env, NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}` }
		: n8n.env;
	const result = await runMeasured(
		n8n,
		['execute', `--id=${workflowId(job, variant)}`, '--rawOutput'],
		env,
	);
	const requests = emulator.requests.length - before;
	if (process.env.BENCH_DEBUG) {
		for (const request of emulator.requests.slice(before, before + 2))
			console.log(
				`  request: ${request.method} ${request.url} ${JSON.stringify(request.headers)}\n  ${request.body.slice(0, 3000)}`,
			);
	}
	let run: RawRun | undefined;
	try {
		run = parseRawOutput(result.stdout, result.stderr) as RawRun;
	} catch (error) {
		return {
			variant,
			status: `no run data (exit ${result.code})`,
			wallMs: NaN,
			apiNodeMs: NaN,
			requests,
			outputItems: 0,
			done: job.done(sandboxes.emulators, variant) - doneBefore,
			peakKiB: result.peakKiB,
			notes: '',
			error: (error as Error).message.slice(0, 500),
		};
	}
	if (process.env.BENCH_DEBUG)
		fs.writeFileSync(path.join(os.tmpdir(), `bench-${job.key}-${variant}.json`), result.stdout);
	const apiNodes = job.apiNodes?.[variant] ?? [API_NODE];
	const runData = run.data.resultData.runData;
	const apiRuns = apiNodes.flatMap((name) => runData[name] ?? []);
	const lastRuns = runData[apiNodes[apiNodes.length - 1]] ?? [];
	return {
		variant,
		status:
			(run.status ?? (run.data.resultData.error ? 'error' : 'success')) +
			(result.signal ? ` (then n8n died: ${result.signal})` : ''),
		wallMs: new Date(run.stoppedAt ?? run.startedAt).getTime() - new Date(run.startedAt).getTime(),
		apiNodeMs: apiRuns.reduce((sum, task) => sum + (task.executionTime ?? 0), 0),
		requests,
		outputItems: lastRuns.reduce((sum, task) => sum + (task.data?.main?.[0]?.length ?? 0), 0),
		done: job.done(sandboxes.emulators, variant) - doneBefore,
		peakKiB: result.peakKiB,
		notes: job.notes?.(sandboxes.emulators, snapshot) ?? '',
		error: run.data.resultData.error?.message,
	};
}

/** n8n's boot + community-package load + a one-node workflow, with our package vs an empty one. */
async function loadTimes(
	n8n: N8nInstance,
): Promise<{ ours: number[]; empty: number[]; requireMs: number }> {
	const noop = {
		id: 'benchNoop0000001',
		name: 'Bench: one Manual Trigger',
		nodes: [
			{
				id: 't',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
		],
		connections: {},
		settings: {},
	};
	const emptyFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-erp-bench-empty-'));
	const emptyPackage = path.join(
		emptyFolder,
		'.n8n',
		'nodes',
		'node_modules',
		'n8n-nodes-bench-empty',
	);
	fs.mkdirSync(emptyPackage, { recursive: true });
	fs.writeFileSync(
		path.join(emptyPackage, 'package.json'),
		JSON.stringify({
			name: 'n8n-nodes-bench-empty',
			version: '0.0.1',
			keywords: ['n8n-community-node-package'],
			n8n: { n8nNodesApiVersion: 1, nodes: [], credentials: [] },
		}),
	);
	fs.writeFileSync(
		path.join(emptyFolder, '.n8n', 'nodes', 'package.json'),
		JSON.stringify({
			name: 'installed-nodes',
			private: true,
			dependencies: { 'n8n-nodes-bench-empty': '*' },
		}),
	);
	const emptyEnv = { ...n8n.env, N8N_USER_FOLDER: emptyFolder };
	for (const [folder, env] of [
		[n8n.userFolder, n8n.env],
		[emptyFolder, emptyEnv],
	] as const) {
		const file = path.join(folder, 'bench-noop.json');
		fs.writeFileSync(file, JSON.stringify(noop));
		const imported = await runMeasured(n8n, ['import:workflow', `--input=${file}`], env);
		if (imported.code !== 0)
			throw new Error(
				`import of the one-node workflow failed:\n${imported.stdout.slice(-2000)}\n${imported.stderr.slice(-2000)}`,
			);
	}
	const ours: number[] = [];
	const empty: number[] = [];
	for (let i = 0; i < 4; i++) {
		// Alternate, so that a slow moment of the machine does not land on one side only.
		for (const [list, env] of [
			[ours, n8n.env],
			[empty, emptyEnv],
		] as const) {
			const result = await runMeasured(n8n, ['execute', `--id=${noop.id}`, '--rawOutput'], env);
			// A run counts when n8n printed a successful run, also if the process then died by a signal (counted separately).
			if (!/"status": "success"/.test(result.stdout))
				throw new Error(
					`n8n execute of the one-node workflow failed (exit ${result.code ?? result.signal}, ${env === n8n.env ? 'our package' : 'empty package'}):\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`,
				);
			list.push(result.ms);
		}
	}
	fs.rmSync(emptyFolder, { recursive: true, force: true });
	// The share of that which is our code: requiring every compiled node and credential file the package lists.
	const installed = path.join(
		n8n.userFolder,
		'.n8n',
		'nodes',
		'node_modules',
		'n8n-nodes-accounting-erp',
	);
	const script = `
		const path = require('node:path');
		const pkg = require(path.join(${JSON.stringify(installed)}, 'package.json'));
		require('n8n-workflow'); // n8n has it loaded already; only our own files are timed.
		const t0 = performance.now();
		for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
			const mod = require(path.join(${JSON.stringify(installed)}, file));
			for (const Klass of Object.values(mod)) if (typeof Klass === 'function') new Klass();
		}
		console.log(performance.now() - t0);`;
	const nodeBin = path.join(String(n8n.env.PATH).split(':')[0], 'node');
	// n8n-workflow is resolved from the n8n install, as n8n itself provides it to community packages.
	const n8nModules = path.resolve(path.dirname(fs.realpathSync(n8n.n8nBin)), '..', '..');
	const requireMs = Number(
		execFileSync(nodeBin, ['-e', script], {
			encoding: 'utf8',
			env: { ...process.env, NODE_PATH: n8nModules },
		}).trim(),
	);
	return { ours, empty, requireMs };
}

interface CpuProfile {
	nodes: Array<{
		id: number;
		callFrame: { functionName: string; url: string };
		children?: number[];
	}>;
	samples: number[];
	timeDeltas: number[];
}

const OUR_CODE = /node_modules\/n8n-nodes-accounting-erp\/dist\//;

/**
 * Where the CPU time spent inside our node went, from a V8 profile of one run: samples whose stack passes through
 * our compiled files, split by what is running at the top of the stack, between our nearest frame and the leaf.
 */
function summarizeProfile(file: string): Record<string, number> {
	const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes)
		for (const child of node.children ?? []) parent.set(child, node.id);
	const out: Record<string, number> = {
		'our code': 0,
		'n8n expression evaluation': 0,
		'n8n HTTP helper': 0,
		'loading our files (once)': 0,
		'other n8n calls (parameters, credentials, output)': 0,
	};
	profile.samples.forEach((id, index) => {
		const ms = profile.timeDeltas[index] / 1000;
		const above: Array<{ functionName: string; url: string }> = [];
		let current: number | undefined = id;
		let ours = false;
		while (current !== undefined) {
			const frame = byId.get(current)!.callFrame;
			if (OUR_CODE.test(frame.url)) {
				ours = true;
				break;
			}
			above.push(frame);
			current = parent.get(current);
		}
		if (!ours) return;
		if (!above.length) out['our code'] += ms;
		else if (
			above.some(
				(frame) =>
					/node:internal\/modules|package_json_reader/.test(frame.url) ||
					frame.functionName === 'wrapSafe',
			)
		)
			out['loading our files (once)'] += ms;
		else if (above.some((frame) => /expression|workflow-data-proxy/.test(frame.url)))
			out['n8n expression evaluation'] += ms;
		else if (
			above.some((frame) =>
				/backend-network|axios|node:_http|node:net|request-helper|httpRequest/i.test(
					`${frame.url} ${frame.functionName}`,
				),
			)
		)
			out['n8n HTTP helper'] += ms;
		else out['other n8n calls (parameters, credentials, output)'] += ms;
	});
	return out;
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fmtMs = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : 'n/a');
const fmtMiB = (kib?: number) => (kib === undefined ? 'n/a' : `${(kib / 1024).toFixed(0)} MiB`);
const ratio = (a: number, b: number) =>
	Number.isFinite(a) && Number.isFinite(b) && b > 0 ? (a / b).toFixed(2) : 'n/a';

let loadAtStart = 0;

/** The medians of one bench run, to compare a change against (BENCH_SAVE=file writes it, BENCH_BEFORE=file reads it). */
interface SavedRun {
	date: string;
	commit: string;
	repeat: number;
	jobs: Record<
		string,
		{
			items: number;
			ours: number[];
			baseline: number[];
			oursRequests: number;
			baselineRequests: number;
		}
	>;
}

function saveResults(
	results: Array<{ job: BenchJob; ours: RunResult[]; baseline: RunResult[] }>,
): SavedRun {
	const git = (args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
	const dirty = git(['status', '--porcelain', '--', 'nodes', 'credentials'])
		? ' + uncommitted changes in nodes/credentials'
		: '';
	return {
		date: new Date().toISOString(),
		commit: `${git(['rev-parse', '--short', 'HEAD'])}${dirty}`,
		repeat: REPEAT,
		jobs: Object.fromEntries(
			results.map(({ job, ours, baseline }) => [
				job.key,
				{
					items: itemsOf(job),
					ours: ours.map((run) => run.wallMs),
					baseline: baseline.map((run) => run.wallMs),
					oursRequests: median(ours.map((run) => run.requests)),
					baselineRequests: median(baseline.map((run) => run.requests)),
				},
			]),
		),
	};
}

/** scripts/bench-vitec.ts in its own process (it loads 100,000 revisions into its own emulator); its output as is. */
function runDrainBench(): string {
	const started = Date.now();
	const output = execFileSync(
		path.join(ROOT, 'node_modules', '.bin', 'ts-node'),
		['--transpile-only', path.join(__dirname, 'bench-vitec.ts')],
		{
			cwd: ROOT,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	return `${output.trim()}\n(whole script ${((Date.now() - started) / 1000).toFixed(1)} s, loading included)`;
}

async function main(): Promise<void> {
	loadAtStart = os.loadavg()[0];
	const sandboxes = await startSandboxes();
	try {
		console.log(`Preparing n8n (first use installs it; see scripts/ensure-runtime.sh) ...`);
		const n8n = prepareN8n({ port: await freePort() });
		// The iFirma baseline signs in a Code node with node:crypto, which n8n allows only when told to.
		n8n.env.NODE_FUNCTION_ALLOW_BUILTIN = 'crypto';
		const jobs = JOBS.filter(
			(job) => !ONLY.length || ONLY.includes(job.key) || ONLY.includes(job.system.toLowerCase()),
		);
		const credentials = [
			...sandboxes.credentials,
			...JOBS.flatMap((job) => job.baselineCredentials(sandboxes.emulators)),
		];
		const workflows = jobs.flatMap((job) =>
			(['ours', 'baseline'] as const).map((variant) => ({
				id: workflowId(job, variant),
				workflow: loadWorkflow(
					variant === 'ours' ? job.ourWorkflow : job.baselineWorkflow,
					job,
					sandboxes.emulators,
					sandboxes.credentials,
				),
			})),
		);
		await importIntoN8n(n8n, credentials, workflows);

		const results: Array<{ job: BenchJob; ours: RunResult[]; baseline: RunResult[] }> = [];
		for (const job of jobs) {
			const entry = { job, ours: [] as RunResult[], baseline: [] as RunResult[] };
			for (let i = 0; i < REPEAT; i++) {
				for (const variant of ['ours', 'baseline'] as const) {
					console.log(
						`${job.system}: ${itemsOf(job)} items, ${variant === 'ours' ? 'our node' : 'baseline'}, run ${i + 1}/${REPEAT} ...`,
					);
					const run = await runJob(n8n, sandboxes, job, variant);
					console.log(
						`  ${run.status}, ${fmtMs(run.wallMs)}, API node(s) ${fmtMs(run.apiNodeMs)}, ${run.requests} requests, ${fmtMiB(run.peakKiB)}, done ${run.done}${run.notes ? `, ${run.notes}` : ''}`,
					);
					if (run.error) console.log(`  ${run.variant}: ${run.status}: ${run.error}`);
					entry[variant].push(run);
				}
			}
			results.push(entry);
		}

		const saved = saveResults(results);
		if (process.env.BENCH_SAVE)
			fs.writeFileSync(process.env.BENCH_SAVE, JSON.stringify(saved, null, 1));
		const before = process.env.BENCH_BEFORE
			? (JSON.parse(fs.readFileSync(process.env.BENCH_BEFORE, 'utf8')) as SavedRun)
			: undefined;

		// One more run of our node per job under the V8 profiler (slower, so not among the timed runs above): where
		// the CPU time inside our node goes, per item.
		const profiles: Array<{ job: BenchJob; run: RunResult; split: Record<string, number> }> = [];
		if (process.env.BENCH_PROFILE !== '0') {
			for (const job of jobs) {
				const dir = fs.mkdtempSync(path.join(os.tmpdir(), `n8n-erp-bench-prof-${job.key}-`));
				console.log(`${job.system}: profiling one run of our node ...`);
				const run = await runJob(n8n, sandboxes, job, 'ours', dir);
				// The n8n process writes the largest profile; its task runner (if any) a small one.
				const files = fs
					.readdirSync(dir)
					.map((name) => path.join(dir, name))
					.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size);
				if (files.length) {
					const split = summarizeProfile(files[0]);
					profiles.push({ job, run, split });
					console.log(
						`  ${Object.entries(split)
							.map(([name, ms]) => `${name} ${(ms / itemsOf(job)).toFixed(3)} ms/item`)
							.join(', ')}`,
					);
				}
				fs.rmSync(dir, { recursive: true, force: true });
			}
		}

		if (process.env.BENCH_NO_DOC) {
			// A quick look (BENCH_NO_DOC=1): the per-run lines above are the result; docs/performance.md stays as it is.
			fs.rmSync(n8n.userFolder, { recursive: true, force: true });
			return;
		}
		console.log('Vitec drain (scripts/bench-vitec.ts) ...');
		const drain = process.env.BENCH_DRAIN === '0' ? 'not run (BENCH_DRAIN=0)' : runDrainBench();
		console.log(drain);
		console.log('Package weight ...');
		const packed = JSON.parse(
			execFileSync('npm', ['pack', '--dry-run', '--json'], {
				cwd: ROOT,
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'pipe'],
			}),
		) as Array<{ size: number; unpackedSize: number; entryCount: number }>;
		const load = await loadTimes(n8n);

		const doc = render(n8n, results, packed[0], load, profiles, drain, saved, before);
		fs.writeFileSync(path.join(ROOT, 'docs', 'performance.md'), doc);
		console.log(doc);
		fs.rmSync(n8n.userFolder, { recursive: true, force: true });
	} finally {
		await sandboxes.stop();
	}
}

function render(
	n8n: N8nInstance,
	results: Array<{ job: BenchJob; ours: RunResult[]; baseline: RunResult[] }>,
	packed: { size: number; unpackedSize: number; entryCount: number },
	load: { ours: number[]; empty: number[]; requireMs: number },
	profiles: Array<{ job: BenchJob; run: RunResult; split: Record<string, number> }>,
	drain: string,
	now: SavedRun,
	before?: SavedRun,
): string {
	const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
	const lines: string[] = [
		'# Performance',
		'',
		'Generated by `npm run bench` (scripts/bench.ts) — do not edit by hand; rerun it.',
		'',
		`- Date: ${new Date().toISOString()}`,
		`- n8n: ${n8n.version} (\`n8n execute --rawOutput\`, SQLite, regular mode), Node ${execFileSync(path.join(String(n8n.env.PATH).split(':')[0], 'node'), ['--version'], { encoding: 'utf8' }).trim()}`,
		`- Machine: ${os.cpus().length} CPUs (\`nproc\` ${execFileSync('nproc', { encoding: 'utf8' }).trim()}, ${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${os.platform()} ${os.release()}`,
		`- Load average (1 min) when the runs started / ended: ${loadAtStart.toFixed(2)} / ${os.loadavg()[0].toFixed(2)} — other work on the machine slows every variant; compare ratios from one run.`,
		`- Job size: ${ITEMS} items (iFirma ${IFIRMA_ITEMS}, Smartup also 12,000; see below), made by a Set node + Split Out (Vitec: revisions loaded into the emulator before each run); the emulators run on 127.0.0.1 in the bench process.`,
		`- Each variant ran ${REPEAT} time(s), alternating our node and the baseline (ours, baseline, ours, baseline ...) so that a busy moment of the machine (2 cores shared with other work) does not land on one side only; times and memory are medians.`,
		'',
		'## Our node vs the HTTP Request node, the same job in one n8n',
		'',
		"Wall time = the execution's startedAt → stoppedAt as n8n records it (CLI boot excluded); API node = the time n8n",
		'recorded for the node doing the per-item calls. Requests = what the emulator received during the run. Peak memory =',
		'VmHWM of the n8n process (its boot included, the same for both) plus the VmHWM of any child it started (the task runner',
		'that runs Code nodes, only in baselines that have one). Done = records each run added in the emulator (Vitec: revisions confirmed).',
		'Requests / item = requests ÷ items of the job.',
		'',
		'| system | job | items | variant | status | wall time (median) | wall time, each run | API node | ms / item | requests | requests / item | peak memory | done, each run | notes |',
		'| --- | --- | ---: | --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |',
	];
	const summary = (runs: RunResult[]) => ({
		status: [...new Set(runs.map((run) => run.status))].join(', '),
		wallMs: median(runs.map((run) => run.wallMs)),
		apiNodeMs: median(runs.map((run) => run.apiNodeMs)),
		requests: median(runs.map((run) => run.requests)),
		peakKiB: runs.every((run) => run.peakKiB !== undefined)
			? median(runs.map((run) => run.peakKiB!))
			: undefined,
	});
	for (const { job, ours, baseline } of results) {
		for (const runs of [ours, baseline]) {
			const s = summary(runs);
			const errors = [...new Set(runs.map((run) => run.error).filter(Boolean))].map((error) =>
				String(error).replace(/\|/g, '/').slice(0, 200),
			);
			lines.push(
				`| ${job.system} | ${job.job} | ${itemsOf(job)} | ${runs[0].variant === 'ours' ? 'our node' : (job.baselineLabel ?? 'HTTP Request 4.2')} | ${s.status} | ${fmtMs(s.wallMs)} | ${runs.map((run) => fmtMs(run.wallMs)).join(', ')} | ${fmtMs(s.apiNodeMs)} | ${(s.apiNodeMs / itemsOf(job)).toFixed(2)} | ${runs.map((run) => run.requests).join(', ')} | ${(s.requests / itemsOf(job)).toFixed(3)} | ${fmtMiB(s.peakKiB)} | ${runs.map((run) => `${run.done}/${itemsOf(job)}`).join(', ')} | ${[...new Set(runs.map((run) => run.notes))].join('; ')}${errors.length ? ` error: ${errors.join('; ')}` : ''} |`,
			);
		}
	}
	lines.push(
		'',
		'### Ratios (ours / baseline, medians)',
		'',
		'| system | job | items | wall time | API node(s) time | requests | requests / item, ours | requests / item, baseline | peak memory |',
		'| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
	);
	for (const { job, ours, baseline } of results) {
		const a = summary(ours);
		const b = summary(baseline);
		lines.push(
			`| ${job.system} | ${job.job} | ${itemsOf(job)} | ${ratio(a.wallMs, b.wallMs)} | ${ratio(a.apiNodeMs, b.apiNodeMs)} | ${ratio(a.requests, b.requests)} | ${(a.requests / itemsOf(job)).toFixed(3)} | ${(b.requests / itemsOf(job)).toFixed(3)} | ${ratio(a.peakKiB ?? NaN, b.peakKiB ?? NaN)} |`,
		);
	}
	lines.push(
		'',
		'### Reading the baselines',
		'',
		'- Firmino, Symfonia: HTTP Request 4.2 sends the requests of all items at once unless its Batching option is set; our',
		'  nodes send one request at a time. Symfonia WebAPI serves one request at a time per session, so against the real service',
		'  the baseline needs Batching (which spaces request starts but does not wait for answers); the emulator counts overlapping',
		"  requests (it answers in one event-loop turn, so overlaps rarely show here). The baseline also does not read Firmino's",
		"  `success:false` nor Symfonia's `Message`, does not close the session after an error, and does not retry.",
		`- iFirma: every request must carry an HMAC-SHA1 signature, so the baseline is a Code node that serialises each body once,`,
		'  signs URL + login + "faktura" + body with the hex-decoded key (node:crypto; n8n allows it only with',
		'  `NODE_FUNCTION_ALLOW_BUILTIN=crypto`, which the bench sets) and an HTTP Request node that sends that exact string.',
		'  The key sits in the Code node in clear text; the baseline reads no `Kod` (iFirma answers errors with HTTP 200) and',
		'  does not throttle. Our node also reads the accounting month once per run (hence one request more per run).',
		`- iFirma throttle: our node waits so that at most 100 requests go out in any 60 s per login (RATE_LIMIT in`,
		'  nodes/IFirma/transport.ts, the documented 100 requests/minute; Max Requests per Minute in the credential, default 100; counted per n8n process).',
		`  A 1,000-item job would therefore take about 10 minutes with our node, by design, while the baseline would send all`,
		`  1,000 at once and be over the documented limit. So the iFirma job is ${IFIRMA_ITEMS} invoices: with the one month read that is`,
		'  exactly 100 requests, the most one minute allows, so the throttle never waits and both variants stay within the',
		'  limit. Each `n8n execute` is a new process, so each run starts with an empty window; the emulator does not enforce',
		'  the per-minute limit (its `rateLimitPerMinute` is off in the sandbox) and its monthly document quota is raised for the',
		"  bench. The throttle's cost itself is not measured here: beyond 100 requests it is a wait of up to 60 s per 100.",
		"- Smartup: `$import` takes up to 5000 objects per request, so the user's alternative is a Code node that builds",
		'  `{inventory: [...]}` batches of 5000 and an HTTP Request node per batch (one item per batch out, not one per',
		'  product; no mapping of `errors[]` back to items, no lookup after a lost answer). One HTTP Request per item would need',
		'  1,000 calls, ten times the daily quota of 100 reference calls, so it is not a baseline one could run.',
		'- Vitec Ekonomi: the baseline posts the SOAP envelopes itself (WS-Security UsernameToken typed into the body), turns',
		'  the answer into JSON with the XML node, makes one item per revision in a Code node and confirms all event ids in one',
		'  more SOAP call. Our node: Get and Acknowledge with Max Batches 1 (one read, one confirmation; its default of 10',
		'  would add one more read that finds the queue empty).',
		'',
	);
	if (profiles.length) {
		lines.push(
			'## Where the time of our node goes (one extra profiled run per job)',
			'',
			'After the timed runs, our node ran once more per job with `--cpu-prof` (the profiler slows it down, so this run is not',
			'in the tables above). CPU samples whose stack passes through our compiled files are split by what runs at the top of',
			"the stack: our own code, n8n evaluating the expressions of the node's parameters (`getNodeParameter` of a `={{ }}`",
			"value), n8n's HTTP helper (`httpRequestWithAuthentication`), and other n8n calls. Waiting for the API is not CPU",
			'and is not in these columns.',
			'',
			'| system | job | items | wall time of the profiled run | our code, ms/item | n8n expression evaluation, ms/item | n8n HTTP helper, ms/item | other n8n calls, ms/item | loading our files, ms (once) |',
			'| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
		);
		for (const { job, run, split } of profiles) {
			const per = (name: string) => ((split[name] ?? 0) / itemsOf(job)).toFixed(3);
			lines.push(
				`| ${job.system} | ${job.job} | ${itemsOf(job)} | ${fmtMs(run.wallMs)} | ${per('our code')} | ${per('n8n expression evaluation')} | ${per('n8n HTTP helper')} | ${per('other n8n calls (parameters, credentials, output)')} | ${(split['loading our files (once)'] ?? 0).toFixed(0)} |`,
			);
		}
		lines.push(
			'',
			'How to read it: n8n 2.41 evaluates every `={{ }}` parameter of every item separately (in its isolated expression',
			'runtime), so a node that takes two mapped fields per item pays two evaluations per item where an HTTP Request node',
			'whose whole JSON body is one expression pays one, and a Code node that builds all objects in one run pays none.',
			'That, and one request at a time instead of all at once, is what separates our nodes from the baselines; our own code',
			'is the small first column.',
			'',
		);
	}
	if (before) {
		lines.push(
			'## Before / after the change to our nodes',
			'',
			`Before: a bench run of commit ${before.commit} on ${before.date} (${before.repeat} runs per variant, alternating), on this`,
			`machine before the run above (${now.commit}), with the same bench script and settings. Each run compares against`,
			"its own baseline runs, so the ratio is what to compare; the machine's load differs between the two runs.",
			'',
			'| system | job | items | before: ours / baseline (wall, medians) | before: runs ours; baseline | after: ours / baseline | after: runs ours; baseline | requests / item before → after |',
			'| --- | --- | ---: | ---: | --- | ---: | --- | --- |',
		);
		for (const [key, after] of Object.entries(now.jobs)) {
			const old = before.jobs[key];
			if (!old) continue;
			const job = JOBS.find((candidate) => candidate.key === key)!;
			const runs = (entry: typeof after) =>
				`${entry.ours.map((ms) => fmtMs(ms)).join(', ')}; ${entry.baseline.map((ms) => fmtMs(ms)).join(', ')}`;
			lines.push(
				`| ${job.system} | ${job.job} | ${after.items} | ${ratio(median(old.ours), median(old.baseline))} | ${runs(old)} | ${ratio(median(after.ours), median(after.baseline))} | ${runs(after)} | ${(old.oursRequests / old.items).toFixed(3)} → ${(after.oursRequests / after.items).toFixed(3)} |`,
			);
		}
		lines.push('');
	}
	lines.push(
		'## Vitec Ekonomi: draining 100,000 revisions (scripts/bench-vitec.ts)',
		'',
		'The trigger\'s poll() (compiled, "on emit" mode, 10 batches of ≤5000 per poll) against the emulator in one Node process,',
		'3 companies × 3 information types; checks that every revision arrives exactly once. The poll context is a small stand-in',
		"for n8n's (fetch instead of n8n's axios helper), so this measures our code, not n8n. Baseline: our XML reader against",
		'fast-xml-parser on the same 5000-row answer (ratio ≤ 1.0 means ours is at least as fast). Output, as printed:',
		'',
		'```',
		drain,
		'```',
		'',
		'## Package weight',
		'',
		`- Packed tarball (\`npm pack\`): ${(packed.size / 1024).toFixed(1)} KiB, unpacked ${(packed.unpackedSize / 1024).toFixed(1)} KiB, ${packed.entryCount} files.`,
		`- n8n boot + package load + a one-node workflow (\`n8n execute\`, median of ${load.ours.length}): with this package ${fmtMs(median(load.ours))}, with an empty community package ${fmtMs(median(load.empty))}, ratio ${ratio(median(load.ours), median(load.empty))} (difference ${(median(load.ours) - median(load.empty)).toFixed(0)} ms).`,
		`  Runs: ours ${load.ours.map((ms) => ms.toFixed(0)).join(', ')} ms; empty ${load.empty.map((ms) => ms.toFixed(0)).join(', ')} ms.`,
		`- Requiring and instantiating every node and credential class of the package in Node (cold, one process, n8n-workflow already loaded): ${load.requireMs.toFixed(0)} ms.`,
		'',
		'## Remarks',
		'',
		`- n8n CLI processes started: ${cliRuns}; ended by a signal after printing their result: ${exitSignals.length}${exitSignals.length ? ` (${exitSignals.join(', ')})` : ''}.`,
		exitSignals.length
			? '  (n8n 2.41.1 here sometimes dies with SIGSEGV while exiting after a successful n8n execute; the runs above still printed complete results.)'
			: '  (n8n 2.41.1 sometimes dies with SIGSEGV while exiting after a successful n8n execute; not in this run.)',
		'',
		'## Not measured yet',
		'',
		'- The Vitec Ekonomi Trigger inside n8n (its drain is measured above outside n8n); iFirma beyond 100 requests a minute',
		"  (the throttle's wait is by design); Symfonia and Firmino with the baseline's Batching option set.",
		'',
	);
	return lines.join('\n');
}

void main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
