import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { readPositiveInteger, readString } from '../../../common/validate';
import { callFirmino } from '../../transport';
import type { RecurringDocument } from '../../types';
import {
	documentOptionFields,
	nameField,
	saleDocumentField,
	shapeOutput,
	simplifyField,
	toApiDocument,
} from '../fields';

const properties: INodeProperties[] = [
	{ ...nameField, required: true },
	{ ...saleDocumentField, required: true },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: documentOptionFields,
	},
	simplifyField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['recurringInvoice'], operation: ['create'] } },
	properties,
);

/** `add` — never retried: Firmino does not deduplicate, a second call would create a second document. */
export const execute: OperationExecute = async function (this, itemIndex) {
	const name = readString(this, 'name', itemIndex, 'Name', { required: true });
	const idSaleDocument = readPositiveInteger(
		this,
		'idSaleDocument',
		itemIndex,
		'Sales Document ID',
	);
	const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const document = { ...toApiDocument(this, additionalFields, itemIndex), name, idSaleDocument };

	const envelope = await (callFirmino<RecurringDocument>).call(this, itemIndex, 'add', {
		body: document,
	});
	return shapeOutput(this, itemIndex, envelope);
};
