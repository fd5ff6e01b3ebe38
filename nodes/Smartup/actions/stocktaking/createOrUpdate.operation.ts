import { DOCUMENT_TYPES } from '../../types';
import { createOrUpdateOperation } from '../document';

/** Create or Update: `stocktaking` import, batched across all items, never resent after a lost answer. */
const operation = createOrUpdateOperation(DOCUMENT_TYPES.stocktaking);

export const description = operation.description;
export const importSpec = operation.importSpec;
