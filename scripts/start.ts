/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console --
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

import { ROOT } from '../test/e2e/n8n';
import { workflowIdFor } from '../test/e2e/workflows';
import { bootSandboxN8n, nodesInEditor, OWNER } from './sandbox';

const SANDBOX_PORTS: Record<string, number> = {
	firmino: 9101,
	ifirma: 9102,
	symfonia: 9200,
	vitec: 9103,
	smartup: 9104,
};
const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);

async function main() {
	const started = Date.now();
	const cache =
		process.env.N8N_ERP_CACHE ??
		path.join(
			process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'),
			'n8n-nodes-accounting-erp',
		);
	const userFolder = path.join(cache, 'sandbox-n8n');
	fs.mkdirSync(userFolder, { recursive: true });

	const templates = fs
		.readdirSync(path.join(ROOT, 'templates'))
		.filter((file) => file.endsWith('.json'));
	console.log(
		'Starting the sandboxes and n8n (the first run installs Node 24 and n8n into the cache: about 10-15 minutes)...',
	);
	const sandbox = await bootSandboxN8n({
		userFolder,
		port: N8N_PORT,
		host: 'localhost',
		sandboxPorts: SANDBOX_PORTS,
		selfCheck: true,
		workflows: templates.map((file) => ({
			id: workflowIdFor(`templates/${file}`),
			workflow: JSON.parse(fs.readFileSync(path.join(ROOT, 'templates', file), 'utf8')),
		})),
	});
	const ours = await nodesInEditor(sandbox.base, sandbox.cookie);

	console.log(`
n8n is ready in ${Math.round((Date.now() - started) / 1000)} s: open ${sandbox.base}
  sign in as ${OWNER.email} / ${OWNER.password} (a local sandbox account)
  nodes of this package in the nodes panel: ${ours.map((type) => type.displayName).join(', ') || 'NONE (check the build)'}
  templates imported (Overview → Workflows): ${templates.join(', ')}
  sandbox credentials: ${sandbox.sandboxes.credentials.map((credential) => credential.name).join(', ')}
  sandboxes: ${Object.entries(sandbox.sandboxes.emulators)
		.map(([name, emulator]) => `${name} ${emulator.baseUrl}`)
		.join(', ')}
Press Ctrl-C to stop.`);

	const stop = async () => {
		console.log('\nStopping n8n and the sandboxes...');
		await sandbox.stop();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
	sandbox.server.on('exit', (code) => {
		console.error(`n8n exited (${code}).`);
		void sandbox.sandboxes.stop().then(() => process.exit(code ?? 1));
	});
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
