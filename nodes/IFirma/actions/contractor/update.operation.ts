import type { IDataObject } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { fieldError } from '../../../common/validate';
import {
	identifierField,
	mergeAndUpdate,
	readChanges,
	readIdentifier,
	updatableFields,
} from './common';

export const description = updateDisplayOptions(
	{ show: { resource: ['contractor'], operation: ['update'] } },
	[
		identifierField,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description:
				'Only these fields change; the node reads the contractor first because iFirma erases fields an update leaves out',
			options: updatableFields,
		},
	],
);

/** GET then PUT `kontrahenci/{id}.json` with the merged record. */
export const execute: OperationExecute = async function (this, itemIndex) {
	const id = readIdentifier(this, itemIndex);
	const changes = readChanges(
		this,
		itemIndex,
		this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject,
	);
	if (!Object.keys(changes).length)
		throw fieldError(this, itemIndex, 'Update Fields', 'add at least one field to change');
	return await mergeAndUpdate(this, itemIndex, id, changes);
};
