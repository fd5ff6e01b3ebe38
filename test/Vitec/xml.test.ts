/**
 * The strict XML reader (nodes/common/xml.ts) against fast-xml-parser, a well-known parser used here only
 * as a test oracle: thousands of generated documents (namespaces, entities, character references, CDATA,
 * comments, empty, self-closing and nil elements, Swedish letters, WCF arrays) must read identically, and
 * malformed documents must be refused by both.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

import {
	child,
	childrenNamed,
	descendant,
	elementToJson,
	escapeXml,
	isNil,
	keyValuePairs,
	leafValue,
	parseXml,
	XmlError,
	type XmlElement,
} from '../../nodes/common/xml';

interface Canonical {
	name: string;
	attrs: Record<string, string>;
	text: string;
	children: Canonical[];
}

function fromOurs(element: XmlElement): Canonical {
	return {
		name: element.name,
		attrs: { ...element.attrs },
		text: element.text,
		children: element.children.map(fromOurs),
	};
}

const oracle = new XMLParser({
	ignoreAttributes: false,
	preserveOrder: true,
	processEntities: true,
	htmlEntities: true,
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: false,
	cdataPropName: '#cdata',
	commentPropName: '#comment',
	attributeNamePrefix: '',
});

type OracleNode = Record<string, unknown>;

function fromOracle(nodes: OracleNode[]): Canonical {
	const elements = nodes.filter(
		(node) => !('?xml' in node) && !('#comment' in node) && !('#text' in node),
	);
	expect(elements).toHaveLength(1);
	return convert(elements[0]);
}

function convert(node: OracleNode): Canonical {
	const name = Object.keys(node).find((key) => key !== ':@')!;
	const attrs = (node[':@'] as Record<string, string> | undefined) ?? {};
	const out: Canonical = { name, attrs: { ...attrs }, text: '', children: [] };
	for (const part of node[name] as OracleNode[]) {
		if ('#text' in part) out.text += String(part['#text']);
		else if ('#cdata' in part)
			out.text += (part['#cdata'] as OracleNode[]).map((c) => String(c['#text'] ?? '')).join('');
		else if ('#comment' in part) continue;
		else out.children.push(convert(part));
	}
	return out;
}

/** Deterministic PRNG so a failure can be replayed from its seed. */
function rng(seed: number) {
	let state = seed >>> 0 || 1;
	return () => {
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		return (state >>> 0) / 0x1_0000_0000;
	};
}

const TEXT_PIECES = [
	'Hyra',
	'Kostnadsställe',
	'Förvaltning åäö ÅÄÖ',
	'1910',
	'-1234.50',
	' ',
	'  ',
	'\n\t',
	'a&b',
	'<x>',
	'"q"',
	"'a'",
	'*',
	'€ 😀',
	']]',
	'>',
];
const ENTITY_PIECES = [
	'&lt;',
	'&gt;',
	'&amp;',
	'&quot;',
	'&apos;',
	'&#65;',
	'&#x41;',
	'&#229;',
	'&#xE5;',
	'&#x1F600;',
];
const NAMES = [
	'Envelope',
	'Body',
	'Row',
	'Amount',
	'CompanyId',
	'string',
	'long',
	'KeyValueOfstringstring',
	'Key',
	'Value',
	'Data',
	'EventInfo',
	'Messages',
	'Ärende',
];
const PREFIXES = ['s', 'a', 'b', 'i', ''];

