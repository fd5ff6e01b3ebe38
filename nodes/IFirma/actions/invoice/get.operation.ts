import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { callIfirma, documentRef } from '../../transport';
import { DOCUMENT_KINDS } from '../../types';
import { documentRefField, kindField } from '../fields';
import { readDocumentRef } from '../shared';
import { kindOf } from './kind';

const properties: INodeProperties[] = [kindField(), documentRefField];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['get'] } },
	properties,
);

/** GET `<slug>/{id or number}.json` — the whole document (docs/api/ifirma.md §5.4). */
export const execute: OperationExecute = async function (this, itemIndex) {
	const kind = kindOf(this, itemIndex, DOCUMENT_KINDS);
	const ref = readDocumentRef(this, itemIndex);
	return await callIfirma.call(this, itemIndex, {
		method: 'GET',
		path: `${kind.slug}/${documentRef(ref)}.json`,
		safeToRepeat: true,
	});
};
