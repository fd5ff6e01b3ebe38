import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	fieldsOrJsonProperties,
	readFieldsOrJson,
	type FieldsOrJson,
} from '../../common/fieldsOrJson';
import { returnAllOrLimit } from '../../common/paginate';
import {
	fieldError,
	isBlank,
	readString,
	toAmount,
	toBoolean,
	toIntegerInRange,
	toPositiveInteger,
	toText,
} from '../../common/validate';
import { asList, prop, symfoniaRequest } from '../transport';
import type { DocumentSide } from '../types';
import { DYNAMIC, mergeOtherFields, readOtherFields, toSymfoniaDate } from './fields';

/**
 * Helpers of the Handel sales and purchase document actions (docs/api/symfonia.md §6.3, §6.4): the fields and readers
 * both sides share. Each action's own file (salesDocument/*.operation.ts, purchaseDocument/*.operation.ts)
 * holds its description and execute and calls these.
 */

interface SideInfo {
	resource: string;
	read: string;
	issue: string;
	party: 'Buyer' | 'Seller';
	partyLabel: string;
	partyQuery: string;
	typesMethod: string;
	noun: string;
}

export const SIDES: Record<DocumentSide, SideInfo> = {
	sales: {
		resource: 'salesDocument',
		read: '/Sales',
		issue: '/SalesIssue',
		party: 'Buyer',
		partyLabel: 'Buyer Code',
		partyQuery: 'buyerCode',
		typesMethod: 'getSalesDocumentTypes',
		noun: 'sales document',
	},
	purchase: {
		resource: 'purchaseDocument',
		read: '/Purchases',
		issue: '/PurchasesIssue',
		party: 'Seller',
		partyLabel: 'Seller Code',
		partyQuery: 'sellerCode',
		typesMethod: 'getPurchaseDocumentTypes',
		noun: 'purchase document',
	},
};

// ------------------------------------------------------------------ Create

