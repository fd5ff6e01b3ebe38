import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { callIfirma, documentRef } from '../../transport';
import { emailOptionsField, readEmailBody } from '../document';
import { documentRefField } from '../fields';
import { readDocumentRef } from '../shared';

export const description = updateDisplayOptions(
	{ show: { resource: ['proforma'], operation: ['sendByEmail'] } },
	[
		{ ...documentRefField, description: 'ID or full number of a domestic proforma' },
		emailOptionsField,
	],
);

/** POST `fakturaproformakraj/send/{ref}.json?wyslijEfaktura=true`. Never retried (a second e-mail). */
export const execute: OperationExecute = async function (this, itemIndex) {
	const ref = readDocumentRef(this, itemIndex);
	const body = readEmailBody(this, itemIndex);
	const response = await callIfirma.call(this, itemIndex, {
		method: 'POST',
		path: `fakturaproformakraj/send/${documentRef(ref)}.json`,
		qs: { wyslijEfaktura: 'true' },
		body,
		safeToRepeat: false,
	});
	return {
		document: ref,
		sent: true,
		recipient: body.SkrzynkaEmailOdbiorcy ?? 'contractor',
		Informacja: response.Informacja ?? '',
	};
};
