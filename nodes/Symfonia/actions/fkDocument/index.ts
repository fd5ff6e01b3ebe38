import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as createBusiness from './createBusiness.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as validate from './validate.operation';

export { create, createBusiness, get, getMany, validate };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['fkDocument'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description:
					'Create a purchase / sale invoice, simple or custom document with postings in the FK buffer',
				action: 'Create an accounting document in FK',
			},
			{
				name: 'Create by Posting Scheme',
				value: 'createBusiness',
				description:
					'Create an invoice that FK posts by its own posting scheme (FKDocumentsBussinessIssue)',
				action: 'Create an accounting document by FK posting scheme',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get an FK document by ID and fiscal year',
				action: 'Get an accounting document from FK',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List FK documents of the buffer or the books by date',
				action: 'Get many accounting documents from FK',
			},
			{
				name: 'Validate Only',
				value: 'validate',
				description: "Check a document with FK's rules without saving it (PATCH)",
				action: 'Validate an accounting document without saving',
			},
		],
		default: 'create',
	},
	...create.description,
	...createBusiness.description,
	...get.description,
	...getMany.description,
	...validate.description,
];
