import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { binaryPropertyField, documentRefField, pdfVariantField } from '../fields';
import { pdfOutput, readDocumentRef } from '../shared';

export const description = updateDisplayOptions(
	{ show: { resource: ['proforma'], operation: ['downloadPdf'] } },
	[
		{ ...documentRefField, description: 'ID or full number of a domestic proforma' },
		pdfVariantField,
		binaryPropertyField,
	],
);

/** GET `fakturaproformakraj/{ref}.pdf[.variant]` as a binary PDF item. */
export const execute: OperationExecute = async function (this, itemIndex) {
	return await pdfOutput(this, itemIndex, 'fakturaproformakraj', readDocumentRef(this, itemIndex));
};
