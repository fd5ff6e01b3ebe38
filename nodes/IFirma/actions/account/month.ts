import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { callIfirma, unexpectedAnswer } from '../../transport';

export interface AccountingMonth {
	year: number;
	month: number;
}

/** GET `abonent/miesiacksiegowy.json` — no `Kod` on success (docs/api/ifirma.md §3.1). */
export async function readAccountingMonth(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<AccountingMonth> {
	const response = await callIfirma.call(ctx, itemIndex, {
		method: 'GET',
		path: 'abonent/miesiacksiegowy.json',
		safeToRepeat: true,
	});
	const year = Number(response.RokKsiegowy);
	const month = Number(response.MiesiacKsiegowy);
	if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
		return await unexpectedAnswer.call(
			ctx,
			itemIndex,
			'iFirma answered without a valid accounting month (MiesiacKsiegowy, RokKsiegowy)',
			response,
		);
	}
	return { year, month };
}

/** PUT one step (NAST / POPRZ): never retried, a repeat would move the month twice. */
export async function stepAccountingMonth(
	ctx: IExecuteFunctions,
	itemIndex: number,
	direction: 'NAST' | 'POPRZ',
	carryOver: boolean,
): Promise<IDataObject> {
	return await callIfirma.call(ctx, itemIndex, {
		method: 'PUT',
		path: 'abonent/miesiacksiegowy.json',
		body: { MiesiacKsiegowy: direction, PrzeniesDaneZPoprzedniegoRoku: carryOver },
		safeToRepeat: false,
	});
}

export function monthOutput(month: AccountingMonth): IDataObject {
	return {
		RokKsiegowy: month.year,
		MiesiacKsiegowy: month.month,
		month: `${month.year}-${String(month.month).padStart(2, '0')}`,
	};
}
