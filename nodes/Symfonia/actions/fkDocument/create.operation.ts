import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { symfoniaRequest } from '../../transport';
import { documentFields, readFkDocument, shapeCreated } from './helpers';

export const description = updateDisplayOptions({ show: { resource: ['fkDocument'], operation: ['create'] } }, documentFields());

/** Into the FK buffer; never retried automatically (FK does not deduplicate documents). */
export const execute: OperationExecute = async function (this, itemIndex) {
	const { path, body } = readFkDocument(this, itemIndex);
	const answer = await symfoniaRequest.call(this, itemIndex, { method: 'POST', path, body, safeToRepeat: false });
	return shapeCreated(this, itemIndex, answer);
};
