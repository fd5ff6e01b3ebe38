import type { INodeProperties } from 'n8n-workflow';

import { DOCUMENT_TYPES } from '../../types';
import { documentOperations } from '../document/operations';
import * as attachData from './attachData.operation';
import * as attachMarkingCodes from './attachMarkingCodes.operation';
import * as changeStatus from './changeStatus.operation';
import * as get from './get.operation';

export { attachData, attachMarkingCodes, changeStatus, get };

/** Order's Operation dropdown (Create or Update and Get Many are in document/, shared by every document type) and its own actions. */
export const description: INodeProperties[] = [
	documentOperations(DOCUMENT_TYPES.order, [
		{
			name: 'Attach Data',
			value: 'attachData',
			description: 'Attach delivery number, expeditor, van or a note to orders',
			action: 'Attach data to orders',
		},
		{
			name: 'Attach Marking Codes',
			value: 'attachMarkingCodes',
			description: 'Attach product marking codes to the lines of an order',
			action: 'Attach marking codes to an order',
		},
		{
			name: 'Change Status',
			value: 'changeStatus',
			description: 'Set the status of orders (batched)',
			action: 'Change the status of orders',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get one order by its deal_id',
			action: 'Get an order',
		},
	]),
	...attachData.description,
	...attachMarkingCodes.description,
	...changeStatus.description,
	...get.description,
];
