import type { INodeProperties } from 'n8n-workflow';

import { requestOptionsField } from '../../common/options';
import * as contractor from './contractor';
import * as customApiCall from './customApiCall';
import * as dictionary from './dictionary';
import * as fkContractor from './fkContractor';
import * as fkDocument from './fkDocument';
import * as purchaseDocument from './purchaseDocument';
import * as salesDocument from './salesDocument';

/** Every parameter of the node: the resource selector, then each resource's operations and fields. */
export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Accounting Document (FK)',
				value: 'fkDocument',
				description: 'Documents with postings in Finanse i Księgowość',
			},
			{
				name: 'Contractor (FK)',
				value: 'fkContractor',
				description: 'Contractors of Finanse i Księgowość',
			},
			{
				name: 'Contractor (Handel)',
				value: 'contractor',
				description: 'Contractors (kontrahenci) of Symfonia Handel',
			},
			{ name: 'Custom API Call', value: 'customApiCall' },
			{
				name: 'Dictionary',
				value: 'dictionary',
				description: 'VAT rates, payment forms, document types, fiscal years, chart of accounts…',
			},
			{
				name: 'Purchase Document (Handel)',
				value: 'purchaseDocument',
				description: 'Cost / purchase invoices in Handel',
			},
			{
				name: 'Sales Document (Handel)',
				value: 'salesDocument',
				description: 'Sales invoices and receipts in Handel',
			},
		],
		default: 'contractor',
	},
	...contractor.description,
	...salesDocument.description,
	...purchaseDocument.description,
	...fkContractor.description,
	...fkDocument.description,
	...dictionary.description,
	...customApiCall.description,
	requestOptionsField,
];
