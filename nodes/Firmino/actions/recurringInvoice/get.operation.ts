import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { readPositiveInteger } from '../../../common/validate';
import { callFirmino } from '../../transport';
import type { RecurringDocument } from '../../types';
import { recurringInvoiceIdField, shapeOutput, simplifyField } from '../fields';

const properties: INodeProperties[] = [recurringInvoiceIdField, simplifyField];

export const description = updateDisplayOptions(
	{ show: { resource: ['recurringInvoice'], operation: ['get'] } },
	properties,
);

export const execute: OperationExecute = async function (this, itemIndex) {
	const id = readPositiveInteger(this, 'recurringInvoiceId', itemIndex, 'Recurring Invoice ID');
	const envelope = await (callFirmino<RecurringDocument>).call(this, itemIndex, 'get', { id });
	return shapeOutput(this, itemIndex, envelope);
};
