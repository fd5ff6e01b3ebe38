import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { fieldError } from '../../../common/validate';
import { callIfirma } from '../../transport';
import { INVOICE_TYPES, invoiceType } from '../../types';
import { mergeAdditionalJson, readForeignFields, readHeader } from '../document';
import { checkAccountingMonth } from '../monthCheck';
import {
	contractorModeField,
	contractorModeFields,
	currencyOptions,
	documentOptionalFields,
	issueDateField,
	languageOptions,
	linesFields,
	paymentMethodField,
	paymentTermField,
	returnDocumentField,
	saleDateField,
} from '../fields';
import {
	createdOutput,
	optionalText,
	readDate,
	readDocumentContractor,
	readLines,
	type LineStyle,
} from '../shared';

/** The kinds priced in a currency (Waluta). */
const FOREIGN = ['currency', 'wdt', 'exportGoods', 'euServices', 'servicesOutside', 'oss', 'ioss'];
/** The kinds whose table requires the print language and the foreign line fields (docs/api/ifirma.md §5.2.1). */
const LANGUAGE_REQUIRED = INVOICE_TYPES.filter((type) => type.foreign).map((type) => type.value);

const properties: INodeProperties[] = [
	{
		displayName: 'Invoice Type',
		name: 'invoiceType',
		type: 'options',
		options: INVOICE_TYPES.map((type) => ({ name: type.name, value: type.value })),
		default: 'domestic',
		description: 'Which kind of invoice to issue; each has its own iFirma endpoint',
	},
	contractorModeField,
	...contractorModeFields,
	issueDateField,
	saleDateField,
	{ ...paymentMethodField, displayOptions: { hide: { invoiceType: ['mailOrder'] } } },
	paymentTermField,
	{
		displayName: 'Legal Basis for Exemption',
		name: 'legalBasis',
		type: 'string',
		default: 'Art. 113 ust. 1',
		required: true,
		description: 'Why the seller does not charge VAT, printed on every line (PodstawaPrawna)',
		displayOptions: { show: { invoiceType: ['domesticNonVat'] } },
	},
	{
		displayName: 'Payment Received Date',
		name: 'paymentReceivedDate',
		type: 'dateTime',
		default: '',
		description: 'When the payment was received (DataOtrzymaniaZaplaty); the sale date when empty',
		displayOptions: { show: { invoiceType: ['mailOrder'] } },
	},
	{
		displayName: 'Sales Type',
		name: 'salesType',
		type: 'options',
		options: [
			{ name: 'Mail-Order (WYSYLKOWA)', value: 'WYSYLKOWA' },
			{ name: 'Domestic (KRAJOWA)', value: 'KRAJOWA' },
		],
		default: 'KRAJOWA',
		description: 'TypSprzedazy',
		displayOptions: { show: { invoiceType: ['currency'] } },
	},
	{
		displayName: 'Settlement Type',
		name: 'settlementType',
		type: 'options',
		options: [
			{ name: 'Cash Method (MET_KASOWA)', value: 'MET_KASOWA' },
			{ name: 'Commission (KOMIS)', value: 'KOMIS' },
			{ name: 'Court Enforcement (POST_SAD)', value: 'POST_SAD' },
			{ name: 'Exempt Services (USLUGI_ZW)', value: 'USLUGI_ZW' },
		],
		default: 'MET_KASOWA',
		description: 'TypRozliczenia',
		displayOptions: { show: { invoiceType: ['cashMethod'] } },
	},
	{
		displayName: 'Service Name',
		name: 'serviceName',
		type: 'string',
		default: '',
		required: true,
		description: 'Name of the service (NazwaUslugi, up to 300 characters)',
		displayOptions: { show: { invoiceType: ['euServices', 'servicesOutside'] } },
	},
	{
		displayName: 'Tax Point Date',
		name: 'taxPointDate',
		type: 'dateTime',
		default: '',
		description:
			'Date the tax obligation arises (DataObowiazkuPodatkowego); the sale date when empty',
		displayOptions: { show: { invoiceType: ['euServices', 'servicesOutside'] } },
	},
	{
		displayName: 'Service Under Art. 28b',
		name: 'art28b',
		type: 'boolean',
		default: false,
		description: 'Whether the service is supplied under art. 28b (UslugaSwiadczonaTrybArt28b).',
		displayOptions: { show: { invoiceType: ['servicesOutside'] } },
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'options',
		options: currencyOptions,
		default: 'EUR',
		description: 'Currency of the invoice (Waluta)',
		displayOptions: { show: { invoiceType: FOREIGN } },
	},
	{
		// Named for OSS, where it came first; the export-type kinds require it as well (docs/api/ifirma.md §5.2.1).
		displayName: 'Print Language',
		name: 'ossLanguage',
		type: 'options',
		options: languageOptions.filter((option) => option.value !== ''),
		default: 'en',
		description:
			'Second language of the print (Jezyk), required on export-type, OSS and IOSS invoices; each line then needs its Foreign Name and Foreign Unit',
		displayOptions: { show: { invoiceType: LANGUAGE_REQUIRED } },
	},
	{
		displayName: 'Delivery Country',
		name: 'deliveryCountry',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'DE',
		description: "Two-letter code of the consumer's country (KrajDostawy); Greece is EL",
		displayOptions: { show: { invoiceType: ['oss', 'ioss'] } },
	},
	{
		displayName: 'Order Number',
		name: 'orderNumber',
		type: 'string',
		default: '',
		description: 'NumerZamowienia',
		displayOptions: { show: { invoiceType: ['ioss'] } },
	},
	...linesFields,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: documentOptionalFields,
	},
	returnDocumentField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['create'] } },
	properties,
);

