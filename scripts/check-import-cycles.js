#!/usr/bin/env node
/**
 * Fails when the package's own modules import each other in a cycle (nodes/, credentials/). Only imports
 * that load code count: `import type` / `export type` vanish at compile time and cannot form a cycle at run
 * time. Prints every cycle as a chain of files. Part of `npm test`.
 */
const fs = require('fs');
const path = require('path');

// The package root; a test passes another one.
const root = path.resolve(process.argv[2] ?? path.join(__dirname, '..'));
const folders = ['nodes', 'credentials'].filter((folder) => fs.existsSync(path.join(root, folder)));

function sourceFiles(dir) {
	const files = [];
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) files.push(...sourceFiles(full));
		else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) files.push(full);
	}
	return files;
}

/** `import … from '…'`, `export … from '…'`, `import '…'` and `require('…')`, without the type-only forms. */
const IMPORT =
	/(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/g;

function runtimeImports(file) {
	const text = fs
		.readFileSync(file, 'utf8')
		.replace(/\/\*[\s\S]*?\*\//g, '')
		.replace(/(^|[^:'"])\/\/.*$/gm, '$1');
	const targets = [];
	for (const match of text.matchAll(IMPORT)) {
		if (match[2]) continue;
		// `import { type A, type B } from` loads nothing either.
		if (
			match[1] &&
			/^\s*(import|export)\s*\{\s*(type\s+\w+\s*(as\s+\w+\s*)?,?\s*)+\}\s*from/.test(match[0])
		)
			continue;
		const specifier = match[3] ?? match[4];
		if (!specifier.startsWith('.')) continue;
		const resolved = resolve(path.dirname(file), specifier);
		if (resolved) targets.push(resolved);
	}
	return targets;
}

function resolve(from, specifier) {
	const base = path.resolve(from, specifier);
	for (const candidate of [`${base}.ts`, path.join(base, 'index.ts'), base]) {
		if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
	}
	return undefined;
}

const files = folders.flatMap((folder) => sourceFiles(path.join(root, folder)));
const graph = new Map(files.map((file) => [file, runtimeImports(file)]));

// Tarjan's strongly connected components: every component of more than one file (or a file importing itself) is a cycle.
let index = 0;
const stack = [];
const state = new Map();
const cycles = [];
function visit(file) {
	state.set(file, { index, low: index, onStack: true });
	index++;
	stack.push(file);
	for (const next of graph.get(file) ?? []) {
		if (!state.has(next)) {
			visit(next);
			state.get(file).low = Math.min(state.get(file).low, state.get(next).low);
		} else if (state.get(next).onStack) {
			state.get(file).low = Math.min(state.get(file).low, state.get(next).index);
		}
	}
	if (state.get(file).low === state.get(file).index) {
		const component = [];
		let member;
		do {
			member = stack.pop();
			state.get(member).onStack = false;
			component.push(member);
		} while (member !== file);
		if (component.length > 1 || (graph.get(file) ?? []).includes(file)) cycles.push(component);
	}
}
for (const file of files) if (!state.has(file)) visit(file);

/** One chain through the component, from its first file back to it, for the message. */
function chain(component) {
	const members = new Set(component);
	const start = [...component].sort()[0];
	const seen = [start];
	let current = start;
	for (;;) {
		const next = (graph.get(current) ?? []).find(
			(target) => members.has(target) && (target === start || !seen.includes(target)),
		);
		if (!next || next === start) break;
		seen.push(next);
		current = next;
	}
	return [...seen, start].map((file) => path.relative(root, file)).join(' → ');
}

if (cycles.length === 0) {
	console.log(`import cycles: none (${files.length} files)`);
} else {
	for (const component of cycles) console.error(`import cycle: ${chain(component)}`);
	console.error(`import cycles: ${cycles.length} found`);
	process.exit(1);
}
