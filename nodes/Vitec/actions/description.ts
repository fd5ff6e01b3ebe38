import type { INodeProperties } from 'n8n-workflow';

import { requestOptionsField } from '../../common/options';
import * as company from './company';
import * as masterData from './masterData';
import * as revision from './revision';

/** Every parameter of the node: the resource selector, then each resource's operations and fields. */
export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Company', value: 'company' },
			{ name: 'Master Data (Initial Load)', value: 'masterData' },
			{ name: 'Revision', value: 'revision' },
		],
		default: 'revision',
	},
	...revision.description,
	...company.description,
	...masterData.description,
	requestOptionsField,
];
