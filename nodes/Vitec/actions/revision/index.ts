import type { INodeProperties } from 'n8n-workflow';

import * as acknowledge from './acknowledge.operation';
import * as getAndAcknowledge from './getAndAcknowledge.operation';
import * as getPendingEvents from './getPendingEvents.operation';
import * as getRevisions from './getRevisions.operation';

export { acknowledge, getAndAcknowledge, getPendingEvents, getRevisions };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['revision'] } },
		options: [
			{
				name: 'Acknowledge',
				value: 'acknowledge',
				description:
					'Confirm receipt of revisions (SendProofOfReceiptForRevisions), e.g. from the trigger in Later mode; Vitec then removes them',
				action: 'Acknowledge revisions',
			},
			{
				name: 'Get and Acknowledge',
				value: 'getAndAcknowledge',
				description:
					'Fetch and confirm batch after batch until the queue is empty (for schedule-started workflows)',
				action: 'Get and acknowledge revisions',
			},
			{
				name: 'Get Pending Events',
				value: 'getPendingEvents',
				description:
					'What waits for this Integration-ID, per company and type (GetListOfPendingEvents)',
				action: 'Get pending events',
			},
			{
				name: 'Get Revisions',
				value: 'getRevisions',
				description:
					'Read the oldest (up to 5000) revisions without confirming them: they stay in Vitec',
				action: 'Get revisions',
			},
		],
		default: 'getRevisions',
	},
	...acknowledge.description,
	...getAndAcknowledge.description,
	...getPendingEvents.description,
	...getRevisions.description,
];
