import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { PreparedItems } from '../../common/router';
import {
	fieldError,
	isBlank,
	isValidNip,
	readString,
	toAmount,
	toIsoDate,
	toText,
} from '../../common/validate';
import { callIfirma, documentRef, downloadIfirmaFile, type Download } from '../transport';
import type { IfirmaResponse } from '../types';
import { readFieldsOrJson } from '../../common/fieldsOrJson';
import { LINES, contractorOptionalFields } from './fields';

/** The editor's label of each contractor field, so that an error names the field the user sees. */
export const CONTRACTOR_LABELS: Record<string, string> = {
	Nazwa: 'Name',
	KodPocztowy: 'Postal Code',
	Miejscowosc: 'City',
	...Object.fromEntries(contractorOptionalFields.map((field) => [field.name, field.displayName])),
};

/** Today in Poland (iFirma's calendar), as yyyy-mm-dd. */
export function todayInPoland(now = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Europe/Warsaw',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
	}).format(now);
}

export function addDays(isoDate: string, days: number): string {
	const date = new Date(`${isoDate}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

/** A date parameter (editor date picker, yyyy-mm-dd or an expression), or `fallback` when empty. */
export function readDate(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
	fallback?: string,
): string {
	const value = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	if (value === '' || value === undefined || value === null) {
		if (fallback !== undefined) return fallback;
		throw fieldError(ctx, itemIndex, label, 'is required');
	}
	return toIsoDate(ctx, value, itemIndex, label);
}

export function optionalDate(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	label: string,
): string | undefined {
	if (value === '' || value === undefined || value === null) return undefined;
	return toIsoDate(ctx, value, itemIndex, label);
}

/** A text value with a length limit; empty → undefined. */
export function optionalText(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	label: string,
	maxLength?: number,
): string | undefined {
	if (isBlank(value)) return undefined;
	const text = toText(ctx, value, itemIndex, label);
	if (maxLength && text.length > maxLength)
		throw fieldError(
			ctx,
			itemIndex,
			label,
			`must be at most ${maxLength} characters, got ${text.length}`,
		);
	return text;
}

/** What says whether a tax id is Polish: the EU prefix, the country code, or only the value itself. */
export interface NipContext {
	euPrefix?: string;
	country?: string;
	/** Nothing else tells the country (a tax id alone): ten digits are taken for a Polish NIP. */
	valueOnly?: boolean;
}

/**
 * A tax id. A Polish NIP must pass the checksum and is sent as ten digits. A foreign one is sent as given, up to
 * 13 characters: with an EU prefix or a country code other than PL (a Norwegian 923609016 with country NO, the
 * buyer of an export invoice), or, where only the value is known, anything that is not ten digits.
 */
export function checkNip(
	ctx: IExecuteFunctions,
	value: string,
	where: NipContext,
	itemIndex: number,
	label: string,
): string {
	const text = value.trim();
	const foreign = [where.euPrefix, where.country].some(
		(code) => code && code.trim().toUpperCase() !== 'PL',
	);
	const digits = text.replace(/^PL/i, '').replace(/[\s-]/g, '');
	const polish = !foreign && (!where.valueOnly || /^\d{10}$/.test(digits));
	if (polish) {
		if (!isValidNip(text))
			throw fieldError(
				ctx,
				itemIndex,
				label,
				`"${text}" is not a valid NIP (10 digits with a correct checksum); a foreign tax ID needs its country code or EU prefix`,
			);
		return digits;
	}
	if (text.length > 13) throw fieldError(ctx, itemIndex, label, 'must be at most 13 characters');
	return text;
}

// ── contractor ───────────────────────────────────────────────────────────────────────────────────

const CONTRACTOR_LIMITS: Record<string, number> = {
	Nazwa: 150,
	Nazwa2: 150,
	Identyfikator: 15,
	PrefiksUE: 2,
	Ulica: 65,
	KodPocztowy: 16,
	Kraj: 70,
	KodKraju: 2,
	Miejscowosc: 65,
	Email: 65,
	EmailDlaFaktury: 65,
	Www: 32,
};

/** A contractor object in iFirma's names from the required trio and a collection of optional fields. */
export function contractorObject(
	ctx: IExecuteFunctions,
	itemIndex: number,
	required: { Nazwa: unknown; KodPocztowy: unknown; Miejscowosc: unknown },
	optional: IDataObject,
	labels = { Nazwa: 'Name', KodPocztowy: 'Postal Code', Miejscowosc: 'City' },
): IDataObject {
	const contractor: IDataObject = {};
	for (const [key, value] of Object.entries(required)) {
		const label = labels[key as keyof typeof labels];
		const text = optionalText(ctx, value, itemIndex, label, CONTRACTOR_LIMITS[key]);
		if (!text) throw fieldError(ctx, itemIndex, label, 'is required');
		contractor[key] = text;
	}
	for (const [key, value] of Object.entries(optional)) {
		if (typeof value === 'boolean') contractor[key] = value;
		else {
			const text = optionalText(
				ctx,
				value,
				itemIndex,
				CONTRACTOR_LABELS[key] ?? key,
				CONTRACTOR_LIMITS[key],
			);
			if (text !== undefined) contractor[key] = text;
		}
	}
	if (typeof contractor.PrefiksUE === 'string')
		contractor.PrefiksUE = contractor.PrefiksUE.toUpperCase();
	if (typeof contractor.KodKraju === 'string')
		contractor.KodKraju = contractor.KodKraju.toUpperCase();
	if (typeof contractor.NIP === 'string') {
		contractor.NIP = checkNip(
			ctx,
			contractor.NIP,
			{
				euPrefix: contractor.PrefiksUE as string | undefined,
				country: contractor.KodKraju as string | undefined,
			},
			itemIndex,
			'NIP',
		);
	}
	for (const field of ['Email', 'EmailDlaFaktury']) {
		if (
			typeof contractor[field] === 'string' &&
			!/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(contractor[field] as string)
		) {
			throw fieldError(
				ctx,
				itemIndex,
				field === 'Email' ? 'E-Mail' : 'E-Mail for Invoices',
				`"${String(contractor[field])}" is not an e-mail address`,
			);
		}
	}
	return contractor;
}

/** The contractor part of a document body (docs/api/ifirma.md §5.2): by identifier, by NIP, or a new one inline. */
export function readDocumentContractor(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const mode = ctx.getNodeParameter('contractorMode', itemIndex, 'id') as string;
	if (mode === 'id') {
		const id = optionalText(
			ctx,
			ctx.getNodeParameter('contractorId', itemIndex, ''),
			itemIndex,
			'Contractor Identifier',
			15,
		);
		if (!id) throw fieldError(ctx, itemIndex, 'Contractor Identifier', 'is required');
		return { IdentyfikatorKontrahenta: id };
	}
	if (mode === 'nip') {
		const prefix = optionalText(
			ctx,
			ctx.getNodeParameter('contractorEuPrefix', itemIndex, ''),
			itemIndex,
			'EU Prefix',
			2,
		)?.toUpperCase();
		const raw = optionalText(
			ctx,
			ctx.getNodeParameter('contractorNip', itemIndex, ''),
			itemIndex,
			'Contractor NIP',
		);
		if (!raw) throw fieldError(ctx, itemIndex, 'Contractor NIP', 'is required');
		const nip = checkNip(
			ctx,
			raw,
			{ euPrefix: prefix, valueOnly: true },
			itemIndex,
			'Contractor NIP',
		);
		return { NIPKontrahenta: nip, ...(prefix ? { PrefiksUEKontrahenta: prefix } : {}) };
	}
	const contractor = contractorObject(
		ctx,
		itemIndex,
		{
			Nazwa: ctx.getNodeParameter('contractorName', itemIndex, ''),
			KodPocztowy: ctx.getNodeParameter('contractorPostCode', itemIndex, ''),
			Miejscowosc: ctx.getNodeParameter('contractorCity', itemIndex, ''),
		},
		ctx.getNodeParameter('contractorDetails', itemIndex, {}) as IDataObject,
		{
			Nazwa: 'Contractor Name',
			KodPocztowy: 'Contractor Postal Code',
			Miejscowosc: 'Contractor City',
		},
	);
	return { Kontrahent: { Identyfikator: null, ...contractor } };
}

// ── line items ───────────────────────────────────────────────────────────────────────────────────

export type LineStyle = 'vat' | 'nonVat' | 'oss' | 'bill';

interface LineInput {
	name?: unknown;
	quantity?: unknown;
	unit?: unknown;
	unitPrice?: unknown;
	vatRate?: unknown;
	customVatRate?: unknown;
	discount?: unknown;
	pkwiu?: unknown;
	gtu?: unknown;
	legalBasis?: unknown;
	flatRate?: unknown;
	foreignName?: unknown;
	foreignUnit?: unknown;
	rateKind?: unknown;
}

const API_NAMES: Record<string, keyof LineInput> = {
	NazwaPelna: 'name',
	Ilosc: 'quantity',
	Jednostka: 'unit',
	CenaJednostkowa: 'unitPrice',
	StawkaVat: 'vatRate',
	Rabat: 'discount',
	PKWiU: 'pkwiu',
	GTU: 'gtu',
	PodstawaPrawna: 'legalBasis',
	StawkaRyczaltu: 'flatRate',
	NazwaPelnaObca: 'foreignName',
	JednostkaObca: 'foreignUnit',
	TypStawkiVat: 'rateKind',
};

function fromApiNames(raw: IDataObject): LineInput {
	const line: LineInput = {};
	for (const [key, value] of Object.entries(raw)) {
		const ours = (API_NAMES[key] ?? key) as keyof LineInput;
		line[ours] = value;
	}
	// iFirma's own form: StawkaVat is a fraction (0.23) and TypStawkiVat ZW means exempt.
	if ('StawkaVat' in raw || 'TypStawkiVat' in raw) {
		if (raw.TypStawkiVat === 'ZW' || raw.StawkaVat === null) line.vatRate = 'zw';
		else if (typeof raw.StawkaVat === 'number') line.vatRate = raw.StawkaVat * 100;
		if (raw.TypStawkiVat === 'PRC' || raw.TypStawkiVat === 'ZW') line.rateKind = '';
	}
	return line;
}

/** A percent as the API's fraction (23 → 0.23), from an options value, a number or text like "23%". */
function vatFraction(
	ctx: IExecuteFunctions,
	line: LineInput,
	itemIndex: number,
	label: string,
): number | null {
	let rate = line.vatRate;
	if (rate === 'other') rate = line.customVatRate;
	if (typeof rate === 'string') {
		const text = rate.trim().toLowerCase().replace('%', '').replace(',', '.');
		if (text === 'zw' || text === 'exempt') return null;
		rate = text === '' ? NaN : Number(text);
	}
	if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0 || rate >= 100) {
		throw fieldError(
			ctx,
			itemIndex,
			label,
			`must be a VAT rate in percent (23, 8, 5, 0) or "zw", got ${JSON.stringify(line.vatRate)}`,
		);
	}
	return Math.round(rate * 100) / 10000;
}

const articleOf = (kindName: string) => `${/^[AEIOU]/i.test(kindName) ? 'an' : 'a'} ${kindName}`;

/** Reads the line items (fixed collection or JSON) and turns them into iFirma's `Pozycje`. */
export function readLines(
	ctx: IExecuteFunctions,
	itemIndex: number,
	style: LineStyle,
	defaultLegalBasis?: string,
	options: { allowZeroQuantity?: boolean; foreign?: string } = {},
): IDataObject[] {
	const { source, rows } = readFieldsOrJson(ctx, itemIndex, LINES);
	// Mapped JSON may use iFirma's own names and forms (StawkaVat 0.23); rows entered in the editor use ours.
	const inputs: LineInput[] =
		source === 'json' ? rows.map(fromApiNames) : rows.map((row) => ({ ...row }) as LineInput);
	if (!inputs.length) throw fieldError(ctx, itemIndex, 'Line Items', 'add at least one line');

	return inputs.map((line, index) => {
		const label = (field: string) => `Line ${index + 1} ${field}`;
		const name = optionalText(ctx, line.name, itemIndex, label('Name'), 300);
		if (!name) throw fieldError(ctx, itemIndex, label('Name'), 'is required');
		const quantity =
			typeof line.quantity === 'string'
				? Number(line.quantity.replace(',', '.'))
				: (line.quantity ?? 1);
		if (
			typeof quantity !== 'number' ||
			!Number.isFinite(quantity) ||
			quantity < 0 ||
			(quantity === 0 && !options.allowZeroQuantity)
		) {
			const expected = options.allowZeroQuantity
				? 'a number from 0 (0 removes the line)'
				: 'a number above 0';
			throw fieldError(
				ctx,
				itemIndex,
				label('Quantity'),
				`must be ${expected}, got ${JSON.stringify(line.quantity)}`,
			);
		}
		const price = toAmount(ctx, line.unitPrice ?? '', itemIndex, label('Unit Price'));
		if (price < 0) throw fieldError(ctx, itemIndex, label('Unit Price'), 'must not be negative');
		const out: IDataObject = {
			NazwaPelna: name,
			Ilosc: quantity,
			CenaJednostkowa: price,
			Jednostka: optionalText(ctx, line.unit, itemIndex, label('Unit'), 10) ?? 'szt.',
		};
		const discount =
			line.discount === undefined || line.discount === '' ? 0 : Number(line.discount);
		if (!Number.isFinite(discount) || discount < 0 || discount >= 100)
			throw fieldError(ctx, itemIndex, label('Discount (%)'), 'must be from 0 to below 100');
		if (discount) out.Rabat = discount;
		const flatRate =
			line.flatRate === undefined || line.flatRate === '' ? 0 : Number(line.flatRate);
		if (!Number.isFinite(flatRate) || flatRate < 0 || flatRate >= 100)
			throw fieldError(
				ctx,
				itemIndex,
				label('Flat-Rate Tax (%)'),
				'must be a percent from 0 to below 100',
			);
		if (flatRate) out.StawkaRyczaltu = Math.round(flatRate * 100) / 10000;
		if (style === 'bill') return out;

		// Export-type kinds need both on every line (docs/api/ifirma.md §5.2, line table).
		const foreignName = optionalText(ctx, line.foreignName, itemIndex, label('Foreign Name'), 300);
		const foreignUnit = optionalText(ctx, line.foreignUnit, itemIndex, label('Foreign Unit'), 10);
		if (options.foreign && !foreignName)
			throw fieldError(
				ctx,
				itemIndex,
				label('Foreign Name'),
				`is required on ${articleOf(options.foreign)} (NazwaPelnaObca: the item name in the print language)`,
			);
		if (options.foreign && !foreignUnit)
			throw fieldError(
				ctx,
				itemIndex,
				label('Foreign Unit'),
				`is required on ${articleOf(options.foreign)} (JednostkaObca: the unit in the print language, e.g. pcs)`,
			);
		if (foreignName) out.NazwaPelnaObca = foreignName;
		if (foreignUnit) out.JednostkaObca = foreignUnit;
		const pkwiu = optionalText(ctx, line.pkwiu, itemIndex, label('PKWiU'), 30);
		out.PKWiU = pkwiu ?? '';
		const gtu = optionalText(ctx, line.gtu, itemIndex, label('GTU'));
		if (gtu && gtu !== 'BRAK') {
			const code = gtu.replace(/^GTU_?/i, '').padStart(2, '0');
			if (!/^(0[1-9]|1[0-3])$/.test(code))
				throw fieldError(ctx, itemIndex, label('GTU'), 'must be 01 to 13 or empty');
			out.GTU = code;
		}
		const legalBasis =
			optionalText(ctx, line.legalBasis, itemIndex, label('Legal Basis for Exemption')) ??
			defaultLegalBasis;
		const rate = style === 'nonVat' ? null : vatFraction(ctx, line, itemIndex, label('VAT Rate'));
		if (rate === null) {
			out.StawkaVat = null;
			out.TypStawkiVat = 'ZW';
			if (!legalBasis && style !== 'oss') {
				throw fieldError(
					ctx,
					itemIndex,
					label('Legal Basis for Exemption'),
					'is required with an exempt (ZW) rate, e.g. "Art. 113 ust. 1"',
				);
			}
			if (legalBasis) out.PodstawaPrawna = legalBasis;
		} else {
			out.StawkaVat = rate;
			const kind = typeof line.rateKind === 'string' ? line.rateKind.trim().toUpperCase() : '';
			if (style === 'oss') {
				if (kind && !['POD', 'PR1', 'PR2', 'PR3'].includes(kind))
					throw fieldError(ctx, itemIndex, label('OSS Rate Kind'), 'must be POD, PR1, PR2 or PR3');
				out.TypStawkiVat = kind || 'POD';
			} else {
				out.TypStawkiVat = 'PRC';
			}
		}
		return out;
	});
}

// ── outputs ──────────────────────────────────────────────────────────────────────────────────────

/** The id of a created document (numeric, sometimes sent as text: docs/api/ifirma.md §3.1). */
export function createdId(response: IfirmaResponse): number | string | undefined {
	const id =
		response.Identyfikator ??
		(typeof response.Wynik === 'string' || typeof response.Wynik === 'number'
			? response.Wynik
			: undefined);
	if (id === undefined || id === null || id === '') return undefined;
	return /^\d+$/.test(String(id)) ? Number(id) : String(id);
}

/** After a create: the id and message, and with Return Full Document the document as iFirma now shows it. */
export async function createdOutput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	response: IfirmaResponse,
	slug: string,
): Promise<IDataObject> {
	const id = createdId(response);
	const out: IDataObject = { Identyfikator: id ?? null, Informacja: response.Informacja ?? '' };
	if (id === undefined || !(ctx.getNodeParameter('returnDocument', itemIndex, true) as boolean))
		return out;
	return await readBack(
		ctx,
		itemIndex,
		out,
		async () =>
			await callIfirma.call(ctx, itemIndex, {
				method: 'GET',
				path: `${slug}/${documentRef(String(id))}.json`,
				safeToRepeat: true,
			}),
	);
}

/**
 * The read after a create: the document exists already, so a failed read must not fail the item (a rerun
 * would create it twice). The output then has the id and iFirma's message, and says why the rest is missing.
 */
export async function readBack(
	ctx: IExecuteFunctions,
	itemIndex: number,
	created: IDataObject,
	read: () => Promise<IDataObject>,
): Promise<IDataObject> {
	try {
		return { ...(await read()), ...created };
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return {
			...created,
			readBackError: `Created, but reading it back failed: ${message}. Do not run this item again; use Get with the ID.`,
		};
	}
}

/** Downloads a print and returns it as a binary item (PDF), with the document reference in its JSON. */
export async function pdfOutput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	slug: string,
	ref: string,
): Promise<PreparedItems> {
	const variant = ctx.getNodeParameter('variant', itemIndex, '') as string;
	return await fileOutput(ctx, itemIndex, slug, ref, 'pdf', variant);
}

/** A PDF print (`.pdf[.variant]`) or the XML version (`.xml`) as a binary item (docs/api/ifirma.md §5.4). */
export async function fileOutput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	slug: string,
	ref: string,
	kind: Download,
	variant = '',
): Promise<PreparedItems> {
	const property =
		readString(ctx, 'binaryPropertyName', itemIndex, 'Put Output File in Field') || 'data';
	const suffix = `${kind}${variant ? `.${variant}` : ''}`;
	const buffer = await downloadIfirmaFile.call(
		ctx,
		itemIndex,
		`${slug}/${documentRef(ref)}.${suffix}`,
		kind,
	);
	const fileName = `${slug}-${ref.replace(/[^\w-]+/g, '_')}${variant ? `-${variant}` : ''}.${kind}`;
	const binary = await ctx.helpers.prepareBinaryData(
		buffer,
		fileName,
		kind === 'pdf' ? 'application/pdf' : 'application/xml',
	);
	const json: IDataObject = { document: ref, kind: slug, fileName, fileSize: buffer.length };
	if (kind === 'pdf') json.variant = variant || 'default';
	const item: INodeExecutionData = { json, binary: { [property]: binary } };
	return { preparedItems: [item] };
}

/** Reads "Document ID or Number". */
export function readDocumentRef(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name = 'documentRef',
	label = 'Document ID or Number',
): string {
	const value = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	const text = optionalText(ctx, value, itemIndex, label, 60);
	if (!text) throw fieldError(ctx, itemIndex, label, 'is required');
	return text;
}
