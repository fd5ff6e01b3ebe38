import type { INodeProperties } from 'n8n-workflow';

import { requestOptionsField } from '../../common/options';
import * as account from './account';
import * as bill from './bill';
import * as contractor from './contractor';
import * as dictionary from './dictionary';
import * as expense from './expense';
import * as invoice from './invoice';
import * as proforma from './proforma';

/** Every parameter of the node: the resource selector, then each resource's operations and fields. */
export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Account', value: 'account' },
			{ name: 'Bill', value: 'bill' },
			{ name: 'Contractor', value: 'contractor' },
			{ name: 'Dictionary', value: 'dictionary' },
			{ name: 'Expense', value: 'expense' },
			{ name: 'Invoice', value: 'invoice' },
			{ name: 'Proforma', value: 'proforma' },
		],
		default: 'invoice',
	},
	...account.description,
	...bill.description,
	...contractor.description,
	...dictionary.description,
	...expense.description,
	...invoice.description,
	...proforma.description,
	requestOptionsField,
];
