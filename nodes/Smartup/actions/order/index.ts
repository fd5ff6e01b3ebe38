import type { INodeProperties } from 'n8n-workflow';

import { DOCUMENT_TYPES } from '../../types';
import { documentOperations } from '../document';
import * as attachData from './attachData.operation';
import * as attachMarkingCodes from './attachMarkingCodes.operation';
import * as changeStatus from './changeStatus.operation';
import * as createOrUpdate from './createOrUpdate.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { attachData, attachMarkingCodes, changeStatus, createOrUpdate, get, getMany };

export const description: INodeProperties[] = [
	documentOperations(DOCUMENT_TYPES.order, [
		{ name: 'Attach Data', value: 'attachData', description: 'Attach delivery number, expeditor, van or a note to orders', action: 'Attach data to orders' },
		{
			name: 'Attach Marking Codes',
			value: 'attachMarkingCodes',
			description: 'Attach product marking codes to the lines of an order',
			action: 'Attach marking codes to an order',
		},
		{ name: 'Change Status', value: 'changeStatus', description: 'Set the status of orders (batched)', action: 'Change the status of orders' },
		{ name: 'Get', value: 'get', description: 'Get one order by its deal_id', action: 'Get an order' },
	]),
	...attachData.description,
	...attachMarkingCodes.description,
	...changeStatus.description,
	...createOrUpdate.description,
	...get.description,
	...getMany.description,
];
