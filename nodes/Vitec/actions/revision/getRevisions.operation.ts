import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { fetchBatch, revisionItem } from '../../revisions';
import {
	readFetchSettings,
	readInformationType,
	requestSettings,
	revisionReadFields,
	toCompanyId,
} from '../shared';

const properties: INodeProperties[] = revisionReadFields();

export const description = updateDisplayOptions(
	{ show: { resource: ['revision'], operation: ['getRevisions'] } },
	properties,
);

/** One item per revision (the oldest ≤5000); nothing is confirmed, so the same ones come again next time. */
export const execute: OperationExecute = async function (this, itemIndex) {
	const type = readInformationType(this, itemIndex);
	const companyId = type.perCompany
		? toCompanyId(this, this.getNodeParameter('companyId', itemIndex, ''), itemIndex)
		: null;
	const settings = readFetchSettings(this, itemIndex, type);
	const revisions = await fetchBatch(
		this,
		{ type, companyId },
		settings,
		requestSettings(this, itemIndex),
	);
	const fetchedAt = new Date().toISOString();
	return revisions.map((revision) =>
		revisionItem(revision, type, settings.integrationId, fetchedAt),
	);
};
