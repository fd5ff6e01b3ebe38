import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { fkMessagesOf, symfoniaRequest } from '../../transport';
import { documentFields, readFkDocument, validationOutput } from './helpers';

export const description = updateDisplayOptions(
	{ show: { resource: ['fkDocument'], operation: ['validate'] } },
	documentFields(),
);

/**
 * The PATCH dry run on the same path as the create (docs/api/symfonia.md §7.4; "same path" is inferred): FK checks the
 * document and answers its messages, saving nothing. A list of messages is the documented answer; an
 * object with FKMessages is read too.
 */
export const execute: OperationExecute = async function (this, itemIndex) {
	const { path, body } = await readFkDocument(this, itemIndex);
	const answer = await symfoniaRequest.call(this, itemIndex, {
		method: 'PATCH',
		path,
		body,
		safeToRepeat: true,
	});
	const messages = Array.isArray(answer)
		? fkMessagesOf({ FKMessages: answer })
		: fkMessagesOf(answer as never);
	return { ...validationOutput(messages), document: body };
};
