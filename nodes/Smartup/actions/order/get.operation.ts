import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiError } from '../../../common/http';
import type { OperationExecute } from '../../../common/router';
import { readPositiveInteger } from '../../../common/validate';
import { callSmartup } from '../../transport';
import { DOCUMENT_TYPES } from '../../types';
import { shapeRows } from '../exporter';
import { codeTypeOption, simplifyField } from '../fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Order ID (Deal_id)',
		name: 'dealId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '642',
		description: "Smartup's ID of the order (deal_id), e.g. from Get Many",
	},
	simplifyField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [codeTypeOption],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['get'] } },
	properties,
);

/** `order$export` filtered by deal_id, the filter every installation honours (docs/api/smartup.md §8.1). */
export const execute: OperationExecute = async function (this, itemIndex) {
	const dealId = String(readPositiveInteger(this, 'dealId', itemIndex, 'Order ID (Deal_id)'));
	const type = DOCUMENT_TYPES.order;
	const answer = await callSmartup.call(this, {
		path: type.exportPath,
		body: { deal_id: dealId },
		safeToRepeat: true,
		itemIndex,
	});
	const rows = Array.isArray(answer.order) ? (answer.order as Array<Record<string, unknown>>) : [];
	const row = rows.find((candidate) => String(candidate.deal_id) === dealId);
	if (!row) {
		throw apiError(
			this.getNode(),
			{
				message: `Smartup has no order with deal_id ${dealId} that this account may export`,
				description:
					'The order may not exist, be outside the export window (limits.day_range_limit) or in a status the integration settings do not export.',
				httpCode: '404',
				itemIndex,
			},
			[],
		);
	}
	return shapeRows(this, [row as never], itemIndex);
};
