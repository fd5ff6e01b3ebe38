import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { fieldError, toAmount } from '../../../common/validate';
import { DOCUMENT_KINDS, type InvoiceType } from '../../types';
import { kindField } from '../fields';
import { callIfirma, documentRef, readDate, readDocumentRef, todayInPoland } from '../shared';
import { kindOf } from './kind';

/** Bills are paid through the same endpoint with their own code (API file §5.3). */
const PAYABLE: InvoiceType[] = [
	...DOCUMENT_KINDS.filter((kind) => kind.code),
	{ value: 'bill', name: 'Bill (Rachunek)', slug: 'rachunekkraj', code: 'prz_rachunek_kraj', sendable: true, ksef: false },
];

const properties: INodeProperties[] = [
	kindField(PAYABLE, 'The kind of document paid. OSS and IOSS are not listed: their payment codes are not documented.'),
	{
		displayName: 'Document Number',
		name: 'documentRef',
		type: 'string',
		required: true,
		default: '',
		placeholder: '12/10/2026',
		description: 'The full number of the invoice (PelnyNumer); "/" is sent as "_". iFirma documents the number here, not the ID.',
	},
	{ displayName: 'Amount', name: 'amount', type: 'number', typeOptions: { minValue: 0, numberPrecision: 2 }, required: true, default: 0, description: 'Amount paid, in the invoice currency (Kwota)' },
	{ displayName: 'Payment Date', name: 'paymentDate', type: 'dateTime', default: '', description: 'Date of the payment (Data); today when empty' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Amount in PLN', name: 'amountPln', type: 'number', typeOptions: { minValue: 0, numberPrecision: 2 }, default: 0, description: 'For a foreign-currency invoice paid in PLN (KwotaPln)' },
			{ displayName: 'Exchange Rate', name: 'rate', type: 'number', typeOptions: { minValue: 0, numberPrecision: 4 }, default: 0, description: 'Rate of a payment in the invoice currency (Kurs)' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['invoice'], operation: ['registerPayment'] } }, properties);

/** POST `faktury/wplaty/{prz_code}/{number}.json` (API file §5.6). Never retried: it would count the payment twice. */
export const execute: OperationExecute = async function (this, itemIndex) {
	const kind = kindOf(this, itemIndex, PAYABLE);
	const ref = readDocumentRef(this, itemIndex, 'documentRef', 'Document Number');
	const amount = toAmount(this, this.getNodeParameter('amount', itemIndex, ''), itemIndex, 'Amount');
	if (amount <= 0) throw fieldError(this, itemIndex, 'Amount', 'must be more than 0');
	const body: IDataObject = { Kwota: amount, Data: readDate(this, 'paymentDate', itemIndex, 'Payment Date', todayInPoland()) };
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	if (extra.amountPln) body.KwotaPln = toAmount(this, extra.amountPln, itemIndex, 'Amount in PLN');
	if (extra.rate) {
		const rate = Number(extra.rate);
		if (!Number.isFinite(rate) || rate <= 0) throw fieldError(this, itemIndex, 'Exchange Rate', 'must be a positive number');
		body.Kurs = rate;
	}
	const response = await callIfirma.call(this, itemIndex, {
		method: 'POST',
		path: `faktury/wplaty/${kind.code}/${documentRef(ref)}.json`,
		body,
		safeToRepeat: false,
	});
	return { document: ref, ...body, Informacja: response.Informacja ?? '' };
};
