/* eslint-disable @n8n/community-nodes/require-node-api-error --
   Developer scripts (npm start, screenshots), never shipped: they start servers and rethrow plain errors. */
/**
 * Boots what `npm start` and the screenshot script share: the sandboxes, a real n8n with the packed package,
 * sandbox credentials and the given workflows imported (our nodes get the sandbox credential attached), and
 * the sandbox owner account, signed in.
 */

import { startSandboxes, type RunningSandboxes } from '../test/emulators';
import {
	importIntoN8n,
	prepareN8n,
	startServer,
	stopServer,
	type N8nInstance,
} from '../test/e2e/n8n';
import { attachSandboxCredentials } from '../test/e2e/workflows';

export const OWNER = { email: 'owner@example.com', password: 'E2eOwnerPass123' };

export interface SandboxN8n {
	sandboxes: RunningSandboxes;
	n8n: N8nInstance;
	base: string;
	/** The signed-in owner's session cookie (name=value). */
	cookie: string;
	stop: () => Promise<void>;
	server: import('node:child_process').ChildProcess;
}

export async function bootSandboxN8n(options: {
	userFolder?: string;
	port: number;
	sandboxPorts?: Record<string, number>;
	workflows: Array<{
		id: string;
		workflow: { nodes: Array<{ type: string }> } & Record<string, unknown>;
	}>;
	host?: string;
	/** Have n8n open a throwaway database first (scripts/ensure-runtime.sh --self-check): npm start does. */
	selfCheck?: boolean;
}): Promise<SandboxN8n> {
	const sandboxes = await startSandboxes(options.sandboxPorts ?? {});
	const n8n = prepareN8n({
		userFolder: options.userFolder,
		port: options.port,
		selfCheck: options.selfCheck,
	});
	if (options.host) n8n.env.N8N_HOST = options.host;

	for (const { workflow } of options.workflows)
		attachSandboxCredentials(workflow, sandboxes.credentials);
	await importIntoN8n(n8n, sandboxes.credentials, options.workflows);

	const server = await startServer(n8n);
	const base = `http://${options.host ?? '127.0.0.1'}:${options.port}`;
	try {
		const cookie = await signIn(base);
		return {
			sandboxes,
			n8n,
			base,
			cookie,
			server,
			stop: async () => {
				await stopServer(server);
				await sandboxes.stop();
			},
		};
	} catch (error) {
		await stopServer(server);
		await sandboxes.stop();
		throw error;
	}
}

/** Creates the sandbox owner on first run, else signs in; returns the session cookie. */
async function signIn(base: string): Promise<string> {
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
			body: JSON.stringify({
				emailOrLdapLoginId: OWNER.email,
				email: OWNER.email,
				password: OWNER.password,
			}),
		});
	}
	const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
	if (!cookie)
		throw new Error(`Could not sign in to n8n as the sandbox owner (HTTP ${response.status})`);
	return cookie;
}

/** This package's nodes as the editor's nodes panel receives them (n8n adds a `…Tool` twin of each; left out). */
export async function nodesInEditor(
	base: string,
	cookie: string,
): Promise<Array<{ name: string; displayName: string; icon?: unknown }>> {
	const types = (await (
		await fetch(`${base}/types/nodes.json`, { headers: { Cookie: cookie } })
	).json()) as unknown;
	if (!Array.isArray(types))
		throw new Error(
			`The editor's node list could not be read: ${JSON.stringify(types).slice(0, 200)}`,
		);
	return (types as Array<{ name: string; displayName: string }>).filter(
		(type) => type.name.startsWith('n8n-nodes-accounting-erp.') && !type.name.endsWith('Tool'),
	);
}
