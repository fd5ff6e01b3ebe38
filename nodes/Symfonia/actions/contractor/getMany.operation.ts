import type { IDataObject } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readLimit } from '../../../common/paginate';
import type { OperationExecute } from '../../../common/router';
import { filterContractors, getManyFields, readPages } from '../contractors';

export const description = updateDisplayOptions(
	{ show: { resource: ['contractor'], operation: ['getMany'] } },
	getManyFields('handel'),
);

/** The paged list (`GET /api/Contractors/Page`), or with any filter set `PATCH /api/Contractors/Filter` (docs/api/symfonia.md §5, §6.1). */
export const execute: OperationExecute = async function (this, itemIndex) {
	const limit = readLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	if (Object.keys(filters).length > 0)
		return await filterContractors(this, itemIndex, filters, limit);
	return await readPages(this, itemIndex, '/Contractors', limit);
};
