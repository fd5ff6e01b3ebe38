/**
 * n8n's verification guidelines: the node interface is in English only. Every text a user reads in a node or
 * credential (names, descriptions, hints, notices, actions, placeholders, option names) is checked here: a word
 * with letters outside English is allowed only as one of the systems' own terms, quoted on purpose so that a
 * user can find it on the system's screen — in parentheses or quotes after the English, e.g. "Draft (Черновик)"
 * or 'Suppliers (Leverantörer)' — or as one of the few terms listed below (docs/verification.md).
 */
import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const entry = require('../../index.js') as {
	nodes: Record<string, new () => { description: INodeTypeDescription }>;
	credentials: Record<string, new () => { displayName: string; properties: INodeProperties[] }>;
};

/**
 * System terms used as words of a sentence (not quoted): a Symfonia module's name, a Polish agency, iFirma's
 * name for the default series, the Polish word for a province as the field's label in Symfonia.
 */
const SYSTEM_TERMS = new Set(['Księgowość', 'GIOŚ', 'Domyślny', 'Województwo']);

function texts(value: unknown, into: string[]): string[] {
	if (typeof value === 'string') into.push(value);
	else if (Array.isArray(value)) for (const element of value) texts(element, into);
	else if (value && typeof value === 'object') {
		const record = value as Record<string, unknown>;
		for (const key of [
			'displayName',
			'description',
			'hint',
			'notice',
			'action',
			'placeholder',
			'subtitle',
		]) {
			if (typeof record[key] === 'string') into.push(record[key] as string);
		}
		for (const key of ['properties', 'options', 'values'])
			if (key in record) texts(record[key], into);
		if (typeof record.name === 'string' && 'value' in record)
			into.push((record as unknown as INodePropertyOptions).name);
	}
	return into;
}

function foreignWords(strings: string[]): string[] {
	const words = new Set<string>();
	for (const text of strings) {
		// Expressions and examples (from "e.g." on) are data; a term in parentheses or quotes, or after "Vitec:", is the system's own.
		let prose = text.replace(/\{\{[\s\S]*?\}\}/g, ' ').replace(/\be\.g\.[\s\S]*$/, ' ');
		for (let before = ''; before !== prose; ) {
			before = prose;
			prose = prose.replace(/`[^`]*`|\([^()]*\)|\[[^\]]*\]|"[^"]*"|Vitec: [^.]*\./g, ' ');
		}
		for (const word of prose.match(/[\p{L}\p{M}]+/gu) ?? [])
			if (/\P{ASCII}/u.test(word)) words.add(word);
	}
	return [...words].sort();
}

describe('the interface is in English (system terms aside)', () => {
	const everything = [
		...Object.values(entry.nodes).map((Node) => ['node', new Node().description] as const),
		...Object.values(entry.credentials).map(
			(Credential) => ['credential', new Credential()] as const,
		),
	];

	it.each(everything.map(([kind, described]) => [`${kind} ${described.displayName}`, described]))(
		'%s',
		(_, described) => {
			const collected = texts(described, []);
			expect(collected.length).toBeGreaterThan(3);
			const foreign = foreignWords(collected);
			expect(foreign.filter((word) => !SYSTEM_TERMS.has(word))).toEqual([]);
		},
	);
});
