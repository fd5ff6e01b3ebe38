import { DOCUMENT_TYPES } from '../../types';
import { getManyOperation } from '../document';

/** Get Many: `crossOrgMovement` export with date windows (shared document pattern, actions/document.ts). */
const operation = getManyOperation(DOCUMENT_TYPES.crossOrgMovement);

export const description = operation.description;
export const execute = operation.execute;
