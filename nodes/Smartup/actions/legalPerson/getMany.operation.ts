import { REFERENCE_TYPES } from '../../types';
import { getManyReference } from '../reference';

const operation = getManyReference(REFERENCE_TYPES.legalPerson);

export const description = operation.description;
export const execute = operation.execute;
