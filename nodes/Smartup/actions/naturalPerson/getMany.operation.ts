import { REFERENCE_TYPES } from '../../types';
import { getManyReference } from '../reference';

const operation = getManyReference(REFERENCE_TYPES.naturalPerson);

export const description = operation.description;
export const execute = operation.execute;
