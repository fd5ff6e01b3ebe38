import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { callIfirma, documentRef } from '../../transport';
import { emailOptionsField, readEmailBody } from '../document';
import { documentRefField } from '../fields';
import { readDocumentRef } from '../shared';

export const description = updateDisplayOptions(
	{ show: { resource: ['bill'], operation: ['sendByEmail'] } },
	[documentRefField, emailOptionsField],
);

/** POST `rachunekkraj/send/{ref}.json?wyslijEfaktura=true` (docs/api/ifirma.md §5.3, M). Never retried. */
export const execute: OperationExecute = async function (this, itemIndex) {
	const ref = readDocumentRef(this, itemIndex);
	const body = readEmailBody(this, itemIndex);
	const response = await callIfirma.call(this, itemIndex, {
		method: 'POST',
		path: `rachunekkraj/send/${documentRef(ref)}.json`,
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