/** POST `<slug>.json` — never retried: iFirma does not deduplicate invoices (docs/api/ifirma.md §5.2). */
export const execute: OperationExecute = async function (this, itemIndex) {
	const typeValue = this.getNodeParameter('invoiceType', itemIndex, 'domestic') as string;
	const type = invoiceType(typeValue);
	if (!type)
		throw fieldError(
			this,
			itemIndex,
			'Invoice Type',
			`"${typeValue}" is not one of: ${INVOICE_TYPES.map((t) => t.value).join(', ')}`,
		);

	const nonVat = type.value === 'domesticNonVat';
	const oss = type.value === 'oss' || type.value === 'ioss';
	// Each kind's body from its own table: what the table lacks is not sent (docs/api/ifirma.md §5.2.1).
	const { body, saleDate } = readHeader(this, itemIndex, {
		omit: type.notInTable,
		calculateFrom: nonVat ? 'BRT' : undefined,
	});
	if (oss) body.FormatDatySprzedazy = 'DZN';

	const style: LineStyle = nonVat ? 'nonVat' : oss ? 'oss' : 'vat';
	const legalBasis = nonVat
		? optionalText(
				this,
				this.getNodeParameter('legalBasis', itemIndex, ''),
				itemIndex,
				'Legal Basis for Exemption',
			)
		: undefined;
	if (nonVat && !legalBasis)
		throw fieldError(
			this,
			itemIndex,
			'Legal Basis for Exemption',
			"is required for a non-VAT payer's invoice",
		);

	switch (type.value) {
		case 'mailOrder':
			body.DataOtrzymaniaZaplaty = readDate(
				this,
				'paymentReceivedDate',
				itemIndex,
				'Payment Received Date',
				saleDate,
			);
			break;
		case 'currency':
			body.TypSprzedazy = this.getNodeParameter('salesType', itemIndex, 'KRAJOWA') as string;
			break;
		case 'cashMethod':
			body.TypRozliczenia = this.getNodeParameter(
				'settlementType',
				itemIndex,
				'MET_KASOWA',
			) as string;
			break;
		case 'euServices':
		case 'servicesOutside': {
			const name = optionalText(
				this,
				this.getNodeParameter('serviceName', itemIndex, ''),
				itemIndex,
				'Service Name',
				300,
			);
			if (!name) throw fieldError(this, itemIndex, 'Service Name', 'is required');
			body.NazwaUslugi = name;
			body.DataObowiazkuPodatkowego = readDate(
				this,
				'taxPointDate',
				itemIndex,
				'Tax Point Date',
				saleDate,
			);
			if (type.value === 'servicesOutside')
				body.UslugaSwiadczonaTrybArt28b =
					this.getNodeParameter('art28b', itemIndex, false) === true;
			break;
		}
		case 'oss':
		case 'ioss': {
			const country = optionalText(
				this,
				this.getNodeParameter('deliveryCountry', itemIndex, ''),
				itemIndex,
				'Delivery Country',
			);
			if (!country || !/^[A-Za-z]{2}$/.test(country))
				throw fieldError(
					this,
					itemIndex,
					'Delivery Country',
					'must be a two-letter country code like DE',
				);
			body.KrajDostawy = country.toUpperCase() === 'GR' ? 'EL' : country.toUpperCase();
			if (type.value === 'ioss') {
				const order = optionalText(
					this,
					this.getNodeParameter('orderNumber', itemIndex, ''),
					itemIndex,
					'Order Number',
				);
				if (order) body.NumerZamowienia = order;
			}
			break;
		}
	}
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	if (FOREIGN.includes(type.value)) readForeignFields(this, itemIndex, body);
	else if (extra.language) body.Jezyk = extra.language;
	// Required on these kinds: the field above, unless Additional Fields names another language.
	if (type.foreign)
		body.Jezyk =
			(extra.language as string) ||
			(this.getNodeParameter('ossLanguage', itemIndex, 'en') as string) ||
			'en';

	await checkAccountingMonth(this, itemIndex, saleDate, 'Sale Date');
	const request = mergeAdditionalJson(this, itemIndex, {
		...body,
		...readDocumentContractor(this, itemIndex),
		Pozycje: readLines(this, itemIndex, style, legalBasis, {
			foreign: type.foreign ? type.name : undefined,
		}),
	});
	const response = await callIfirma.call(this, itemIndex, {
		method: 'POST',
		path: `${type.slug}.json`,
		body: request,
		safeToRepeat: false,
	});
	return await createdOutput(this, itemIndex, response, type.slug);
};
