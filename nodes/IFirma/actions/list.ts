import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collectPages, readLimit, returnAllOrLimit } from '../../common/paginate';
import { fieldError, toAmount } from '../../common/validate';
import { callIfirma, unexpectedAnswer } from '../transport';
import { DOCUMENT_KINDS } from '../types';
import { checkNip, optionalDate, optionalText, readDate } from './shared';

/** Page size asked of `faktury.json` / `proformy.json` (iFirma's default is 20; clients use up to 100). */
export const PAGE_SIZE = 100;

export const STATUS_OPTIONS = [
	{ name: 'Overdue (Przeterminowane)', value: 'przeterminowane' },
	{ name: 'Unpaid, Not Due (Nieoplacone)', value: 'nieoplacone' },
	{ name: 'Partly Paid (OplaconeCzesciowo)', value: 'oplaconeCzesciowo' },
	{ name: 'Paid (Oplacone)', value: 'oplacone' },
];

export function listFields(withType: boolean): INodeProperties[] {
	const filters: INodeProperties[] = [
		{ displayName: 'Amount From', name: 'amountFrom', type: 'number', typeOptions: { minValue: 0, numberPrecision: 2 }, default: 0, description: 'Lowest document value (kwotaOd)' },
		{ displayName: 'Amount To', name: 'amountTo', type: 'number', typeOptions: { minValue: 0, numberPrecision: 2 }, default: 0, description: 'Highest document value (kwotaDo)' },
		{ displayName: 'Contractor Identifier', name: 'contractor', type: 'string', default: '', description: 'Only documents of this contractor (kontrahent)' },
		{ displayName: 'Contractor NIP', name: 'nip', type: 'string', default: '', description: 'Only documents of the contractor with this Polish NIP (nipKontrahenta)' },
		{ displayName: 'Date To', name: 'dateTo', type: 'dateTime', default: '', description: 'Last issue date (dataDo); iFirma uses 30 days after Date From when empty' },
		{ displayName: 'Status', name: 'status', type: 'multiOptions', options: STATUS_OPTIONS, default: [], description: 'Payment status(es) to include' },
	];
	if (withType) {
		filters.push({
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: [
				{ name: 'Any', value: '' },
				...DOCUMENT_KINDS.filter((kind) => kind.code).map((kind) => ({ name: kind.name, value: kind.code })),
				{ name: 'Bill (Rachunek)', value: 'prz_rachunek_kraj' },
			],
			default: '',
			description: 'Only one kind of document (typ)',
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
		{ displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, options: filters },
	];
}

/** Get Many over `faktury.json` or `proformy.json`, page by page (strona / iloscNaStronie). */
export async function listDocuments(ctx: IExecuteFunctions, itemIndex: number, path: 'faktury.json' | 'proformy.json'): Promise<IDataObject[]> {
	const limit = readLimit(ctx, itemIndex);
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { dataOd: readDate(ctx, 'dateFrom', itemIndex, 'Date From') };
	const dateTo = optionalDate(ctx, filters.dateTo, itemIndex, 'Date To');
	if (dateTo) {
		if (dateTo < String(qs.dataOd)) throw fieldError(ctx, itemIndex, 'Date To', 'must not be before Date From');
		qs.dataDo = dateTo;
	}
	if (filters.amountFrom) qs.kwotaOd = toAmount(ctx, filters.amountFrom, itemIndex, 'Amount From');
	if (filters.amountTo) qs.kwotaDo = toAmount(ctx, filters.amountTo, itemIndex, 'Amount To');
	const contractor = optionalText(ctx, filters.contractor, itemIndex, 'Contractor Identifier', 15);
	if (contractor) qs.kontrahent = contractor;
	const nip = optionalText(ctx, filters.nip, itemIndex, 'Contractor NIP');
	if (nip) qs.nipKontrahenta = checkNip(ctx, nip, undefined, itemIndex, 'Contractor NIP');
	if (filters.type) qs.typ = filters.type;
	const statuses = Array.isArray(filters.status) ? filters.status.map(String) : typeof filters.status === 'string' ? filters.status.split(/[\s,]+/) : [];
	const known = STATUS_OPTIONS.map((option) => option.value);
	for (const status of statuses.filter(Boolean)) {
		if (!known.includes(status)) throw fieldError(ctx, itemIndex, 'Status', `"${status}" is not one of: ${known.join(', ')}`);
	}
	if (statuses.filter(Boolean).length) qs.status = statuses.filter(Boolean).join(',');

	return await collectPages(
		async (page, size) => {
			const response = await callIfirma.call(ctx, itemIndex, { method: 'GET', path, qs: { ...qs, strona: page, iloscNaStronie: size }, safeToRepeat: true });
			if (!Array.isArray(response.Wynik)) return await unexpectedAnswer.call(ctx, itemIndex, 'iFirma answered the list without its "Wynik" list', response);
			return { items: response.Wynik };
		},
		{ limit, pageSize: PAGE_SIZE },
	);
}
