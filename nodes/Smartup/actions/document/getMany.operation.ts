import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { DOCUMENT_TYPES, type DocumentType } from '../../types';
import { exportDocuments, getManyProperties, shapeRows } from '../exporter';

/**
 * Get Many of every document type (docs/api/smartup.md §4.2, §4.3, §4.7): `$export` in date windows no wider than the
 * API allows, filtered, simplified and split into lines as chosen. The types differ only in DOCUMENT_TYPES.
 */

/** The fields of Get Many, for each document type (the same names for every type). */
export const description: INodeProperties[] = Object.values(DOCUMENT_TYPES).flatMap((type) =>
	updateDisplayOptions(
		{ show: { resource: [type.resource], operation: ['getMany'] } },
		getManyProperties(type),
	),
);

/** The execute of Get Many for one document type. */
export function execute(type: DocumentType): OperationExecute {
	return async function (this, itemIndex) {
		const rows = await exportDocuments(this, type, itemIndex);
		return shapeRows(this, rows, itemIndex, type.linesKey);
	};
}
