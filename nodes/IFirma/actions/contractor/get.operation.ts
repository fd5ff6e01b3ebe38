import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { getContractor, identifierField, readIdentifier } from './common';

export const description = updateDisplayOptions(
	{ show: { resource: ['contractor'], operation: ['get'] } },
	[identifierField],
);

/** GET `kontrahenci/id/{id}.json` (docs/api/ifirma.md §5.9). */
export const execute: OperationExecute = async function (this, itemIndex) {
	return await getContractor(this, itemIndex, readIdentifier(this, itemIndex));
};