const positionValues: INodeProperties[] = [
	{
		displayName: 'Product Code',
		name: 'code',
		type: 'string',
		default: '',
		description: 'Code of the product or service card in Handel (Code)',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		description:
			'Text of the line; whether Handel accepts a line without a product code is not documented',
	},
	{
		displayName: 'Quantity',
		name: 'quantity',
		type: 'number',
		typeOptions: { numberPrecision: 4 },
		default: 1,
	},
	{ displayName: 'Unit', name: 'unit', type: 'string', default: '', placeholder: 'szt.' },
	{
		displayName: 'Price',
		name: 'value',
		type: 'number',
		typeOptions: { numberPrecision: 2 },
		default: 0,
		description: 'Unit price, net or gross per Price Kind (Value). Rounded to 2 decimals.',
	},
	{
		displayName: 'VAT Rate Name or ID',
		name: 'vatRate',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getVatRates' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
];

const POSITIONS: FieldsOrJson = {
	selector: { name: 'positionsInput', displayName: 'Positions Input' },
	fields: {
		name: 'positions',
		displayName: 'Positions',
		rowName: 'position',
		rowDisplayName: 'Position',
		placeholder: 'Add Position',
		values: positionValues,
		sortable: true,
	},
	json: {
		name: 'positionsJson',
		displayName: 'Positions (JSON)',
		description:
			'Symfonia positions as JSON, e.g. [{"Code": "USLUGA-IT", "Quantity": 1, "Value": 100, "VatRate": {"Code": "23"}}]',
	},
	jsonOptions: { api: 'Symfonia' },
};

/** The fields of Create, for one side (purchase adds the supplier's invoice number and the duplicate check). */
export function createFields(side: DocumentSide): INodeProperties[] {
	const info = SIDES[side];
	const purchase: INodeProperties[] =
		side === 'purchase'
			? [
					{
						displayName: 'Supplier Invoice Number',
						name: 'foreignNumber',
						type: 'string',
						required: true,
						default: '',
						placeholder: 'FV/123/2026',
						description:
							"The supplier's own invoice number (ForeignDocumentNumber); used to avoid registering the same invoice twice",
					},
					{
						displayName: 'Supplier Invoice Date',
						name: 'foreignDate',
						type: 'dateTime',
						default: '',
						description: 'Date on the supplier invoice (ForeignDocumentDate)',
					},
					{
						displayName: 'Skip If Already Registered',
						name: 'checkDuplicate',
						type: 'boolean',
						default: true,
						description:
							'Whether to look for a purchase document of the same seller with the same supplier invoice number first, and return it instead of creating a second one',
					},
				]
			: [];
	return [
		{
			displayName: 'Document Type Name or ID',
			name: 'typeCode',
			type: 'options',
			typeOptions: { loadOptionsMethod: info.typesMethod },
			required: true,
			default: '',
			description: `${DYNAMIC}. The Handel document type, e.g. ${side === 'sales' ? 'FVS' : 'FVZ'} (TypeCode).`,
		},
		{
			displayName: info.partyLabel,
			name: 'partyCode',
			type: 'string',
			required: true,
			default: '',
			description: `Code of the ${info.party === 'Buyer' ? 'buyer' : 'seller'} contractor in Handel (${info.party}.Code)`,
		},
		...purchase,
		{
			displayName: 'Issue Now',
			name: 'issue',
			type: 'boolean',
			default: true,
			description:
				'Whether to issue (approve) the document now; off leaves it in the buffer (bufor) for a person to check',
		},
		{
			displayName: 'Issue Date',
			name: 'issueDate',
			type: 'dateTime',
			default: '',
			description: 'Empty: Symfonia uses today',
		},
		...fieldsOrJsonProperties(POSITIONS),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Currency Name or ID',
					name: 'currency',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getCurrencies' },
					default: '',
					description:
						'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				},
				{
					displayName: 'Currency Rate',
					name: 'currencyRate',
					type: 'number',
					typeOptions: { numberPrecision: 4 },
					default: 1,
				},
				{
					displayName: 'Department',
					name: 'department',
					type: 'string',
					default: '',
					description: 'Department code (Department)',
				},
				{ displayName: 'Description', name: 'description', type: 'string', default: '' },
				{
					displayName: 'Due Date',
					name: 'maturityDate',
					type: 'dateTime',
					default: '',
					description: 'Payment due date (MaturityDate)',
				},
				{ displayName: 'Marker', name: 'marker', type: 'number', default: 0 },
				{ displayName: 'Note', name: 'note', type: 'string', default: '' },
				{
					displayName: side === 'sales' ? 'Sale Date' : 'Purchase Date',
					name: 'operationDate',
					type: 'dateTime',
					default: '',
				},
				{
					displayName: 'Other Fields (JSON)',
					name: 'extraJson',
					type: 'json',
					default: '{}',
					description:
						'Any other field of the document with its API name, e.g. {"JPK_V7Attributes": 4}. Applied last.',
				},
				{
					displayName: 'Payment Form Name or ID',
					name: 'paymentFormId',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getPaymentForms' },
					default: '',
					description:
						'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				},
				{
					displayName: 'Payment Registry Name or ID',
					name: 'paymentRegistry',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getPaymentRegistries' },
					default: '',
					description:
						'Cash or bank register (PaymentRegistry.Code). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Price Kind',
					name: 'priceKind',
					type: 'options',
					options: [
						{ name: 'Net', value: 2 },
						{ name: 'Gross', value: 1 },
					],
					default: 2,
					description: 'Whether position prices are net or gross',
				},
				{
					displayName: side === 'sales' ? 'Recipient Code' : 'Deliverer Code',
					name: 'secondPartyCode',
					type: 'string',
					default: '',
					description:
						side === 'sales'
							? 'Code of the recipient (Recipient.Code), when not the buyer'
							: 'Code of the deliverer (Deliverer.Code), when not the seller',
				},
				{
					displayName: 'Series',
					name: 'series',
					type: 'string',
					default: '',
					description: 'Document series code (Series)',
				},
				{
					displayName: 'Split Payment',
					name: 'splitPayment',
					type: 'boolean',
					default: false,
					description: 'Whether the document is under split payment (MPP)',
				},
			],
		},
	];
}

