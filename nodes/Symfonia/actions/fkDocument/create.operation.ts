import type { IDataObject, IExecuteFunctions, INodeProperties, NodeApiError } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { mayHaveBeenApplied } from '../../../common/errors';
import type { OperationExecute } from '../../../common/router';
import { symfoniaRequest } from '../../transport';
import { findFkDocument, foundMessage } from './findExisting';
import { documentFields, readFkDocument, shapeCreated } from './helpers';

const properties: INodeProperties[] = [
	...documentFields(),
	{
		displayName: 'Skip If Already in FK',
		name: 'checkDuplicate',
		type: 'boolean',
		default: true,
		description:
			'Whether to look for a document with the same number and contractor in the FK buffer and books first, and return it instead of creating a second one. Keep it on: FK does not refuse duplicates.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['fkDocument'], operation: ['create'] } },
	properties,
);

/**
 * Into the FK buffer. Never sent twice automatically (FK does not deduplicate documents); with Skip If Already
 * in FK a document already there is returned (`symfoniaAction: existing`), and after a lost answer the lists
 * are read again to tell whether FK saved it.
 */
export const execute: OperationExecute = async function (this, itemIndex) {
	const { path, body } = await readFkDocument(this, itemIndex);
	const check = this.getNodeParameter('checkDuplicate', itemIndex, true) as boolean;
	if (check) {
		const found = await findFkDocument(this, itemIndex, body);
		if (found)
			return {
				...found.document,
				symfoniaAction: 'existing',
				symfoniaFoundIn: found.foundIn,
				symfoniaMessage: foundMessage(found),
			};
	}
	const outcome = await postOnce(this, itemIndex, path, body).then(
		(document) => ({ document }),
		(failure: unknown) => ({ failure }),
	);
	if ('document' in outcome) return { ...outcome.document, symfoniaAction: 'created' };
	if (check && mayHaveBeenApplied(outcome.failure)) {
		const found = await findFkDocument(this, itemIndex, body);
		if (found)
			return {
				...found.document,
				symfoniaAction: 'created',
				symfoniaFoundIn: found.foundIn,
				symfoniaMessage:
					'The answer to the create was lost; the document was found in FK afterwards',
			};
	}
	// Already a NodeApiError of the transport or of shapeCreated.
	throw outcome.failure as NodeApiError;
};

async function postOnce(
	ctx: IExecuteFunctions,
	itemIndex: number,
	path: string,
	body: IDataObject,
): Promise<IDataObject> {
	const answer = await symfoniaRequest.call(ctx, itemIndex, {
		method: 'POST',
		path,
		body,
		safeToRepeat: false,
	});
	return shapeCreated(ctx, itemIndex, answer);
}
