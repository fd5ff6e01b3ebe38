/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals --
   Test code that drives a real n8n through its CLI and files. Never shipped. */
/**
 * End to end in a real n8n (pinned 2.x, or N8N_VERSION): the packed package installed as a community
 * package, sandbox credentials and every system's e2e workflows (test/e2e/*.cases.ts) and the templates
 * imported, each manual workflow run with `n8n execute`, then trigger/webhook workflows run by `n8n start`.
 */
import fs from 'node:fs';
import path from 'node:path';

import { startSandboxes, type RunningSandboxes } from '../emulators';
import type { E2eCase, E2eRun, E2eServerCase } from './cases';
import {
	activateWorkflow,
	freePort,
	importIntoN8n,
	ownerSession,
	publicApiKey,
	waitForExecutions,
	parseRawOutput,
	prepareN8n,
	ROOT,
	runCli,
	startServer,
	stopServer,
	testCredential,
	type N8nInstance,
} from './n8n';
import { SANDBOX_CUSTOMER_ENDPOINT_PORT } from '../emulators/vitec';
import { attachSandboxCredentials, pointAtSandboxEndpoint, workflowIdFor } from './workflows';

interface Loaded {
	cases: E2eCase[];
	serverCases: E2eServerCase[];
}

function loadCases(): Loaded {
	const loaded: Loaded = { cases: [], serverCases: [] };
	for (const file of fs
		.readdirSync(__dirname)
		.filter((name) => name.endsWith('.cases.ts'))
		.sort()) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const module = require(path.join(__dirname, file)) as Partial<Loaded>;
		loaded.cases.push(...(module.cases ?? []));
		loaded.serverCases.push(...(module.serverCases ?? []));
	}
	return loaded;
}

const { cases, serverCases } = loadCases();
let sandboxes: RunningSandboxes;
let n8n: N8nInstance;

beforeAll(async () => {
	sandboxes = await startSandboxes();
	n8n = prepareN8n({ port: await freePort() });

	const workflows = [...cases, ...serverCases].map(({ file }) => {
		const workflow = JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
		attachSandboxCredentials(workflow, sandboxes.credentials);
		pointAtSandboxEndpoint(
			workflow,
			sandboxes.emulators.vitec.baseUrl,
			SANDBOX_CUSTOMER_ENDPOINT_PORT,
		);
		return { id: workflowIdFor(file), workflow };
	});
	await importIntoN8n(n8n, sandboxes.credentials, workflows);
}, 30 * 60_000);

afterAll(async () => {
	await sandboxes?.stop();
});

describe('manual workflows, run with `n8n execute`', () => {
	it.each(cases.map((c) => [c.file, c] as const))('%s', async (_file, e2eCase) => {
		await e2eCase.prepare?.(sandboxes);
		const result = await runCli(n8n, [
			'execute',
			`--id=${workflowIdFor(e2eCase.file)}`,
			'--rawOutput',
		]);
		const run = parseRawOutput(result.stdout, result.stderr) as E2eRun;
		if (!e2eCase.expectFailure) {
			const error = run.data.resultData.error;
			// A SIGSEGV while n8n 2.41.1 exits, after it printed a finished run, is n8n's, not the workflow's.
			const exitCode = result.signal === 'SIGSEGV' && run.data.resultData.runData ? 0 : result.code;
			expect({ exitCode, error: error?.message, description: error?.description }).toEqual({
				exitCode: 0,
				error: undefined,
				description: undefined,
			});
		}
		await e2eCase.check(run, sandboxes);
	});
});

describe('n8n server: credential tests, trigger and webhook workflows', () => {
	it('every sandbox credential passes its Test button, a wrong secret fails it; every server case produces its executions', async () => {
		for (const serverCase of serverCases)
			await activateWorkflow(n8n, workflowIdFor(serverCase.file));
		const server = await startServer(n8n);
		try {
			const { cookie } = await ownerSession(n8n);
			for (const credential of sandboxes.credentials) {
				expect({
					name: credential.name,
					...(await testCredential(n8n, cookie, credential)),
				}).toMatchObject({ name: credential.name, status: 'OK' });
				const wrong = withWrongSecret(credential);
				if (wrong) {
					const answer = await testCredential(n8n, cookie, wrong.credential);
					expect({ name: credential.name, status: answer.status }).toEqual({
						name: credential.name,
						status: 'Error',
					});
					expect(answer.message).not.toContain(wrong.secret);
				}
			}
			const apiKey = serverCases.length ? await publicApiKey(n8n, cookie) : '';
			for (const serverCase of serverCases) {
				await serverCase.feed?.(sandboxes);
				if (serverCase.webhook) {
					const response = await fetch(
						`http://127.0.0.1:${n8n.env.N8N_PORT}/webhook/${serverCase.webhook.path}`,
						{
							method: 'POST',
							headers: { 'Content-Type': 'application/json' },
							body: JSON.stringify(serverCase.webhook.body),
						},
					);
					expect(response.status).toBeLessThan(500);
				}
				const runs = await waitForExecutions(
					n8n,
					apiKey,
					workflowIdFor(serverCase.file),
					serverCase.executionsWanted,
				);
				await serverCase.check(runs, sandboxes);
			}
		} finally {
			await stopServer(server);
		}
	});
});

/**
 * The credential with every secret-looking field (password, key, token, secret) replaced by a wrong value of
 * the same form (hex stays hex, GUIDs stay GUIDs), so the test reaches the server and is refused there.
 */
function withWrongSecret<T extends { data: Record<string, unknown> }>(
	credential: T,
): { credential: T; secret: string } | undefined {
	const fields = Object.keys(credential.data).filter(
		(key) =>
			/pass|secret|token|key/i.test(key) &&
			typeof credential.data[key] === 'string' &&
			credential.data[key] !== '',
	);
	if (!fields.length) return undefined;
	const data = { ...credential.data };
	let secret = '';
	for (const field of fields) {
		const original = String(data[field]);
		data[field] = /^[0-9a-f-]+$/i.test(original)
			? original.replace(/[0-9a-f]/gi, (c) => (c.toLowerCase() === 'a' ? 'b' : 'a'))
			: `wrong-${original}`;
		secret ||= String(data[field]);
	}
	return { credential: { ...credential, data }, secret };
}