function readPositions(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const { source, rows } = readFieldsOrJson(ctx, itemIndex, POSITIONS);
	if (rows.length === 0)
		throw fieldError(
			ctx,
			itemIndex,
			source === 'json' ? 'Positions (JSON)' : 'Positions',
			'add at least one position',
		);
	if (source === 'json') {
		return rows.map((position, index) => {
			const copy = { ...position };
			for (const key of ['Value', 'PriceValue'] as const) {
				if (copy[key] !== undefined)
					copy[key] = toAmount(
						ctx,
						copy[key],
						itemIndex,
						`Positions (JSON), position ${index + 1}, ${key}`,
					);
			}
			return copy;
		});
	}
	return rows.map((row, index) => {
		const label = `Positions, position ${index + 1}`;
		if (isBlank(row.code) && isBlank(row.name))
			throw fieldError(ctx, itemIndex, `${label}, Product Code`, 'give a product code or a name');
		const quantity = Number(row.quantity ?? 1);
		if (!Number.isFinite(quantity) || quantity === 0)
			throw fieldError(ctx, itemIndex, `${label}, Quantity`, 'must be a number other than 0');
		const position: IDataObject = {
			Quantity: quantity,
			Value: toAmount(ctx, row.value ?? 0, itemIndex, `${label}, Price`),
		};
		if (!isBlank(row.code))
			position.Code = toText(ctx, row.code, itemIndex, `${label}, Product Code`);
		if (!isBlank(row.name)) position.Name = toText(ctx, row.name, itemIndex, `${label}, Name`);
		if (!isBlank(row.unit))
			position.UnitOfMeasurement = toText(ctx, row.unit, itemIndex, `${label}, Unit`);
		if (!isBlank(row.vatRate))
			position.VatRate = { Code: toText(ctx, row.vatRate, itemIndex, `${label}, VAT Rate`) };
		return position;
	});
}

/** The document body of Create from the item's parameters: header, positions, additional and other fields. */
export function readDocumentBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	side: DocumentSide,
): IDataObject {
	const info = SIDES[side];
	const typeCode = readString(ctx, 'typeCode', itemIndex, 'Document Type', { required: true });
	const partyCode = readString(ctx, 'partyCode', itemIndex, info.partyLabel, { required: true });
	const body: IDataObject = { TypeCode: typeCode, [info.party]: { Code: partyCode } };
	const issueDate = ctx.getNodeParameter('issueDate', itemIndex, '') as unknown;
	if (!isBlank(issueDate)) body.IssueDate = toSymfoniaDate(ctx, issueDate, itemIndex, 'Issue Date');
	body.Positions = readPositions(ctx, itemIndex);
	const fields = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	for (const [key, value] of Object.entries(fields)) {
		if (isBlank(value) || key === 'extraJson') continue;
		switch (key) {
			case 'currency':
				body.Currency = toText(ctx, value, itemIndex, 'Currency').toUpperCase();
				break;
			case 'currencyRate':
				body.CurrencyRate = Number(value);
				break;
			case 'department':
				body.Department = toText(ctx, value, itemIndex, 'Department');
				break;
			case 'description':
				body.Description = toText(ctx, value, itemIndex, 'Description');
				break;
			case 'note':
				body.Note = toText(ctx, value, itemIndex, 'Note');
				break;
			case 'maturityDate':
				body.MaturityDate = toSymfoniaDate(ctx, value, itemIndex, 'Due Date');
				break;
			case 'operationDate':
				body[side === 'sales' ? 'SaleDate' : 'PurchaseDate'] = toSymfoniaDate(
					ctx,
					value,
					itemIndex,
					side === 'sales' ? 'Sale Date' : 'Purchase Date',
				);
				break;
			case 'marker':
				body.Marker = toIntegerInRange(ctx, value, itemIndex, 'Marker', 0, 1_000_000);
				break;
			case 'paymentFormId':
				body.PaymentFormId = toPositiveInteger(ctx, value, itemIndex, 'Payment Form');
				break;
			case 'paymentRegistry':
				body.PaymentRegistry = { Code: toText(ctx, value, itemIndex, 'Payment Registry') };
				break;
			case 'priceKind':
				body.PriceKind = Number(value) === 1 ? 1 : 2;
				break;
			case 'secondPartyCode':
				body[side === 'sales' ? 'Recipient' : 'Deliverer'] = {
					Code: toText(
						ctx,
						value,
						itemIndex,
						side === 'sales' ? 'Recipient Code' : 'Deliverer Code',
					),
				};
				break;
			case 'series':
				body.Series = toText(ctx, value, itemIndex, 'Series');
				break;
			case 'splitPayment':
				body.SplitPayment = toBoolean(ctx, value, itemIndex, 'Split Payment');
				break;
			default:
				throw fieldError(ctx, itemIndex, key, 'is not a field of a document');
		}
	}
	return mergeOtherFields(ctx, body, readOtherFields(ctx, fields.extraJson, itemIndex), itemIndex);
}

const DAY = 86_400_000;
const WINDOW_DAYS = 366;

function sameNumber(a: unknown, b: unknown): boolean {
	const norm = (value: unknown) =>
		String(value ?? '')
			.replace(/\s+/g, '')
			.toUpperCase();
	return norm(a) !== '' && norm(a) === norm(b);
}

