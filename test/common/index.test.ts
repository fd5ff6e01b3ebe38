/** The package's programmatic entry (index.js) and its n8n manifest agree, and every class loads. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const entry = require('../../index.js') as {
	nodes: Record<
		string,
		new () => { description: { name: string; credentials?: Array<{ name: string }> } }
	>;
	credentials: Record<string, new () => { name: string }>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const manifest = require('../../package.json') as {
	n8n: { nodes: string[]; credentials: string[] };
	dependencies?: object;
	peerDependencies: object;
};

it('exposes one class per file listed in package.json "n8n"', () => {
	expect(Object.keys(entry.nodes)).toHaveLength(manifest.n8n.nodes.length);
	expect(Object.keys(entry.credentials)).toHaveLength(manifest.n8n.credentials.length);
	expect(entry.nodes.FirminoRecurringInvoices).toBeDefined();
	expect(new entry.credentials.FirminoApi().name).toBe('firminoApi');
});

it('every credential a node asks for is in the package', () => {
	const names = new Set(
		Object.values(entry.credentials).map((Credential) => new Credential().name),
	);
	for (const Node of Object.values(entry.nodes)) {
		for (const credential of new Node().description.credentials ?? [])
			expect(names).toContain(credential.name);
	}
});

it('has no runtime dependencies and n8n-workflow as a "*" peer', () => {
	expect(manifest.dependencies ?? {}).toEqual({});
	expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
});
