import type { INodeProperties } from 'n8n-workflow';

import { REFERENCE_TYPES } from '../../types';
import * as createOrUpdate from './createOrUpdate.operation';
import * as getByCode from './getByCode.operation';
import * as getMany from './getMany.operation';
import { referenceOperations } from './operations';

export { createOrUpdate, getByCode, getMany };

/** The Operation dropdown of every reference type, then the fields of its three actions. */
export const operationSelectors: INodeProperties[] = Object.values(REFERENCE_TYPES).map((type) =>
	referenceOperations(type),
);

export const fields: INodeProperties[] = [
	...createOrUpdate.description,
	...getByCode.description,
	...getMany.description,
];
