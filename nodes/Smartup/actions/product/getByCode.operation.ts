import { REFERENCE_TYPES } from '../../types';
import { getByCodeReference } from '../reference';

const operation = getByCodeReference(REFERENCE_TYPES.product);

export const description = operation.description;
export const execute = operation.execute;
