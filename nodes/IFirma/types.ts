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
	/** Whether `<slug>/send/{id}.json` is documented for it (API file §5.7). */
	sendable: boolean;
	/** Whether `<slug>/ksef/send/{id}.json` is documented for it (API file §5.8). */
	ksef: boolean;
}

export const INVOICE_TYPES: InvoiceType[] = [
	{ value: 'domestic', name: 'Domestic VAT Invoice (Faktura Krajowa)', slug: 'fakturakraj', code: 'prz_faktura_kraj', sendable: true, ksef: true },
	{ value: 'domesticNonVat', name: 'Domestic Invoice, Non-VAT Payer (Nievatowiec)', slug: 'fakturakraj', code: 'prz_faktura_kraj', sendable: true, ksef: true },
	{ value: 'mailOrder', name: 'Mail-Order Invoice (Faktura Wysyłkowa)', slug: 'fakturawysylka', code: 'prz_faktura_wysylka', sendable: true, ksef: true },
	{ value: 'receipt', name: 'Invoice to a Receipt (Faktura Do Paragonu)', slug: 'fakturaparagon', code: 'prz_faktura_paragon', sendable: false, ksef: true },
	{ value: 'currency', name: 'Foreign-Currency Invoice (Faktura Walutowa)', slug: 'fakturawaluta', code: 'prz_faktura_wys_ter_kraj', sendable: true, ksef: true },
	{ value: 'cashMethod', name: 'Cash-Method VAT Invoice (Metoda Kasowa)', slug: 'fakturametodakasowa', code: 'prz_faktura_met_kasowa', sendable: false, ksef: true },
	{ value: 'wdt', name: 'Intra-EU Supply of Goods (WDT)', slug: 'fakturawdt', code: 'prz_dostawa_ue_towarow', sendable: true, ksef: true },
	{ value: 'exportGoods', name: 'Export of Goods', slug: 'fakturaeksporttowarow', code: 'prz_eksport_towarow', sendable: true, ksef: true },
	{ value: 'euServices', name: 'Services to an EU Taxpayer (Art. 28b)', slug: 'fakturaeksportuslugue', code: 'prz_eksport_dost_uslug_ue', sendable: true, ksef: true },
	{ value: 'servicesOutside', name: 'Services Outside Poland', slug: 'fakturaeksportuslug', code: 'prz_eksport_dost_uslug_nie_ue', sendable: true, ksef: true },
	{ value: 'oss', name: 'OSS Invoice', slug: 'fakturaoss', code: '', sendable: false, ksef: true },
	{ value: 'ioss', name: 'IOSS Invoice', slug: 'fakturaioss', code: '', sendable: false, ksef: false },
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

export const LANGUAGES = ['en', 'de', 'bg', 'hr', 'cs', 'da', 'nl', 'es', 'et', 'fi', 'fr', 'gr', 'hu', 'it', 'lv', 'lt', 'ru', 'sk', 'sl', 'sv'];

export const CURRENCIES = [
	'PLN', 'EUR', 'GBP', 'USD', 'CHF', 'NOK', 'JPY', 'CZK', 'UAH', 'RUB', 'AUD', 'DKK', 'CAD', 'RON', 'SEK', 'HUF', 'THB', 'HKD', 'NZD',
	'SGD', 'ISK', 'HRK', 'BGN', 'TRY', 'ILS', 'CLP', 'PHP', 'MXN', 'ZAR', 'BRL', 'MYR', 'IDR', 'INR', 'KRW', 'CNY', 'LTL', 'LVL', 'XDR',
];
