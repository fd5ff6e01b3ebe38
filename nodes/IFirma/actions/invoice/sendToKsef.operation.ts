import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { DOCUMENT_KINDS, type InvoiceType } from '../../types';
import { documentRefField, kindField } from '../fields';
import { callIfirma, documentRef, readDocumentRef } from '../shared';
import { kindOf } from './kind';

/** Corrections have their own KSeF path (`fakturakraj/korekta/ksef/send/{ref}.json`, API file §5.8). */
const KSEF: InvoiceType[] = [
	...DOCUMENT_KINDS.filter((kind) => kind.ksef),
	{ value: 'correction', name: 'Correction of a Domestic Invoice (Korekta)', slug: 'fakturakraj/korekta', code: '', sendable: false, ksef: true },
];

const properties: INodeProperties[] = [kindField(KSEF), documentRefField];

export const description = updateDisplayOptions({ show: { resource: ['invoice'], operation: ['sendToKsef'] } }, properties);

/**
 * POST `<slug>/ksef/send/{ref}.json` with `{"DataWysylki": null}` = send now (API file §5.8). Never
 * retried; the KSeF status later shows in Get Many (KsefStatus).
 */
export const execute: OperationExecute = async function (this, itemIndex) {
	const kind = kindOf(this, itemIndex, KSEF);
	const ref = readDocumentRef(this, itemIndex);
	const response = await callIfirma.call(this, itemIndex, {
		method: 'POST',
		path: `${kind.slug}/ksef/send/${documentRef(ref)}.json`,
		body: { DataWysylki: null },
		safeToRepeat: false,
	});
	return { document: ref, sentToKsef: true, Informacja: response.Informacja ?? '' };
};
