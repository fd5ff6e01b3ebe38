import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { callIfirma } from '../../transport';
import { mergeAdditionalJson, readHeader } from '../document';
import { checkAccountingMonth } from '../monthCheck';
import {
	contractorModeField,
	contractorModeFields,
	documentOptionalFields,
	issueDateField,
	linesFields,
	paymentMethodField,
	paymentTermField,
	returnDocumentField,
	saleDateField,
} from '../fields';
import { createdOutput, readDocumentContractor, readLines } from '../shared';

const BILL_OPTIONS = [
	'additionalJson',
	'checkAccountingMonth',
	'paid',
	'bankAccount',
	'issuerSignature',
	'number',
	'series',
	'place',
	'template',
	'recipientSignature',
	'remarks',
	'saleDateFormat',
];

const properties: INodeProperties[] = [
	contractorModeField,
	...contractorModeFields,
	issueDateField,
	saleDateField,
	paymentMethodField,
	paymentTermField,
	{
		displayName: 'Tax Book Entry',
		name: 'kpirEntry',
		type: 'options',
		options: [
			{ name: 'No Entry (NIE)', value: 'NIE' },
			{ name: 'Goods Sale (TOW)', value: 'TOW' },
			{ name: 'Other Revenue (POZ)', value: 'POZ' },
		],
		default: 'NIE',
		description: 'Whether and where the bill goes into the revenue book KPiR (WpisDoKpir)',
	},
	{
		displayName: 'Flat-Rate Register Entry',
		name: 'registerEntry',
		type: 'options',
		options: [
			{ name: 'Account Default', value: '' },
			{ name: 'Yes (TAK)', value: 'TAK' },
			{ name: 'No (NIE)', value: 'NIE' },
		],
		default: '',
		description:
			'For flat-rate (ryczałt) payers: whether the bill goes into the register (WpisDoEwidencji)',
	},
	{
		...linesFields[0],
	},
	{
		...linesFields[1],
		options: [
			{
				displayName: 'Line',
				name: 'line',
				values: (
					linesFields[1] as { options: Array<{ values: INodeProperties[] }> }
				).options[0].values.filter((value) =>
					['name', 'quantity', 'unit', 'unitPrice', 'discount', 'flatRate'].includes(value.name),
				),
			},
		],
	},
	{
		...linesFields[2],
		default: '[\n  {"name": "Usługa", "quantity": 1, "unit": "szt.", "unitPrice": 100}\n]',
		description:
			'A list of lines with name, quantity, unit, unitPrice, discount, flatRate (no VAT on a bill)',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: documentOptionalFields.filter((field) => BILL_OPTIONS.includes(field.name)),
	},
	returnDocumentField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['bill'], operation: ['create'] } },
	properties,
);

/** POST `rachunekkraj.json` with the "rachunek" key (docs/api/ifirma.md §5.3). Never retried. */
export const execute: OperationExecute = async function (this, itemIndex) {
	const { body } = readHeader(this, itemIndex, {
		omit: [
			'LiczOd',
			'ZaplaconoNaDokumencie',
			'RodzajPodpisuOdbiorcy',
			'WidocznyNumerGios',
			'SplitPayment',
		],
	});
	body.WpisDoKpir = this.getNodeParameter('kpirEntry', itemIndex, 'NIE') as string;
	const register = this.getNodeParameter('registerEntry', itemIndex, '') as string;
	if (register) body.WpisDoEwidencji = register;
	// A bill's accounting month is its issue date's, as iFirma's own module has it (docs/api/ifirma.md §5.3).
	await checkAccountingMonth(this, itemIndex, String(body.DataWystawienia), 'Issue Date');
	const request: IDataObject = mergeAdditionalJson(this, itemIndex, {
		...body,
		...readDocumentContractor(this, itemIndex),
		Pozycje: readLines(this, itemIndex, 'bill'),
	});
	const response = await callIfirma.call(this, itemIndex, {
		method: 'POST',
		path: 'rachunekkraj.json',
		body: request,
		safeToRepeat: false,
	});
	return await createdOutput(this, itemIndex, response, 'rachunekkraj');
};
