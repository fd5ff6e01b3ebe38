import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runOperations } from '../../common/router';
import * as recurringInvoice from './recurringInvoice';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runOperations.call(this, {
		'recurringInvoice:create': recurringInvoice.create.execute,
		'recurringInvoice:delete': recurringInvoice.delete.execute,
		'recurringInvoice:get': recurringInvoice.get.execute,
		'recurringInvoice:getDefaults': recurringInvoice.getDefaults.execute,
		'recurringInvoice:getMany': recurringInvoice.getMany.execute,
		'recurringInvoice:update': recurringInvoice.update.execute,
	});
}
