import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runOperations } from '../../common/router';
import * as account from './account';
import * as bill from './bill';
import * as contractor from './contractor';
import * as dictionary from './dictionary';
import * as expense from './expense';
import * as invoice from './invoice';
import * as proforma from './proforma';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runOperations.call(this, {
		'account:getAccountingMonth': account.getAccountingMonth.execute,
		'account:getLimit': account.getLimit.execute,
		'account:setAccountingMonth': account.setAccountingMonth.execute,
		'bill:create': bill.create.execute,
		'bill:downloadPdf': bill.downloadPdf.execute,
		'bill:get': bill.get.execute,
		'bill:sendByEmail': bill.sendByEmail.execute,
		'contractor:addEntity': contractor.addEntity.execute,
		'contractor:create': contractor.create.execute,
		'contractor:get': contractor.get.execute,
		'contractor:search': contractor.search.execute,
		'contractor:update': contractor.update.execute,
		'contractor:upsert': contractor.upsert.execute,
		'dictionary:getEuVatRates': dictionary.getEuVatRates.execute,
		'expense:create': expense.create.execute,
		'invoice:create': invoice.create.execute,
		'invoice:createCorrection': invoice.createCorrection.execute,
		'invoice:downloadPdf': invoice.downloadPdf.execute,
		'invoice:downloadXml': invoice.downloadXml.execute,
		'invoice:get': invoice.get.execute,
		'invoice:getMany': invoice.getMany.execute,
		'invoice:registerPayment': invoice.registerPayment.execute,
		'invoice:sendByEmail': invoice.sendByEmail.execute,
		'invoice:sendByPost': invoice.sendByPost.execute,
		'invoice:sendToKsef': invoice.sendToKsef.execute,
		'proforma:convertToInvoice': proforma.convertToInvoice.execute,
		'proforma:create': proforma.create.execute,
		'proforma:downloadPdf': proforma.downloadPdf.execute,
		'proforma:get': proforma.get.execute,
		'proforma:getMany': proforma.getMany.execute,
		'proforma:sendByEmail': proforma.sendByEmail.execute,
		'proforma:sendByPost': proforma.sendByPost.execute,
	});
}
