import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	fieldError,
	readPositiveInteger,
	readString,
	type ParameterContext,
} from '../../../common/validate';
import { ORDER_STATUSES, PATHS } from '../../types';
import { batchSizeOption } from '../fields';
import type { ImportSpec } from '../importer';

const properties: INodeProperties[] = [
	{
		displayName: 'Order ID (Deal_id)',
		name: 'dealId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '642',
	},
	{
		displayName: 'New Status',
		name: 'status',
		type: 'options',
		options: ORDER_STATUSES.map((status) => ({
			name: `${status.name} (${status.russian})`,
			value: status.value,
		})),
		default: 'B#W',
		description: 'The status code Smartup gets (B#N new, B#W waiting …)',
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
	{ show: { resource: ['order'], operation: ['changeStatus'] } },
	properties,
);

/** `order$change_status` `{order:[{deal_id,status}]}`, batched; setting a status again changes nothing, so it may be repeated. */
export const importSpec: ImportSpec = {
	path: PATHS.orderChangeStatus,
	root: 'order',
	keyField: 'deal_id',
	label: 'order',
	safeToRepeat: true,
	build(this: ParameterContext, itemIndex: number) {
		const dealId = String(readPositiveInteger(this, 'dealId', itemIndex, 'Order ID (Deal_id)'));
		const status = readString(this, 'status', itemIndex, 'New Status', { required: true });
		if (!ORDER_STATUSES.some((known) => known.value === status)) {
			throw fieldError(
				this,
				itemIndex,
				'New Status',
				`"${status}" is not an order status (${ORDER_STATUSES.map((known) => known.value).join(', ')})`,
			);
		}
		return { key: dealId, object: { deal_id: dealId, status } };
	},
};
