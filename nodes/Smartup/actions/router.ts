import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runOperations, type OperationExecute } from '../../common/router';
import * as bankOperation from './bankOperation';
import * as cashOperation from './cashOperation';
import * as clientPayment from './clientPayment';
import * as crossOrgMovement from './crossOrgMovement';
import * as customApiCall from './customApiCall';
import { runImport, type ImportSpec } from './importer';
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

const documents = {
	bankOperation,
	cashOperation,
	clientPayment,
	crossOrgMovement,
	internalMovement,
	order,
	orderReturn,
	purchase,
	stocktaking,
	supplierReturn,
	warehouseReceipt,
	writeOff,
};
const references = { legalPerson, naturalPerson, product };

/** Actions that read or act per item: the shared item loop. */
export const OPERATIONS: Record<string, OperationExecute> = {
	...Object.fromEntries(Object.entries(documents).map(([resource, module]) => [`${resource}:getMany`, module.getMany.execute])),
	...Object.fromEntries(
		Object.entries(references).flatMap(([resource, module]) => [
			[`${resource}:getMany`, module.getMany.execute],
			[`${resource}:getByCode`, module.getByCode.execute],
		]),
	),
	'order:get': order.get.execute,
	'order:attachMarkingCodes': order.attachMarkingCodes.execute,
	'warehouse:getMany': warehouse.getMany.execute,
	'priceType:getMany': priceType.getMany.execute,
	'price:get': price.get.execute,
	'stock:getBalance': stock.getBalance.execute,
	'customApiCall:call': customApiCall.call.execute,
};

/** Actions that send many objects in one request: batched across all input items (actions/importer.ts). */
export const IMPORTS: Record<string, ImportSpec> = {
	...Object.fromEntries(Object.entries(documents).map(([resource, module]) => [`${resource}:createOrUpdate`, module.createOrUpdate.importSpec])),
	...Object.fromEntries(Object.entries(references).map(([resource, module]) => [`${resource}:createOrUpdate`, module.createOrUpdate.importSpec])),
	'order:changeStatus': order.changeStatus.importSpec,
	'order:attachData': order.attachData.importSpec,
	'price:set': price.set.importSpec,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const importSpec = IMPORTS[`${resource}:${operation}`];
	if (importSpec) return await runImport.call(this, importSpec);
	return await runOperations.call(this, OPERATIONS);
}
