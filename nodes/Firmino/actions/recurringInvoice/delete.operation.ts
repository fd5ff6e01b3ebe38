import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { readPositiveInteger } from '../../../common/validate';
import { callFirmino } from '../../transport';
import { recurringInvoiceIdField } from '../fields';

const properties: INodeProperties[] = [recurringInvoiceIdField];

export const description = updateDisplayOptions(
	{ show: { resource: ['recurringInvoice'], operation: ['delete'] } },
	properties,
);

export const execute: OperationExecute = async function (this, itemIndex) {
	const id = readPositiveInteger(this, 'recurringInvoiceId', itemIndex, 'Recurring Invoice ID');
	const { response } = await (callFirmino<string>).call(this, itemIndex, 'delete', { id });
	return { id, deleted: true, message: response };
};
