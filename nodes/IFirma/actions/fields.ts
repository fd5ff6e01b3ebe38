import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { fieldsOrJsonProperties, type FieldsOrJson } from '../../common/fieldsOrJson';

import { CURRENCIES, DOCUMENT_KINDS, LANGUAGES, PAYMENT_METHODS } from '../types';
import { checkMonthField } from './monthCheck';

/** Property definitions shared by several actions (each action scopes them with updateDisplayOptions). */

export const documentRefField: INodeProperties = {
	displayName: 'Document ID or Number',
	name: 'documentRef',
	type: 'string',
	required: true,
	default: '',
	placeholder: '5721327 or 12/10/2026',
	description:
		'The numeric ID iFirma gave the document (Identyfikator, FakturaId) or its full number (PelnyNumer); "/" in a number is sent as "_"',
};

export function kindField(
	kinds = DOCUMENT_KINDS,
	description = 'The kind of invoice, which decides the iFirma endpoint',
): INodeProperties {
	return {
		displayName: 'Invoice Kind',
		name: 'invoiceKind',
		type: 'options',
		options: kinds.map((kind) => ({ name: kind.name, value: kind.value })),
		default: 'domestic',
		description,
	};
}

export const binaryPropertyField: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	hint: 'The name of the output binary field to put the PDF in',
};

export const pdfVariantField: INodeProperties = {
	displayName: 'Print Variant',
	name: 'variant',
	type: 'options',
	options: [
		{ name: 'Account Default', value: '' },
		{ name: 'Copy (Kopia)', value: 'kopia' },
		{ name: 'Duplicate (Dup)', value: 'dup' },
		{ name: 'Original (Oryg)', value: 'oryg' },
		{ name: 'Original and Copy (Orygkopia)', value: 'orygkopia' },
		{ name: 'Single (Single)', value: 'single' },
	],
	default: '',
	description: 'Which print iFirma renders; it is added to the path, e.g. 1337.pdf.oryg',
};

/** The covering text of a document sent by post (Send by Post, docs/api/ifirma.md §5.7). */
export const postMessageField: INodeProperties = {
	displayName: 'Message',
	name: 'text',
	type: 'string',
	typeOptions: { rows: 3 },
	default: '',
	description: 'Optional covering text (Tekst, up to 1000 characters)',
};

export const returnDocumentField: INodeProperties = {
	displayName: 'Return Full Document',
	name: 'returnDocument',
	type: 'boolean',
	default: true,
	description:
		"Whether to read the new document back (one more request) so the output has its number (PelnyNumer) and all fields; otherwise only its ID and iFirma's message",
};

// ── contractor on a document ─────────────────────────────────────────────────────────────────────

export const contractorModeField: INodeProperties = {
	displayName: 'Contractor',
	name: 'contractorMode',
	type: 'options',
	options: [
		{
			name: 'Existing, by Identifier',
			value: 'id',
			description: 'A contractor saved in iFirma, by its identifier (IdentyfikatorKontrahenta)',
		},
		{
			name: 'Existing, by NIP',
			value: 'nip',
			description: 'A contractor saved in iFirma, by its tax ID (NIPKontrahenta)',
		},
		{
			name: 'New (Enter Details)',
			value: 'inline',
			description: 'IFirma saves the contractor together with the document',
		},
	],
	default: 'id',
};

export const contractorModeFields: INodeProperties[] = [
	{
		displayName: 'Contractor Identifier',
		name: 'contractorId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'KLIENT1',
		description: 'The identifier of the contractor in iFirma (Identyfikator, up to 15 characters)',
		displayOptions: { show: { contractorMode: ['id'] } },
	},
	{
		displayName: 'Contractor NIP',
		name: 'contractorNip',
		type: 'string',
		default: '',
		required: true,
		placeholder: '5213609181',
		description:
			'The tax ID of a contractor saved in iFirma. Ten digits are taken for a Polish NIP and checked (checksum); any other value is sent as a foreign tax ID.',
		displayOptions: { show: { contractorMode: ['nip'] } },
	},
	{
		displayName: 'EU Prefix',
		name: 'contractorEuPrefix',
		type: 'string',
		default: '',
		placeholder: 'PL',
		description:
			'Two-letter EU VAT prefix of the NIP (PrefiksUEKontrahenta); leave empty for Poland',
		displayOptions: { show: { contractorMode: ['nip'] } },
	},
	{
		displayName: 'Contractor Name',
		name: 'contractorName',
		type: 'string',
		default: '',
		required: true,
		description: 'Name of the new contractor (Nazwa)',
		displayOptions: { show: { contractorMode: ['inline'] } },
	},
	{
		displayName: 'Contractor Postal Code',
		name: 'contractorPostCode',
		type: 'string',
		default: '',
		required: true,
		placeholder: '00-001',
		displayOptions: { show: { contractorMode: ['inline'] } },
	},
	{
		displayName: 'Contractor City',
		name: 'contractorCity',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { contractorMode: ['inline'] } },
	},
	{
		displayName: 'Contractor Details',
		name: 'contractorDetails',
		type: 'collection',
		placeholder: 'Add Detail',
		default: {},
		displayOptions: { show: { contractorMode: ['inline'] } },
		options: [] as INodeProperties[],
	},
];

