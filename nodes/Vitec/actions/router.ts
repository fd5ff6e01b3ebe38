import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runOperations } from '../../common/router';
import * as company from './company';
import * as masterData from './masterData';
import * as revision from './revision';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	// Acknowledge groups the ids of ALL input items per company (one call each), so it runs once, not per item.
	if (resource === 'revision' && operation === 'acknowledge') return await revision.acknowledge.executeAll.call(this);
	return await runOperations.call(this, {
		'revision:getPendingEvents': revision.getPendingEvents.execute,
		'revision:getRevisions': revision.getRevisions.execute,
		'revision:getAndAcknowledge': revision.getAndAcknowledge.execute,
		'company:list': company.list.execute,
		'masterData:getAll': masterData.getAll.execute,
	});
}
