import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { readString } from '../../../common/validate';
import { asList, symfoniaRequest } from '../../transport';
import { getFields, readLookup } from '../contractors';

export const description = updateDisplayOptions(
	{ show: { resource: ['fkContractor'], operation: ['get'] } },
	getFields('fk'),
);

/** `GET /api/FKContractors?<findBy>=` (docs/api/symfonia.md §7.1). */
export const execute: OperationExecute = async function (this, itemIndex) {
	const findBy = this.getNodeParameter('findBy', itemIndex) as string;
	const query = readLookup(
		this,
		itemIndex,
		findBy,
		readString(this, 'value', itemIndex, 'Value', { required: true }),
	);
	const result = await symfoniaRequest.call(
		this,
		itemIndex,
		{ method: 'GET', path: '/FKContractors', qs: query, safeToRepeat: true },
		{ requireBody: true },
	);
	// id / code / position answer one object; nip / pesel a list (docs/api/symfonia.md §3). Both readings accepted.
	return asList(result);
};
