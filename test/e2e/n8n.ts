/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-hardcoded-secrets --
   Test and script code that runs a real n8n: it needs child processes, the file system and timers. Never shipped. */
/**
 * A real n8n, the way a user runs it: Node 24 and the pinned n8n from scripts/ensure-runtime.sh (cached
 * outside the clone), this package packed with `npm pack` and unpacked into the user folder's community
 * nodes directory, credentials and workflows imported with n8n's CLI. Listens only on 127.0.0.1, no
 * telemetry, no version checks.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import type { E2eRun } from './cases';

export const ROOT = path.resolve(__dirname, '..', '..');
export const PACKAGE_NAME = 'n8n-nodes-accounting-erp';

export interface N8nInstance {
	version: string;
	userFolder: string;
	env: NodeJS.ProcessEnv;
	n8nBin: string;
}

export interface CliResult {
	code: number | null;
	/** The signal that ended the process, if any. */
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
}

/**
 * Installs (first time only) Node 24 + n8n, and prepares a fresh user folder with the packed package.
 * `selfCheck` also has n8n open a throwaway database before anything is imported (npm start does), so a
 * broken runtime fails with one clear line instead of a failed import.
 */
export function prepareN8n(
	options: { version?: string; userFolder?: string; port?: number; selfCheck?: boolean } = {},
): N8nInstance {
	const version = options.version ?? process.env.N8N_VERSION ?? '2.41.1';
	const script = path.join(ROOT, 'scripts', 'ensure-runtime.sh');
	const output = execFileSync(
		'bash',
		[script, ...(options.selfCheck ? ['--self-check'] : []), version],
		{
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
		},
	);
	const paths = Object.fromEntries(
		output
			.trim()
			.split('\n')
			.filter((line) => line.includes('='))
			.map((line) => line.split('=', 2) as [string, string]),
	);
	const userFolder = options.userFolder ?? fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-erp-e2e-'));
	installPackedPackage(userFolder);
	const env: NodeJS.ProcessEnv = {
		...process.env,
		PATH: `${paths.NODE24_BIN}:${process.env.PATH}`,
		N8N_USER_FOLDER: userFolder,
		// A throwaway instance key for a temporary user folder, not a secret.
		N8N_ENCRYPTION_KEY: 'local-e2e-only-not-a-secret',
		DB_TYPE: 'sqlite',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(options.port ?? 5678),
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_PORT: String((options.port ?? 5678) + 1000),
		NODE_OPTIONS: '',
		// Jest sets NODE_ENV=test, under which n8n keeps its database in memory: every CLI call would start empty.
		NODE_ENV: 'production',
	};
	delete env.NODE_PATH;
	for (const key of Object.keys(env)) if (key.startsWith('JEST_')) delete env[key];
	return { version, userFolder, env, n8nBin: paths.N8N_BIN };
}

/** `npm pack` of the built package, unpacked where n8n looks for installed community packages. */
function installPackedPackage(userFolder: string): void {
	const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-erp-pack-'));
	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', packDir], {
			cwd: ROOT,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		}),
	) as Array<{ filename: string }>;
	const target = path.join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
	fs.mkdirSync(target, { recursive: true });
	execFileSync('tar', [
		'xzf',
		path.join(packDir, packed[0].filename),
		'--strip-components=1',
		'-C',
		target,
	]);
	fs.writeFileSync(
		path.join(userFolder, '.n8n', 'nodes', 'package.json'),
		JSON.stringify({
			name: 'installed-nodes',
			private: true,
			dependencies: { [PACKAGE_NAME]: '*' },
		}),
	);
	fs.rmSync(packDir, { recursive: true, force: true });
}

/** Runs one n8n CLI command; the event loop stays free (the emulators run in this process). */
export function runCli(
	instance: N8nInstance,
	args: string[],
	timeoutMs = 180_000,
): Promise<CliResult> {
	return new Promise((resolve) => {
		const child = spawn(instance.n8nBin, args, { env: instance.env, cwd: instance.userFolder });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({ code, signal, stdout, stderr });
		});
	});
}

