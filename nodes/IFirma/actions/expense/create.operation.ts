import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { fieldError, toAmount } from '../../../common/validate';
import { callIfirma } from '../../transport';
import { contractorModeField, contractorModeFields, issueDateField } from '../fields';
import { checkAccountingMonth, checkMonthField } from '../monthCheck';
import { parseJsonValue } from '../../../common/json';
import {
	createdId,
	optionalDate,
	optionalText,
	readDate,
	readDocumentContractor,
	todayInPoland,
} from '../shared';

const KINDS: Record<string, string> = {
	goods: 'zakuptowaruvat',
	costVat: 'kosztdzialalnoscivat',
	costOther: 'kosztdzialalnosci',
	phone: 'oplatatelefon',
};
const VAT_KINDS = ['goods', 'costVat', 'phone'];

const amount = (name: string, displayName: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 2 },
	default: 0,
	description,
	displayOptions: { show: { expenseKind: VAT_KINDS } },
});

const properties: INodeProperties[] = [
	{
		displayName: 'Expense Kind',
		name: 'expenseKind',
		type: 'options',
		options: [
			{ name: 'Goods Purchase, VAT Invoice (Zakup Towarów)', value: 'goods' },
			{ name: 'Business Cost, VAT Invoice (Koszt Działalności)', value: 'costVat' },
			{ name: 'Business Cost, Other Document (Rachunek, Paragon ...)', value: 'costOther' },
			{ name: 'Phone / Internet Bill (Opłata Telefon)', value: 'phone' },
		],
		default: 'costVat',
		description: 'Which kind of expense to book; each has its own iFirma endpoint',
	},
	{
		displayName: 'Document Number',
		name: 'documentNumber',
		type: 'string',
		required: true,
		default: '',
		description:
			"Number of the supplier's invoice or document (NumerFaktury / NumerDokumentu, up to 50 characters)",
	},
	{
		...issueDateField,
		description:
			'Issue date of the document (DataWystawienia); today when empty. Must fall in the accounting month set in iFirma.',
	},
	{
		displayName: 'Expense Name',
		name: 'expenseName',
		type: 'string',
		required: true,
		default: '',
		description: 'What was bought (NazwaWydatku, up to 50 characters)',
	},
	{ ...contractorModeField, description: 'The supplier' },
	...contractorModeFields,
	{
		displayName: 'Sales Type',
		name: 'salesType',
		type: 'options',
		options: [
			{ name: 'Taxable Sales (OP)', value: 'OP' },
			{ name: 'Exempt Sales (ZW)', value: 'ZW' },
			{ name: 'Both (OPIZW)', value: 'OPIZW' },
			{ name: 'Not a VAT Payer', value: '' },
		],
		default: 'OP',
		description: 'Which of your sales the purchase serves (RodzajSprzedazy), for VAT payers',
		displayOptions: { show: { expenseKind: VAT_KINDS } },
	},
	amount('net23', 'Net Amount at 23%', 'KwotaNetto23'),
	amount('net8', 'Net Amount at 8%', 'KwotaNetto08'),
	amount('net5', 'Net Amount at 5%', 'KwotaNetto05'),
	amount('net0', 'Net Amount at 0%', 'KwotaNetto00'),
	amount('netZw', 'Net Amount Exempt', 'KwotaNettoZw'),
	{
		displayName: 'VAT Amounts',
		name: 'vatAmounts',
		type: 'collection',
		placeholder: 'Add VAT Amount',
		default: {},
		description:
			'VAT as printed on the document; a rate left out is calculated from its net amount',
		displayOptions: { show: { expenseKind: VAT_KINDS } },
		options: [
			{
				displayName: 'VAT at 23%',
				name: 'vat23',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
				description: 'KwotaVat23',
			},
			{
				displayName: 'VAT at 8%',
				name: 'vat8',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
				description: 'KwotaVat08',
			},
			{
				displayName: 'VAT at 5%',
				name: 'vat5',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
				description: 'KwotaVat05',
			},
		],
	},
	{
		displayName: 'Document Kind',
		name: 'documentKind',
		type: 'options',
		options: [
			{ name: 'Accounting Note (NOTA_KS)', value: 'NOTA_KS' },
			{ name: 'Bill (RACH)', value: 'RACH' },
			{ name: 'Contract (UM)', value: 'UM' },
			{ name: 'Delivery Note (DOW_DOST)', value: 'DOW_DOST' },
			{ name: 'Payment Proof (DOW_OPL)', value: 'DOW_OPL' },
			{ name: 'Receipt (PAR)', value: 'PAR' },
			{ name: 'Receipt Acknowledgement (POKW_ODB)', value: 'POKW_ODB' },
			{ name: 'Ticket (BIL)', value: 'BIL' },
		],
		default: 'RACH',
		description: 'RodzajDokumentu',
		displayOptions: { show: { expenseKind: ['costOther'] } },
	},
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'Total amount of the document (Kwota)',
		displayOptions: { show: { expenseKind: ['costOther'] } },
	},
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
				displayName: 'KSeF Marking',
				name: 'ksefMarking',
				type: 'options',
				options: [
					{ name: 'KSeF Number (NUMER)', value: 'NUMER' },
					{ name: 'Offline (OFF)', value: 'OFF' },
					{ name: 'Outside KSeF (BFK)', value: 'BFK' },
					{ name: 'Internal Document (DI)', value: 'DI' },
				],
				default: 'NUMER',
				description:
					'How the purchase invoice relates to KSeF (OznaczenieKSeF, the JPK marking): its KSeF number, issued offline, issued outside KSeF, or an internal document. Without this option: KSeF Number when one is given, else Outside KSeF (BFK).',
			},
			{
				displayName: 'KSeF Number',
				name: 'ksefNumber',
				type: 'string',
				default: '',
				description:
					"The number KSeF gave the supplier's invoice (NumerKSeF); with it, the marking defaults to KSeF Number",
			},
			{
				displayName: 'Payment Due Date',
				name: 'paymentDue',
				type: 'dateTime',
				default: '',
				description: 'TerminPlatnosci',
			},
			{
				displayName: 'Receipt Date',
				name: 'receiptDate',
				type: 'dateTime',
				default: '',
				description: 'When the document arrived (DataWplywu), not before the issue date',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['expense'], operation: ['create'] } },
	properties,
);

