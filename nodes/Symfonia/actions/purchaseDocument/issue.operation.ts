import type { IDataObject } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { symfoniaRequest } from '../../transport';
import { lookupFields, readLookup } from '../handelDocuments';

export const description = updateDisplayOptions(
	{ show: { resource: ['purchaseDocument'], operation: ['issue'] } },
	lookupFields(false),
);

/** `PUT /api/PurchasesIssue/InBuffer` (docs/api/symfonia.md §6.4). Issuing an issued document is refused by the server, so a repeat creates nothing. */
export const execute: OperationExecute = async function (this, itemIndex) {
	const qs = readLookup(this, itemIndex, { id: 'id', number: 'number' }, false);
	const answer = await symfoniaRequest.call(this, itemIndex, {
		method: 'PUT',
		path: '/PurchasesIssue/InBuffer',
		qs,
		safeToRepeat: true,
	});
	return (answer as IDataObject | undefined) ?? { ...qs, issued: true };
};
