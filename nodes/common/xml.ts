/**
 * A small strict XML reader for the documents our SOAP APIs answer with.
 * Zero dependencies. It reads elements, attributes, text, CDATA, comments, processing instructions and the
 * XML declaration; resolves namespace prefixes; decodes the five predefined entities and character
 * references. It refuses what a SOAP answer never contains and what would be unsafe to expand (DOCTYPE /
 * entity declarations) and every well-formedness error it can see cheaply (mismatched or unclosed tags,
 * duplicate attributes, unknown entities, unbound prefixes, a bare `<` or `&`, text outside the root).
 * It is tested against fast-xml-parser (a dev dependency only) on thousands of generated documents.
 */

export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export interface XmlElement {
	/** The qualified name as written (`s:Envelope`). */
	name: string;
	/** The local part (`Envelope`). */
	local: string;
	/** The namespace URI the prefix (or the default namespace) resolves to; '' when none. */
	ns: string;
	/** Attributes by qualified name, values decoded (namespace declarations included). */
	attrs: Record<string, string>;
	children: XmlElement[];
	/** All direct text and CDATA of the element, concatenated in document order. */
	text: string;
}

export class XmlError extends Error {
	constructor(
		message: string,
		readonly position: number,
	) {
		super(`${message} (at character ${position})`);
		this.name = 'XmlError';
	}
}

const NAME =
	/^[A-Za-z_\u00C0-\uFFFF][\w.\-\u00B7\u00C0-\uFFFF]*(?::[A-Za-z_\u00C0-\uFFFF][\w.\-\u00B7\u00C0-\uFFFF]*)?$/;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

/** Replaces entity and character references; any other `&` is an error. */
export function decodeEntities(raw: string, position = 0): string {
	if (!raw.includes('&')) return raw;
	let out = '';
	let last = 0;
	for (let amp = raw.indexOf('&'); amp >= 0; amp = raw.indexOf('&', last)) {
		const semi = raw.indexOf(';', amp);
		if (semi < 0 || semi - amp > 12) throw new XmlError('A bare "&" (write &amp;)', position + amp);
		const ref = raw.slice(amp + 1, semi);
		let value: string | undefined;
		if (ref[0] === '#') {
			const code =
				ref[1] === 'x'
					? parseInt(ref.slice(2), 16)
					: /^\d+$/.test(ref.slice(1))
						? parseInt(ref.slice(1), 10)
						: NaN;
			const valid = ref[1] === 'x' ? /^#x[0-9A-Fa-f]+$/.test(ref) : /^#\d+$/.test(ref);
			if (!valid || !Number.isFinite(code) || code > 0x10ffff || code === 0) {
				throw new XmlError(`Invalid character reference "&${ref};"`, position + amp);
			}
			value = String.fromCodePoint(code);
		} else {
			value = PREDEFINED[ref];
		}
		if (value === undefined) throw new XmlError(`Unknown entity "&${ref};"`, position + amp);
		out += raw.slice(last, amp) + value;
		last = semi + 1;
	}
	return out + raw.slice(last);
}

