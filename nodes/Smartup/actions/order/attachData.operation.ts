import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { fieldError, readPositiveInteger, type ParameterContext } from '../../../common/validate';
import { PATHS } from '../../types';
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
		displayName: 'Data to Attach',
		name: 'attachFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Delivery Number',
				name: 'delivery_number',
				type: 'string',
				default: '',
				description: 'Invoice / delivery number',
			},
			{ displayName: 'Expeditor Code', name: 'expeditor_code', type: 'string', default: '' },
			{
				displayName: 'Marking Attaching Method',
				name: 'marking_attaching_method',
				type: 'options',
				options: [
					{ name: 'By Order (O)', value: 'O' },
					{ name: 'By Van (V)', value: 'V' },
				],
				default: 'O',
			},
			{ displayName: 'Note', name: 'note', type: 'string', default: '' },
			{
				displayName: 'Self Shipment',
				name: 'self_shipment',
				type: 'boolean',
				default: false,
				description: 'Whether the client collects the goods (Y/N)',
			},
			{ displayName: 'Van Code', name: 'van_code', type: 'string', default: '' },
		],
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
	{ show: { resource: ['order'], operation: ['attachData'] } },
	properties,
);

/** `order$attach_data` `{order:[{deal_id, …}]}` (docs/api/smartup.md §8.3), batched; keyed by deal_id, so repeatable. */
export const importSpec: ImportSpec = {
	path: PATHS.orderAttachData,
	root: 'order',
	keyField: 'deal_id',
	label: 'order',
	safeToRepeat: true,
	build(this: ParameterContext, itemIndex: number) {
		const dealId = String(readPositiveInteger(this, 'dealId', itemIndex, 'Order ID (Deal_id)'));
		const fields = this.getNodeParameter('attachFields', itemIndex, {}) as IDataObject;
		const object: IDataObject = { deal_id: dealId };
		for (const [key, value] of Object.entries(fields)) {
			if (typeof value === 'boolean') object[key] = value ? 'Y' : 'N';
			else if (typeof value === 'string' || typeof value === 'number')
				object[key] = String(value).trim();
			else throw fieldError(this, itemIndex, 'Data to Attach', `${key} must be text`);
		}
		if (Object.keys(object).length === 1)
			throw fieldError(this, itemIndex, 'Data to Attach', 'add at least one field to attach');
		return { key: dealId, object };
	},
};
