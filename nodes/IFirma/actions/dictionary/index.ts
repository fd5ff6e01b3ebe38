import type { INodeProperties } from 'n8n-workflow';

import * as getEuVatRates from './getEuVatRates.operation';

export { getEuVatRates };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['dictionary'] } },
		options: [
			{
				name: 'Get EU VAT Rates',
				value: 'getEuVatRates',
				description: 'Get the VAT rates of an EU country (for OSS invoices)',
				action: 'Get EU VAT rates',
			},
		],
		default: 'getEuVatRates',
	},
	...getEuVatRates.description,
];
