import { updateDisplayOptions } from 'n8n-workflow';

import { readLimit } from '../../../common/paginate';
import type { OperationExecute } from '../../../common/router';
import { getManyFields, readPages } from '../contractors';

export const description = updateDisplayOptions(
	{ show: { resource: ['fkContractor'], operation: ['getMany'] } },
	getManyFields('fk'),
);

/** The paged list `GET /api/FKContractors/Page` (docs/api/symfonia.md §5, §7.1). */
export const execute: OperationExecute = async function (this, itemIndex) {
	return await readPages(this, itemIndex, '/FKContractors', readLimit(this, itemIndex));
};
