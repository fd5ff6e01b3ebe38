import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { errorJson } from '../../../common/router';
import { fieldError, readString } from '../../../common/validate';
import { INFORMATION_TYPE_BY_VALUE, type InformationType } from '../../config';
import { acknowledge } from '../../revisions';
import { asNodeError, readIntegrationId, requestSettings, toCompanyId } from '../shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Integration-ID',
		name: 'integrationId',
		type: 'string',
		default: '={{ $json.integrationId }}',
		required: true,
		description: 'The Integration-ID of the Prenumeration. The default takes it from the trigger\'s items.',
	},
	{
		displayName: 'Company ID',
		name: 'companyId',
		type: 'string',
		default: '={{ $json.companyId }}',
		description: 'The company the revisions belong to (empty for currency rates). The default takes it from the trigger\'s items.',
	},
	{
		displayName: 'Event IDs',
		name: 'eventIds',
		type: 'string',
		default: '={{ $json.eventIds ?? $json.eventId }}',
		required: true,
		description: 'The EventId of each revision to confirm: a number, a list, or numbers separated by commas. The default takes them from the trigger\'s items (per revision or per batch).',
	},
	{
		displayName: 'Information Type',
		name: 'informationType',
		type: 'string',
		default: '={{ $json.type }}',
		description: 'Decides which Vitec service receives the confirmation (accounting, supplier, customer…); empty = the accounting service',
	},
	{
		displayName:
			'All input items are confirmed together: one call per Integration-ID and company (at most 5000 IDs each). Put this step last, after the data is safely stored.',
		name: 'acknowledgeNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['revision'], operation: ['acknowledge'] } }, properties);

interface Group {
	integrationId: string;
	companyId: number | null;
	type: InformationType | undefined;
	eventIds: Array<number | string>;
	items: number[];
}

function readEventIds(ctx: IExecuteFunctions, itemIndex: number): Array<number | string> {
	const raw = ctx.getNodeParameter('eventIds', itemIndex, '') as unknown;
	const parts = Array.isArray(raw) ? raw : typeof raw === 'number' ? [raw] : typeof raw === 'string' ? raw.split(/[\s,;]+/).filter(Boolean) : undefined;
	if (!parts || !parts.length) throw fieldError(ctx, itemIndex, 'Event IDs', 'is required (map the eventId or eventIds of the trigger\'s items)');
	return parts.map((part) => {
		const text = typeof part === 'number' || typeof part === 'string' ? String(part).trim() : '';
		if (!/^\d+$/.test(text)) throw fieldError(ctx, itemIndex, 'Event IDs', `"${text || typeof part}" is not an event id (whole numbers only)`);
		const number = Number(text);
		return Number.isSafeInteger(number) ? number : text;
	});
}

/** Runs once for all input items: validates each, groups per (Integration-ID, company), one call per group. */
export async function executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	const groups = new Map<string, Group>();
	for (let i = 0; i < items.length; i++) {
		try {
			const integrationId = readIntegrationId(this, i);
			// Text only: an object mapped in would otherwise be quoted as "[object Object]".
			const typeValue = readString(this, 'informationType', i, 'Information Type');
			const type = typeValue ? INFORMATION_TYPE_BY_VALUE.get(typeValue) : undefined;
			if (typeValue && !type) throw fieldError(this, i, 'Information Type', `"${typeValue}" is not one of ${[...INFORMATION_TYPE_BY_VALUE.keys()].join(', ')}`);
			const companyRaw = this.getNodeParameter('companyId', i, '') as unknown;
			const companyId =
				companyRaw === '' || companyRaw === null || companyRaw === undefined || type?.perCompany === false ? null : toCompanyId(this, companyRaw, i);
			// Only currency rates are not per company: an acknowledgement of a per-company type without its
			// company would not say which company's revisions were received.
			if (companyId === null && type?.perCompany) throw fieldError(this, i, 'Company ID', `is required for ${type.value} revisions (only currency rates have no company)`);
			const eventIds = readEventIds(this, i);
			const key = `${integrationId}|${companyId}|${type?.contract ?? 'Accounting'}`;
			let group = groups.get(key);
			if (!group) groups.set(key, (group = { integrationId, companyId, type, eventIds: [], items: [] }));
			for (const id of eventIds) if (!group.eventIds.includes(id)) group.eventIds.push(id);
			group.items.push(i);
		} catch (error) {
			if (this.continueOnFail()) {
				output.push({ json: errorJson(error), pairedItem: { item: i } });
				continue;
			}
			throw asNodeError(this.getNode(), error, i);
		}
	}
	for (const group of groups.values()) {
		const pairedItem = group.items.map((item) => ({ item }));
		try {
			await acknowledge(this, group.type, group.companyId, group.integrationId, group.eventIds, requestSettings(this, group.items[0]));
			const json: IDataObject = { integrationId: group.integrationId, companyId: group.companyId, acknowledged: group.eventIds.length, eventIds: group.eventIds };
			output.push({ json, pairedItem });
		} catch (error) {
			if (this.continueOnFail()) {
				output.push({ json: { ...errorJson(error), integrationId: group.integrationId, companyId: group.companyId, eventIds: group.eventIds }, pairedItem });
				continue;
			}
			throw asNodeError(this.getNode(), error, group.items[0]);
		}
	}
	return [output];
}