/** The optional contractor fields (docs/api/ifirma.md §5.9), used by Contractor actions and inline contractors. */
export const contractorOptionalFields: INodeProperties[] = [
	{
		displayName: 'Country',
		name: 'Kraj',
		type: 'string',
		default: '',
		description: 'Country name (Kraj)',
	},
	{
		displayName: 'Country Code',
		name: 'KodKraju',
		type: 'string',
		default: '',
		placeholder: 'DE',
		description: 'ISO two-letter code; Greece is EL (KodKraju)',
	},
	{
		displayName: 'E-Mail',
		name: 'Email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'Address the documents are e-mailed to',
	},
	{ displayName: 'E-Mail for Invoices', name: 'EmailDlaFaktury', type: 'string', default: '' },
	{
		displayName: 'EU Prefix',
		name: 'PrefiksUE',
		type: 'string',
		default: '',
		description: 'Two-letter EU VAT prefix (PrefiksUE)',
	},
	{
		displayName: 'Identifier',
		name: 'Identyfikator',
		type: 'string',
		default: '',
		description: 'Up to 15 characters; iFirma makes one from the name when empty',
	},
	{
		displayName: 'Is Natural Person',
		name: 'OsobaFizyczna',
		type: 'boolean',
		default: false,
		description: 'Whether the contractor is a private person (OsobaFizyczna)',
	},
	{
		displayName: 'Is Recipient',
		name: 'JestOdbiorca',
		type: 'boolean',
		default: true,
		description: 'Whether the contractor buys from you (JestOdbiorca)',
	},
	{
		displayName: 'Is Supplier',
		name: 'JestDostawca',
		type: 'boolean',
		default: false,
		description: 'Whether the contractor sells to you (JestDostawca)',
	},
	{
		displayName: 'Name 2',
		name: 'Nazwa2',
		type: 'string',
		default: '',
		description: 'Second line of the name',
	},
	{
		displayName: 'NIP',
		name: 'NIP',
		type: 'string',
		default: '',
		description:
			'Tax ID; a Polish NIP (no EU prefix or country, or PL) is checked with its checksum, a foreign one (e.g. Norway 923609016 with Country Code NO) is kept as given',
	},
	{ displayName: 'Notes', name: 'Uwagi', type: 'string', default: '' },
	{ displayName: 'Phone', name: 'Telefon', type: 'string', default: '' },
	{
		displayName: 'Street',
		name: 'Ulica',
		type: 'string',
		default: '',
		description: 'Street and number (Ulica)',
	},
	{ displayName: 'Website', name: 'Www', type: 'string', default: '' },
];

(contractorModeFields[contractorModeFields.length - 1] as { options: INodeProperties[] }).options =
	contractorOptionalFields;

// ── line items ───────────────────────────────────────────────────────────────────────────────────

export const VAT_RATE_OPTIONS: INodePropertyOptions[] = [
	{ name: '23%', value: '23' },
	{ name: '8%', value: '8' },
	{ name: '5%', value: '5' },
	{ name: '0%', value: '0' },
	{ name: 'Exempt (ZW)', value: 'zw' },
	{ name: 'Other (Enter Rate)', value: 'other' },
];

