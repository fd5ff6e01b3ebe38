import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	fieldError,
	readPositiveInteger,
	readString,
	type ParameterContext,
} from '../../../common/validate';
import { CROSS_ORG_MOVEMENT_STATUSES } from '../../types';
import { batchSizeOption } from '../fields';
import type { ImportSpec } from '../importer';

const properties: INodeProperties[] = [
	{
		displayName: 'Movement ID (Movement_id)',
		name: 'movementId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '5001',
	},
	{
		displayName: 'New Status',
		name: 'status',
		type: 'options',
		options: CROSS_ORG_MOVEMENT_STATUSES.map((status) => ({
			name: `${status.name} (${status.value})`,
			value: status.value,
		})),
		default: 'N',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [batchSizeOption],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['crossOrgMovement'], operation: ['changeStatus'] } },
	properties,
);

/** `mfm/movement$change_status` `{movement:[{movement_id,status}]}` (docs/api/smartup.md §8.4); keyed by ID, so repeatable. */
export const importSpec: ImportSpec = {
	path: '/b/anor/mxsx/mfm/movement$change_status',
	root: 'movement',
	keyField: 'movement_id',
	label: 'cross-organization movement',
	safeToRepeat: true,
	build(this: ParameterContext, itemIndex: number) {
		const movementId = String(
			readPositiveInteger(this, 'movementId', itemIndex, 'Movement ID (Movement_id)'),
		);
		const status = readString(this, 'status', itemIndex, 'New Status', { required: true });
		if (!CROSS_ORG_MOVEMENT_STATUSES.some((known) => known.value === status)) {
			throw fieldError(
				this,
				itemIndex,
				'New Status',
				`"${status}" is not a movement status (${CROSS_ORG_MOVEMENT_STATUSES.map((known) => known.value).join(', ')})`,
			);
		}
		return { key: movementId, object: { movement_id: movementId, status } };
	},
};
