import type { INodeProperties } from 'n8n-workflow';

import { DOCUMENT_TYPES } from '../../types';
import { documentOperations } from '../document';
import * as createOrUpdate from './createOrUpdate.operation';
import * as getMany from './getMany.operation';

export { createOrUpdate, getMany };

export const description: INodeProperties[] = [
	documentOperations(DOCUMENT_TYPES.warehouseReceipt),
	...createOrUpdate.description,
	...getMany.description,
];
