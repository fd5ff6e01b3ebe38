import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { readPositiveInteger } from '../../../common/validate';
import { symfoniaRequest } from '../../transport';
import { yearField } from './helpers';

const properties: INodeProperties[] = [
	{ displayName: 'Document ID', name: 'documentId', type: 'string', required: true, default: '' },
	yearField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['fkDocument'], operation: ['get'] } },
	properties,
);

export const execute: OperationExecute = async function (this, itemIndex) {
	const id = readPositiveInteger(this, 'documentId', itemIndex, 'Document ID');
	const yearId = readPositiveInteger(this, 'yearId', itemIndex, 'Fiscal Year');
	return (await symfoniaRequest.call(
		this,
		itemIndex,
		{ method: 'GET', path: '/FKDocuments', qs: { id, yearId }, safeToRepeat: true },
		{ requireBody: true },
	)) as IDataObject;
};
