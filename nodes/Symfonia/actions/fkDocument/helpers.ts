import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	fieldsOrJsonProperties,
	readFieldsOrJson,
	type FieldsOrJson,
} from '../../../common/fieldsOrJson';
import { apiError } from '../../../common/http';
import {
	fieldError,
	isBlank,
	readString,
	toAmount,
	toIntegerInRange,
	toPositiveInteger,
	toText,
} from '../../../common/validate';
import { fkMessagesOf, prop } from '../../transport';
import type { FKMessage } from '../../types';
import { mergeOtherFields, readOtherFields, toSymfoniaDate } from '../fields';
import { documentCurrency, RATE_TYPES, toPln } from './currency';

/** FK documents created by WebAPI always land in the FK buffer (docs/api/symfonia.md §7.4). */
export const KIND_PATHS: Record<string, string> = {
	purchaseInvoice: '/FKDocumentsIssue/NewPurchaseInvoice',
	saleInvoice: '/FKDocumentsIssue/NewSaleInvoice',
	simple: '/FKDocumentsIssue/NewSimple',
	custom: '/FKDocumentsIssue/NewCustom',
};

export const yearField: INodeProperties = {
	displayName: 'Fiscal Year Name or ID',
	name: 'yearId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getFkYears' },
	required: true,
	default: '',
	description:
		'The FK fiscal year (YearId). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

const postingValues: INodeProperties[] = [
	{
		displayName: 'Side',
		name: 'side',
		type: 'options',
		options: [
			{ name: 'Debit (Wn)', value: 0 },
			{ name: 'Credit (Ma)', value: 1 },
		],
		default: 0,
	},
	{
		displayName: 'Account',
		name: 'account',
		type: 'string',
		default: '',
		placeholder: '402-1',
		description:
			'Account number from the FK chart of accounts: synthetic account and analytic segments separated by dashes, e.g. 202-2-1-154',
	},
	{
		displayName: 'Amount',
		name: 'value',
		type: 'number',
		typeOptions: { numberPrecision: 2 },
		default: 0,
		description: 'Rounded to 2 decimals',
	},
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{
		displayName: 'Due Date',
		name: 'maturityDate',
		type: 'dateTime',
		default: '',
		description:
			'Set it on the settlement-account line (e.g. 202 / 201) to open a settlement (rozrachunek) due on this date',
	},
];

const vatValues: INodeProperties[] = [
	{
		displayName: 'VAT Register Name or ID',
		name: 'definitionId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getFkVatRegisters' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Register Type',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'A', value: 1 },
			{ name: 'B', value: 2 },
			{ name: 'C', value: 3 },
			{ name: 'D', value: 4 },
		],
		default: 1,
		description:
			'The A-D classification of the entry in the FK VAT register; which letter means what is set in the FK configuration of the company',
	},
	{
		displayName: 'VAT Rate Name or ID',
		name: 'vatRate',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getFkVatRates' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Net Amount',
		name: 'net',
		type: 'number',
		typeOptions: { numberPrecision: 2 },
		default: 0,
	},
	{
		displayName: 'VAT Amount',
		name: 'vat',
		type: 'number',
		typeOptions: { numberPrecision: 2 },
		default: 0,
	},
	{
		displayName: 'VAT Period',
		name: 'period',
		type: 'dateTime',
		default: '',
		description: 'Month of the VAT return; empty: the period date or issue date of the document',
	},
];

const POSTINGS: FieldsOrJson = {
	selector: { name: 'postingsInput', displayName: 'Postings Input' },
	fields: {
		name: 'postings',
		displayName: 'Postings',
		rowName: 'posting',
		rowDisplayName: 'Posting',
		placeholder: 'Add Posting',
		values: postingValues,
		sortable: true,
		description: 'Postings (dekrety): each is a debit (Wn) or credit (Ma) amount on an account',
	},
	json: {
		name: 'postingsJson',
		displayName: 'Postings (JSON)',
		description:
			'Records as the API names them, e.g. [{"Side": 0, "Account": {"Synthetic": 402, "Analytic1": 1}, "Value": 100}]',
	},
	jsonOptions: { api: 'Symfonia' },
};

