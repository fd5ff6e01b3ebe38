import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { DOCUMENT_KINDS } from '../../types';
import { binaryPropertyField, documentRefField, kindField, pdfVariantField } from '../fields';
import { pdfOutput, readDocumentRef } from '../shared';
import { kindOf } from './kind';

const properties: INodeProperties[] = [
	kindField(),
	documentRefField,
	pdfVariantField,
	binaryPropertyField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['downloadPdf'] } },
	properties,
);

/** GET `<slug>/{ref}.pdf[.variant]` as a binary PDF item (docs/api/ifirma.md §5.4). */
export const execute: OperationExecute = async function (this, itemIndex) {
	const kind = kindOf(this, itemIndex, DOCUMENT_KINDS);
	return await pdfOutput(this, itemIndex, kind.slug, readDocumentRef(this, itemIndex));
};
