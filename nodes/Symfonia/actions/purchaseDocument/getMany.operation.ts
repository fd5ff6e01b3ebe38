import type { IDataObject } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readLimit } from '../../../common/paginate';
import type { OperationExecute } from '../../../common/router';
import { fieldError, readString, toIsoDate } from '../../../common/validate';
import { asList, symfoniaRequest } from '../../transport';

import { getManyFields } from '../handelDocuments';

export const description = updateDisplayOptions(
	{ show: { resource: ['purchaseDocument'], operation: ['getMany'] } },
	getManyFields('purchase'),
);

/** `GET /api/Purchases/Filter?dateFrom=&dateTo=&sellerCode=` (docs/api/symfonia.md §6.4): one answer, cut to the limit here. */
export const execute: OperationExecute = async function (this, itemIndex) {
	const dateFrom = toIsoDate(
		this,
		this.getNodeParameter('dateFrom', itemIndex, ''),
		itemIndex,
		'Date From',
	);
	const dateTo = toIsoDate(
		this,
		this.getNodeParameter('dateTo', itemIndex, ''),
		itemIndex,
		'Date To',
	);
	if (dateFrom > dateTo)
		throw fieldError(this, itemIndex, 'Date To', 'must not be before Date From');
	const qs: IDataObject = { dateFrom, dateTo };
	const party = readString(this, 'partyCode', itemIndex, 'Seller Code');
	if (party) qs.sellerCode = party;
	const list = asList(
		await symfoniaRequest.call(this, itemIndex, {
			method: 'GET',
			path: '/Purchases/Filter',
			qs,
			safeToRepeat: true,
		}),
	);
	const limit = readLimit(this, itemIndex);
	return Number.isFinite(limit) ? list.slice(0, limit) : list;
};
