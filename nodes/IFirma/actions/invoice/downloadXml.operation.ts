import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { DOCUMENT_KINDS } from '../../types';
import { binaryPropertyField, documentRefField, kindField } from '../fields';
import { fileOutput, readDocumentRef } from '../shared';
import { kindOf } from './kind';

const properties: INodeProperties[] = [
	kindField(),
	documentRefField,
	{ ...binaryPropertyField, hint: 'The name of the output binary field to put the XML file in' },
];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['downloadXml'] } },
	properties,
);

/**
 * GET `<slug>/{ref}.xml` as a binary XML item. Used by two independent clients, on no documentation page seen
 * (docs/api/ifirma.md §5.4, M): its layout is iFirma's own.
 */
export const execute: OperationExecute = async function (this, itemIndex) {
	const kind = kindOf(this, itemIndex, DOCUMENT_KINDS);
	return await fileOutput(this, itemIndex, kind.slug, readDocumentRef(this, itemIndex), 'xml');
};
