import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fieldError, toAmount, toEmailList, toIntegerInRange } from '../../common/validate';
import { parseJsonValue } from '../../common/json';
import { addDays, optionalText, readDate, todayInPoland } from './shared';

/** Header fields of a sales document from Issue Date, Sale Date, Payment Method/Term and Additional Fields. */
export interface HeaderOptions {
	/** Fields the document kind does not have (e.g. a proforma has no sale date or Zaplacono). */
	omit?: string[];
	/** LiczOd forced (non-VAT payer: BRT only). */
	calculateFrom?: 'NET' | 'BRT';
}

export function readHeader(
	ctx: IExecuteFunctions,
	itemIndex: number,
	options: HeaderOptions = {},
): { body: IDataObject; saleDate: string } {
	const omit = new Set(options.omit ?? []);
	const extra = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const issueDate = readDate(ctx, 'issueDate', itemIndex, 'Issue Date', todayInPoland());
	const saleDate = omit.has('DataSprzedazy')
		? issueDate
		: readDate(ctx, 'saleDate', itemIndex, 'Sale Date', issueDate);
	const body: IDataObject = { DataWystawienia: issueDate };
	if (!omit.has('DataSprzedazy')) {
		body.DataSprzedazy = saleDate;
		body.FormatDatySprzedazy = (extra.saleDateFormat as string) || 'DZN';
	}
	if (!omit.has('SposobZaplaty'))
		body.SposobZaplaty = ctx.getNodeParameter('paymentMethod', itemIndex, 'PRZ') as string;
	// The field's own range: a huge number of days would be a date JavaScript cannot write (RangeError).
	const termDays = toIntegerInRange(
		ctx,
		ctx.getNodeParameter('paymentTermDays', itemIndex, 14),
		itemIndex,
		'Payment Term (Days)',
		0,
		365,
	);
	body.TerminPlatnosci = addDays(saleDate, termDays);
	if (!omit.has('LiczOd'))
		body.LiczOd = options.calculateFrom ?? ((extra.calculateFrom as string) || 'NET');
	if (!omit.has('Zaplacono')) {
		const paid = toAmount(ctx, extra.paid ?? 0, itemIndex, 'Amount Paid');
		if (paid < 0) throw fieldError(ctx, itemIndex, 'Amount Paid', 'must not be negative');
		body.Zaplacono = paid;
		if (!omit.has('ZaplaconoNaDokumencie')) {
			body.ZaplaconoNaDokumencie = extra.paidOnDocument
				? toAmount(ctx, extra.paidOnDocument, itemIndex, 'Amount Paid Shown on Document')
				: paid;
		}
	}
	if (!omit.has('RodzajPodpisuOdbiorcy'))
		body.RodzajPodpisuOdbiorcy = (extra.signatureType as string) || 'BPO';
	if (!omit.has('WidocznyNumerGios')) body.WidocznyNumerGios = extra.showGios === true;
	if (!omit.has('SplitPayment') && extra.splitPayment !== undefined)
		body.SplitPayment = extra.splitPayment === true;
	const number = Number(extra.number ?? 0);
	if (!Number.isInteger(number) || number < 0)
		throw fieldError(ctx, itemIndex, 'Number', 'must be a whole number (0 = next)');
	body.Numer = number > 0 ? number : null;

	const texts: Array<[string, string, string, number]> = [
		['bankAccount', 'NumerKontaBankowego', 'Bank Account', 28],
		['place', 'MiejsceWystawienia', 'Place of Issue', 50],
		['series', 'NazwaSeriiNumeracji', 'Numbering Series', 100],
		['template', 'NazwaSzablonu', 'Print Template', 100],
		['recipientSignature', 'PodpisOdbiorcy', 'Recipient Signature', 70],
		['issuerSignature', 'PodpisWystawcy', 'Issuer Signature', 70],
		['remarks', 'Uwagi', 'Remarks', 1000],
	];
	for (const [key, apiName, label, max] of texts) {
		if (omit.has(apiName)) continue;
		const text = optionalText(ctx, extra[key], itemIndex, label, max);
		if (text) body[apiName] = key === 'bankAccount' ? text.replace(/\s+/g, '') : text;
	}
	return { body, saleDate };
}

