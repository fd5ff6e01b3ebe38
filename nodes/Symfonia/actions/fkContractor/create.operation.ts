import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { createContractor, createFields, readMainFields } from '../contractors';

export const description = updateDisplayOptions(
	{ show: { resource: ['fkContractor'], operation: ['create'] } },
	createFields('fk'),
);

/** `POST /api/FKContractors/Create` (docs/api/symfonia.md §7.1); not repeated after a lost answer (creates are not deduplicated). */
export const execute: OperationExecute = async function (this, itemIndex) {
	return await createContractor(this, itemIndex, 'fk', readMainFields(this, itemIndex, 'fk', true));
};
