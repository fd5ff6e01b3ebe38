import type { IDataObject } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { symfoniaRequest } from '../../transport';
import { createFields, readDocumentBody } from '../handelDocuments';

export const description = updateDisplayOptions(
	{ show: { resource: ['salesDocument'], operation: ['create'] } },
	createFields('sales'),
);

/** `POST /api/SalesIssue/New` (docs/api/symfonia.md §6.3), issued at once or left in the buffer. Never repeated automatically: Symfonia does not deduplicate documents. */
export const execute: OperationExecute = async function (this, itemIndex) {
	const body = readDocumentBody(this, itemIndex, 'sales');
	const issue = this.getNodeParameter('issue', itemIndex, true) as boolean;
	const created = await symfoniaRequest.call(this, itemIndex, {
		method: 'POST',
		path: '/SalesIssue/New',
		qs: issue ? { issue: true } : undefined,
		body,
		safeToRepeat: false,
	});
	return { ...((created as IDataObject | undefined) ?? {}), symfoniaAction: 'created' };
};
