import type { INodeProperties } from 'n8n-workflow';

import { DOCUMENT_TYPES } from '../../types';
import * as crossOrgChangeStatus from '../crossOrgMovement/changeStatus.operation';
import * as createOrUpdate from './createOrUpdate.operation';
import * as getMany from './getMany.operation';
import { documentOperations } from './operations';

export { createOrUpdate, getMany };

/**
 * The Operation dropdown of every document type but Order (Order has actions of its own: order/index.ts),
 * then the fields of Create or Update and Get Many of every document type.
 */
export const operationSelectors: INodeProperties[] = Object.values(DOCUMENT_TYPES)
	.filter((type) => type.resource !== 'order')
	.map((type) =>
		type.resource === 'crossOrgMovement'
			? documentOperations(type, [
					{
						name: 'Change Status',
						value: 'changeStatus',
						description: 'Set the status of cross-organization movements by movement_id',
						action: 'Change the status of a cross-organization movement',
					},
				])
			: documentOperations(type),
	);

export const fields: INodeProperties[] = [
	...createOrUpdate.description,
	...getMany.description,
	...crossOrgChangeStatus.description,
];

export { crossOrgChangeStatus };
