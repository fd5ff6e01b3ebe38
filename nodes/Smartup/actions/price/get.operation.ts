import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { readString } from '../../../common/validate';
import { callSmartup } from '../../transport';
import { PATHS } from '../../types';
import { shapeRows } from '../exporter';
import { simplifyField } from '../fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Price Type Codes',
		name: 'priceTypeCodes',
		type: 'string',
		default: '',
		placeholder: '777, 778',
		description:
			"Comma-separated price type codes. Required by Smartup when the credential's Organization ID is the head organization.",
	},
	{
		displayName: 'Product Code',
		name: 'productCode',
		type: 'string',
		default: '',
		description: 'Only the prices of this product (inventory_code); empty for all',
	},
	simplifyField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['price'], operation: ['get'] } },
	properties,
);

/** `api/v2/mkf/product_price$export` `{price_type_codes}` → `inventory[{inventory_code, price_type[]}]` (docs/api/smartup.md §8.9). */
export const execute: OperationExecute = async function (this, itemIndex) {
	// Text only: an object mapped in would otherwise be sent as "[object Object]".
	const codes = readString(this, 'priceTypeCodes', itemIndex, 'Price Type Codes')
		.split(',')
		.map((code) => code.trim())
		.filter(Boolean);
	const product = readString(this, 'productCode', itemIndex, 'Product Code');
	const body: IDataObject = codes.length ? { price_type_codes: codes } : {};
	const answer = await callSmartup.call(this, {
		path: PATHS.priceExport,
		body,
		safeToRepeat: true,
		itemIndex,
		cacheable: true,
	});
	const rows = (Array.isArray(answer.inventory) ? (answer.inventory as IDataObject[]) : []).filter(
		(row) => !product || String(row.inventory_code ?? '') === product,
	);
	return shapeRows(this, rows, itemIndex);
};
