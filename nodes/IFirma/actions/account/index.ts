import type { INodeProperties } from 'n8n-workflow';

import * as getAccountingMonth from './getAccountingMonth.operation';
import * as getLimit from './getLimit.operation';
import * as setAccountingMonth from './setAccountingMonth.operation';

export { getAccountingMonth, getLimit, setAccountingMonth };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Get Accounting Month',
				value: 'getAccountingMonth',
				description: 'Get the accounting month (miesiąc księgowy) set in iFirma',
				action: 'Get the accounting month',
			},
			{
				name: 'Get API Limit',
				value: 'getLimit',
				description: 'Get how much of the monthly API limit is used and granted',
				action: 'Get the API limit',
			},
			{
				name: 'Set Accounting Month',
				value: 'setAccountingMonth',
				description: 'Move the accounting month to the next, previous or a given month',
				action: 'Set the accounting month',
			},
		],
		default: 'getLimit',
	},
	...getAccountingMonth.description,
	...getLimit.description,
	...setAccountingMonth.description,
];