const lineValues: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		description: 'Item name as printed (NazwaPelna, up to 300 characters)',
	},
	{
		displayName: 'Quantity',
		name: 'quantity',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 4 },
		default: 1,
	},
	{
		displayName: 'Unit',
		name: 'unit',
		type: 'string',
		default: 'szt.',
		description: 'Unit of measure (Jednostka), e.g. szt., usł., godz',
	},
	{
		displayName: 'Unit Price',
		name: 'unitPrice',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'Net or gross, as Calculate From says',
	},
	{
		displayName: 'VAT Rate',
		name: 'vatRate',
		type: 'options',
		options: VAT_RATE_OPTIONS,
		default: '23',
	},
	{
		displayName: 'Other VAT Rate (%)',
		name: 'customVatRate',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 99.99, numberPrecision: 2 },
		default: 0,
		description: 'Used when VAT Rate is Other, e.g. 19 for a German OSS rate',
	},
	{
		displayName: 'Discount (%)',
		name: 'discount',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 99.99, numberPrecision: 2 },
		default: 0,
	},
	{
		displayName: 'PKWiU',
		name: 'pkwiu',
		type: 'string',
		default: '',
		description: 'Classification code, may stay empty',
	},
	{
		displayName: 'GTU',
		name: 'gtu',
		type: 'options',
		options: [
			{ name: 'None (BRAK)', value: '' },
			...Array.from({ length: 13 }, (_, i) => ({
				name: `GTU ${String(i + 1).padStart(2, '0')}`,
				value: String(i + 1).padStart(2, '0'),
			})),
		],
		default: '',
	},
	{
		displayName: 'Legal Basis for Exemption',
		name: 'legalBasis',
		type: 'string',
		default: '',
		description:
			'Required with an exempt (ZW) rate on a domestic invoice, e.g. "Art. 43 ust. 1 pkt 37" (PodstawaPrawna)',
	},
	{
		displayName: 'Flat-Rate Tax (%)',
		name: 'flatRate',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 99.99, numberPrecision: 2 },
		default: 0,
		description: 'Rate of the flat-rate tax (ryczałt), e.g. 8.5; 0 = the account default',
	},
	{
		displayName: 'Foreign Name',
		name: 'foreignName',
		type: 'string',
		default: '',
		description:
			'Item name in the print language (NazwaPelnaObca); required on export-type, OSS and IOSS invoices',
	},
	{
		displayName: 'Foreign Unit',
		name: 'foreignUnit',
		type: 'string',
		default: '',
		placeholder: 'pcs',
		description:
			'Unit in the print language (JednostkaObca), e.g. pcs, h, service; required on export-type, OSS and IOSS invoices',
	},
	{
		displayName: 'OSS Rate Kind',
		name: 'rateKind',
		type: 'options',
		options: [
			{ name: 'Automatic', value: '' },
			{ name: 'Reduced 1 (PR1)', value: 'PR1' },
			{ name: 'Reduced 2 (PR2)', value: 'PR2' },
			{ name: 'Reduced 3 (PR3)', value: 'PR3' },
			{ name: 'Standard (POD)', value: 'POD' },
		],
		default: '',
		description: 'For OSS / IOSS invoices: which destination-country rate this is; Automatic = POD',
	},
];

/** The line items, entered row by row or mapped in as JSON (nodes/common/fieldsOrJson.ts). */
export const LINES: FieldsOrJson = {
	selector: {
		name: 'linesMode',
		displayName: 'Line Items Input',
		fieldsLabel: 'Enter Lines',
		jsonLabel: 'JSON (Mapped Data)',
	},
	fields: {
		name: 'lines',
		displayName: 'Line Items',
		rowName: 'line',
		rowDisplayName: 'Line',
		placeholder: 'Add Line',
		values: lineValues,
	},
	json: {
		name: 'linesJson',
		displayName: 'Line Items (JSON)',
		default:
			'[\n  {"name": "Usługa", "quantity": 1, "unit": "szt.", "unitPrice": 100, "vatRate": 23}\n]',
		description:
			'A list of lines with name, quantity, unit, unitPrice, vatRate (23, 8, 5, 0, "zw", or any percent), discount, pkwiu, gtu, legalBasis, flatRate, foreignName, foreignUnit. iFirma\'s own names (NazwaPelna, Ilosc, CenaJednostkowa, ...) are accepted too.',
	},
	jsonOptions: { oneAsList: true, api: 'iFirma' },
};

export const linesFields: INodeProperties[] = fieldsOrJsonProperties(LINES);

// ── document header ──────────────────────────────────────────────────────────────────────────────

export const issueDateField: INodeProperties = {
	displayName: 'Issue Date',
	name: 'issueDate',
	type: 'dateTime',
	default: '',
	description:
		'Date of issue (DataWystawienia); today (Polish time) when empty. Must fall in the accounting month set in iFirma.',
};

export const saleDateField: INodeProperties = {
	displayName: 'Sale Date',
	name: 'saleDate',
	type: 'dateTime',
	default: '',
	description: 'Date of sale or service (DataSprzedazy); the issue date when empty',
};

export const paymentMethodField: INodeProperties = {
	displayName: 'Payment Method',
	name: 'paymentMethod',
	type: 'options',
	options: PAYMENT_METHODS,
	default: 'PRZ',
	description: 'SposobZaplaty',
};

export const paymentTermField: INodeProperties = {
	displayName: 'Payment Term (Days)',
	name: 'paymentTermDays',
	type: 'number',
	typeOptions: { minValue: 0, maxValue: 365 },
	default: 14,
	description: 'Days after the sale date the payment is due (TerminPlatnosci)',
};

