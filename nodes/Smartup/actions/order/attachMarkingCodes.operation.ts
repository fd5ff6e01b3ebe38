import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { fieldError, readPositiveInteger } from '../../../common/validate';
import { callSmartup } from '../../transport';
import { PATHS } from '../../types';
import { readJson } from '../fields';

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
		displayName: 'Products',
		name: 'products',
		type: 'json',
		default: '[\n  { "product_unit_id": "7001", "marking_codes": ["0104780000000017215ABC"] }\n]',
		description: 'The order lines (product_unit_id from Get) and their marking codes',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['attachMarkingCodes'] } },
	properties,
);

/** `mdeal/order$import_order_marking_codes`: one flat object per order, not an array (docs/api/smartup.md §8.3). */
export const execute: OperationExecute = async function (this, itemIndex) {
	const dealId = String(readPositiveInteger(this, 'dealId', itemIndex, 'Order ID (Deal_id)'));
	const products = (readJson(this, 'products', itemIndex, 'Products', 'list') ??
		[]) as IDataObject[];
	if (products.length === 0)
		throw fieldError(this, itemIndex, 'Products', 'needs at least one line');
	const body = products.map((product, index) => {
		const unit = String(product.product_unit_id ?? '').trim();
		if (!/^\d+$/.test(unit))
			throw fieldError(
				this,
				itemIndex,
				'Products',
				`line ${index + 1}: product_unit_id must be a whole number`,
			);
		const codes = product.marking_codes;
		if (
			!Array.isArray(codes) ||
			codes.length === 0 ||
			codes.some((code) => typeof code !== 'string' || !code.trim())
		) {
			throw fieldError(
				this,
				itemIndex,
				'Products',
				`line ${index + 1}: marking_codes must be a list of codes`,
			);
		}
		return { product_unit_id: unit, marking_codes: codes.map((code) => String(code).trim()) };
	});
	const answer = await callSmartup.call(this, {
		path: PATHS.orderMarkingCodes,
		body: { deal_id: dealId, products: body },
		safeToRepeat: true,
		itemIndex,
	});
	return { success: true, deal_id: dealId, ...answer };
};
