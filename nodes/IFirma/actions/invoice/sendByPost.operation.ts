import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { callIfirma, documentRef } from '../../transport';
import { DOCUMENT_KINDS } from '../../types';
import { documentRefField, kindField, postMessageField } from '../fields';
import { optionalText, readDocumentRef } from '../shared';
import { kindOf } from './kind';

const SENDABLE = DOCUMENT_KINDS.filter((kind) => kind.sendable);

const properties: INodeProperties[] = [kindField(SENDABLE), documentRefField, postMessageField];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['sendByPost'] } },
	properties,
);

/** POST `<slug>/send/{ref}.json?wyslijPoczta=true`: iFirma's paid letter service. Never retried. */
export const execute: OperationExecute = async function (this, itemIndex) {
	const kind = kindOf(this, itemIndex, SENDABLE);
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
		path: `${kind.slug}/send/${documentRef(ref)}.json`,
		qs: { wyslijPoczta: 'true' },
		body: text ? { Tekst: text } : {},
		safeToRepeat: false,
	});
	return { document: ref, sentByPost: true, Informacja: response.Informacja ?? '' };
};
