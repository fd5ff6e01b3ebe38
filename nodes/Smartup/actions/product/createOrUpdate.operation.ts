import { REFERENCE_TYPES } from '../../types';
import { createOrUpdateReference } from '../reference';

/** Upsert by code, batched across all items. */
const operation = createOrUpdateReference(REFERENCE_TYPES.product);

export const description = operation.description;
export const importSpec = operation.importSpec;
