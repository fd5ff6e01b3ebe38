import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { createContractor, createFields, readMainFields } from '../contractors';

export const description = updateDisplayOptions(
	{ show: { resource: ['contractor'], operation: ['create'] } },
	createFields('handel'),
);

/** `POST /api/Contractors/Create` (docs/api/symfonia.md §6.1); not repeated after a lost answer (creates are not deduplicated). */
export const execute: OperationExecute = async function (this, itemIndex) {
	return await createContractor(
		this,
		itemIndex,
		'handel',
		readMainFields(this, itemIndex, 'handel', true),
	);
};
