import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { listDocuments, listFields } from '../list';

export const description = updateDisplayOptions(
	{ show: { resource: ['proforma'], operation: ['getMany'] } },
	listFields(false),
);

/** GET `proformy.json` with the same filters as the invoice list (docs/api/ifirma.md §5.5). */
export const execute: OperationExecute = async function (this, itemIndex) {
	return await listDocuments(this, itemIndex, 'proformy.json');
};
