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
	const { nodes } = require('../../index.js') as { nodes: Record<string, new () => { description: { name: string; credentials?: Array<{ name: string }> } }> };
	for (const NodeClass of Object.values(nodes)) {
		const { description } = new NodeClass();
		if (`n8n-nodes-accounting-erp.${description.name}` === nodeType) return (description.credentials ?? []).map((c) => c.name);
	}
	return [];
}

/** Points every node of ours that has no credential at the sandbox credential of its type. */
export function attachSandboxCredentials(workflow: { nodes: WorkflowNode[] }, credentials: SandboxCredential[]): void {
	for (const node of workflow.nodes) {
		if (!node.type.startsWith('n8n-nodes-accounting-erp.')) continue;
		for (const type of credentialTypesOf(node.type)) {
			if (node.credentials?.[type]) continue;
			const sandbox = credentials.find((credential) => credential.type === type);
			if (sandbox) node.credentials = { ...node.credentials, [type]: { id: sandbox.id, name: sandbox.name } };
		}
	}
}
