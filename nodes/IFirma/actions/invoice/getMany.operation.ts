import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { listDocuments, listFields } from '../list';

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['getMany'] } },
	listFields(true),
);

/** GET `faktury.json` — every sales document incl. bills, filtered (docs/api/ifirma.md §5.5). */
export const execute: OperationExecute = async function (this, itemIndex) {
	return await listDocuments(this, itemIndex, 'faktury.json');
};
