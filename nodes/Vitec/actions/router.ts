import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runOperations } from '../../common/router';
import * as company from './company';
import * as masterData from './masterData';
import * as revision from './revision';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runOperations.call(this, {
		'revision:acknowledge': revision.acknowledge.execute,
		'revision:getPendingEvents': revision.getPendingEvents.execute,
		'revision:getRevisions': revision.getRevisions.execute,
		'revision:getAndAcknowledge': revision.getAndAcknowledge.execute,
		'company:list': company.list.execute,
		'masterData:getAll': masterData.getAll.execute,
	});
}