export const currencyOptions: INodePropertyOptions[] = CURRENCIES.map((code) => ({
	name: code,
	value: code,
}));
export const languageOptions: INodePropertyOptions[] = [
	{ name: 'Polish Only', value: '' },
	...LANGUAGES.map((code) => ({ name: code.toUpperCase(), value: code })),
];

/** Optional header fields common to sales documents (docs/api/ifirma.md §5.2). */
export const documentOptionalFields: INodeProperties[] = [
	{
		displayName: 'Additional JSON',
		name: 'additionalJson',
		type: 'json',
		default: '{}',
		description:
			'Any other iFirma fields, merged into the request as they are (e.g. {"ProceduryJpk": {...}})',
	},
	{
		displayName: 'Amount Paid',
		name: 'paid',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'Amount already paid (Zaplacono)',
	},
	{
		displayName: 'Amount Paid Shown on Document',
		name: 'paidOnDocument',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'ZaplaconoNaDokumencie; the amount paid when not set',
	},
	{
		displayName: 'Bank Account',
		name: 'bankAccount',
		type: 'string',
		default: '',
		description: 'Account number printed (NumerKontaBankowego, up to 28 characters); BRAK hides it',
	},
	{
		displayName: 'Calculate From',
		name: 'calculateFrom',
		type: 'options',
		options: [
			{ name: 'Net Prices (NET)', value: 'NET' },
			{ name: 'Gross Prices (BRT)', value: 'BRT' },
		],
		default: 'NET',
		description: 'Whether unit prices are net or gross (LiczOd)',
	},
	checkMonthField,
	{
		displayName: 'Exchange Rate',
		name: 'exchangeRate',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 4 },
		default: 0,
		description: 'NBP rate of the day before issue; 0 = iFirma fetches it',
	},
	{
		displayName: 'Issuer Signature',
		name: 'issuerSignature',
		type: 'string',
		default: '',
		description: 'PodpisWystawcy (up to 70 characters)',
	},
	{
		displayName: 'Number',
		name: 'number',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 0,
		description: 'Number in the series; 0 = the next one (Numer)',
	},
	{
		displayName: 'Numbering Series',
		name: 'series',
		type: 'string',
		default: '',
		description: 'Name of the numbering series; the default one when empty',
	},
	{
		displayName: 'Place of Issue',
		name: 'place',
		type: 'string',
		default: '',
		description: 'MiejsceWystawienia (up to 50 characters)',
	},
	{
		displayName: 'Print Language',
		name: 'language',
		type: 'options',
		options: languageOptions,
		default: '',
		description: 'Second language of the print (Jezyk)',
	},
	{
		displayName: 'Print Template',
		name: 'template',
		type: 'string',
		default: '',
		description: 'Name of the print template (NazwaSzablonu)',
	},
	{
		displayName: 'Recipient Signature Type',
		name: 'signatureType',
		type: 'options',
		options: [
			{ name: 'No Recipient Signature (BPO)', value: 'BPO' },
			{ name: 'No Recipient or Issuer Signature (BWO)', value: 'BWO' },
			{ name: 'Person Authorised to Receive (OUP)', value: 'OUP' },
			{ name: 'Authorisation (UPO)', value: 'UPO' },
		],
		default: 'BPO',
		description: 'RodzajPodpisuOdbiorcy',
	},
	{
		displayName: 'Recipient Signature',
		name: 'recipientSignature',
		type: 'string',
		default: '',
		description: 'PodpisOdbiorcy (up to 70 characters)',
	},
	{
		displayName: 'Remarks',
		name: 'remarks',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Printed remarks (Uwagi, up to 1000 characters)',
	},
	{
		displayName: 'Sale Date Format',
		name: 'saleDateFormat',
		type: 'options',
		options: [
			{ name: 'Day (DZN)', value: 'DZN' },
			{ name: 'Month (MSC)', value: 'MSC' },
		],
		default: 'DZN',
		description: 'FormatDatySprzedazy',
	},
	{
		displayName: 'Show Exchange Rate',
		name: 'showExchangeRate',
		type: 'boolean',
		default: false,
		description: 'Whether the rate is printed (KursWalutyWidoczny)',
	},
	{
		displayName: 'Show GIOŚ Number',
		name: 'showGios',
		type: 'boolean',
		default: false,
		description: 'Whether the GIOŚ number is printed (WidocznyNumerGios)',
	},
	{
		displayName: 'Split Payment',
		name: 'splitPayment',
		type: 'boolean',
		default: false,
		description: 'Whether the split-payment annotation is printed (SplitPayment)',
	},
];