const VAT_REGISTERS: FieldsOrJson = {
	selector: { name: 'vatInput', displayName: 'VAT Registers Input' },
	fields: {
		name: 'vatRegisters',
		displayName: 'VAT Registers',
		rowName: 'entry',
		rowDisplayName: 'Entry',
		placeholder: 'Add VAT Register Entry',
		values: vatValues,
	},
	json: {
		name: 'vatJson',
		displayName: 'VAT Registers (JSON)',
		description:
			'VatRegisters as the API names them, e.g. [{"DefinitionId": 3, "Type": 1, "VatRate": "23", "NetValuePLN": 100, "VatValuePLN": 23, "GrossValuePLN": 123}]',
	},
	displayOptions: { hide: { kind: ['simple'] } },
	jsonOptions: { api: 'Symfonia' },
};

/** The fields of Create and Validate (the same document, saved or only checked). */
export function documentFields(): INodeProperties[] {
	return [
		{
			displayName: 'Document Kind',
			name: 'kind',
			type: 'options',
			options: [
				{
					name: 'Purchase Invoice',
					value: 'purchaseInvoice',
					description: 'Cost invoice with VAT register entries (NewPurchaseInvoice)',
				},
				{
					name: 'Sale Invoice',
					value: 'saleInvoice',
					description: 'Sales invoice with VAT register entries (NewSaleInvoice)',
				},
				{
					name: 'Simple',
					value: 'simple',
					description: 'Document without VAT, e.g. PK (NewSimple)',
				},
				{
					name: 'Custom',
					value: 'custom',
					description: 'Everything optional, currency per line (NewCustom)',
				},
			],
			default: 'purchaseInvoice',
		},
		yearField,
		{
			displayName: 'Document Type Name or ID',
			name: 'typeCode',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getFkDocumentTypes', loadOptionsDependsOn: ['yearId'] },
			required: true,
			default: '',
			description:
				'FK document type code (TypeCode), e.g. FZ. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Document Number',
			name: 'documentNumber',
			type: 'string',
			default: '',
			placeholder: 'FV/123/2026',
			description: "The invoice number (for a cost invoice: the supplier's number)",
		},
		{ displayName: 'Issue Date', name: 'issueDate', type: 'dateTime', required: true, default: '' },
		{
			displayName: 'Contractor Position',
			name: 'contractorPosition',
			type: 'string',
			default: '',
			description:
				'Position of the FK contractor (from Contractor (FK) → Get or Create or Update). Needed for invoices.',
		},
		{
			displayName: 'Content',
			name: 'content',
			type: 'string',
			default: '',
			description: 'Description of the document (treść)',
		},
		...fieldsOrJsonProperties(POSTINGS),
		...fieldsOrJsonProperties(VAT_REGISTERS),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Currency',
					name: 'currency',
					type: 'string',
					default: '',
					placeholder: 'PLN',
					description: 'Currency code from FK (FKCurrencies), e.g. EUR. Empty: PLN.',
				},
				{
					displayName: 'Currency Rate',
					name: 'currencyRate',
					type: 'number',
					typeOptions: { numberPrecision: 4 },
					default: 1,
					description:
						'Not needed: without it the rate comes from the FK rates table of the currency',
				},
				{
					displayName: 'Currency Rate Type',
					name: 'currencyRateType',
					type: 'options',
					options: RATE_TYPES,
					default: 3,
					description:
						'Which rate of the FK rates table a foreign-currency document uses (CurrencyRateType)',
				},
				{
					displayName: 'Currency Table ID',
					name: 'currencyTableId',
					type: 'string',
					default: '',
					description:
						'ID of the FK rates table (FKCurrenciesTables). Empty: the latest table of the currency dated before the operation date, or the issue date.',
				},
				{ displayName: 'Document Date', name: 'documentDate', type: 'dateTime', default: '' },
				{
					displayName: 'Document Feature Names or IDs',
					name: 'documentFeatures',
					type: 'multiOptions',
					typeOptions: {
						loadOptionsMethod: 'getFkDocumentFeatures',
						loadOptionsDependsOn: ['yearId'],
					},
					default: [],
					description:
						'Features (cechy) of the document in FK (Features). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Feature IDs',
					name: 'features',
					type: 'string',
					default: '',
					placeholder: '3, 7',
					description:
						'Document feature IDs (Features), separated by commas; added to Document Features',
				},
				{ displayName: 'Marker', name: 'marker', type: 'number', default: 0 },
				{ displayName: 'Operation Date', name: 'operationDate', type: 'dateTime', default: '' },
				{
					displayName: 'Other Fields (JSON)',
					name: 'extraJson',
					type: 'json',
					default: '{}',
					description: 'Any other field of the FK document with its API name. Applied last.',
				},
				{
					displayName: 'Period Date',
					name: 'periodDate',
					type: 'dateTime',
					default: '',
					description: 'Accounting period (okres)',
				},
				{
					displayName: 'Receipt Date',
					name: 'receiptDate',
					type: 'dateTime',
					default: '',
					description: 'Date the invoice was received (data wpływu)',
				},
				{
					displayName: 'Split Payment Type',
					name: 'splitPaymentType',
					type: 'options',
					options: [
						{ name: 'None', value: 0 },
						{ name: 'Split Payment', value: 1 },
						{ name: 'Voluntary', value: 3 },
					],
					default: 0,
				},
			],
		},
	];
}

