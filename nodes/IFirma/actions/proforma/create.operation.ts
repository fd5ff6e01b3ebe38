import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { callIfirma } from '../../transport';
import { mergeAdditionalJson, readForeignFields, readHeader } from '../document';
import { checkAccountingMonth } from '../monthCheck';
import {
	contractorModeField,
	contractorModeFields,
	currencyOptions,
	documentOptionalFields,
	languageOptions,
	issueDateField,
	linesFields,
	paymentMethodField,
	paymentTermField,
	returnDocumentField,
} from '../fields';
import { createdOutput, optionalText, readDocumentContractor, readLines } from '../shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Proforma Type',
		name: 'proformaType',
		type: 'options',
		options: [
			{ name: 'Domestic (Fakturaproformakraj)', value: 'domestic' },
			{ name: 'Export-Type (Fakturaproformaeksport)', value: 'export' },
		],
		default: 'domestic',
	},
	{
		displayName: 'Domestic Invoice Type',
		name: 'domesticType',
		type: 'options',
		options: [
			{ name: 'Sale (SPRZ)', value: 'SPRZ' },
			{ name: 'Construction (BUD)', value: 'BUD' },
			{ name: 'Advance (ZAL)', value: 'ZAL' },
		],
		default: 'SPRZ',
		description: 'TypFakturyKrajowej',
		displayOptions: { show: { proformaType: ['domestic'] } },
	},
	{
		displayName: 'Final Invoice Type',
		name: 'exportType',
		type: 'options',
		options: [
			{ name: 'Export of Goods', value: 'prz_eksport_towarow' },
			{ name: 'Foreign-Currency Invoice', value: 'prz_faktura_wys_ter_kraj' },
			{ name: 'Intra-EU Supply (WDT)', value: 'prz_dostawa_ue_towarow' },
			{ name: 'Services Outside Poland', value: 'prz_eksport_dost_uslug_nie_ue' },
			{ name: 'Services to an EU Taxpayer (28b)', value: 'prz_eksport_dost_uslug_ue' },
		],
		default: 'prz_eksport_towarow',
		description: 'TypFaktury: the kind of invoice the proforma announces',
		displayOptions: { show: { proformaType: ['export'] } },
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'options',
		options: currencyOptions,
		default: 'EUR',
		description: 'Waluta',
		displayOptions: { show: { proformaType: ['export'] } },
	},
	{
		displayName: 'Print Language',
		name: 'printLanguage',
		type: 'options',
		options: languageOptions.filter((option) => option.value !== ''),
		default: 'en',
		description: 'Second language of the print (Jezyk), required on an export-type proforma',
		displayOptions: { show: { proformaType: ['export'] } },
	},
	contractorModeField,
	...contractorModeFields,
	issueDateField,
	paymentMethodField,
	{
		...paymentTermField,
		description: 'Days after the issue date the payment is due (TerminPlatnosci)',
	},
	{
		displayName: 'Order Number',
		name: 'orderNumber',
		type: 'string',
		default: '',
		description: 'NumerZamowienia',
	},
	...linesFields,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: documentOptionalFields.filter(
			(field) => !['paid', 'paidOnDocument', 'saleDateFormat'].includes(field.name),
		),
	},
	returnDocumentField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['proforma'], operation: ['create'] } },
	properties,
);

/** POST `fakturaproformakraj.json` / `fakturaproformaeksport.json` (docs/api/ifirma.md §5.2). Never retried. */
export const execute: OperationExecute = async function (this, itemIndex) {
	const type = this.getNodeParameter('proformaType', itemIndex, 'domestic') as string;
	// Each proforma's own table (docs/api/ifirma.md §5.2.1): no sale date or paid amount; the export one has no LiczOd.
	const omit = ['DataSprzedazy', 'Zaplacono', ...(type === 'export' ? ['LiczOd'] : [])];
	const { body } = readHeader(this, itemIndex, { omit });
	const slug = type === 'export' ? 'fakturaproformaeksport' : 'fakturaproformakraj';
	if (type === 'export') {
		body.TypFaktury = this.getNodeParameter(
			'exportType',
			itemIndex,
			'prz_eksport_towarow',
		) as string;
		readForeignFields(this, itemIndex, body);
		const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		body.Jezyk =
			(extra.language as string) ||
			(this.getNodeParameter('printLanguage', itemIndex, 'en') as string) ||
			'en';
	} else {
		body.TypFakturyKrajowej = this.getNodeParameter('domesticType', itemIndex, 'SPRZ') as string;
		const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		if (extra.language) body.Jezyk = extra.language;
	}
	const order = optionalText(
		this,
		this.getNodeParameter('orderNumber', itemIndex, ''),
		itemIndex,
		'Order Number',
	);
	if (order) body.NumerZamowienia = order;
	await checkAccountingMonth(this, itemIndex, String(body.DataWystawienia), 'Issue Date');
	const request = mergeAdditionalJson(this, itemIndex, {
		...body,
		...readDocumentContractor(this, itemIndex),
		Pozycje: readLines(this, itemIndex, 'vat'),
	});
	const response = await callIfirma.call(this, itemIndex, {
		method: 'POST',
		path: `${slug}.json`,
		body: request,
		safeToRepeat: false,
	});
	return await createdOutput(this, itemIndex, response, slug);
};
