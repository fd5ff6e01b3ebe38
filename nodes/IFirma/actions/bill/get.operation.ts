import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { callIfirma, documentRef } from '../../transport';
import { documentRefField } from '../fields';
import { readDocumentRef } from '../shared';

export const description = updateDisplayOptions(
	{ show: { resource: ['bill'], operation: ['get'] } },
	[documentRefField],
);

/** GET `rachunekkraj/{ref}.json` with the "rachunek" key. */
export const execute: OperationExecute = async function (this, itemIndex) {
	const ref = readDocumentRef(this, itemIndex);
	return await callIfirma.call(this, itemIndex, {
		method: 'GET',
		path: `rachunekkraj/${documentRef(ref)}.json`,
		safeToRepeat: true,
	});
};
