import type { INodeProperties } from 'n8n-workflow';

import { requestOptionsField } from '../../common/options';
import * as customApiCall from './customApiCall';
import * as document from './document';
import * as equipmentBalance from './equipmentBalance';
import * as order from './order';
import * as price from './price';
import * as priceType from './priceType';
import * as reference from './reference';
import * as stock from './stock';
import * as warehouse from './warehouse';
import * as workspace from './workspace';

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
			{ name: 'Contract', value: 'contract' },
			{ name: 'Cross-Organization Movement', value: 'crossOrgMovement' },
			{ name: 'Custom API Call', value: 'customApiCall' },
			{ name: 'Equipment Balance', value: 'equipmentBalance' },
			{ name: 'Internal Movement', value: 'internalMovement' },
			{ name: 'Legal Person', value: 'legalPerson' },
			{ name: 'Logistics Trip', value: 'logistics' },
			{ name: 'Natural Person', value: 'naturalPerson' },
			{ name: 'Order', value: 'order' },
			{ name: 'Order Return', value: 'orderReturn' },
			{ name: 'Person Group', value: 'personGroup' },
			{ name: 'Price', value: 'price' },
			{ name: 'Price Type', value: 'priceType' },
			{ name: 'Producer', value: 'producer' },
			{ name: 'Product', value: 'product' },
			{ name: 'Product Group', value: 'productGroup' },
			{ name: 'Purchase', value: 'purchase' },
			{ name: 'Return Reason', value: 'returnReason' },
			{ name: 'Service', value: 'service' },
			{ name: 'Stock', value: 'stock' },
			{ name: 'Stocktaking', value: 'stocktaking' },
			{ name: 'Supplier Return', value: 'supplierReturn' },
			{ name: 'Visit', value: 'visit' },
			{ name: 'Warehouse', value: 'warehouse' },
			{ name: 'Warehouse Receipt', value: 'warehouseReceipt' },
			{ name: 'Workspace', value: 'workspace' },
			{ name: 'Write-Off', value: 'writeOff' },
		],
		default: 'order',
	},
	...document.operationSelectors,
	...reference.operationSelectors,
	...order.description,
	...price.description,
	...priceType.description,
	...stock.description,
	...warehouse.description,
	...workspace.description,
	...equipmentBalance.description,
	...customApiCall.description,
	...document.fields,
	...reference.fields,
	requestOptionsField,
];
