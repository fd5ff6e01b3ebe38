import type { IDataObject } from 'n8n-workflow';

/** Every JSON answer: `{"response": {...}}` with `Kod` 0 on success (absent on a few read endpoints). */
export interface IfirmaEnvelope {
	response: IfirmaResponse;
}

export interface IfirmaResponse extends IDataObject {
	Kod?: number;
	Informacja?: string;
	Identyfikator?: number | string;
	Wynik?: IDataObject | IDataObject[] | string;
}

/** Sales document kinds: resource slug (create/get/send path) and `prz_*` code (list filter, payments). */
export interface InvoiceType {
	value: string;
	name: string;
	slug: string;
	/** Empty where the API documents no code (OSS, IOSS): no payment or list filter for them. */
	code: string;
	/** Whether `<slug>/send/{id}.json` is documented for it (docs/api/ifirma.md §5.7). */
	sendable: boolean;
	/** Whether `<slug>/ksef/send/{id}.json` is documented for it (docs/api/ifirma.md §5.8). */
	ksef: boolean;
	/** Header fields of the domestic table that this kind's own table does not have (docs/api/ifirma.md §5.2.1). */
	notInTable?: string[];
	/** Export-type kinds: the print language (Jezyk) and each line's foreign name and unit are required (§5.2.1). */
	foreign?: boolean;
}

/** The kinds the API creates (docs/api/ifirma.md §5.2, §5.2.1). */
export const INVOICE_TYPES: InvoiceType[] = [
	{
		value: 'domestic',
		name: 'Domestic VAT Invoice (Faktura Krajowa)',
		slug: 'fakturakraj',
		code: 'prz_faktura_kraj',
		sendable: true,
		ksef: true,
	},
	{
		value: 'domesticNonVat',
		name: 'Domestic Invoice, Non-VAT Payer (Nievatowiec)',
		slug: 'fakturakraj',
		code: 'prz_faktura_kraj',
		sendable: true,
		ksef: true,
	},
	{
		value: 'mailOrder',
		name: 'Mail-Order Invoice (Faktura Wysyłkowa)',
		slug: 'fakturawysylka',
		code: 'prz_faktura_wysylka',
		sendable: true,
		ksef: true,
		notInTable: ['SposobZaplaty', 'ZaplaconoNaDokumencie'],
	},
	{
		value: 'receipt',
		name: 'Invoice to a Receipt (Faktura Do Paragonu)',
		slug: 'fakturaparagon',
		code: 'prz_faktura_paragon',
		sendable: false,
		ksef: true,
	},
	{
		value: 'currency',
		name: 'Foreign-Currency Invoice (Faktura Walutowa)',
		slug: 'fakturawaluta',
		code: 'prz_faktura_wys_ter_kraj',
		sendable: true,
		ksef: true,
	},
	{
		value: 'cashMethod',
		name: 'Cash-Method VAT Invoice (Metoda Kasowa)',
		slug: 'fakturametodakasowa',
		code: 'prz_faktura_met_kasowa',
		sendable: false,
		ksef: true,
	},
	{
		value: 'wdt',
		name: 'Intra-EU Supply of Goods (WDT)',
		slug: 'fakturawdt',
		code: 'prz_dostawa_ue_towarow',
		sendable: true,
		ksef: true,
		notInTable: ['LiczOd'],
		foreign: true,
	},
	{
		value: 'exportGoods',
		name: 'Export of Goods',
		slug: 'fakturaeksporttowarow',
		code: 'prz_eksport_towarow',
		sendable: true,
		ksef: true,
		notInTable: ['LiczOd'],
		foreign: true,
	},
	{
		value: 'euServices',
		name: 'Services to an EU Taxpayer (Art. 28b)',
		slug: 'fakturaeksportuslugue',
		code: 'prz_eksport_dost_uslug_ue',
		sendable: true,
		ksef: true,
		notInTable: ['LiczOd'],
		foreign: true,
	},
	{
		value: 'servicesOutside',
		name: 'Services Outside Poland',
		slug: 'fakturaeksportuslug',
		code: 'prz_eksport_dost_uslug_nie_ue',
		sendable: true,
		ksef: true,
		notInTable: ['LiczOd', 'Zaplacono'],
		foreign: true,
	},
	{
		value: 'oss',
		name: 'OSS Invoice',
		slug: 'fakturaoss',
		code: '',
		sendable: false,
		ksef: true,
		notInTable: ['Zaplacono', 'ZaplaconoNaDokumencie', 'WidocznyNumerGios'],
		foreign: true,
	},
	{
		value: 'ioss',
		name: 'IOSS Invoice',
		slug: 'fakturaioss',
		code: '',
		sendable: false,
		ksef: false,
		notInTable: ['Zaplacono', 'ZaplaconoNaDokumencie', 'WidocznyNumerGios'],
		foreign: true,
	},
];

/**
 * Kinds issued only in iFirma's web application: the API cannot create them, but sends them to KSeF and takes
 * their payments (docs/api/ifirma.md §4.3, §5.6, §5.8). A code is empty where the payment list has none.
 */