/** "202-2-1-154" → {Synthetic: 202, Analytic1: 2, Analytic2: 1, Analytic3: 154} (segment mapping: docs/api/symfonia.md §7.4, I). */
export function parseAccount(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	field: string,
): IDataObject {
	const text = toText(ctx, value ?? '', itemIndex, field);
	if (!/^\d+(-\d+){0,5}$/.test(text))
		throw fieldError(
			ctx,
			itemIndex,
			field,
			`"${text}" is not an account number like 402-1 or 202-2-1-154 (digits, up to 5 analytic segments)`,
		);
	const parts = text.split('-').map(Number);
	const account: IDataObject = { Synthetic: parts[0] };
	parts.slice(1).forEach((part, index) => (account[`Analytic${index + 1}`] = part));
	return account;
}

function pln(amount: number, rate: number): number {
	return rate === 1 ? amount : toPln(amount, rate);
}

export async function readFkDocument(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<{ path: string; body: IDataObject }> {
	const kind = ctx.getNodeParameter('kind', itemIndex) as string;
	const path = KIND_PATHS[kind];
	if (!path) throw fieldError(ctx, itemIndex, 'Document Kind', `unknown kind "${kind}"`);
	const yearId = toPositiveInteger(
		ctx,
		ctx.getNodeParameter('yearId', itemIndex, ''),
		itemIndex,
		'Fiscal Year',
	);
	const body: IDataObject = {
		YearId: yearId,
		TypeCode: readString(ctx, 'typeCode', itemIndex, 'Document Type', { required: true }),
		IssueDate: toSymfoniaDate(
			ctx,
			ctx.getNodeParameter('issueDate', itemIndex, ''),
			itemIndex,
			'Issue Date',
		),
	};
	// DocumentNumber is a non-nullable member of the invoice and simple models.
	const number = readString(ctx, 'documentNumber', itemIndex, 'Document Number', {
		required: kind !== 'custom',
	});
	if (number) body.DocumentNumber = number;
	const position = ctx.getNodeParameter('contractorPosition', itemIndex, '') as unknown;
	if (!isBlank(position))
		body.ContractorPosition = toPositiveInteger(ctx, position, itemIndex, 'Contractor Position');
	else if (kind === 'purchaseInvoice' || kind === 'saleInvoice')
		throw fieldError(ctx, itemIndex, 'Contractor Position', 'is required for an invoice');
	const content = readString(ctx, 'content', itemIndex, 'Content');
	if (content) body.Content = content;

	const fields = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	for (const [key, apiName, label] of [
		['documentDate', 'DocumentDate', 'Document Date'],
		['operationDate', 'OperationDate', 'Operation Date'],
		['receiptDate', 'ReceiptDate', 'Receipt Date'],
		['periodDate', 'PeriodDate', 'Period Date'],
	] as const) {
		if (!isBlank(fields[key])) body[apiName] = toSymfoniaDate(ctx, fields[key], itemIndex, label);
	}
	if (!isBlank(fields.marker))
		body.Marker = toIntegerInRange(ctx, fields.marker, itemIndex, 'Marker', 0, 1_000_000);
	if (!isBlank(fields.splitPaymentType)) body.SplitPaymentType = Number(fields.splitPaymentType);
	const features = [
		...(Array.isArray(fields.documentFeatures) ? fields.documentFeatures : []).map((id) =>
			toPositiveInteger(ctx, id, itemIndex, 'Document Features'),
		),
		...(isBlank(fields.features)
			? []
			: String(fields.features)
					.split(/[,;\s]+/)
					.filter(Boolean)
					.map((id) => toPositiveInteger(ctx, id, itemIndex, 'Feature IDs'))),
	];
	if (features.length) body.Features = [...new Set(features)];

	// Everything is read and checked before the first request (the currency look-up).
	const records = readPostings(ctx, itemIndex);
	if (kind !== 'simple') {
		const registers = readVatRegisters(ctx, itemIndex, String(body.PeriodDate ?? body.IssueDate));
		if (registers.length) body.VatRegisters = registers;
	}
	const extra = readOtherFields(ctx, fields.extraJson, itemIndex);
	let rate = 1;
	if (kind !== 'simple') {
		// The simple model has no currency members.
		const currency = await documentCurrency(
			ctx,
			itemIndex,
			fields,
			String(body.OperationDate ?? body.IssueDate),
		);
		Object.assign(body, currency);
		rate = currency.CurrencyRate;
	}
	body.Records = withPln(records, rate);
	return { path, body: mergeOtherFields(ctx, body, extra, itemIndex) };
}

/**
 * `DescriptionKind` is non-nullable and its default 0 replaces a posting's own description by the document's
 * Content; 1 keeps it (docs/api/symfonia.md, "FK documents: required members").
 */
function descriptionKindOf(description: unknown): number {
	return isBlank(description) ? 0 : 1;
}

/** Fills the `ValuePLN` of postings and their settlements that were given without one. */
function withPln(records: IDataObject[], rate: number): IDataObject[] {
	const fill = (entry: IDataObject) =>
		entry.Value !== undefined && entry.ValuePLN === undefined
			? { ...entry, ValuePLN: pln(entry.Value as number, rate) }
			: entry;
	return records.map((record) => {
		const filled = fill(record);
		if (Array.isArray(record.Transactions))
			filled.Transactions = (record.Transactions as IDataObject[]).map((transaction) =>
				transaction && typeof transaction === 'object' ? fill(transaction) : transaction,
			);
		return filled;
	});
}

function readPostings(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const { source, rows } = readFieldsOrJson(ctx, itemIndex, POSTINGS);
	if (rows.length === 0)
		throw fieldError(
			ctx,
			itemIndex,
			source === 'json' ? 'Postings (JSON)' : 'Postings',
			'add at least one posting',
		);
	if (source === 'json') {
		return rows.map((record, index) => {
			const copy: IDataObject = { No: index + 1, ...record };
			for (const key of ['Value', 'ValuePLN'] as const) {
				if (copy[key] !== undefined)
					copy[key] = toAmount(
						ctx,
						copy[key],
						itemIndex,
						`Postings (JSON), posting ${index + 1}, ${key}`,
					);
			}
			if (copy.DescriptionKind === undefined)
				copy.DescriptionKind = descriptionKindOf(copy.Description);
			return copy;
		});
	}
	return rows.map((row, index) => {
		const label = `Postings, posting ${index + 1}`;
		const value = toAmount(ctx, row.value ?? 0, itemIndex, `${label}, Amount`);
		const record: IDataObject = {
			No: index + 1,
			Side: Number(row.side) === 1 ? 1 : 0,
			Account: parseAccount(ctx, row.account, itemIndex, `${label}, Account`),
			Value: value,
		};
		if (!isBlank(row.description))
			record.Description = toText(ctx, row.description, itemIndex, `${label}, Description`);
		record.DescriptionKind = descriptionKindOf(record.Description);
		if (!isBlank(row.maturityDate)) {
			record.Transactions = [
				{
					MaturityDate: toSymfoniaDate(ctx, row.maturityDate, itemIndex, `${label}, Due Date`),
					Value: value,
				},
			];
		}
		return record;
	});
}

function readVatRegisters(
	ctx: IExecuteFunctions,
	itemIndex: number,
	defaultPeriod: string,
): IDataObject[] {
	const { source, rows } = readFieldsOrJson(ctx, itemIndex, VAT_REGISTERS);
	if (source === 'json') {
		return rows.map((entry, index) => {
			const copy = { ...entry };
			for (const key of [
				'NetValuePLN',
				'VatValuePLN',
				'GrossValuePLN',
				'NetValue',
				'VatValue',
				'GrossValue',
			]) {
				if (copy[key] !== undefined)
					copy[key] = toAmount(
						ctx,
						copy[key],
						itemIndex,
						`VAT Registers (JSON), entry ${index + 1}, ${key}`,
					);
			}
			return copy;
		});
	}
	return rows.map((row, index) => {
		const label = `VAT Registers, entry ${index + 1}`;
		const net = toAmount(ctx, row.net ?? 0, itemIndex, `${label}, Net Amount`);
		const vat = toAmount(ctx, row.vat ?? 0, itemIndex, `${label}, VAT Amount`);
		const period = isBlank(row.period)
			? `${defaultPeriod.slice(0, 7)}-01T00:00:00`
			: `${toSymfoniaDate(ctx, row.period, itemIndex, `${label}, VAT Period`).slice(0, 7)}-01T00:00:00`;
		return {
			DefinitionId: toPositiveInteger(ctx, row.definitionId, itemIndex, `${label}, VAT Register`),
			Type: Number(row.type ?? 1),
			VatRate: requiredText(ctx, row.vatRate, itemIndex, `${label}, VAT Rate`),
			NetValuePLN: net,
			VatValuePLN: vat,
			GrossValuePLN: Math.round((net + vat) * 100) / 100,
			Period: period,
			PeriodType: 0,
		};
	});
}

/**
 * Output of a created FK document: FK's own messages stay in `FKMessages`, plus `warnings` for quick checks.
 * `Document.Id` is a non-nullable int, so a refusal answered with HTTP 200 comes as `Id: 0` with Type-2
 * messages: a Type-2 message or an Id that is not positive means "not saved" (docs/api/symfonia.md, "FK
 * documents: refusal").
 */
export function shapeCreated(
	ctx: IExecuteFunctions,
	itemIndex: number,
	answer: unknown,
): IDataObject {
	const document = (
		answer && typeof answer === 'object' && !Array.isArray(answer) ? answer : {}
	) as IDataObject;
	const messages = fkMessagesOf(document);
	const errors = messages.filter((message) => message.Type === 2);
	const id = Number(prop(document, 'Id'));
	const description =
		messages
			.map(
				(message) =>
					`FK ${['comment', 'warning', 'error'][message.Type] ?? message.Type}: ${message.Message}`,
			)
			.join('\n') || undefined;
	if (errors.length) {
		throw apiError(
			ctx.getNode(),
			{
				message: `Symfonia FK did not save the document: ${errors[0].Message}`,
				description,
				httpCode: '200',
				itemIndex,
				kind: 'rejectedByApi',
			},
			[],
		);
	}
	if (!(Number.isInteger(id) && id > 0)) {
		// Neither an ID nor a reason: whether FK saved it cannot be told from the answer.
		throw apiError(
			ctx.getNode(),
			{
				message:
					'Symfonia FK answered without the ID of the document, so whether it was saved is unknown',
				description: [
					description,
					'Look for the document in the FK buffer before sending it again (a re-run with Skip If Already in FK does that).',
				]
					.filter(Boolean)
					.join('\n'),
				httpCode: '200',
				itemIndex,
				kind: 'unreadableAnswer',
			},
			[],
		);
	}
	return {
		...document,
		warnings: messages.filter((message) => message.Type === 1).map((message) => message.Message),
	};
}

export function validationOutput(messages: FKMessage[]): IDataObject {
	return {
		valid: !messages.some((message) => message.Type === 2),
		errors: messages.filter((message) => message.Type === 2).map((message) => message.Message),
		warnings: messages.filter((message) => message.Type === 1).map((message) => message.Message),
		FKMessages: messages as unknown as IDataObject[],
	};
}

function requiredText(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	field: string,
): string {
	const text = isBlank(value) ? '' : toText(ctx, value, itemIndex, field);
	if (!text) throw fieldError(ctx, itemIndex, field, 'is required');
	return text;
}
