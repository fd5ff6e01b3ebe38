import type { INodeProperties } from 'n8n-workflow';

import { requestOptionsField } from '../../common/options';
import * as bankOperation from './bankOperation';
import * as cashOperation from './cashOperation';
import * as clientPayment from './clientPayment';
import * as crossOrgMovement from './crossOrgMovement';
import * as customApiCall from './customApiCall';
import * as internalMovement from './internalMovement';
import * as legalPerson from './legalPerson';
import * as naturalPerson from './naturalPerson';
import * as order from './order';
import * as orderReturn from './orderReturn';
import * as price from './price';
import * as priceType from './priceType';
import * as product from './product';
import * as purchase from './purchase';
import * as stock from './stock';
import * as stocktaking from './stocktaking';
import * as supplierReturn from './supplierReturn';
import * as warehouse from './warehouse';
import * as warehouseReceipt from './warehouseReceipt';
import * as writeOff from './writeOff';

/** Every parameter of the node: the resource selector, then each resource's operations and fields. */
export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Bank Operation', value: 'bankOperation' },
			{ name: 'Cash Operation', value: 'cashOperation' },
			{ name: 'Client Payment', value: 'clientPayment' },
			{ name: 'Cross-Organization Movement', value: 'crossOrgMovement' },
			{ name: 'Custom API Call', value: 'customApiCall' },
			{ name: 'Internal Movement', value: 'internalMovement' },
			{ name: 'Legal Person', value: 'legalPerson' },
			{ name: 'Natural Person', value: 'naturalPerson' },
			{ name: 'Order', value: 'order' },
			{ name: 'Order Return', value: 'orderReturn' },
			{ name: 'Price', value: 'price' },
			{ name: 'Price Type', value: 'priceType' },
			{ name: 'Product', value: 'product' },
			{ name: 'Purchase', value: 'purchase' },
			{ name: 'Stock', value: 'stock' },
			{ name: 'Stocktaking', value: 'stocktaking' },
			{ name: 'Supplier Return', value: 'supplierReturn' },
			{ name: 'Warehouse', value: 'warehouse' },
			{ name: 'Warehouse Receipt', value: 'warehouseReceipt' },
			{ name: 'Write-Off', value: 'writeOff' },
		],
		default: 'order',
	},
	...bankOperation.description,
	...cashOperation.description,
	...clientPayment.description,
	...crossOrgMovement.description,
	...customApiCall.description,
	...internalMovement.description,
	...legalPerson.description,
	...naturalPerson.description,
	...order.description,
	...orderReturn.description,
	...price.description,
	...priceType.description,
	...product.description,
	...purchase.description,
	...stock.description,
	...stocktaking.description,
	...supplierReturn.description,
	...warehouse.description,
	...warehouseReceipt.description,
	...writeOff.description,
	requestOptionsField,
];
