import type { INodeProperties } from 'n8n-workflow';

import * as convertToInvoice from './convertToInvoice.operation';
import * as create from './create.operation';
import * as downloadPdf from './downloadPdf.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as sendByEmail from './sendByEmail.operation';
import * as sendByPost from './sendByPost.operation';

export { convertToInvoice, create, downloadPdf, get, getMany, sendByEmail, sendByPost };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['proforma'] } },
		options: [
			{
				name: 'Convert to Invoice',
				value: 'convertToInvoice',
				description: 'Issue the domestic invoice for a proforma',
				action: 'Convert a proforma to an invoice',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Issue a domestic or export-type proforma',
				action: 'Create a proforma',
			},
			{
				name: 'Download PDF',
				value: 'downloadPdf',
				description: 'Get the print of a domestic proforma as a PDF file',
				action: 'Download a proforma PDF',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a domestic proforma by ID or number',
				action: 'Get a proforma',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List proformas by date, status, contractor or amount',
				action: 'Get many proformas',
			},
			{
				name: 'Send by E-Mail',
				value: 'sendByEmail',
				description: 'E-mail a domestic proforma',
				action: 'Send a proforma by e mail',
			},
			{
				name: 'Send by Post',
				value: 'sendByPost',
				description: 'Send a domestic proforma by traditional post through iFirma',
				action: 'Send a proforma by post',
			},
		],
		default: 'create',
	},
	...convertToInvoice.description,
	...create.description,
	...downloadPdf.description,
	...get.description,
	...getMany.description,
	...sendByEmail.description,
	...sendByPost.description,
];
