import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { binaryPropertyField, documentRefField, pdfVariantField } from '../fields';
import { pdfOutput, readDocumentRef } from '../shared';

export const description = updateDisplayOptions(
	{ show: { resource: ['bill'], operation: ['downloadPdf'] } },
	[documentRefField, pdfVariantField, binaryPropertyField],
);

/** GET `rachunekkraj/{ref}.pdf[.variant]` as a binary PDF item. */
export const execute: OperationExecute = async function (this, itemIndex) {
	return await pdfOutput(this, itemIndex, 'rachunekkraj', readDocumentRef(this, itemIndex));
};