/** Currency, language and exchange rate for the foreign kinds (only the ones the user set or the kind needs). */
export function readForeignFields(
	ctx: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
): void {
	const extra = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const currency = String(ctx.getNodeParameter('currency', itemIndex, 'EUR') ?? '')
		.trim()
		.toUpperCase();
	if (!/^[A-Z]{3}$/.test(currency))
		throw fieldError(
			ctx,
			itemIndex,
			'Currency',
			`must be a three-letter ISO code like EUR, got "${currency}"`,
		);
	body.Waluta = currency;
	if (extra.language) body.Jezyk = extra.language;
	const rate = Number(extra.exchangeRate ?? 0);
	if (!Number.isFinite(rate) || rate < 0)
		throw fieldError(ctx, itemIndex, 'Exchange Rate', 'must be a positive number');
	if (rate > 0) body.KursWalutyZDniaPoprzedzajacegoDzienWystawieniaFaktury = rate;
	if (extra.showExchangeRate !== undefined)
		body.KursWalutyWidoczny = extra.showExchangeRate === true;
}

/** Additional JSON merged last: the escape hatch for fields the node does not model. */
export function mergeAdditionalJson(
	ctx: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
): IDataObject {
	const extra = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const json =
		parseJsonValue(ctx, extra.additionalJson, itemIndex, 'Additional JSON', 'object', {
			api: 'iFirma',
		}) ?? {};
	// The lines are checked item by item in Lines; replaced here they would go out unchecked.
	if ('Pozycje' in json && 'Pozycje' in body)
		throw fieldError(
			ctx,
			itemIndex,
			'Additional JSON',
			'must not contain "Pozycje": enter the lines in Lines (or Lines (JSON))',
		);
	return { ...body, ...json };
}

// ── sending by e-mail ────────────────────────────────────────────────────────────────────────────

export const emailOptionsField: INodeProperties = {
	displayName: 'Options',
	name: 'emailOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Cash on Delivery Info',
			name: 'cashOnDelivery',
			type: 'boolean',
			default: false,
			description: 'Whether to include cash-on-delivery information (Pobranie)',
		},
		{
			displayName: 'E-Mail Template',
			name: 'template',
			type: 'string',
			default: '',
			placeholder: 'Domyślny ifirma.pl',
			description: 'Name of an e-mail template set up in iFirma (SzablonEmail)',
		},
		{
			displayName: 'Message',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			description: 'Text of the e-mail (Tekst, up to 1000 characters)',
		},
		{
			displayName: 'MTransfer Link',
			name: 'mTransfer',
			type: 'string',
			default: '',
			description: 'MTransfer payment link ID (MTransfer)',
		},
		{
			displayName: 'Recipient E-Mail',
			name: 'recipient',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: "Send to this address instead of the contractor's (SkrzynkaEmailOdbiorcy)",
		},
		{
			displayName: 'Sender Mailbox',
			name: 'mailbox',
			type: 'string',
			default: '',
			placeholder: 'faktury@ifirma.pl',
			description: 'Mailbox configured in iFirma to send from (SkrzynkaEmail)',
		},
		{
			displayName: 'Transfer Info',
			name: 'transfer',
			type: 'boolean',
			default: false,
			description: 'Whether to include bank transfer details (Przelew)',
		},
	],
};

export function readEmailBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const options = ctx.getNodeParameter('emailOptions', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	const text = optionalText(ctx, options.text, itemIndex, 'Message', 1000);
	if (text) body.Tekst = text;
	if (options.transfer !== undefined) body.Przelew = options.transfer === true;
	if (options.cashOnDelivery !== undefined) body.Pobranie = options.cashOnDelivery === true;
	const mTransfer = optionalText(ctx, options.mTransfer, itemIndex, 'MTransfer Link');
	if (mTransfer) body.MTransfer = mTransfer;
	const mailbox = optionalText(ctx, options.mailbox, itemIndex, 'Sender Mailbox');
	if (mailbox) body.SkrzynkaEmail = toEmailList(ctx, mailbox, itemIndex, 'Sender Mailbox')[0];
	const template = optionalText(ctx, options.template, itemIndex, 'E-Mail Template');
	if (template) body.SzablonEmail = template;
	const recipient = optionalText(ctx, options.recipient, itemIndex, 'Recipient E-Mail');
	if (recipient) {
		const emails = toEmailList(ctx, recipient, itemIndex, 'Recipient E-Mail');
		if (emails.length !== 1)
			throw fieldError(ctx, itemIndex, 'Recipient E-Mail', 'must be one e-mail address');
		body.SkrzynkaEmailOdbiorcy = emails[0];
	}
	return body;
}
