import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runOperations } from '../../common/router';
import { withSession } from '../session';
import * as contractor from './contractor';
import * as customApiCall from './customApiCall';
import * as dictionary from './dictionary';
import * as fkContractor from './fkContractor';
import * as fkDocument from './fkDocument';
import * as purchaseDocument from './purchaseDocument';
import * as salesDocument from './salesDocument';

/** The item loop inside one WebAPI session: opened by the first request, closed at the end even on error. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await withSession(
		this,
		async () =>
			await runOperations.call(this, {
				'contractor:create': contractor.create.execute,
				'contractor:get': contractor.get.execute,
				'contractor:getMany': contractor.getMany.execute,
				'contractor:syncFk': contractor.syncFk.execute,
				'contractor:update': contractor.update.execute,
				'contractor:upsert': contractor.upsert.execute,
				'contractor:upsertForContract': contractor.upsertForContract.execute,
				'salesDocument:create': salesDocument.create.execute,
				'salesDocument:get': salesDocument.get.execute,
				'salesDocument:getMany': salesDocument.getMany.execute,
				'salesDocument:getStatus': salesDocument.getStatus.execute,
				'salesDocument:issue': salesDocument.issue.execute,
				'purchaseDocument:create': purchaseDocument.create.execute,
				'purchaseDocument:get': purchaseDocument.get.execute,
				'purchaseDocument:getMany': purchaseDocument.getMany.execute,
				'purchaseDocument:getStatus': purchaseDocument.getStatus.execute,
				'purchaseDocument:issue': purchaseDocument.issue.execute,
				'fkContractor:create': fkContractor.create.execute,
				'fkContractor:get': fkContractor.get.execute,
				'fkContractor:getMany': fkContractor.getMany.execute,
				'fkContractor:update': fkContractor.update.execute,
				'fkContractor:upsert': fkContractor.upsert.execute,
				'fkDocument:create': fkDocument.create.execute,
				'fkDocument:createBusiness': fkDocument.createBusiness.execute,
				'fkDocument:get': fkDocument.get.execute,
				'fkDocument:getMany': fkDocument.getMany.execute,
				'fkDocument:validate': fkDocument.validate.execute,
				'dictionary:get': dictionary.get.execute,
				'customApiCall:call': customApiCall.call.execute,
			}),
	);
}
