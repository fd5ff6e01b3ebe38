import type { IDataObject } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { symfoniaRequest } from '../../transport';
import { lookupFields, readLookup } from '../handelDocuments';

export const description = updateDisplayOptions(
	{ show: { resource: ['purchaseDocument'], operation: ['get'] } },
	lookupFields(true),
);

/** `GET /api/Purchases?id=` or `?number=` (docs/api/symfonia.md §6.4). */
export const execute: OperationExecute = async function (this, itemIndex) {
	const qs = readLookup(this, itemIndex, { id: 'id', number: 'number' }, true);
	return (await symfoniaRequest.call(
		this,
		itemIndex,
		{ method: 'GET', path: '/Purchases', qs, safeToRepeat: true },
		{ requireBody: true },
	)) as IDataObject;
};
