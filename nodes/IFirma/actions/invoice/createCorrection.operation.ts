import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { toAmount } from '../../../common/validate';
import { callIfirma, documentRef } from '../../transport';
import { mergeAdditionalJson } from '../document';
import { checkAccountingMonth, checkMonthField } from '../monthCheck';
import {
	documentRefField,
	issueDateField,
	linesFields,
	paymentMethodField,
	returnDocumentField,
} from '../fields';
import {
	createdOutput,
	optionalDate,
	optionalText,
	readDate,
	readDocumentRef,
	readLines,
	todayInPoland,
} from '../shared';

const properties: INodeProperties[] = [
	{
		...documentRefField,
		displayName: 'Corrected Invoice ID or Number',
		description: 'The domestic invoice to correct: its ID or full number',
	},
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'options',
		options: [
			{ name: 'Advance Refunded (ZWR_NAB_ZAL)', value: 'ZWR_NAB_ZAL' },
			{ name: 'Amount Refunded (ZWR_NAB_KWOT)', value: 'ZWR_NAB_KWOT' },
			{ name: 'Discount (OBOW_RABAT)', value: 'OBOW_RABAT' },
			{ name: 'Goods Returned (ZWR_SPRZ_TOW)', value: 'ZWR_SPRZ_TOW' },
			{ name: 'Mistake (POMYLKI)', value: 'POMYLKI' },
			{ name: 'Price Increase (PODW_CENY)', value: 'PODW_CENY' },
		],
		default: 'POMYLKI',
		description: 'PowodKorekty',
	},
	{
		displayName: 'Conditions Met',
		name: 'conditionsMet',
		type: 'boolean',
		default: true,
		description:
			'Whether the conditions of the correction were met by its issue date (SpelnionoWarunki)',
	},
	issueDateField,
	{
		...linesFields[0],
		description:
			'The lines as they SHOULD BE after the correction; a line to remove is sent with quantity 0',
	},
	{
		...linesFields[1],
		options: [
			{
				...(
					linesFields[1] as {
						options: Array<{ displayName: string; name: string; values: INodeProperties[] }>;
					}
				).options[0],
				values: (
					linesFields[1] as { options: Array<{ values: INodeProperties[] }> }
				).options[0].values.map((value) =>
					value.name === 'quantity' ? { ...value, description: '0 removes the line' } : value,
				),
			},
		],
	},
	linesFields[2],
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Additional JSON',
				name: 'additionalJson',
				type: 'json',
				default: '{}',
				description: 'Any other iFirma fields, merged into the request as they are',
			},
			checkMonthField,
			{
				displayName: 'Amount Paid',
				name: 'paid',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
				description: 'Zaplacono',
			},
			{
				displayName: 'Bank Account',
				name: 'bankAccount',
				type: 'string',
				default: '',
				description: 'NumerKontaBankowego',
			},
			{ ...paymentMethodField, name: 'paymentMethod' },
			{
				displayName: 'Payment Due Date',
				name: 'paymentDue',
				type: 'dateTime',
				default: '',
				description: 'TerminPlatnosci',
			},
			{
				displayName: 'Place of Issue',
				name: 'place',
				type: 'string',
				default: '',
				description: 'MiejsceWystawienia',
			},
			{
				displayName: 'Reason on Print',
				name: 'reasonText',
				type: 'string',
				default: '',
				description: 'Reason as printed (PowodKorektyNaWydruku)',
			},
			{
				displayName: 'Remarks',
				name: 'remarks',
				type: 'string',
				default: '',
				description: 'Uwagi',
			},
		],
	},
	returnDocumentField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['createCorrection'] } },
	properties,
);

/** POST `fakturakraj/korekta/{ref}.json` (docs/api/ifirma.md §5.2, M). Never retried. */
export const execute: OperationExecute = async function (this, itemIndex) {
	const ref = readDocumentRef(this, itemIndex, 'documentRef', 'Corrected Invoice ID or Number');
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const lines = readLines(this, itemIndex, 'vat', undefined, { allowZeroQuantity: true });
	const body: IDataObject = {
		PowodKorekty: this.getNodeParameter('reason', itemIndex, 'POMYLKI') as string,
		SpelnionoWarunki: this.getNodeParameter('conditionsMet', itemIndex, true) === true,
		DataWystawienia: readDate(this, 'issueDate', itemIndex, 'Issue Date', todayInPoland()),
		Pozycje: lines,
	};
	const reasonText = optionalText(this, extra.reasonText, itemIndex, 'Reason on Print', 300);
	if (reasonText) body.PowodKorektyNaWydruku = reasonText;
	if (extra.paid) body.Zaplacono = toAmount(this, extra.paid, itemIndex, 'Amount Paid');
	const bank = optionalText(this, extra.bankAccount, itemIndex, 'Bank Account', 28);
	if (bank) body.NumerKontaBankowego = bank;
	if (extra.paymentMethod) body.SposobZaplaty = extra.paymentMethod;
	const due = optionalDate(this, extra.paymentDue, itemIndex, 'Payment Due Date');
	if (due) body.TerminPlatnosci = due;
	const place = optionalText(this, extra.place, itemIndex, 'Place of Issue', 50);
	if (place) body.MiejsceWystawienia = place;
	const remarks = optionalText(this, extra.remarks, itemIndex, 'Remarks', 1000);
	if (remarks) body.Uwagi = remarks;

	await checkAccountingMonth(this, itemIndex, String(body.DataWystawienia), 'Issue Date');
	const response = await callIfirma.call(this, itemIndex, {
		method: 'POST',
		path: `fakturakraj/korekta/${documentRef(ref)}.json`,
		body: mergeAdditionalJson(this, itemIndex, body),
		safeToRepeat: false,
	});
	return await createdOutput(this, itemIndex, response, 'fakturakraj');
};
