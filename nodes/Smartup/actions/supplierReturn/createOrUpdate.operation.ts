import { DOCUMENT_TYPES } from '../../types';
import { createOrUpdateOperation } from '../document';

/** Create or Update: `supplierReturn` import, batched across all items, never resent after a lost answer. */
const operation = createOrUpdateOperation(DOCUMENT_TYPES.supplierReturn);

export const description = operation.description;
export const importSpec = operation.importSpec;
