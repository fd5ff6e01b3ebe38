import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { callIfirma, documentRef } from '../../transport';
import { documentRefField } from '../fields';
import { readDocumentRef } from '../shared';

export const description = updateDisplayOptions(
	{ show: { resource: ['proforma'], operation: ['get'] } },
	[{ ...documentRefField, description: 'ID or full number of a domestic proforma' }],
);

/** GET `fakturaproformakraj/{ref}.json`. */
export const execute: OperationExecute = async function (this, itemIndex) {
	const ref = readDocumentRef(this, itemIndex);
	return await callIfirma.call(this, itemIndex, {
		method: 'GET',
		path: `fakturaproformakraj/${documentRef(ref)}.json`,
		safeToRepeat: true,
	});
};
