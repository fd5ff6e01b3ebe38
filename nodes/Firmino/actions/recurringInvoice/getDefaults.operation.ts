import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { callFirmino } from '../../transport';
import type { RecurringDocument } from '../../types';
import { nameField, saleDocumentField, shapeOutput, simplifyField, toApiDocument } from '../fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [nameField, saleDocumentField],
	},
	simplifyField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['recurringInvoice'], operation: ['getDefaults'] } },
	properties,
);

/** `init` — returns what a new document would get (interval, start date, hour) and creates nothing. */
export const execute: OperationExecute = async function (this, itemIndex) {
	const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = toApiDocument(this, additionalFields, itemIndex);
	const envelope = await (callFirmino<RecurringDocument>).call(this, itemIndex, 'init', { body });
	return shapeOutput(this, itemIndex, envelope);
};
