import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { fieldError, readString, type ParameterContext } from '../../../common/validate';
import { PATHS } from '../../types';
import { batchSizeOption } from '../fields';
import type { ImportSpec } from '../importer';

const properties: INodeProperties[] = [
	{
		displayName: 'Product Code',
		name: 'productCode',
		type: 'string',
		required: true,
		default: '',
		description: "The product's code (inventory_code)",
	},
	{
		displayName: 'Price Type Code',
		name: 'priceTypeCode',
		type: 'string',
		required: true,
		default: '',
		placeholder: '777',
	},
	{
		displayName: 'Price',
		name: 'price',
		type: 'string',
		required: true,
		default: '',
		placeholder: '12000',
		description: 'The price, e.g. 12000 or 12000.50',
	},
	{
		displayName: 'Card Code',
		name: 'cardCode',
		type: 'string',
		default: '',
		description: 'Only for price types with cards (with_card = Y)',
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
	{ show: { resource: ['price'], operation: ['set'] } },
	properties,
);

/**
 * `api/v2/mkf/product_price$import` `{inventory:[{inventory_code, price_type:[…]}]}`: items for the same
 * product are sent as one object with all their prices. Setting a price twice gives the same result, so a
 * lost answer may be repeated.
 */
export const importSpec: ImportSpec = {
	path: PATHS.priceImport,
	root: 'inventory',
	keyField: 'inventory_code',
	label: 'product price',
	linesKey: 'price_type',
	safeToRepeat: true,
	build(this: ParameterContext, itemIndex: number) {
		const code = readString(this, 'productCode', itemIndex, 'Product Code', { required: true });
		const priceType = readString(this, 'priceTypeCode', itemIndex, 'Price Type Code', {
			required: true,
		});
		const priceText = readString(this, 'price', itemIndex, 'Price', { required: true }).replace(
			',',
			'.',
		);
		if (!/^\d+(\.\d+)?$/.test(priceText))
			throw fieldError(
				this,
				itemIndex,
				'Price',
				`must be a number like 12000.50, got "${priceText.slice(0, 40)}"`,
			);
		const line: IDataObject = { price_type_code: priceType, price: priceText };
		const card = readString(this, 'cardCode', itemIndex, 'Card Code');
		if (card) line.card_code = card;
		return { key: code, object: { inventory_code: code }, lines: [line], groupKey: code };
	},
};
