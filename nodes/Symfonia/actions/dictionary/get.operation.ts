import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { fieldError, readPositiveInteger, toIsoDate } from '../../../common/validate';
import { asList, symfoniaRequest } from '../../transport';

/** Handel (§6.2) and FK (§7.2) dictionaries; each list entry becomes one item. */
export const DICTIONARIES: Record<
	string,
	{
		name: string;
		path: string;
		needs?: 'documentCharacter' | 'documentTypeId' | 'date' | 'yearId';
		description: string;
	}
> = {
	vatRates: { name: 'VAT Rates (Handel)', path: '/VatRates', description: 'VatRates' },
	paymentForms: {
		name: 'Payment Forms (Handel)',
		path: '/PaymentForms',
		description: 'PaymentForms',
	},
	paymentRegistries: {
		name: 'Payment Registries (Handel)',
		path: '/PaymentRegistries',
		description: 'Cash and bank registers (PaymentRegistries)',
	},
	documentTypes: {
		name: 'Document Types (Handel)',
		path: '/DocumentTypes',
		needs: 'documentCharacter',
		description: 'Document types of one character, e.g. FVS',
	},
	documentSeries: {
		name: 'Document Series (Handel)',
		path: '/DocumentSeries',
		needs: 'documentTypeId',
		description: 'Series of one document type',
	},
	warehouses: { name: 'Warehouses (Handel)', path: '/Warehouses', description: 'Warehouses' },
	currencies: { name: 'Currencies (Handel)', path: '/Currencies', description: 'Currencies' },
	departments: { name: 'Departments (Handel)', path: '/Departments', description: 'Departments' },
	fkYears: {
		name: 'Fiscal Year (FK)',
		path: '/FKYears',
		needs: 'date',
		description: 'The FK fiscal year containing a date (its ID is the YearId of documents)',
	},
	fkAllYears: {
		name: 'Fiscal Years, All (FK)',
		path: '/FKYears',
		description: 'Every FK fiscal year',
	},
	fkDocumentFeatures: {
		name: 'Document Features (FK)',
		path: '/FKDocuments/DocumentFeatures',
		needs: 'yearId',
		description: 'FK document features of a fiscal year (IDs for Feature IDs)',
	},
	fkRecordFeatures: {
		name: 'Posting Features (FK)',
		path: '/FKDocuments/DocumentRecordFeatures',
		needs: 'yearId',
		description: 'FK features of postings of a fiscal year',
	},
	fkMarkers: {
		name: 'Markers (FK)',
		path: '/FKDocuments/Markers',
		description: 'FK document markers',
	},
	fkVatRegisterMarkers: {
		name: 'VAT Register Markers (FK)',
		path: '/FKVatRegisterMarkers',
		description: 'FK VAT register markers',
	},
	fkCurrencies: { name: 'Currencies (FK)', path: '/FKCurrencies', description: 'FK currencies' },
	fkCurrencyTables: {
		name: 'Currency Rates Tables (FK)',
		path: '/FKCurrenciesTables',
		description: 'FK currency rates tables (their ID is the CurrencyRateTableId of documents)',
	},
	fkCountries: { name: 'Countries (FK)', path: '/FKCountries', description: 'FK countries' },
	fkDocumentTypes: {
		name: 'Document Types (FK)',
		path: '/FKDocuments/DocumentTypes',
		needs: 'yearId',
		description: 'FK document types of a fiscal year',
	},
	fkVatRegisters: {
		name: 'VAT Registers (FK)',
		path: '/FKVatRegisters',
		description: 'FK VAT registers',
	},
	fkVatRates: { name: 'VAT Rates (FK)', path: '/FKVatRates', description: 'FK VAT rates' },
	fkAccountsChart: {
		name: 'Chart of Accounts (FK)',
		path: '/FKAccountsChart/FlatList',
		needs: 'yearId',
		description: 'FK chart of accounts of a fiscal year',
	},
};

/** Handel document characters (§8). */
export const DOCUMENT_CHARACTERS = [
	{ name: 'FVS — Sales Invoice', value: 40 },
	{ name: 'FKS — Sales Invoice Correction', value: 41 },
	{ name: 'PAR — Receipt', value: 50 },
	{ name: 'FVW — Export Invoice', value: 101 },
	{ name: 'WDT — Intra-EU Supply', value: 114 },
	{ name: 'FVZ — Purchase Invoice', value: 68 },
	{ name: 'FZK — Purchase Invoice Correction', value: 69 },
	{ name: 'RUZ — Purchase Bill', value: 70 },
	{ name: 'WNT — Intra-EU Acquisition', value: 115 },
	{ name: 'FWZ — Import of Services', value: 138 },
];

const properties: INodeProperties[] = [
	{
		displayName: 'Dictionary',
		name: 'dictionary',
		type: 'options',
		options: Object.entries(DICTIONARIES).map(([value, entry]) => ({
			name: entry.name,
			value,
			description: entry.description,
		})),
		default: 'vatRates',
	},
	{
		displayName: 'Document Character',
		name: 'documentCharacter',
		type: 'options',
		options: DOCUMENT_CHARACTERS,
		default: 40,
		displayOptions: { show: { dictionary: ['documentTypes'] } },
	},
	{
		displayName: 'Document Type ID',
		name: 'documentTypeId',
		type: 'string',
		default: '',
		displayOptions: { show: { dictionary: ['documentSeries'] } },
		description: 'ID from Document Types (Handel)',
	},
	{
		displayName: 'Date',
		name: 'date',
		type: 'dateTime',
		default: '',
		displayOptions: { show: { dictionary: ['fkYears'] } },
		description: 'Empty: today',
	},
	{
		displayName: 'Fiscal Year ID',
		name: 'fiscalYearId',
		type: 'string',
		default: '',
		displayOptions: {
			show: {
				dictionary: [
					'fkDocumentTypes',
					'fkAccountsChart',
					'fkDocumentFeatures',
					'fkRecordFeatures',
				],
			},
		},
		description: 'ID from Fiscal Year (FK)',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['dictionary'], operation: ['get'] } },
	properties,
);

function readQuery(
	ctx: IExecuteFunctions,
	itemIndex: number,
	needs: string | undefined,
): IDataObject | undefined {
	switch (needs) {
		case 'documentCharacter':
			return {
				documentCharacter: Number(ctx.getNodeParameter('documentCharacter', itemIndex, 40)),
			};
		case 'documentTypeId':
			return {
				documentTypeId: readPositiveInteger(ctx, 'documentTypeId', itemIndex, 'Document Type ID'),
			};
		case 'date': {
			const date = ctx.getNodeParameter('date', itemIndex, '') as unknown;
			return {
				date: date
					? toIsoDate(ctx, date, itemIndex, 'Date')
					: new Date().toISOString().slice(0, 10),
			};
		}
		case 'yearId':
			return { yearId: readPositiveInteger(ctx, 'fiscalYearId', itemIndex, 'Fiscal Year ID') };
		default:
			return undefined;
	}
}

export const execute: OperationExecute = async function (this, itemIndex) {
	const key = this.getNodeParameter('dictionary', itemIndex) as string;
	const entry = DICTIONARIES[key];
	if (!entry) throw fieldError(this, itemIndex, 'Dictionary', `unknown dictionary "${key}"`);
	const answer = await symfoniaRequest.call(this, itemIndex, {
		method: 'GET',
		path: entry.path,
		qs: readQuery(this, itemIndex, entry.needs),
		safeToRepeat: true,
	});
	return asList(answer);
};
