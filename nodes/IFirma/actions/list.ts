import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, returnAllOrLimit } from '../../common/paginate';
import { fieldError, toAmount } from '../../common/validate';
import { callIfirma, unexpectedAnswer } from '../transport';
import { DOCUMENT_KINDS, REVERSE_CHARGE_KINDS, WEB_ONLY_KINDS } from '../types';
import { checkNip, optionalDate, optionalText, readDate } from './shared';

/**
 * Page size asked of `faktury.json` / `proformy.json`. iFirma documents only the default (20) and no maximum
 * (docs/api/ifirma.md §5.5); a server that serves fewer is still read completely, see listDocuments.
 */
export const PAGE_SIZE = 100;

/** Type filter and payment kinds: every `prz_*` code the documentation lists, and one the user types (OSS, IOSS). */
export const CODED_KINDS = [...DOCUMENT_KINDS, ...WEB_ONLY_KINDS, ...REVERSE_CHARGE_KINDS].filter(
	(kind) => kind.code,
);

export const otherCodeOption = { name: 'Other (Enter Code)', value: 'otherCode' };

/** A `prz_*` code typed by the user, for kinds whose code the documentation does not give (OSS, IOSS). */
export function readTypedCode(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	label: string,
): string {
	const code = optionalText(ctx, value, itemIndex, label, 60);
	if (!code || !/^prz_[a-z_]+$/.test(code))
		throw fieldError(
			ctx,
			itemIndex,
			label,
			`must be a document type code like prz_faktura_kraj, as iFirma shows it, got "${code ?? ''}"`,
		);
	return code;
}

export const STATUS_OPTIONS = [
	{ name: 'Overdue (Przeterminowane)', value: 'przeterminowane' },
	{ name: 'Unpaid, Not Due (Nieoplacone)', value: 'nieoplacone' },
	{ name: 'Partly Paid (OplaconeCzesciowo)', value: 'oplaconeCzesciowo' },
	{ name: 'Paid (Oplacone)', value: 'oplacone' },
];

export function listFields(withType: boolean): INodeProperties[] {
	const filters: INodeProperties[] = [
		{
			displayName: 'Amount From',
			name: 'amountFrom',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 0,
			description: 'Lowest document value (kwotaOd)',
		},
		{
			displayName: 'Amount To',
			name: 'amountTo',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 0,
			description: 'Highest document value (kwotaDo)',
		},
		{
			displayName: 'Contractor Identifier',
			name: 'contractor',
			type: 'string',
			default: '',
			description: 'Only documents of this contractor (kontrahent)',
		},
		{
			displayName: 'Contractor NIP',
			name: 'nip',
			type: 'string',
			default: '',
			description:
				'Only documents of the contractor with this tax ID (nipKontrahenta): a Polish NIP (ten digits, checked) or a foreign tax ID',
		},
		{
			displayName: 'Date To',
			name: 'dateTo',
			type: 'dateTime',
			default: '',
			description: 'Last issue date (dataDo); iFirma uses 30 days after Date From when empty',
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'multiOptions',
			options: STATUS_OPTIONS,
			default: [],
			description: 'Payment status(es) to include',
		},
	];
	if (withType) {
		filters.push({
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: [
				{ name: 'Any', value: '' },
				...CODED_KINDS.map((kind) => ({ name: kind.name, value: kind.code })),
				{ name: 'Bill (Rachunek)', value: 'prz_rachunek_kraj' },
				otherCodeOption,
			],
			default: '',
			description: 'Only one kind of document (typ)',
		});
		filters.push({
			displayName: 'Type Code',
			name: 'typeCode',
			type: 'string',
			default: '',
			placeholder: 'prz_faktura_kraj',
			description:
				'The document type code (typ) when Type is Other, e.g. for OSS or IOSS invoices, whose codes iFirma does not document',
		});
	}
	return [
		{
			displayName: 'Date From',
			name: 'dateFrom',
			type: 'dateTime',
			required: true,
			default: '',
			description: 'First issue date to list (dataOd, required by iFirma)',
		},
		...returnAllOrLimit,
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: filters,
		},
	];
}

