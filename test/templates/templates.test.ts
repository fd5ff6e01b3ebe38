/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals --
   Test code that reads the repository's files. Never shipped. */
/**
 * What every template in templates/ must be before a user imports it: explained by sticky notes, free of
 * credentials and ids, wired to existing nodes, and run in the real-n8n e2e (a case names it), so a template
 * without a run cannot slip in.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const TEMPLATES = fs.readdirSync(path.join(ROOT, 'templates')).filter((file) => file.endsWith('.json')).sort();
const E2E_CASES = fs
	.readdirSync(path.join(ROOT, 'test', 'e2e'))
	.filter((file) => file.endsWith('.cases.ts'))
	.map((file) => fs.readFileSync(path.join(ROOT, 'test', 'e2e', file), 'utf8'))
	.join('\n');

interface TemplateNode {
	name: string;
	type: string;
	credentials?: unknown;
	parameters?: { content?: string };
}

describe.each(TEMPLATES)('templates/%s', (file) => {
	const workflow = JSON.parse(fs.readFileSync(path.join(ROOT, 'templates', file), 'utf8')) as {
		id?: unknown;
		nodes: TemplateNode[];
		connections: Record<string, { main: Array<Array<{ node: string }>> }>;
	};

	it('has sticky notes that name the credential to create', () => {
		const notes = workflow.nodes.filter((node) => node.type === 'n8n-nodes-base.stickyNote').map((node) => node.parameters?.content ?? '');
		expect(notes.length).toBeGreaterThan(0);
		expect(notes.join('\n')).toMatch(/credential/i);
	});

	it('carries no credentials and no workflow id', () => {
		expect(workflow.id).toBeUndefined();
		expect(workflow.nodes.filter((node) => node.credentials !== undefined).map((node) => node.name)).toEqual([]);
	});

	it('connects only nodes it has', () => {
		const names = new Set(workflow.nodes.map((node) => node.name));
		expect(workflow.nodes.length).toBe(names.size);
		for (const [from, outputs] of Object.entries(workflow.connections)) {
			expect(names.has(from)).toBe(true);
			for (const target of outputs.main.flat()) expect({ from, to: target.node, exists: names.has(target.node) }).toEqual({ from, to: target.node, exists: true });
		}
	});

	it('is run by an e2e case', () => {
		expect(E2E_CASES).toContain(`'templates/${file}'`);
	});
});