/** Escapes text for element content and attribute values. */
export function escapeXml(value: string): string {
	return value.replace(
		/[&<>"']/g,
		(c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`,
	);
}

interface Open {
	element: XmlElement;
	/** Prefix → namespace declared on this element, or undefined when it declares none. */
	scope: Map<string, string>;
}

/** Parses a whole document and returns its root element. */
export function parseXml(xml: string): XmlElement {
	const length = xml.length;
	let pos = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
	const stack: Open[] = [];
	let root: XmlElement | undefined;
	const documentScope = new Map<string, string>([
		['xml', XML_NS],
		['', ''],
	]);
	let scope = documentScope;

	const addText = (text: string, at: number) => {
		if (!text) return;
		const top = stack[stack.length - 1];
		if (!top) {
			if (/\S/.test(text)) throw new XmlError('Text outside the root element', at);
			return;
		}
		top.element.text += text;
	};

	while (pos < length) {
		const lt = xml.indexOf('<', pos);
		const textEnd = lt < 0 ? length : lt;
		if (textEnd > pos) {
			const raw = xml.slice(pos, textEnd);
			if (raw.includes('>') && raw.includes(']]>'))
				throw new XmlError('"]]>" is not allowed in text', pos);
			addText(decodeEntities(raw, pos), pos);
		}
		if (lt < 0) break;
		pos = lt;
		const next = xml.charCodeAt(pos + 1);
		if (next === 0x21 /* ! */) {
			if (xml.startsWith('<!--', pos)) {
				const end = xml.indexOf('-->', pos + 4);
				if (end < 0) throw new XmlError('Unclosed comment', pos);
				pos = end + 3;
			} else if (xml.startsWith('<![CDATA[', pos)) {
				const end = xml.indexOf(']]>', pos + 9);
				if (end < 0) throw new XmlError('Unclosed CDATA section', pos);
				if (!stack.length) throw new XmlError('CDATA outside the root element', pos);
				addText(xml.slice(pos + 9, end), pos);
				pos = end + 3;
			} else {
				throw new XmlError('DOCTYPE and entity declarations are not accepted', pos);
			}
			continue;
		}
		if (next === 0x3f /* ? */) {
			const end = xml.indexOf('?>', pos + 2);
			if (end < 0) throw new XmlError('Unclosed processing instruction', pos);
			pos = end + 2;
			continue;
		}
		if (next === 0x2f /* / */) {
			const end = xml.indexOf('>', pos + 2);
			if (end < 0) throw new XmlError('Unclosed end tag', pos);
			const name = xml.slice(pos + 2, end).trimEnd();
			const open = stack.pop();
			if (!open) throw new XmlError(`End tag </${name}> without a start tag`, pos);
			if (open.element.name !== name)
				throw new XmlError(`End tag </${name}> does not match <${open.element.name}>`, pos);
			scope = stack.length ? stack[stack.length - 1].scope : documentScope;
			pos = end + 1;
			continue;
		}
		// A start tag: name, attributes, then > or />.
		const tagEnd = findTagEnd(xml, pos);
		const selfClosing = xml.charCodeAt(tagEnd - 1) === 0x2f;
		const inner = xml.slice(pos + 1, selfClosing ? tagEnd - 1 : tagEnd);
		const nameMatch = /^[^\s/>]+/.exec(inner);
		const name = nameMatch ? nameMatch[0] : '';
		if (!NAME.test(name)) throw new XmlError(`Invalid element name "${name}"`, pos);
		const attrs = parseAttributes(inner.slice(name.length), pos + 1 + name.length);

		let elementScope = scope;
		for (const attr of Object.keys(attrs)) {
			if (attr === 'xmlns' || attr.startsWith('xmlns:')) {
				if (elementScope === scope) elementScope = new Map(scope);
				const prefix = attr === 'xmlns' ? '' : attr.slice(6);
				if (prefix && attrs[attr] === '')
					throw new XmlError(`The prefix "${prefix}" cannot be undeclared`, pos);
				elementScope.set(prefix, attrs[attr]);
			}
		}
		const colon = name.indexOf(':');
		const prefix = colon < 0 ? '' : name.slice(0, colon);
		const ns = elementScope.get(prefix);
		if (ns === undefined) throw new XmlError(`Unbound namespace prefix "${prefix}"`, pos);
		for (const attr of Object.keys(attrs)) {
			const attrColon = attr.indexOf(':');
			if (
				attrColon > 0 &&
				!attr.startsWith('xmlns:') &&
				!elementScope.has(attr.slice(0, attrColon))
			) {
				throw new XmlError(`Unbound namespace prefix "${attr.slice(0, attrColon)}"`, pos);
			}
		}
		const element: XmlElement = {
			name,
			local: colon < 0 ? name : name.slice(colon + 1),
			ns,
			attrs,
			children: [],
			text: '',
		};
		const parent = stack[stack.length - 1];
		if (parent) parent.element.children.push(element);
		else if (root) throw new XmlError('A second root element', pos);
		else root = element;
		if (!selfClosing) {
			stack.push({ element, scope: elementScope });
			scope = elementScope;
		}
		pos = tagEnd + 1;
	}
	if (stack.length)
		throw new XmlError(`Element <${stack[stack.length - 1].element.name}> is not closed`, length);
	if (!root) throw new XmlError('The document has no root element', 0);
	return root;
}

/** The `>` that ends the tag starting at `start`, skipping quoted attribute values. */
function findTagEnd(xml: string, start: number): number {
	let quote = 0;
	for (let i = start + 1; i < xml.length; i++) {
		const c = xml.charCodeAt(i);
		if (quote) {
			if (c === quote) quote = 0;
			else if (c === 0x3c) throw new XmlError('"<" inside an attribute value', i);
		} else if (c === 0x22 || c === 0x27) quote = c;
		else if (c === 0x3e) return i;
		else if (c === 0x3c) throw new XmlError('Unclosed start tag', start);
	}
	throw new XmlError('Unclosed start tag', start);
}

const ATTRIBUTE = /\s+([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;

function parseAttributes(text: string, position: number): Record<string, string> {
	const attrs: Record<string, string> = {};
	if (!text.trim()) return attrs;
	ATTRIBUTE.lastIndex = 0;
	let last = 0;
	for (let match = ATTRIBUTE.exec(text); match; match = ATTRIBUTE.exec(text)) {
		const name = match[1];
		if (!NAME.test(name))
			throw new XmlError(`Invalid attribute name "${name}"`, position + match.index);
		if (Object.prototype.hasOwnProperty.call(attrs, name))
			throw new XmlError(`Duplicate attribute "${name}"`, position + match.index);
		const raw = match[2] ?? match[3];
		// Attribute-value normalisation: tabs and line breaks become spaces (XML 1.0 §3.3.3).
		attrs[name] = decodeEntities(raw.replace(/[\t\n\r]/g, ' '), position + match.index);
		last = ATTRIBUTE.lastIndex;
	}
	if (text.slice(last).trim())
		throw new XmlError(
			`Malformed attributes "${text.slice(last).trim().slice(0, 30)}"`,
			position + last,
		);
	return attrs;
}

/* ---- Reading helpers for the shapes SOAP services answer with ---- */

/** The first child with this local name (any namespace). */
export function child(element: XmlElement | undefined, local: string): XmlElement | undefined {
	return element?.children.find((candidate) => candidate.local === local);
}

/** Every child with this local name (a WCF array's items). */
export function childrenNamed(element: XmlElement | undefined, local: string): XmlElement[] {
	return element ? element.children.filter((candidate) => candidate.local === local) : [];
}

/** The first element with this local name at any depth (depth-first, document order). */
export function descendant(element: XmlElement | undefined, local: string): XmlElement | undefined {
	if (!element) return undefined;
	for (const candidate of element.children) {
		if (candidate.local === local) return candidate;
		const found = descendant(candidate, local);
		if (found) return found;
	}
	return undefined;
}

/** `xsi:nil="true"`, whatever prefix the document bound to the schema-instance namespace. */
export function isNil(element: XmlElement): boolean {
	for (const [name, value] of Object.entries(element.attrs)) {
		if (value !== 'true' && value !== '1') continue;
		const colon = name.indexOf(':');
		if (colon > 0 && name.slice(colon + 1) === 'nil') {
			const prefix = name.slice(0, colon);
			const declared = findNamespaceDeclaration(element, prefix);
			if (declared === undefined || declared === XSI_NS) return true;
		}
	}
	return false;
}

function findNamespaceDeclaration(element: XmlElement, prefix: string): string | undefined {
	return element.attrs[`xmlns:${prefix}`];
}

/** Text of a leaf: null when nil, else its text. */
export function leafValue(element: XmlElement | undefined): string | null | undefined {
	if (!element) return undefined;
	if (isNil(element)) return null;
	return element.text;
}

/**
 * A WCF `Dictionary<K,V>` (`ArrayOfKeyValueOf…` of `KeyValueOf…` with `Key` and `Value` children) as
 * pairs of elements.
 */
export function keyValuePairs(
	element: XmlElement | undefined,
): Array<{ key: XmlElement; value: XmlElement | undefined }> {
	if (!element) return [];
	const pairs: Array<{ key: XmlElement; value: XmlElement | undefined }> = [];
	for (const entry of element.children) {
		const key = child(entry, 'Key');
		if (key) pairs.push({ key, value: child(entry, 'Value') });
	}
	return pairs;
}

export type XmlJson = string | null | XmlJson[] | { [key: string]: XmlJson };

/**
 * A record-like element as JSON: leaves become their text (nil → null), children become properties by
 * local name, a name repeated among siblings becomes a list, and an element whose children all share one
 * name (a WCF array such as `ArrayOfstring`) becomes a list even with a single item when `arrays` names it.
 */
export function elementToJson(
	element: XmlElement,
	arrays: ReadonlySet<string> = new Set(),
): XmlJson {
	if (isNil(element)) return null;
	if (!element.children.length) return arrays.has(element.local) ? [] : element.text;
	if (arrays.has(element.local)) return element.children.map((item) => elementToJson(item, arrays));
	const out: { [key: string]: XmlJson } = {};
	for (const item of element.children) {
		const value = elementToJson(item, arrays);
		const existing = out[item.local];
		if (existing === undefined) out[item.local] = value;
		else if (Array.isArray(existing) && (existing as XmlJson[] & { repeated?: boolean }).repeated)
			existing.push(value);
		else {
			const list = [existing, value] as XmlJson[] & { repeated?: boolean };
			Object.defineProperty(list, 'repeated', { value: true, enumerable: false });
			out[item.local] = list;
		}
	}
	return out;
}
