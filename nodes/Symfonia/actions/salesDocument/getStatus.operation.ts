import type { IDataObject } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { symfoniaRequest } from '../../transport';
import { lookupFields, readLookup } from '../handelDocuments';

export const description = updateDisplayOptions(
	{ show: { resource: ['salesDocument'], operation: ['getStatus'] } },
	lookupFields(true),
);

/** `GET /api/Sales/Status?documentId=` or `?documentNumber=` (docs/api/symfonia.md §6.3). */
export const execute: OperationExecute = async function (this, itemIndex) {
	const qs = readLookup(this, itemIndex, { id: 'documentId', number: 'documentNumber' }, true);
	return (await symfoniaRequest.call(
		this,
		itemIndex,
		{ method: 'GET', path: '/Sales/Status', qs, safeToRepeat: true },
		{ requireBody: true },
	)) as IDataObject;
};