/**
 * There is no lookup by ForeignDocumentNumber (docs/api/symfonia.md §6.4), so: the seller's purchase documents of
 * `Purchases/Filter` from a year before the supplier's date to today (or a year after it), compared by
 * number. Whether list elements carry ForeignDocumentNumber is not documented: when they do not, each
 * candidate is read in full (one request each).
 */
export async function findPurchaseByForeignNumber(
	ctx: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
): Promise<IDataObject | undefined> {
	const anchorText = String(
		body.ForeignDocumentDate ?? body.IssueDate ?? new Date().toISOString(),
	).slice(0, 10);
	const anchor = Date.parse(`${anchorText}T00:00:00Z`);
	const from = new Date(anchor - WINDOW_DAYS * DAY).toISOString().slice(0, 10);
	const to = new Date(Math.max(anchor + WINDOW_DAYS * DAY, Date.now() + DAY))
		.toISOString()
		.slice(0, 10);
	const seller = (body.Seller as IDataObject).Code;
	const list = asList(
		await symfoniaRequest.call(ctx, itemIndex, {
			method: 'GET',
			path: '/Purchases/Filter',
			qs: { dateFrom: from, dateTo: to, sellerCode: seller },
			safeToRepeat: true,
		}),
	);
	for (const element of list) {
		const listed = prop(element, 'ForeignDocumentNumber');
		if (listed !== undefined) {
			if (sameNumber(listed, body.ForeignDocumentNumber))
				return (await readDocument(ctx, itemIndex, '/Purchases', element)) ?? element;
			continue;
		}
		const full = await readDocument(ctx, itemIndex, '/Purchases', element);
		if (full && sameNumber(prop(full, 'ForeignDocumentNumber'), body.ForeignDocumentNumber))
			return full;
	}
	return undefined;
}

async function readDocument(
	ctx: IExecuteFunctions,
	itemIndex: number,
	path: string,
	element: IDataObject,
): Promise<IDataObject | undefined> {
	const id = prop(element, 'Id');
	if (id === undefined || id === null) return undefined;
	return (await symfoniaRequest.call(
		ctx,
		itemIndex,
		{ method: 'GET', path, qs: { id }, safeToRepeat: true },
		{ notFoundAsUndefined: true },
	)) as IDataObject | undefined;
}

// ------------------------------------------------------------------ lookups shared by Get, Issue, Get Status

/** Find By (ID or number) and Value; with `withBuffer`, In Buffer for numbers of buffered documents. */
export function lookupFields(withBuffer: boolean): INodeProperties[] {
	return [
		{
			displayName: 'Find By',
			name: 'findBy',
			type: 'options',
			options: [
				{ name: 'ID', value: 'id' },
				{ name: 'Number', value: 'number' },
			],
			default: 'id',
		},
		{
			displayName: 'Value',
			name: 'value',
			type: 'string',
			required: true,
			default: '',
			description: 'The document ID or its number (e.g. FVS 12/2026)',
		},
		...(withBuffer
			? [
					{
						displayName: 'In Buffer',
						name: 'buffer',
						type: 'boolean',
						default: false,
						displayOptions: { show: { findBy: ['number'] } },
						description: 'Whether the number is that of a document still in the buffer',
					} as INodeProperties,
				]
			: []),
	];
}

/** The query of Find By / Value, with the API's names for the id and the number. */
export function readLookup(
	ctx: IExecuteFunctions,
	itemIndex: number,
	names: { id: string; number: string },
	withBuffer: boolean,
): IDataObject {
	const findBy = ctx.getNodeParameter('findBy', itemIndex, 'id') as string;
	const value = readString(ctx, 'value', itemIndex, 'Value', { required: true });
	if (findBy === 'id')
		return { [names.id]: toPositiveInteger(ctx, value, itemIndex, 'Value (ID)') };
	const qs: IDataObject = { [names.number]: value };
	if (withBuffer && (ctx.getNodeParameter('buffer', itemIndex, false) as boolean)) qs.buffer = true;
	return qs;
}

/** Get Many: the date range, the contractor and Return All / Limit. */
export function getManyFields(side: DocumentSide): INodeProperties[] {
	const info = SIDES[side];
	return [
		{ displayName: 'Date From', name: 'dateFrom', type: 'dateTime', required: true, default: '' },
		{ displayName: 'Date To', name: 'dateTo', type: 'dateTime', required: true, default: '' },
		{
			displayName: info.partyLabel,
			name: 'partyCode',
			type: 'string',
			default: '',
			description: `Only documents of this ${info.party === 'Buyer' ? 'buyer' : 'seller'} (code)`,
		},
		...returnAllOrLimit,
	];
}
