import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { callIfirma, documentRef } from '../../transport';
import { documentRefField, postMessageField } from '../fields';
import { optionalText, readDocumentRef } from '../shared';

export const description = updateDisplayOptions(
	{ show: { resource: ['proforma'], operation: ['sendByPost'] } },
	[
		{ ...documentRefField, description: 'ID or full number of a domestic proforma' },
		postMessageField,
	],
);

/** POST `fakturaproformakraj/send/{ref}.json?wyslijPoczta=true`: iFirma's paid letter service (docs/api/ifirma.md §5.7). Never retried. */
export const execute: OperationExecute = async function (this, itemIndex) {
	const ref = readDocumentRef(this, itemIndex);
	const text = optionalText(
		this,
		this.getNodeParameter('text', itemIndex, ''),
		itemIndex,
		'Message',
		1000,
	);
	const response = await callIfirma.call(this, itemIndex, {
		method: 'POST',
		path: `fakturaproformakraj/send/${documentRef(ref)}.json`,
		qs: { wyslijPoczta: 'true' },
		body: text ? { Tekst: text } : {},
		safeToRepeat: false,
	});
	return { document: ref, sentByPost: true, Informacja: response.Informacja ?? '' };
};
