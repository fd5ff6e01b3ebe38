import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { fieldError, readPositiveInteger } from '../../../common/validate';
import { callFirmino } from '../../transport';
import type { RecurringDocument } from '../../types';
import {
	allDocumentFields,
	recurringInvoiceIdField,
	shapeOutput,
	simplifyField,
	toApiDocument,
} from '../fields';

const properties: INodeProperties[] = [
	recurringInvoiceIdField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields you add change; the others keep their current values',
		options: allDocumentFields,
	},
	simplifyField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['recurringInvoice'], operation: ['update'] } },
	properties,
);

/** The fields `update` takes; `find`'s read-only labels (saleDocumentName, intervalTypeName) are left out. */
const WRITABLE = [
	'idSaleDocument',
	'intervalTimeType',
	'name',
	'startDate',
	'active',
	'email',
	'emailForConfirmation',
	'hourToSend',
];

/** The server puts this in front of every name it stores (docs/api/firmino.md, field `name`). */
const NAME_PREFIX = /^CYKLICZNA - /;

/**
 * `update` takes the whole document, so fields left out would be lost: read the current one first,
 * then send it merged with the user's changes.
 */
export const execute: OperationExecute = async function (this, itemIndex) {
	const id = readPositiveInteger(this, 'recurringInvoiceId', itemIndex, 'Recurring Invoice ID');
	const updateFields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const changes = toApiDocument(this, updateFields, itemIndex);
	if (Object.keys(changes).length === 0) {
		throw fieldError(this, itemIndex, 'Update Fields', 'add at least one field to change');
	}

	const { response: current } = await (callFirmino<RecurringDocument>).call(
		this,
		itemIndex,
		'get',
		{ id },
	);
	const document = { ...currentWritableFields(current), ...changes, id };
	const envelope = await (callFirmino<RecurringDocument>).call(this, itemIndex, 'update', {
		body: document,
	});
	return shapeOutput(this, itemIndex, envelope);
};

function currentWritableFields(current: RecurringDocument): IDataObject {
	const fields: IDataObject = {};
	for (const key of WRITABLE) {
		const value = current[key];
		if (value !== null && value !== undefined) fields[key] = value;
	}
	// Sent back as stored, the name would be prefixed a second time ("CYKLICZNA - CYKLICZNA - ...").
	if (typeof fields.name === 'string') fields.name = fields.name.replace(NAME_PREFIX, '');
	if (typeof fields.active === 'string') fields.active = fields.active === 'true';
	for (const key of ['email', 'emailForConfirmation']) {
		if (typeof fields[key] === 'string') {
			fields[key] = (fields[key] as string)
				.split(';')
				.map((e) => e.trim())
				.filter(Boolean)
				.join(';');
		}
	}
	return fields;
}
