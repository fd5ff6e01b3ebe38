import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { fieldError, isBlank, toPositiveInteger, toText } from '../../../common/validate';
import { asList, prop, symfoniaRequest } from '../../transport';

/**
 * The four currency members of an FK document. All are non-nullable in the invoice models, so each is always
 * sent: an omitted one reaches FK as null / 0 / 0 / 0 (docs/api/symfonia.md, "FK documents: required members").
 */
export interface DocumentCurrency {
	Currency: string;
	CurrencyRate: number;
	/** 0 WithoutCurrency, 1 Purchase, 2 Sale, 3 Mean. */
	CurrencyRateType: number;
	/** `Id` of an `/api/FKCurrenciesTables` entry; 0 for PLN. */
	CurrencyRateTableId: number;
}

export const PLN: DocumentCurrency = {
	Currency: 'PLN',
	CurrencyRate: 1,
	CurrencyRateType: 0,
	CurrencyRateTableId: 0,
};

export const RATE_TYPES = [
	{ name: 'Mean', value: 3, description: 'The mean rate of the table (NBP table A)' },
	{ name: 'Purchase', value: 1, description: 'The purchase (bid) rate of the table' },
	{ name: 'Sale', value: 2, description: 'The sale (ask) rate of the table' },
];

/**
 * PLN, or a foreign currency with its FK rates table: the one the user chose, else the latest table dated
 * before `rateDate` (the Polish VAT rule: the rate of the last working day before the tax point). The rate is
 * the user's, else the table's rate of the chosen kind (Mean: the average of purchase and sale; inferred).
 */
export async function documentCurrency(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
	rateDate: string,
): Promise<DocumentCurrency> {
	const currency = isBlank(fields.currency)
		? 'PLN'
		: toText(ctx, fields.currency, itemIndex, 'Currency').trim().toUpperCase();
	if (currency === 'PLN') return PLN;
	const rateType = isBlank(fields.currencyRateType) ? 3 : Number(fields.currencyRateType);
	if (![1, 2, 3].includes(rateType))
		throw fieldError(ctx, itemIndex, 'Currency Rate Type', 'must be Mean, Purchase or Sale');

	const currencies = asList(
		await symfoniaRequest.call(ctx, itemIndex, {
			method: 'GET',
			path: '/FKCurrencies',
			safeToRepeat: true,
		}),
	);
	const known = currencies.find(
		(entry) => String(prop(entry, 'Shortcut') ?? '').toUpperCase() === currency,
	);
	if (!known) {
		const list = currencies
			.map((entry) => String(prop(entry, 'Shortcut') ?? ''))
			.filter(Boolean)
			.join(', ');
		throw fieldError(
			ctx,
			itemIndex,
			'Currency',
			`"${currency}" is not a currency of this FK (FKCurrencies: ${list || 'none'})`,
		);
	}
	const tables = asList(
		await symfoniaRequest.call(ctx, itemIndex, {
			method: 'GET',
			path: '/FKCurrenciesTables',
			qs: { currencyId: Number(prop(known, 'Id')) },
			safeToRepeat: true,
		}),
	);
	const day = rateDate.slice(0, 10);
	let table: IDataObject | undefined;
	if (!isBlank(fields.currencyTableId)) {
		const id = toPositiveInteger(ctx, fields.currencyTableId, itemIndex, 'Currency Table');
		table = tables.find((entry) => Number(prop(entry, 'Id')) === id);
		if (!table)
			throw fieldError(
				ctx,
				itemIndex,
				'Currency Table',
				`FK has no rates table ${id} for ${currency}`,
			);
	} else {
		table = tables
			.filter((entry) => String(prop(entry, 'Date') ?? '').slice(0, 10) < day)
			.sort((a, b) => String(prop(b, 'Date')).localeCompare(String(prop(a, 'Date'))))[0];
		if (!table)
			throw fieldError(
				ctx,
				itemIndex,
				'Currency',
				`FK has no rates table of ${currency} dated before ${day}: add the table in FK, or choose one in Currency Table`,
			);
	}
	const rate = isBlank(fields.currencyRate)
		? tableRate(table, rateType)
		: toRate(ctx, fields.currencyRate, itemIndex);
	if (!(rate > 0))
		throw fieldError(
			ctx,
			itemIndex,
			'Currency Rate',
			`the rates table ${String(prop(table, 'Table') ?? prop(table, 'Id'))} gives no rate of this kind; enter the rate`,
		);
	return {
		Currency: currency,
		CurrencyRate: rate,
		CurrencyRateType: rateType,
		CurrencyRateTableId: Number(prop(table, 'Id')),
	};
}

/** A rate as entered: NBP tables give four decimals (4.2512), so it is not rounded like an amount. */
function toRate(ctx: IExecuteFunctions, value: unknown, itemIndex: number): number {
	const text =
		typeof value === 'number'
			? String(value)
			: toText(ctx, value, itemIndex, 'Currency Rate').trim();
	if (!/^\d+([.,]\d+)?$/.test(text))
		throw fieldError(ctx, itemIndex, 'Currency Rate', `must be a rate like 4.2512, got ${text}`);
	return Number(text.replace(',', '.'));
}

function tableRate(table: IDataObject, rateType: number): number {
	const purchase = Number(prop(table, 'PurchaseCurrencyRate') ?? 0);
	const sale = Number(prop(table, 'SaleCurrencyRate') ?? 0);
	if (rateType === 1) return purchase;
	if (rateType === 2) return sale;
	return Math.round(((purchase + sale) / 2) * 10_000) / 10_000;
}

/** An amount in PLN at the document's rate, rounded to grosze. */
export function toPln(amount: number, rate: number): number {
	return Math.round(amount * rate * 100) / 100;
}
