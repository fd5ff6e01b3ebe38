import type { INodeProperties } from 'n8n-workflow';

import { REFERENCE_TYPES } from '../../types';
import { referenceOperations } from '../reference';
import * as createOrUpdate from './createOrUpdate.operation';
import * as getByCode from './getByCode.operation';
import * as getMany from './getMany.operation';

export { createOrUpdate, getByCode, getMany };

export const description: INodeProperties[] = [
	referenceOperations(REFERENCE_TYPES.product),
	...createOrUpdate.description,
	...getByCode.description,
	...getMany.description,
];
