import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { collectPages, readLimit, returnAllOrLimit } from '../../../common/paginate';
import type { OperationExecute } from '../../../common/router';
import { fieldError } from '../../../common/validate';
import { callSmartup } from '../../transport';
import { organizationCodeField, simplifyField } from '../fields';
import { shapeRows } from '../exporter';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ ...organizationCodeField },
			{
				displayName: 'Workspace Codes',
				name: 'roomCodes',
				type: 'string',
				default: '',
				placeholder: 'R1, R2',
				description: 'Comma-separated room codes (room_codes)',
			},
			{
				displayName: 'Product Codes',
				name: 'productCodes',
				type: 'string',
				default: '',
				placeholder: 'EQ-1, EQ-2',
				description: 'Comma-separated equipment product codes (product_codes)',
			},
		],
	},
	simplifyField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['equipmentBalance'], operation: ['getMany'] } },
	properties,
);

const list = (text: unknown, key: string) =>
	String(text ?? '')
		.split(',')
		.map((code) => code.trim())
		.filter(Boolean)
		.map((code) => ({ [key]: code }));

/**
 * `tvt/equipment_balance$export_data` (docs/api/smartup.md §8.13): `{offset, limit ≤ 50, filial_code, room_codes,
 * product_codes}` in, `{count, data}` out, paged by offset until count.
 */
export const execute: OperationExecute = async function (this, itemIndex) {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	if (filters.filialCode) body.filial_code = String(filters.filialCode).trim();
	const rooms = list(filters.roomCodes, 'room_code');
	if (rooms.length) body.room_codes = rooms;
	const products = list(filters.productCodes, 'product_code');
	if (products.length) body.product_codes = products;
	const rows = await collectPages<IDataObject>(
		async (page, size) => {
			const answer = await callSmartup.call(this, {
				path: '/b/trade/txs/tvt/equipment_balance$export_data',
				body: { ...body, offset: (page - 1) * size, limit: size },
				safeToRepeat: true,
				itemIndex,
			});
			if (!Array.isArray(answer.data))
				throw fieldError(
					this,
					itemIndex,
					'Get Many',
					'Smartup answered without a "data" list of equipment',
				);
			const total = Number(answer.count);
			return {
				items: answer.data as IDataObject[],
				total: Number.isFinite(total) ? total : undefined,
			};
		},
		{ limit: readLimit(this, itemIndex), pageSize: 50 },
	);
	return shapeRows(this, rows, itemIndex);
};