function generate(seed: number): string {
	const random = rng(seed);
	const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
	const text = () => {
		let out = '';
		const parts = Math.floor(random() * 4);
		for (let i = 0; i < parts; i++)
			out +=
				random() < 0.4
					? pick(ENTITY_PIECES)
					: escapeXml(pick(TEXT_PIECES)).replace(/&apos;/g, random() < 0.5 ? "'" : '&apos;');
		return out;
	};
	const attrValue = () =>
		escapeXml(pick(TEXT_PIECES).replace(/[\t\n\r]/g, ' ')) +
		(random() < 0.3 ? pick(ENTITY_PIECES) : '');
	const element = (depth: number, declared: Set<string>): string => {
		const scope = new Set(declared);
		const attrs: string[] = [];
		if (depth > 0 && random() < 0.3) {
			const prefix = pick(PREFIXES);
			attrs.push(
				prefix
					? `xmlns:${prefix}="urn:test:${prefix}${Math.floor(random() * 3)}"`
					: `xmlns="urn:default:${Math.floor(random() * 3)}"`,
			);
			if (prefix) scope.add(prefix);
		}
		const usable = [...scope];
		const prefix = usable.length && random() < 0.5 ? pick(usable) : '';
		const name = (prefix ? `${prefix}:` : '') + pick(NAMES);
		const used = new Set<string>();
		for (let i = Math.floor(random() * 3); i > 0; i--) {
			const attrName =
				random() < 0.2 && scope.has('i') ? 'i:nil' : pick(['id', 'type', 'lang', 'x-y', 'z.w']);
			if (used.has(attrName)) continue;
			used.add(attrName);
			attrs.push(
				attrName === 'i:nil'
					? 'i:nil="true"'
					: random() < 0.5
						? `${attrName}="${attrValue()}"`
						: `${attrName}='${attrValue().replace(/'/g, '&apos;')}'`,
			);
		}
		const open = `<${name}${attrs.map((a) => ` ${a}`).join('')}`;
		if (random() < 0.15) return `${open}${random() < 0.5 ? ' ' : ''}/>`;
		let body = '';
		const parts = depth > 4 ? Math.floor(random() * 2) : Math.floor(random() * 5);
		for (let i = 0; i < parts; i++) {
			const kind = random();
			if (kind < 0.45 && depth < 7) body += element(depth + 1, scope);
			else if (kind < 0.75) body += text();
			else if (kind < 0.88) body += `<![CDATA[${pick(TEXT_PIECES).replace(']]', '] ]')}<&>]]>`;
			else body += `<!-- ${pick(['kommentar', 'x - y', ''])} -->`;
		}
		return `${open}>${body}</${name}>`;
	};
	const declaration = random() < 0.5 ? '<?xml version="1.0" encoding="utf-8"?>\n' : '';
	return `${declaration}${element(0, new Set(['i', 's', 'a', 'b']))}`;
}

function withXsi(doc: string): string {
	// Bind `i` on the root when the generator used it without declaring it there.
	return doc.replace(
		/^(<\?xml[^>]*\?>\n)?<([^\s>/]+)/,
		(_m, decl: string | undefined, name: string) =>
			`${decl ?? ''}<${name} xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns:s="urn:s" xmlns:a="urn:a" xmlns:b="urn:b"`,
	);
}

describe('differential test against fast-xml-parser', () => {
	it('reads 3000 generated documents exactly as the oracle does', () => {
		let compared = 0;
		for (let seed = 1; seed <= 3000; seed++) {
			const doc = withXsi(generate(seed));
			expect(XMLValidator.validate(doc)).toBe(true);
			let ours: Canonical | undefined;
			let failure: string | undefined;
			try {
				ours = fromOurs(parseXml(doc));
			} catch (error) {
				failure = (error as Error).message;
			}
			expect({ seed, failure, doc: failure ? doc : '' }).toEqual({
				seed,
				failure: undefined,
				doc: '',
			});
			const theirs = fromOracle(oracle.parse(doc) as OracleNode[]);
			if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
				expect({ seed, doc, ours }).toEqual({ seed, doc, ours: theirs });
			}
			compared++;
		}
		expect(compared).toBe(3000);
	});

	it('reads a 5000-row WCF revision answer like the oracle', () => {
		const rows = Array.from(
			{ length: 5000 },
			(_, i) =>
				`<a:RevisionItem><a:EventInfo><a:EventId>${i + 1}</a:EventId><a:ProcessingCode>New</a:ProcessingCode></a:EventInfo>` +
				`<a:Data><a:Account>1910</a:Account><a:Amount>-${i}.50</a:Amount><a:Text>Hyra &amp; el ${i} åäö</a:Text><a:Note i:nil="true"/></a:Data></a:RevisionItem>`,
		).join('');
		const doc = `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><R xmlns="urn:x" xmlns:a="urn:a" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><a:RevisionResult>${rows}</a:RevisionResult></R></s:Body></s:Envelope>`;
		expect(fromOurs(parseXml(doc))).toEqual(fromOracle(oracle.parse(doc) as OracleNode[]));
	});

	const malformed: Array<[string, string]> = [
		['mismatched end tag', '<a><b></a></b>'],
		['unclosed element', '<a><b></b>'],
		['bare ampersand', '<a>x & y</a>'],
		['duplicate attribute', '<a x="1" x="2"/>'],
		['unquoted attribute', '<a x=1/>'],
		['end tag first', '</a>'],
		['unclosed CDATA', '<a><![CDATA[x</a>'],
		['unclosed comment', '<a><!-- x</a>'],
		['empty document', '   '],
		['bad element name', '<1a/>'],
	];
	it.each(malformed)('refuses a document with %s (as the oracle does)', (_label, doc) => {
		expect(() => parseXml(doc)).toThrow(XmlError);
		expect(XMLValidator.validate(doc)).not.toBe(true);
	});

	const stricter: Array<[string, string]> = [
		['two roots', '<a/><b/>'],
		['unknown entity', '<a>&nbspx;</a>'],
		['< in attribute', '<a x="<"/>'],
		['text after root', '<a/>tail'],
	];
	it.each(stricter)(
		'refuses a document with %s (the oracle is more lenient here)',
		(_label, doc) => {
			expect(() => parseXml(doc)).toThrow(XmlError);
		},
	);
});

