import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as createCorrection from './createCorrection.operation';
import * as downloadPdf from './downloadPdf.operation';
import * as downloadXml from './downloadXml.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as registerPayment from './registerPayment.operation';
import * as sendByEmail from './sendByEmail.operation';
import * as sendByPost from './sendByPost.operation';
import * as sendToKsef from './sendToKsef.operation';

export {
	create,
	createCorrection,
	downloadPdf,
	downloadXml,
	get,
	getMany,
	registerPayment,
	sendByEmail,
	sendByPost,
	sendToKsef,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['invoice'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description:
					'Issue an invoice of any type (domestic, non-VAT, mail-order, currency, WDT, export, OSS ...)',
				action: 'Create an invoice',
			},
			{
				name: 'Create Correction',
				value: 'createCorrection',
				description: 'Issue a correcting invoice to a domestic invoice (korekta)',
				action: 'Create a correcting invoice',
			},
			{
				name: 'Download PDF',
				value: 'downloadPdf',
				description: 'Get the print of an invoice as a PDF file',
				action: 'Download an invoice PDF',
			},
			{
				name: 'Download XML',
				value: 'downloadXml',
				description: 'Get the XML version of an invoice as a file',
				action: 'Download an invoice XML',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get an invoice by ID or number',
				action: 'Get an invoice',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List invoices and bills by date, type, status, contractor or amount',
				action: 'Get many invoices',
			},
			{
				name: 'Register Payment',
				value: 'registerPayment',
				description: 'Record a payment received for an invoice (wpłata)',
				action: 'Register a payment for an invoice',
			},
			{
				name: 'Send by E-Mail',
				value: 'sendByEmail',
				description: 'E-mail the invoice to the contractor or another address',
				action: 'Send an invoice by e mail',
			},
			{
				name: 'Send by Post',
				value: 'sendByPost',
				description: 'Send the invoice by traditional post through iFirma',
				action: 'Send an invoice by post',
			},
			{
				name: 'Send to KSeF',
				value: 'sendToKsef',
				description: 'Send the invoice to the national e-invoice system KSeF',
				action: 'Send an invoice to k se f',
			},
		],
		default: 'create',
	},
	...create.description,
	...createCorrection.description,
	...downloadPdf.description,
	...downloadXml.description,
	...get.description,
	...getMany.description,
	...registerPayment.description,
	...sendByEmail.description,
	...sendByPost.description,
	...sendToKsef.description,
];
