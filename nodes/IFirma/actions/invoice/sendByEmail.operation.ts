import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { callIfirma, documentRef } from '../../transport';
import { DOCUMENT_KINDS } from '../../types';
import { emailOptionsField, readEmailBody } from '../document';
import { documentRefField, kindField } from '../fields';
import { readDocumentRef } from '../shared';
import { kindOf } from './kind';

const SENDABLE = DOCUMENT_KINDS.filter((kind) => kind.sendable);

const properties: INodeProperties[] = [kindField(SENDABLE), documentRefField, emailOptionsField];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['sendByEmail'] } },
	properties,
);

/**
 * POST `<slug>/send/{ref}.json?wyslijEfaktura=true` (docs/api/ifirma.md §5.7). Not retried: a second call would
 * send a second e-mail.
 */
export const execute: OperationExecute = async function (this, itemIndex) {
	const kind = kindOf(this, itemIndex, SENDABLE);
	const ref = readDocumentRef(this, itemIndex);
	const body = readEmailBody(this, itemIndex);
	const response = await callIfirma.call(this, itemIndex, {
		method: 'POST',
		path: `${kind.slug}/send/${documentRef(ref)}.json`,
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
