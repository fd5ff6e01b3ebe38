import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { INFORMATION_TYPES } from '../../config';
import { integrationIdField } from '../../fields';
import { pendingEvents } from '../../revisions';
import { matchInformationType } from '../../soap';
import { readIntegrationId, requestSettings } from '../shared';

const properties: INodeProperties[] = [integrationIdField];

export const description = updateDisplayOptions(
	{ show: { resource: ['revision'], operation: ['getPendingEvents'] } },
	properties,
);

export const execute: OperationExecute = async function (this, itemIndex) {
	const integrationId = readIntegrationId(this, itemIndex);
	const entries = await pendingEvents(this, integrationId, requestSettings(this, itemIndex));
	const events = entries.map((entry) => ({
		companyId: entry.companyId,
		informationType: entry.informationType,
		type: matchInformationType(entry.informationType, INFORMATION_TYPES)?.value ?? null,
		count: entry.count,
	}));
	const total = events.reduce((sum, entry) => sum + (entry.count ?? 0), 0);
	// countsReported false: Vitec said something is pending without (readable) numbers.
	return {
		integrationId,
		total,
		countsReported: events.every((entry) => entry.count !== null),
		events,
	};
};
