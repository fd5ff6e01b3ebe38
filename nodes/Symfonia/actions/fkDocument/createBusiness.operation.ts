import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import {
	fieldError,
	fixedCollectionRows,
	isBlank,
	readString,
	toAmount,
	toPositiveInteger,
	toText,
} from '../../../common/validate';
import { symfoniaRequest } from '../../transport';
import { mergeOtherFields, readOtherFields, toSymfoniaDate } from '../fields';
import { documentCurrency, toPln } from './currency';
import { shapeCreated } from './helpers';

/**
 * "Business" documents: FK builds the postings from its own posting scheme (docs/api/symfonia.md §7.4,
 * FKDocumentsBussinessIssue — the misspelling is the API's). What the scheme parameters Account01..20
 * mean is set per company (inferred), so they are passed through from Other Fields (JSON).
 */

const BUSINESS_PATHS: Record<string, string> = {
	purchaseInvoice: '/FKDocumentsBussinessIssue/NewPurchaseInvoice',
	purchaseInvoiceCorrection: '/FKDocumentsBussinessIssue/NewPurchaseInvoiceCorrection',
	saleInvoice: '/FKDocumentsBussinessIssue/NewSaleInvoice',
	saleInvoiceCorrection: '/FKDocumentsBussinessIssue/NewSaleInvoiceCorrection',
};

const properties: INodeProperties[] = [
	{
		displayName: 'Business Document Kind',
		name: 'businessKind',
		type: 'options',
		options: [
			{ name: 'Purchase Invoice', value: 'purchaseInvoice' },
			{ name: 'Purchase Invoice Correction', value: 'purchaseInvoiceCorrection' },
			{ name: 'Sale Invoice', value: 'saleInvoice' },
			{ name: 'Sale Invoice Correction', value: 'saleInvoiceCorrection' },
		],
		default: 'purchaseInvoice',
	},
	{
		displayName: 'Document Type',
		name: 'documentType',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'FZ',
		description: 'FK document type code the posting scheme is defined for (DocumentType)',
	},
	{
		displayName: 'Document Number',
		name: 'documentNumber',
		type: 'string',
		required: true,
		default: '',
	},
	{ displayName: 'Issue Date', name: 'issueDate', type: 'dateTime', required: true, default: '' },
	{
		displayName: 'Contractor Position',
		name: 'contractorPosition',
		type: 'string',
		default: '',
		description: 'Position of the FK contractor (ContractorPosition)',
	},
	{
		displayName: 'Positions',
		name: 'positions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Position',
		options: [
			{
				displayName: 'Position',
				name: 'position',
				values: [
					{
						displayName: 'Cost Type',
						name: 'costType',
						type: 'string',
						default: '',
						description: 'Cost type code used by the posting scheme (CostType)',
					},
					{
						displayName: 'Description',
						name: 'description',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Net Amount',
						name: 'net',
						type: 'number',
						default: 0,
					},
					{
						displayName: 'VAT Amount',
						name: 'vat',
						type: 'number',
						default: 0,
					},
					{
						displayName: 'VAT Rate Name or ID',
						name: 'vatRate',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getFkVatRates' },
						default: '',
						description:
							'FK VAT rate code (FKVatRates). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
				],
			},
		],
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Contractor Code',
				name: 'contractor',
				type: 'string',
				default: '',
				description: 'Contractor code (Contractor), when not given by position',
			},
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
					'Not needed: without it the mean rate of the latest FK rates table before the operation or issue date is used',
			},
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			{ displayName: 'Document Date', name: 'documentDate', type: 'dateTime', default: '' },
			{ displayName: 'Due Date', name: 'maturityDate', type: 'dateTime', default: '' },
			{ displayName: 'Operation Date', name: 'operationDate', type: 'dateTime', default: '' },
			{
				displayName: 'Other Fields (JSON)',
				name: 'extraJson',
				type: 'json',
				default: '{}',
				description:
					'Any other field with its API name, e.g. {"Department": "D1"} or per-position Account01..20 via "Positions"',
			},
			{ displayName: 'Receipt Date', name: 'receiptDate', type: 'dateTime', default: '' },
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['fkDocument'], operation: ['createBusiness'] } },
	properties,
);

