import type { IDataObject } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { isBlank, readString } from '../../../common/validate';
import { symfoniaRequest } from '../../transport';
import { toSymfoniaDate } from '../fields';
import { createFields, findPurchaseByForeignNumber, readDocumentBody } from '../handelDocuments';

export const description = updateDisplayOptions(
	{ show: { resource: ['purchaseDocument'], operation: ['create'] } },
	createFields('purchase'),
);

/**
 * `POST /api/PurchasesIssue/New` (docs/api/symfonia.md §6.4). With Skip If Already Registered, the seller's documents are
 * searched for the supplier's invoice number first and a match is returned instead of a second document.
 * Never repeated automatically: Symfonia does not deduplicate documents.
 */
export const execute: OperationExecute = async function (this, itemIndex) {
	const body = readDocumentBody(this, itemIndex, 'purchase');
	const issue = this.getNodeParameter('issue', itemIndex, true) as boolean;
	body.ForeignDocumentNumber = readString(
		this,
		'foreignNumber',
		itemIndex,
		'Supplier Invoice Number',
		{ required: true },
	);
	const foreignDate = this.getNodeParameter('foreignDate', itemIndex, '') as unknown;
	if (!isBlank(foreignDate))
		body.ForeignDocumentDate = toSymfoniaDate(
			this,
			foreignDate,
			itemIndex,
			'Supplier Invoice Date',
		);
	if (this.getNodeParameter('checkDuplicate', itemIndex, true) as boolean) {
		const existing = await findPurchaseByForeignNumber(this, itemIndex, body);
		if (existing) return { ...existing, symfoniaAction: 'existing' };
	}
	const created = await symfoniaRequest.call(this, itemIndex, {
		method: 'POST',
		path: '/PurchasesIssue/New',
		qs: issue ? { issue: true } : undefined,
		body,
		safeToRepeat: false,
	});
	return { ...((created as IDataObject | undefined) ?? {}), symfoniaAction: 'created' };
};
