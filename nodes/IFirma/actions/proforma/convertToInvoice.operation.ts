import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { callIfirma, documentRef } from '../../transport';
import { returnDocumentField } from '../fields';
import { createdOutput, readDocumentRef } from '../shared';

export const description = updateDisplayOptions(
	{ show: { resource: ['proforma'], operation: ['convertToInvoice'] } },
	[
		{
			displayName: 'Proforma Number',
			name: 'documentRef',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'PRO 3/10/2026',
			description: 'Full number of the domestic proforma (PelnyNumer); "/" is sent as "_"',
		},
		returnDocumentField,
	],
);

/**
 * GET `fakturaproformakraj/add/{number}.json` (docs/api/ifirma.md §5.2, M): a GET that creates an invoice, so it is
 * never retried.
 */
export const execute: OperationExecute = async function (this, itemIndex) {
	const ref = readDocumentRef(this, itemIndex, 'documentRef', 'Proforma Number');
	const response = await callIfirma.call(this, itemIndex, {
		method: 'GET',
		path: `fakturaproformakraj/add/${documentRef(ref)}.json`,
		safeToRepeat: false,
	});
	return { ...(await createdOutput(this, itemIndex, response, 'fakturakraj')), proforma: ref };
};