/**
 * n8n 2.41.1 sometimes dies with SIGSEGV while exiting, after its work is done (seen in 3 of 14 bench runs).
 * For commands that are safe to repeat (imports, publish) one such crash is retried.
 */
export async function runCliOrThrow(instance: N8nInstance, args: string[]): Promise<CliResult> {
	let result = await runCli(instance, args);
	if (result.signal === 'SIGSEGV') result = await runCli(instance, args);
	if (result.code !== 0) {
		throw new Error(
			`n8n ${args.join(' ')} failed (${result.code}):\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`,
		);
	}
	return result;
}

/** Imports credentials (n8n's `import:credentials` format) and workflows, each under the given id, with n8n's CLI. */
export async function importIntoN8n(
	instance: N8nInstance,
	credentials: unknown[],
	workflows: Array<{ id: string; workflow: Record<string, unknown> }>,
): Promise<void> {
	const credentialsFile = path.join(instance.userFolder, 'sandbox-credentials.json');
	fs.writeFileSync(credentialsFile, JSON.stringify(credentials));
	await runCliOrThrow(instance, ['import:credentials', `--input=${credentialsFile}`]);
	if (!workflows.length) return;
	const workflowDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-erp-workflows-'));
	for (const { id, workflow } of workflows)
		fs.writeFileSync(path.join(workflowDir, `${id}.json`), JSON.stringify({ ...workflow, id }));
	await runCliOrThrow(instance, ['import:workflow', '--separate', `--input=${workflowDir}`]);
}

/** Makes an imported workflow active: n8n 2.x "publishes" it, 1.x "activates" it (the command was renamed in 2.0). */
export async function activateWorkflow(instance: N8nInstance, id: string): Promise<void> {
	await runCliOrThrow(
		instance,
		instance.version.startsWith('1.')
			? ['update:workflow', `--id=${id}`, '--active=true']
			: ['publish:workflow', `--id=${id}`],
	);
}

