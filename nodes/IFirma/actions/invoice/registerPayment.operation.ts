import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { fieldError, toAmount } from '../../../common/validate';
import { callIfirma, documentRef } from '../../transport';
import type { InvoiceType } from '../../types';
import { CODED_KINDS, otherCodeOption, readTypedCode } from '../list';
import { kindField } from '../fields';
import { readDate, readDocumentRef, todayInPoland } from '../shared';
import { kindOf } from './kind';

/**
 * Every kind with a documented payment code, bills included (same endpoint, docs/api/ifirma.md §5.3, §5.6), and
 * "Other" for a code the user types: OSS and IOSS payments exist since 2023-01-26, their codes are not documented.
 */
const PAYABLE: InvoiceType[] = [
	...CODED_KINDS,
	{
		value: 'bill',
		name: 'Bill (Rachunek)',
		slug: 'rachunekkraj',
		code: 'prz_rachunek_kraj',
		sendable: true,
		ksef: false,
	},
	{
		value: otherCodeOption.value,
		name: otherCodeOption.name,
		slug: '',
		code: '',
		sendable: false,
		ksef: false,
	},
];

const properties: INodeProperties[] = [
	kindField(
		PAYABLE,
		'The kind of document paid; its code goes into the path. For OSS and IOSS invoices choose Other and enter the code iFirma shows.',
	),
	{
		displayName: 'Document Type Code',
		name: 'paymentCode',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'prz_faktura_kraj',
		description:
			'The document type code (prz_...) as iFirma shows it, for a kind whose code iFirma does not document (OSS, IOSS)',
		displayOptions: { show: { invoiceKind: [otherCodeOption.value] } },
	},
	{
		displayName: 'Document Number',
		name: 'documentRef',
		type: 'string',
		required: true,
		default: '',
		placeholder: '12/10/2026',
		description:
			'The full number of the invoice (PelnyNumer); "/" is sent as "_". iFirma documents the number here, not the ID.',
	},
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		required: true,
		default: 0,
		description: 'Amount paid, in the invoice currency (Kwota)',
	},
	{
		displayName: 'Payment Date',
		name: 'paymentDate',
		type: 'dateTime',
		default: '',
		description: 'Date of the payment (Data); today when empty',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Amount in PLN',
				name: 'amountPln',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
				description: 'For a foreign-currency invoice paid in PLN (KwotaPln)',
			},
			{
				displayName: 'Exchange Rate',
				name: 'rate',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 4 },
				default: 0,
				description: 'Rate of a payment in the invoice currency (Kurs)',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['registerPayment'] } },
	properties,
);

/** POST `faktury/wplaty/{prz_code}/{number}.json` (docs/api/ifirma.md §5.6). Never retried: it would count the payment twice. */
export const execute: OperationExecute = async function (this, itemIndex) {
	const kind = kindOf(this, itemIndex, PAYABLE);
	const code =
		kind.value === otherCodeOption.value
			? readTypedCode(
					this,
					this.getNodeParameter('paymentCode', itemIndex, ''),
					itemIndex,
					'Document Type Code',
				)
			: kind.code;
	const ref = readDocumentRef(this, itemIndex, 'documentRef', 'Document Number');
	const amount = toAmount(
		this,
		this.getNodeParameter('amount', itemIndex, ''),
		itemIndex,
		'Amount',
	);
	if (amount <= 0) throw fieldError(this, itemIndex, 'Amount', 'must be more than 0');
	const body: IDataObject = {
		Kwota: amount,
		Data: readDate(this, 'paymentDate', itemIndex, 'Payment Date', todayInPoland()),
	};
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	if (extra.amountPln) body.KwotaPln = toAmount(this, extra.amountPln, itemIndex, 'Amount in PLN');
	if (extra.rate) {
		const rate = Number(extra.rate);
		if (!Number.isFinite(rate) || rate <= 0)
			throw fieldError(this, itemIndex, 'Exchange Rate', 'must be a positive number');
		body.Kurs = rate;
	}
	const response = await callIfirma.call(this, itemIndex, {
		method: 'POST',
		path: `faktury/wplaty/${code}/${documentRef(ref)}.json`,
		body,
		safeToRepeat: false,
	});
	return { document: ref, ...body, Informacja: response.Informacja ?? '' };
};
