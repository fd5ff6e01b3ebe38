import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as downloadPdf from './downloadPdf.operation';
import * as get from './get.operation';
import * as sendByEmail from './sendByEmail.operation';

export { create, downloadPdf, get, sendByEmail };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['bill'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Issue a domestic bill (rachunek) without VAT',
				action: 'Create a bill',
			},
			{
				name: 'Download PDF',
				value: 'downloadPdf',
				description: 'Get the print of a bill as a PDF file',
				action: 'Download a bill PDF',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a bill by ID or number',
				action: 'Get a bill',
			},
			{
				name: 'Send by E-Mail',
				value: 'sendByEmail',
				description: 'E-mail a bill to the contractor or another address',
				action: 'Send a bill by e mail',
			},
		],
		default: 'create',
	},
	...create.description,
	...downloadPdf.description,
	...get.description,
	...sendByEmail.description,
];
