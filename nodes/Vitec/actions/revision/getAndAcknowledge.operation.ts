import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import {
	acknowledge,
	fetchBatch,
	receiptError,
	returnedAfterReceipt,
	revisionItem,
} from '../../revisions';
import type { Revision } from '../../soap';
import { fieldError } from '../../../common/validate';
import {
	asNodeError,
	readFetchSettings,
	readInformationType,
	requestSettings,
	revisionReadFields,
	toCompanyId,
} from '../shared';

const properties: INodeProperties[] = [
	...revisionReadFields(),
	{
		displayName: 'Max Batches',
		name: 'maxBatches',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 100 },
		default: 10,
		description:
			'At most this many batches of up to 5000 revisions per run; the rest waits for the next run',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['revision'], operation: ['getAndAcknowledge'] } },
	properties,
);

/**
 * Fetch → confirm, batch after batch, until Vitec returns nothing (its documented loop). If a call fails
 * after some batches were confirmed, those revisions are still returned (they exist nowhere else now),
 * followed by one item that says where it stopped.
 */
export const execute: OperationExecute = async function (this, itemIndex) {
	const type = readInformationType(this, itemIndex);
	const companyId = type.perCompany
		? toCompanyId(this, this.getNodeParameter('companyId', itemIndex, ''), itemIndex)
		: null;
	const settings = readFetchSettings(this, itemIndex, type);
	const maxBatches = Number(this.getNodeParameter('maxBatches', itemIndex, 10));
	if (!Number.isInteger(maxBatches) || maxBatches < 1 || maxBatches > 100)
		throw fieldError(this, itemIndex, 'Max Batches', 'must be a whole number from 1 to 100');
	const request = requestSettings(this, itemIndex);
	const output: IDataObject[] = [];
	const fetchedAt = new Date().toISOString();
	const target = { type, companyId };
	let acknowledged: Array<number | string> = [];
	for (let batch = 0; batch <= maxBatches; batch++) {
		let revisions: Revision[];
		try {
			revisions = await fetchBatch(this, target, settings, request);
		} catch (error) {
			if (!output.length) throw asNodeError(this.getNode(), error, itemIndex);
			output.push(stoppedEarly(error));
			break;
		}
		// The next batch must not hold what was just confirmed: else the receipt was read as empty (docs/api/vitec.md §5.6).
		const returned = returnedAfterReceipt(revisions, acknowledged);
		if (returned.length) throw receiptError(this, target, returned, itemIndex);
		// One fetch more than Max Batches: it only checks the last receipt; its revisions wait for the next run.
		if (!revisions.length || batch === maxBatches) break;
		output.push(
			...revisions.map((revision) =>
				revisionItem(revision, type, settings.integrationId, fetchedAt),
			),
		);
		acknowledged = revisions.map((revision) => revision.eventId);
		try {
			await acknowledge(this, type, companyId, settings.integrationId, acknowledged, request);
		} catch (error) {
			// Returned anyway: the confirmation may have reached Vitec, so dropping them could lose them.
			output.push(stoppedEarly(error));
			break;
		}
	}
	return output;
};

function stoppedEarly(error: unknown): IDataObject {
	const { message, description } = error as { message?: string; description?: string };
	return {
		stoppedEarly: true,
		error: message ?? String(error),
		...(description ? { description } : {}),
		hint: 'The revisions above were received. Run again to continue; a revision may come twice, so upsert by its key.',
	};
}
