/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console, @n8n/community-nodes/require-node-api-error --
   A developer script (npm start), never shipped: it starts servers, reads files and talks to the terminal. */
/**
 * `npm start`: the five sandboxes (emulators) on fixed ports and a local n8n at http://localhost:5678 with
 * this package installed as a community package, a sandbox credential per system and every template
 * imported. The n8n user folder lives in the cache, so the workflows you change survive a restart.
 * Ctrl-C stops everything.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startSandboxes } from '../test/emulators';
import { prepareN8n, ROOT, runCliOrThrow, startServer, stopServer } from '../test/e2e/n8n';
import { attachSandboxCredentials, workflowIdFor } from '../test/e2e/workflows';

const SANDBOX_PORTS: Record<string, number> = { firmino: 9101, ifirma: 9102, symfonia: 9200, vitec: 9103, smartup: 9104 };
const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);
const OWNER = { email: 'owner@example.com', password: 'E2eOwnerPass123' };

async function main() {
	const started = Date.now();
	const cache = process.env.N8N_ERP_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'n8n-nodes-accounting-erp');
	const userFolder = path.join(cache, 'sandbox-n8n');
	fs.mkdirSync(userFolder, { recursive: true });

	console.log('Starting the sandboxes...');
	const sandboxes = await startSandboxes(SANDBOX_PORTS);
	console.log('Preparing n8n (the first run installs Node 24 and n8n into the cache: about 10-15 minutes)...');
	const n8n = prepareN8n({ userFolder, port: N8N_PORT });
	n8n.env.N8N_HOST = 'localhost';

	const credentialsFile = path.join(userFolder, 'sandbox-credentials.json');
	fs.writeFileSync(credentialsFile, JSON.stringify(sandboxes.credentials));
	await runCliOrThrow(n8n, ['import:credentials', `--input=${credentialsFile}`]);

	const templateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-erp-templates-'));
	const templates = fs.readdirSync(path.join(ROOT, 'templates')).filter((file) => file.endsWith('.json'));
	for (const file of templates) {
		const workflow = JSON.parse(fs.readFileSync(path.join(ROOT, 'templates', file), 'utf8'));
		workflow.id = workflowIdFor(`templates/${file}`);
		attachSandboxCredentials(workflow, sandboxes.credentials);
		fs.writeFileSync(path.join(templateDir, file), JSON.stringify(workflow));
	}
	await runCliOrThrow(n8n, ['import:workflow', '--separate', `--input=${templateDir}`]);

	const server = await startServer(n8n);
	const base = `http://localhost:${N8N_PORT}`;
	let ours: Array<{ name: string; displayName: string }> = [];
	try {
		ours = await nodesInEditor(base);
	} catch (error) {
		await stopServer(server);
		throw error;
	}

	console.log(`
n8n is ready in ${Math.round((Date.now() - started) / 1000)} s: open ${base}
  sign in as ${OWNER.email} / ${OWNER.password} (a local sandbox account)
  nodes of this package in the nodes panel: ${ours.map((type) => type.displayName).join(', ') || 'NONE (check the build)'}
  templates imported (Overview → Workflows): ${templates.join(', ')}
  sandbox credentials: ${sandboxes.credentials.map((credential) => credential.name).join(', ')}
  sandboxes: ${Object.entries(sandboxes.emulators).map(([name, emulator]) => `${name} ${emulator.baseUrl}`).join(', ')}
Press Ctrl-C to stop.`);

	const stop = async () => {
		console.log('\nStopping n8n and the sandboxes...');
		await stopServer(server);
		await sandboxes.stop();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
	server.on('exit', (code) => {
		console.error(`n8n exited (${code}).`);
		void sandboxes.stop().then(() => process.exit(code ?? 1));
	});
}

/** Signs in (creating the sandbox owner on first run) and lists this package's nodes as the editor's nodes panel gets them. */
async function nodesInEditor(base: string): Promise<Array<{ name: string; displayName: string }>> {
	const json = { 'Content-Type': 'application/json' };
	let response = await fetch(`${base}/rest/owner/setup`, {
		method: 'POST',
		headers: json,
		body: JSON.stringify({ ...OWNER, firstName: 'Sandbox', lastName: 'Owner' }),
	});
	if (!response.ok) {
		response = await fetch(`${base}/rest/login`, {
			method: 'POST',
			headers: json,
			body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, email: OWNER.email, password: OWNER.password }),
		});
	}
	const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
	const types = (await (await fetch(`${base}/types/nodes.json`, { headers: { Cookie: cookie } })).json()) as unknown;
	if (!Array.isArray(types)) throw new Error(`The editor's node list could not be read: ${JSON.stringify(types).slice(0, 200)}`);
	return (types as Array<{ name: string; displayName: string }>).filter(
		(type) => type.name.startsWith('n8n-nodes-accounting-erp.') && !type.name.endsWith('Tool'),
	);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