/** The IRun JSON that `n8n execute --rawOutput` prints after its log lines. */
export function parseRawOutput(stdout: string, stderr = ''): unknown {
	const start = stdout.search(/^\{/m);
	if (start < 0)
		throw new Error(`n8n printed no run data:\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`);
	// n8n may log after the JSON (a node's warning at the end of the run): the JSON ends at a line "}".
	for (let end = stdout.indexOf('\n}', start); end >= 0; end = stdout.indexOf('\n}', end + 2)) {
		try {
			return JSON.parse(stdout.slice(start, end + 2));
		} catch {
			// not the closing brace of the top-level object yet
		}
	}
	return JSON.parse(stdout.slice(start));
}

export async function freePort(): Promise<number> {
	return await new Promise((resolve) => {
		const server = net.createServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/** `n8n start` in the background; resolves once n8n is ready and serves its REST API. */
export async function startServer(
	instance: N8nInstance,
	timeoutMs = 120_000,
): Promise<ChildProcess> {
	const child = spawn(instance.n8nBin, ['start'], {
		env: instance.env,
		cwd: instance.userFolder,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let log = '';
	child.stdout?.on('data', (chunk) => (log += chunk));
	child.stderr?.on('data', (chunk) => (log += chunk));
	const base = `http://127.0.0.1:${instance.env.N8N_PORT}`;
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null)
			throw new Error(`n8n start exited (${child.exitCode}):\n${log.slice(-3000)}`);
		try {
			// n8n 1.x reports ready before its REST routes are mounted: wait for both.
			const ready = await fetch(`${base}/healthz/readiness`);
			const settings = ready.ok ? await fetch(`${base}/rest/settings`) : undefined;
			if (settings?.ok && (settings.headers.get('content-type') ?? '').includes('json'))
				return child;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	child.kill('SIGKILL');
	throw new Error(`n8n did not become ready in ${timeoutMs / 1000} s:\n${log.slice(-3000)}`);
}

export async function stopServer(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null) return;
	await new Promise<void>((resolve) => {
		const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
		child.on('exit', () => {
			clearTimeout(timer);
			resolve();
		});
		child.kill('SIGTERM');
	});
}

/** Sets up the owner account (or signs in); returns its session cookie. */
export async function ownerSession(instance: N8nInstance): Promise<{ cookie: string }> {
	const base = `http://127.0.0.1:${instance.env.N8N_PORT}`;
	const owner = {
		email: 'owner@example.com',
		firstName: 'E2E',
		lastName: 'Owner',
		password: 'E2eOwnerPass123',
	};
	const setup = await fetch(`${base}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(owner),
	});
	let cookie = setup.headers.get('set-cookie') ?? '';
	if (!setup.ok) {
		const login = await fetch(`${base}/rest/login`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({
				emailOrLdapLoginId: owner.email,
				email: owner.email,
				password: owner.password,
			}),
		});
		cookie = login.headers.get('set-cookie') ?? '';
	}
	return { cookie: cookie.split(';')[0] };
}

/** An API key for n8n's public API (executions), created by the signed-in owner. */
export async function publicApiKey(instance: N8nInstance, cookie: string): Promise<string> {
	const base = `http://127.0.0.1:${instance.env.N8N_PORT}`;
	const created = await fetch(`${base}/rest/api-keys`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', Cookie: cookie },
		body: JSON.stringify({
			label: `e2e-${Date.now()}`,
			expiresAt: null,
			scopes: [
				'workflow:create',
				'workflow:read',
				'workflow:activate',
				'workflow:list',
				'execution:read',
				'execution:list',
			],
		}),
	});
	const text = await created.text();
	let body: { data?: { rawApiKey?: string } } = {};
	try {
		body = JSON.parse(text) as typeof body;
	} catch {
		// n8n answers its editor page for a route it does not serve (public API disabled in this version/setup).
	}
	if (!body.data?.rawApiKey)
		throw new Error(
			`Could not create an n8n API key (HTTP ${created.status}): ${text.slice(0, 300)}`,
		);
	return body.data.rawApiKey;
}

/** What the credential's Test button answers in the editor (n8n runs the credential's `test`). */
export async function testCredential(
	instance: N8nInstance,
	cookie: string,
	credential: { id: string; name: string; type: string; data: Record<string, unknown> },
): Promise<{ status: string; message: string }> {
	const response = await fetch(`http://127.0.0.1:${instance.env.N8N_PORT}/rest/credentials/test`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', Cookie: cookie },
		body: JSON.stringify({ credentials: credential }),
	});
	const body = (await response.json()) as { data?: { status: string; message: string } };
	return body.data ?? { status: 'Error', message: JSON.stringify(body).slice(0, 300) };
}

/** Waits until `wanted` executions of a workflow have stopped (n8n's public API); returns them oldest first. */
export async function waitForExecutions(
	instance: N8nInstance,
	apiKey: string,
	workflowId: string,
	wanted: number,
	timeoutMs = 120_000,
): Promise<E2eRun[]> {
	const deadline = Date.now() + timeoutMs;
	let runs: E2eRun[] = [];
	while (Date.now() < deadline) {
		const response = await fetch(
			`http://127.0.0.1:${instance.env.N8N_PORT}/api/v1/executions?workflowId=${workflowId}&includeData=true&limit=100`,
			{ headers: { 'X-N8N-API-KEY': apiKey } },
		);
		const body = (await response.json()) as {
			data?: Array<{ finished: boolean; stoppedAt?: string | null; data?: E2eRun['data'] }>;
		};
		const done = (body.data ?? []).filter((execution) => execution.stoppedAt);
		runs = done.reverse().map((execution) => ({
			data: execution.data as E2eRun['data'],
			finished: execution.finished,
		}));
		if (runs.length >= wanted) return runs;
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
	throw new Error(
		`Workflow ${workflowId}: ${runs.length} of ${wanted} executions after ${timeoutMs / 1000} s`,
	);
}