/** Get Many over `faktury.json` or `proformy.json`, page by page (strona / iloscNaStronie). */
export async function listDocuments(
	ctx: IExecuteFunctions,
	itemIndex: number,
	path: 'faktury.json' | 'proformy.json',
): Promise<IDataObject[]> {
	const limit = readLimit(ctx, itemIndex);
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { dataOd: readDate(ctx, 'dateFrom', itemIndex, 'Date From') };
	const dateTo = optionalDate(ctx, filters.dateTo, itemIndex, 'Date To');
	if (dateTo) {
		if (dateTo < String(qs.dataOd))
			throw fieldError(ctx, itemIndex, 'Date To', 'must not be before Date From');
		qs.dataDo = dateTo;
	}
	if (filters.amountFrom) qs.kwotaOd = toAmount(ctx, filters.amountFrom, itemIndex, 'Amount From');
	if (filters.amountTo) qs.kwotaDo = toAmount(ctx, filters.amountTo, itemIndex, 'Amount To');
	const contractor = optionalText(ctx, filters.contractor, itemIndex, 'Contractor Identifier', 15);
	if (contractor) qs.kontrahent = contractor;
	const nip = optionalText(ctx, filters.nip, itemIndex, 'Contractor NIP');
	if (nip) qs.nipKontrahenta = checkNip(ctx, nip, { valueOnly: true }, itemIndex, 'Contractor NIP');
	if (filters.type === 'otherCode')
		qs.typ = readTypedCode(ctx, filters.typeCode, itemIndex, 'Type Code');
	else if (filters.type) qs.typ = filters.type;
	const statuses = Array.isArray(filters.status)
		? filters.status.map(String)
		: typeof filters.status === 'string'
			? filters.status.split(/[\s,]+/)
			: [];
	const known = STATUS_OPTIONS.map((option) => option.value);
	for (const status of statuses.filter(Boolean)) {
		if (!known.includes(status))
			throw fieldError(ctx, itemIndex, 'Status', `"${status}" is not one of: ${known.join(', ')}`);
	}
	if (statuses.filter(Boolean).length) qs.status = statuses.filter(Boolean).join(',');

	return await readAllPages(ctx, itemIndex, path, qs, limit);
}

/**
 * Page by page until the limit or an empty page. Not until a short page: iFirma documents no maximum page size, and
 * a server that serves fewer rows than asked would end such a loop early without any error (docs/api/ifirma.md §5.5).
 * An empty page may come as `Wynik: []`, `null` or without `Wynik` (not documented which): all mean no more rows.
 */
async function readAllPages(
	ctx: IExecuteFunctions,
	itemIndex: number,
	path: string,
	qs: IDataObject,
	limit: number,
): Promise<IDataObject[]> {
	const size = Math.min(PAGE_SIZE, limit);
	const rows: IDataObject[] = [];
	let previous = '';
	for (let page = 1; rows.length < limit; page++) {
		const response = await callIfirma.call(ctx, itemIndex, {
			method: 'GET',
			path,
			qs: { ...qs, strona: page, iloscNaStronie: size },
			safeToRepeat: true,
		});
		const wynik = response.Wynik;
		if (wynik === undefined || wynik === null) break;
		if (!Array.isArray(wynik))
			return await unexpectedAnswer.call(
				ctx,
				itemIndex,
				'iFirma answered the list without its "Wynik" list',
				response,
			);
		if (!wynik.length) break;
		// A server that ignored `strona` would send page 1 forever.
		const fingerprint = JSON.stringify(wynik);
		if (fingerprint === previous)
			return await unexpectedAnswer.call(
				ctx,
				itemIndex,
				`iFirma sent page ${page} of the list the same as page ${page - 1}`,
				response,
			);
		previous = fingerprint;
		rows.push(...wynik);
	}
	return rows.length > limit ? rows.slice(0, limit) : rows;
}
