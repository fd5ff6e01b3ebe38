import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { callIfirma, documentRef } from '../../transport';
import { DOCUMENT_KINDS, WEB_ONLY_KINDS, type InvoiceType } from '../../types';
import { documentRefField, kindField } from '../fields';
import { readDocumentRef } from '../shared';
import { kindOf } from './kind';

/**
 * Every kind of the KSeF list (docs/api/ifirma.md §5.8), also those only issued in the web application; corrections
 * have their own path (`fakturakraj/korekta/ksef/send/{ref}.json`).
 */
const KSEF: InvoiceType[] = [
	...DOCUMENT_KINDS.filter((kind) => kind.ksef),
	...WEB_ONLY_KINDS,
	{
		value: 'correction',
		name: 'Correction of a Domestic Invoice (Korekta)',
		slug: 'fakturakraj/korekta',
		code: '',
		sendable: false,
		ksef: true,
	},
];

const properties: INodeProperties[] = [kindField(KSEF), documentRefField];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['sendToKsef'] } },
	properties,
);

/**
 * POST `<slug>/ksef/send/{ref}.json` with `{"DataWysylki": null}` = send now (docs/api/ifirma.md §5.8). Never
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