const round2 = (value: number) => Math.round(value * 100) / 100;

/** POST `<kind>.json` with the "wydatek" key (docs/api/ifirma.md §5.10). Never retried. */
export const execute: OperationExecute = async function (this, itemIndex) {
	const kind = this.getNodeParameter('expenseKind', itemIndex, 'costVat') as string;
	const slug = KINDS[kind];
	if (!slug)
		throw fieldError(
			this,
			itemIndex,
			'Expense Kind',
			`"${kind}" is not one of: ${Object.keys(KINDS).join(', ')}`,
		);
	const number = optionalText(
		this,
		this.getNodeParameter('documentNumber', itemIndex, ''),
		itemIndex,
		'Document Number',
		50,
	);
	if (!number) throw fieldError(this, itemIndex, 'Document Number', 'is required');
	const name = optionalText(
		this,
		this.getNodeParameter('expenseName', itemIndex, ''),
		itemIndex,
		'Expense Name',
		50,
	);
	if (!name) throw fieldError(this, itemIndex, 'Expense Name', 'is required');
	const issueDate = readDate(this, 'issueDate', itemIndex, 'Issue Date', todayInPoland());
	const body: IDataObject = { DataWystawienia: issueDate, NazwaWydatku: name };

	if (VAT_KINDS.includes(kind)) {
		body.NumerFaktury = number;
		const salesType = this.getNodeParameter('salesType', itemIndex, 'OP') as string;
		if (salesType) body.RodzajSprzedazy = salesType;
		const net = (field: string, label: string) => {
			const value = toAmount(this, this.getNodeParameter(field, itemIndex, 0), itemIndex, label);
			if (value < 0) throw fieldError(this, itemIndex, label, 'must not be negative');
			return value;
		};
		body.KwotaNetto23 = net('net23', 'Net Amount at 23%');
		body.KwotaNetto08 = net('net8', 'Net Amount at 8%');
		body.KwotaNetto05 = net('net5', 'Net Amount at 5%');
		body.KwotaNetto00 = net('net0', 'Net Amount at 0%');
		body.KwotaNettoZw = net('netZw', 'Net Amount Exempt');
		const vat = this.getNodeParameter('vatAmounts', itemIndex, {}) as IDataObject;
		const vatOf = (key: string, label: string, base: number, rate: number) =>
			vat[key] !== undefined ? toAmount(this, vat[key], itemIndex, label) : round2(base * rate);
		body.KwotaVat23 = vatOf('vat23', 'VAT at 23%', body.KwotaNetto23, 0.23);
		body.KwotaVat08 = vatOf('vat8', 'VAT at 8%', body.KwotaNetto08, 0.08);
		body.KwotaVat05 = vatOf('vat5', 'VAT at 5%', body.KwotaNetto05, 0.05);
		const total = [
			body.KwotaNetto23,
			body.KwotaNetto08,
			body.KwotaNetto05,
			body.KwotaNetto00,
			body.KwotaNettoZw,
		].reduce((a, b) => a + Number(b), 0);
		if (total <= 0)
			throw fieldError(
				this,
				itemIndex,
				'Net Amount at 23%',
				'enter the net amount of at least one VAT rate',
			);
	} else {
		body.RodzajDokumentu = this.getNodeParameter('documentKind', itemIndex, 'RACH') as string;
		body.NumerDokumentu = number;
		const total = toAmount(
			this,
			this.getNodeParameter('amount', itemIndex, 0),
			itemIndex,
			'Amount',
		);
		if (total <= 0) throw fieldError(this, itemIndex, 'Amount', 'must be more than 0');
		body.Kwota = total;
	}

	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const received = optionalDate(this, extra.receiptDate, itemIndex, 'Receipt Date');
	if (received) {
		if (received < issueDate)
			throw fieldError(this, itemIndex, 'Receipt Date', 'must not be before the issue date');
		body.DataWplywu = received;
	}
	const due = optionalDate(this, extra.paymentDue, itemIndex, 'Payment Due Date');
	if (due) body.TerminPlatnosci = due;
	if (VAT_KINDS.includes(kind)) {
		// Sent on every VAT-invoice expense since KSeF (docs/api/ifirma.md §5.10): the number when given, else BFK.
		const ksefNumber = optionalText(this, extra.ksefNumber, itemIndex, 'KSeF Number', 64);
		const marking = (extra.ksefMarking as string | undefined) || (ksefNumber ? 'NUMER' : 'BFK');
		if (!['NUMER', 'OFF', 'BFK', 'DI'].includes(marking))
			throw fieldError(
				this,
				itemIndex,
				'KSeF Marking',
				`"${marking}" is not one of: NUMER, OFF, BFK, DI`,
			);
		body.OznaczenieKSeF = marking;
		if (marking === 'NUMER') {
			if (!ksefNumber)
				throw fieldError(
					this,
					itemIndex,
					'KSeF Number',
					'is required with KSeF Marking = KSeF Number',
				);
			body.NumerKSeF = ksefNumber;
		}
	}
	await checkAccountingMonth(this, itemIndex, issueDate, 'Issue Date');
	const request = {
		...body,
		...readDocumentContractor(this, itemIndex),
		...(parseJsonValue(this, extra.additionalJson, itemIndex, 'Additional JSON', 'object', {
			api: 'iFirma',
		}) ?? {}),
	};
	const response = await callIfirma.call(this, itemIndex, {
		method: 'POST',
		path: `${slug}.json`,
		body: request,
		safeToRepeat: false,
	});
	return {
		Identyfikator: createdId(response) ?? null,
		Informacja: response.Informacja ?? '',
		kind: slug,
		...body,
	};
};
