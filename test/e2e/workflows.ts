/**
 * Shared by e2e and `npm start`: stable workflow ids, and sandbox credentials attached to our nodes in
 * templates (templates ship without credentials or ids baked in).
 */
import crypto from 'node:crypto';

import type { SandboxCredential } from '../emulators';

/** n8n workflow ids are 16 characters; derive one from the file so reruns import over the same workflow. */
export function workflowIdFor(file: string): string {
	return `e2e${crypto.createHash('sha1').update(file).digest('hex').slice(0, 13)}`;
}

interface WorkflowNode {
	type: string;
	credentials?: Record<string, { id: string; name: string }>;
}

/** Which credential type each of our node types uses (from the package's own descriptions). */
function credentialTypesOf(nodeType: string): string[] {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { nodes } = require('../../index.js') as {
		nodes: Record<
			string,
			new () => { description: { name: string; credentials?: Array<{ name: string }> } }
		>;
	};
	for (const NodeClass of Object.values(nodes)) {
		const { description } = new NodeClass();
		if (`n8n-nodes-accounting-erp.${description.name}` === nodeType)
			return (description.credentials ?? []).map((c) => c.name);
	}
	return [];
}

/**
 * Templates post to the sandbox's test endpoint as `npm start` serves it (the Vitec sandbox's fixed port,
 * SANDBOX_CUSTOMER_ENDPOINT_PORT). In e2e the sandbox listens on a free port, and the fixed one may belong to
 * another run on the machine (or to nobody by the time the workflow posts): point such URLs at this run's
 * sandbox, the way credentials are attached. Returns how many URLs were changed.
 */
export function pointAtSandboxEndpoint(
	workflow: { nodes: Array<{ parameters?: Record<string, unknown> }> },
	sandboxBaseUrl: string,
	fixedPort: number,
): number {
	const shipped = `http://127.0.0.1:${fixedPort}/customer-endpoint/`;
	let changed = 0;
	for (const node of workflow.nodes) {
		const url = node.parameters?.url;
		if (typeof url === 'string' && url.startsWith(shipped)) {
			node.parameters!.url = `${sandboxBaseUrl}/customer-endpoint/${url.slice(shipped.length)}`;
			changed++;
		}
	}
	return changed;
}

/** Points every node of ours that has no credential at the sandbox credential of its type. */
export function attachSandboxCredentials(
	workflow: { nodes: WorkflowNode[] },
	credentials: SandboxCredential[],
): void {
	for (const node of workflow.nodes) {
		if (!node.type.startsWith('n8n-nodes-accounting-erp.')) continue;
		for (const type of credentialTypesOf(node.type)) {
			if (node.credentials?.[type]) continue;
			const sandbox = credentials.find((credential) => credential.type === type);
			if (sandbox)
				node.credentials = { ...node.credentials, [type]: { id: sandbox.id, name: sandbox.name } };
		}
	}
}