describe('what the oracle does not check', () => {
	it('resolves namespaces: default, prefixed, redeclared in a child and restored after it', () => {
		const root = parseXml(
			'<s:E xmlns:s="urn:env" xmlns="urn:d"><B><s:C xmlns:s="urn:other"/><s:D/></B><x:Y xmlns:x="urn:x"/></s:E>',
		);
		expect([root.ns, root.local]).toEqual(['urn:env', 'E']);
		const b = child(root, 'B')!;
		expect(b.ns).toBe('urn:d');
		expect(child(b, 'C')!.ns).toBe('urn:other');
		expect(child(b, 'D')!.ns).toBe('urn:env');
		expect(child(root, 'Y')!.ns).toBe('urn:x');
	});

	it('refuses unbound prefixes and DOCTYPE (no entity expansion at all)', () => {
		expect(() => parseXml('<x:a/>')).toThrow(/Unbound namespace prefix "x"/);
		expect(() => parseXml('<a b:c="1"/>')).toThrow(/Unbound/);
		expect(() => parseXml('<!DOCTYPE a [<!ENTITY e "boom">]><a>&e;</a>')).toThrow(/DOCTYPE/);
	});

	it('reads nil, empty, WCF arrays and dictionaries', () => {
		const root = parseXml(
			'<R xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns:a="http://schemas.microsoft.com/2003/10/Serialization/Arrays">' +
				'<Messages><a:string>Fel 1</a:string><a:string>Fel &lt;2&gt;</a:string></Messages><Empty/><Nil i:nil="true"/>' +
				'<Dict><a:KeyValueOfstringint><a:Key>101</a:Key><a:Value>3</a:Value></a:KeyValueOfstringint></Dict>' +
				'<One><a:string>x</a:string></One></R>',
		);
		expect(childrenNamed(child(root, 'Messages'), 'string').map((m) => m.text)).toEqual([
			'Fel 1',
			'Fel <2>',
		]);
		expect(leafValue(child(root, 'Empty'))).toBe('');
		expect(isNil(child(root, 'Nil')!)).toBe(true);
		expect(leafValue(child(root, 'Nil'))).toBeNull();
		expect(
			keyValuePairs(child(root, 'Dict')).map(({ key, value }) => [key.text, value?.text]),
		).toEqual([['101', '3']]);
		expect(elementToJson(root, new Set(['One', 'Messages']))).toEqual({
			Messages: ['Fel 1', 'Fel <2>'],
			Empty: '',
			Nil: null,
			Dict: { KeyValueOfstringint: { Key: '101', Value: '3' } },
			One: ['x'],
		});
		expect(descendant(root, 'Value')?.text).toBe('3');
	});

	it('repeated siblings become a list; attribute values are normalised', () => {
		const root = parseXml('<r><x>1</x><x>2</x><x>3</x><y a="p\tq"/></r>');
		expect(elementToJson(root)).toEqual({ x: ['1', '2', '3'], y: '' });
		expect(child(root, 'y')!.attrs.a).toBe('p q');
	});
});
