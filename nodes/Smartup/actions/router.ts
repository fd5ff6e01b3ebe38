import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runOperations, type OperationExecute } from '../../common/router';
import { quotaSummary } from '../transport';
import { DOCUMENT_TYPES, REFERENCE_TYPES } from '../types';
import * as customApiCall from './customApiCall';
import * as document from './document';
import * as equipmentBalance from './equipmentBalance';
import { runImport, type ImportSpec } from './importer';
import * as order from './order';
import * as price from './price';
import * as priceType from './priceType';
import * as reference from './reference';
import * as stock from './stock';
import * as warehouse from './warehouse';
import * as workspace from './workspace';

/** Actions that read or act per item: the shared item loop. */
export const OPERATIONS: Record<string, OperationExecute> = {
	'bankOperation:getMany': document.getMany.execute(DOCUMENT_TYPES.bankOperation),
	'cashOperation:getMany': document.getMany.execute(DOCUMENT_TYPES.cashOperation),
	'clientPayment:getMany': document.getMany.execute(DOCUMENT_TYPES.clientPayment),
	'crossOrgMovement:getMany': document.getMany.execute(DOCUMENT_TYPES.crossOrgMovement),
	'internalMovement:getMany': document.getMany.execute(DOCUMENT_TYPES.internalMovement),
	'order:getMany': document.getMany.execute(DOCUMENT_TYPES.order),
	'orderReturn:getMany': document.getMany.execute(DOCUMENT_TYPES.orderReturn),
	'purchase:getMany': document.getMany.execute(DOCUMENT_TYPES.purchase),
	'stocktaking:getMany': document.getMany.execute(DOCUMENT_TYPES.stocktaking),
	'supplierReturn:getMany': document.getMany.execute(DOCUMENT_TYPES.supplierReturn),
	'warehouseReceipt:getMany': document.getMany.execute(DOCUMENT_TYPES.warehouseReceipt),
	'writeOff:getMany': document.getMany.execute(DOCUMENT_TYPES.writeOff),
	'visit:getMany': document.getMany.execute(DOCUMENT_TYPES.visit),
	'logistics:getMany': document.getMany.execute(DOCUMENT_TYPES.logistics),
	'legalPerson:getMany': reference.getMany.execute(REFERENCE_TYPES.legalPerson),
	'legalPerson:getByCode': reference.getByCode.execute(REFERENCE_TYPES.legalPerson),
	'naturalPerson:getMany': reference.getMany.execute(REFERENCE_TYPES.naturalPerson),
	'naturalPerson:getByCode': reference.getByCode.execute(REFERENCE_TYPES.naturalPerson),
	'product:getMany': reference.getMany.execute(REFERENCE_TYPES.product),
	'product:getByCode': reference.getByCode.execute(REFERENCE_TYPES.product),
	'contract:getMany': reference.getMany.execute(REFERENCE_TYPES.contract),
	'contract:getByCode': reference.getByCode.execute(REFERENCE_TYPES.contract),
	'personGroup:getMany': reference.getMany.execute(REFERENCE_TYPES.personGroup),
	'personGroup:getByCode': reference.getByCode.execute(REFERENCE_TYPES.personGroup),
	'producer:getMany': reference.getMany.execute(REFERENCE_TYPES.producer),
	'producer:getByCode': reference.getByCode.execute(REFERENCE_TYPES.producer),
	'productGroup:getMany': reference.getMany.execute(REFERENCE_TYPES.productGroup),
	'productGroup:getByCode': reference.getByCode.execute(REFERENCE_TYPES.productGroup),
	'returnReason:getMany': reference.getMany.execute(REFERENCE_TYPES.returnReason),
	'returnReason:getByCode': reference.getByCode.execute(REFERENCE_TYPES.returnReason),
	'service:getMany': reference.getMany.execute(REFERENCE_TYPES.service),
	'service:getByCode': reference.getByCode.execute(REFERENCE_TYPES.service),
	'workspace:getMany': workspace.getMany.execute,
	'equipmentBalance:getMany': equipmentBalance.getMany.execute,
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
	'bankOperation:createOrUpdate': document.createOrUpdate.importSpec(DOCUMENT_TYPES.bankOperation),
	'cashOperation:createOrUpdate': document.createOrUpdate.importSpec(DOCUMENT_TYPES.cashOperation),
	'clientPayment:createOrUpdate': document.createOrUpdate.importSpec(DOCUMENT_TYPES.clientPayment),
	'crossOrgMovement:createOrUpdate': document.createOrUpdate.importSpec(
		DOCUMENT_TYPES.crossOrgMovement,
	),
	'internalMovement:createOrUpdate': document.createOrUpdate.importSpec(
		DOCUMENT_TYPES.internalMovement,
	),
	'order:createOrUpdate': document.createOrUpdate.importSpec(DOCUMENT_TYPES.order),
	'orderReturn:createOrUpdate': document.createOrUpdate.importSpec(DOCUMENT_TYPES.orderReturn),
	'purchase:createOrUpdate': document.createOrUpdate.importSpec(DOCUMENT_TYPES.purchase),
	'stocktaking:createOrUpdate': document.createOrUpdate.importSpec(DOCUMENT_TYPES.stocktaking),
	'supplierReturn:createOrUpdate': document.createOrUpdate.importSpec(
		DOCUMENT_TYPES.supplierReturn,
	),
	'warehouseReceipt:createOrUpdate': document.createOrUpdate.importSpec(
		DOCUMENT_TYPES.warehouseReceipt,
	),
	'writeOff:createOrUpdate': document.createOrUpdate.importSpec(DOCUMENT_TYPES.writeOff),
	'logistics:createOrUpdate': document.createOrUpdate.importSpec(DOCUMENT_TYPES.logistics),
	'legalPerson:createOrUpdate': reference.createOrUpdate.importSpec(REFERENCE_TYPES.legalPerson),
	'naturalPerson:createOrUpdate': reference.createOrUpdate.importSpec(
		REFERENCE_TYPES.naturalPerson,
	),
	'product:createOrUpdate': reference.createOrUpdate.importSpec(REFERENCE_TYPES.product),
	'contract:createOrUpdate': reference.createOrUpdate.importSpec(REFERENCE_TYPES.contract),
	'personGroup:createOrUpdate': reference.createOrUpdate.importSpec(REFERENCE_TYPES.personGroup),
	'producer:createOrUpdate': reference.createOrUpdate.importSpec(REFERENCE_TYPES.producer),
	'productGroup:createOrUpdate': reference.createOrUpdate.importSpec(REFERENCE_TYPES.productGroup),
	'returnReason:createOrUpdate': reference.createOrUpdate.importSpec(REFERENCE_TYPES.returnReason),
	'service:createOrUpdate': reference.createOrUpdate.importSpec(REFERENCE_TYPES.service),
	'order:changeStatus': order.changeStatus.importSpec,
	'crossOrgMovement:changeStatus': document.crossOrgChangeStatus.importSpec,
	'order:attachData': order.attachData.importSpec,
	'price:set': price.set.importSpec,
	'priceType:createOrUpdate': priceType.importSpec,
};

/** Imports go to the importer (all items in batches), everything else to the shared item loop. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const importSpec = IMPORTS[`${resource}:${operation}`];
	try {
		return importSpec
			? await runImport.call(this, importSpec)
			: await runOperations.call(this, OPERATIONS);
	} finally {
		// Every call counts against a daily quota (docs/api/smartup.md §4.7): the run says what it spent and what is left.
		const summary = quotaSummary(this);
		if (summary && typeof this.addExecutionHints === 'function')
			this.addExecutionHints({ message: summary, location: 'outputPane' });
	}
}
