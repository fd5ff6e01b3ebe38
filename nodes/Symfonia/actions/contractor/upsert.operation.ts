import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { fieldError, isBlank } from '../../../common/validate';

import { readMainFields, upsertContractor, upsertFields } from '../contractors';

export const description = updateDisplayOptions(
	{ show: { resource: ['contractor'], operation: ['upsert'] } },
	upsertFields('handel'),
);

/** Find by NIP or code, then create or update (docs/api/symfonia.md §6.1). */
export const execute: OperationExecute = async function (this, itemIndex) {
	const matchBy = this.getNodeParameter('matchBy', itemIndex) as string;
	const data = readMainFields(this, itemIndex, 'handel', false);
	if (isBlank(data.Name)) throw fieldError(this, itemIndex, 'Name', 'is required');
	return await upsertContractor(
		this,
		itemIndex,
		'handel',
		matchBy === 'code' ? 'code' : 'nip',
		data,
	);
};