export const WEB_ONLY_KINDS: InvoiceType[] = [
	{
		value: 'advance',
		name: 'Advance Invoice (Zaliczkowa)',
		slug: 'fakturazaliczka',
		code: '',
		sendable: false,
		ksef: true,
	},
	{
		value: 'final',
		name: 'Final Invoice (Końcowa)',
		slug: 'fakturakoncowa',
		code: 'prz_faktura_kon',
		sendable: false,
		ksef: true,
	},
	{
		value: 'advanceCurrency',
		name: 'Advance Invoice in Foreign Currency',
		slug: 'fakturazaliczkowawaluta',
		code: '',
		sendable: false,
		ksef: true,
	},
	{
		value: 'finalCurrency',
		name: 'Final Invoice in Foreign Currency',
		slug: 'fakturakoncowawaluta',
		code: '',
		sendable: false,
		ksef: true,
	},
	{
		value: 'construction',
		name: 'Construction Invoice (Budowlana)',
		slug: 'fakturabudowa',
		code: 'prz_faktura_budowa',
		sendable: false,
		ksef: true,
	},
	{
		value: 'equipment',
		name: 'Equipment Invoice (Wyposażenie)',
		slug: 'fakturawyposazenie',
		code: 'prz_faktura_wyposaz',
		sendable: false,
		ksef: true,
	},
	{
		value: 'fixedAsset',
		name: 'Fixed Asset Invoice (Fakturasrodektrwaly)',
		slug: 'fakturasrodektrwaly',
		code: 'prz_faktura_sr_trwaly',
		sendable: false,
		ksef: true,
	},
	{
		value: 'specialObligation',
		name: 'Special Tax Obligation Invoice (Szczególny Obowiązek)',
		slug: 'fakturaszczegolnyobowiazek',
		code: 'prz_faktura_szczeg_obow',
		sendable: false,
		ksef: true,
	},
];

/** Payment-list codes without a kind of their own in the node: reverse charge (docs/api/ifirma.md §5.6). */
export const REVERSE_CHARGE_KINDS: InvoiceType[] = [
	{
		value: 'reverseCharge',
		name: 'Reverse Charge (Odwrotne Obciążenie)',
		slug: '',
		code: 'prz_faktura_odwr_obciaz',
		sendable: false,
		ksef: false,
	},
	{
		value: 'reverseChargeConstruction',
		name: 'Reverse Charge, Construction',
		slug: '',
		code: 'prz_faktura_odwr_obciaz_budowa',
		sendable: false,
		ksef: false,
	},
];

export function invoiceType(value: string): InvoiceType | undefined {
	return INVOICE_TYPES.find((type) => type.value === value);
}

/** The document kinds an existing invoice can be addressed by (get, PDF, send, KSeF, payment). */
export const DOCUMENT_KINDS = INVOICE_TYPES.filter((type) => type.value !== 'domesticNonVat');

export const PAYMENT_METHODS = [
	{ name: 'Transfer (PRZ)', value: 'PRZ' },
	{ name: 'Cash (GTK)', value: 'GTK' },
	{ name: 'Cash on Delivery (POB)', value: 'POB' },
	{ name: 'Card (KAR)', value: 'KAR' },
	{ name: 'Direct Debit (PZA)', value: 'PZA' },
	{ name: 'Cheque (CZK)', value: 'CZK' },
	{ name: 'Compensation (KOM)', value: 'KOM' },
	{ name: 'Barter (BAR)', value: 'BAR' },
	{ name: 'DotPay (DOT)', value: 'DOT' },
	{ name: 'PayPal (PAL)', value: 'PAL' },
	{ name: 'PayU (ALG)', value: 'ALG' },
	{ name: 'Przelewy24 (P24)', value: 'P24' },
	{ name: 'Tpay (TPA)', value: 'TPA' },
	{ name: 'Electronic Payment (ELE)', value: 'ELE' },
];

export const LANGUAGES = [
	'en',
	'de',
	'bg',
	'hr',
	'cs',
	'da',
	'nl',
	'es',
	'et',
	'fi',
	'fr',
	'gr',
	'hu',
	'it',
	'lv',
	'lt',
	'ru',
	'sk',
	'sl',
	'sv',
];

export const CURRENCIES = [
	'PLN',
	'EUR',
	'GBP',
	'USD',
	'CHF',
	'NOK',
	'JPY',
	'CZK',
	'UAH',
	'RUB',
	'AUD',
	'DKK',
	'CAD',
	'RON',
	'SEK',
	'HUF',
	'THB',
	'HKD',
	'NZD',
	'SGD',
	'ISK',
	'HRK',
	'BGN',
	'TRY',
	'ILS',
	'CLP',
	'PHP',
	'MXN',
	'ZAR',
	'BRL',
	'MYR',
	'IDR',
	'INR',
	'KRW',
	'CNY',
	'LTL',
	'LVL',
	'XDR',
];
