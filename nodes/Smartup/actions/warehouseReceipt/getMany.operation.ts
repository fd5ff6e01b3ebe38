import { DOCUMENT_TYPES } from '../../types';
import { getManyOperation } from '../document';

/** Get Many: `warehouseReceipt` export with date windows (shared document pattern, actions/document.ts). */
const operation = getManyOperation(DOCUMENT_TYPES.warehouseReceipt);

export const description = operation.description;
export const execute = operation.execute;
