import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { fieldError } from '../../../common/validate';
import { callIfirma } from '../../transport';
import { optionalDate, optionalText } from '../shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Country Code',
		name: 'country',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'DE',
		description: 'Two-letter code of an EU country; Greece is EL (GR is accepted)',
	},
	{
		displayName: 'On Date',
		name: 'date',
		type: 'dateTime',
		default: '',
		description: "Rates valid on this date; today's when empty",
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['dictionary'], operation: ['getEuVatRates'] } },
	properties,
);

/** GET `slownik/stawki_vat/{KRAJ}.json[?data=]` — no `Kod` on success; rates in percent (docs/api/ifirma.md §5.11). */
export const execute: OperationExecute = async function (this, itemIndex) {
	const raw = optionalText(
		this,
		this.getNodeParameter('country', itemIndex, ''),
		itemIndex,
		'Country Code',
	);
	if (!raw || !/^[A-Za-z]{2}$/.test(raw))
		throw fieldError(
			this,
			itemIndex,
			'Country Code',
			`must be a two-letter code like DE, got "${raw ?? ''}"`,
		);
	const country = raw.toUpperCase() === 'GR' ? 'EL' : raw.toUpperCase();
	const date = optionalDate(
		this,
		this.getNodeParameter('date', itemIndex, ''),
		itemIndex,
		'On Date',
	);
	const response = await callIfirma.call(this, itemIndex, {
		method: 'GET',
		path: `slownik/stawki_vat/${country}.json`,
		qs: date ? { data: date } : undefined,
		safeToRepeat: true,
	});
	const rates = Array.isArray(response.StawkiVat) ? (response.StawkiVat as IDataObject[]) : [];
	return {
		...response,
		rates: Object.fromEntries(rates.map((rate) => [String(rate.Rodzaj), Number(rate.Wartosc)])),
	};
};