function readPositions(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const rows = fixedCollectionRows(ctx.getNodeParameter('positions', itemIndex, {}), 'position');
	return rows.map((row, index) => {
		const label = `Positions, position ${index + 1}`;
		const net = toAmount(ctx, row.net ?? 0, itemIndex, `${label}, Net Amount`);
		const vat = toAmount(ctx, row.vat ?? 0, itemIndex, `${label}, VAT Amount`);
		const gross = Math.round((net + vat) * 100) / 100;
		const position: IDataObject = { NetValue: net, VatValue: vat, GrossValue: gross };
		if (isBlank(row.vatRate)) throw fieldError(ctx, itemIndex, `${label}, VAT Rate`, 'is required');
		position.VatRate = toText(ctx, row.vatRate, itemIndex, `${label}, VAT Rate`);
		if (!isBlank(row.description))
			position.Description = toText(ctx, row.description, itemIndex, `${label}, Description`);
		if (!isBlank(row.costType))
			position.CostType = toText(ctx, row.costType, itemIndex, `${label}, Cost Type`);
		return position;
	});
}

export const execute: OperationExecute = async function (this, itemIndex) {
	const kind = this.getNodeParameter('businessKind', itemIndex) as string;
	const path = BUSINESS_PATHS[kind];
	if (!path) throw fieldError(this, itemIndex, 'Business Document Kind', `unknown kind "${kind}"`);
	const body: IDataObject = {
		DocumentType: readString(this, 'documentType', itemIndex, 'Document Type', { required: true }),
		DocumentNumber: readString(this, 'documentNumber', itemIndex, 'Document Number', {
			required: true,
		}),
		IssueDate: toSymfoniaDate(
			this,
			this.getNodeParameter('issueDate', itemIndex, ''),
			itemIndex,
			'Issue Date',
		),
	};
	const position = this.getNodeParameter('contractorPosition', itemIndex, '') as unknown;
	if (!isBlank(position))
		body.ContractorPosition = toPositiveInteger(this, position, itemIndex, 'Contractor Position');
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	if (!isBlank(fields.contractor))
		body.Contractor = toText(this, fields.contractor, itemIndex, 'Contractor Code');
	if (!isBlank(fields.description))
		body.Description = toText(this, fields.description, itemIndex, 'Description');
	for (const [key, apiName, label] of [
		['documentDate', 'DocumentDate', 'Document Date'],
		['operationDate', 'OperationDate', 'Operation Date'],
		['receiptDate', 'ReceiptDate', 'Receipt Date'],
		['maturityDate', 'MaturityDate', 'Due Date'],
	] as const) {
		if (!isBlank(fields[key])) body[apiName] = toSymfoniaDate(this, fields[key], itemIndex, label);
	}
	if (body.ContractorPosition === undefined && body.Contractor === undefined)
		throw fieldError(
			this,
			itemIndex,
			'Contractor Position',
			'give the contractor position or a contractor code',
		);
	const positions = readPositions(this, itemIndex);
	const extra = readOtherFields(this, fields.extraJson, itemIndex);
	// The business model carries Currency and CurrencyRate only (no rate type or table). The *PLN amounts are
	// converted at that rate, not copied (docs/api/symfonia.md, "FK documents: required members").
	const currency = await documentCurrency(
		this,
		itemIndex,
		fields,
		String(body.OperationDate ?? body.IssueDate),
	);
	body.Currency = currency.Currency;
	body.CurrencyRate = currency.CurrencyRate;
	const rate = currency.CurrencyRate;
	body.Positions = positions.map((p) => ({
		...p,
		NetValuePLN: toPln(p.NetValue as number, rate),
		VatValuePLN: toPln(p.VatValue as number, rate),
		GrossValuePLN: toPln(p.GrossValue as number, rate),
	}));
	const finalBody = mergeOtherFields(this, body, extra, itemIndex);
	if (!Array.isArray(finalBody.Positions) || finalBody.Positions.length === 0)
		throw fieldError(this, itemIndex, 'Positions', 'add at least one position');
	const answer = await symfoniaRequest.call(this, itemIndex, {
		method: 'POST',
		path,
		body: finalBody,
		safeToRepeat: false,
	});
	return shapeCreated(this, itemIndex, answer);
};
