import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { fieldError, readString } from '../../../common/validate';
import { INFORMATION_TYPE_BY_VALUE, type InformationType } from '../../config';
import { acknowledge, verifyReceipt } from '../../revisions';
import { readIntegrationId, requestSettings, toCompanyId } from '../shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Integration-ID',
		name: 'integrationId',
		type: 'string',
		default: '={{ $json.integrationId }}',
		required: true,
		description:
			"The Integration-ID of the Prenumeration. The default takes it from the trigger's items.",
	},
	{
		displayName: 'Company ID',
		name: 'companyId',
		type: 'string',
		default: '={{ $json.companyId }}',
		description:
			"The company the revisions belong to (empty for currency rates). The default takes it from the trigger's items.",
	},
	{
		displayName: 'Event IDs',
		name: 'eventIds',
		type: 'string',
		default: '={{ $json.eventIds ?? $json.eventId }}',
		required: true,
		description:
			"The EventId of each revision to confirm: a number, a list, or numbers separated by commas. The default takes them from the trigger's items (per revision or per batch).",
	},
	{
		displayName: 'Information Type',
		name: 'informationType',
		type: 'string',
		default: '={{ $json.type }}',
		description:
			'Decides which Vitec service receives the confirmation (accounting, supplier, customer…) and lets the node check that it took effect; empty = the accounting service, unchecked',
	},
	{
		displayName:
			'Consecutive items of one Integration-ID and company are confirmed together (one call, at most 5000 IDs), then checked: Vitec must not send them again. Put this step last, after the data is safely stored.',
		name: 'acknowledgeNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['revision'], operation: ['acknowledge'] } },
	properties,
);

interface Receipt {
	integrationId: string;
	companyId: number | null;
	type: InformationType | undefined;
	eventIds: Array<number | string>;
}

function readEventIds(ctx: IExecuteFunctions, itemIndex: number): Array<number | string> {
	const raw = ctx.getNodeParameter('eventIds', itemIndex, '') as unknown;
	const parts = Array.isArray(raw)
		? raw
		: typeof raw === 'number'
			? [raw]
			: typeof raw === 'string'
				? raw.split(/[\s,;]+/).filter(Boolean)
				: undefined;
	if (!parts || !parts.length)
		throw fieldError(
			ctx,
			itemIndex,
			'Event IDs',
			"is required (map the eventId or eventIds of the trigger's items)",
		);
	return parts.map((part) => {
		const text = typeof part === 'number' || typeof part === 'string' ? String(part).trim() : '';
		if (!/^\d+$/.test(text))
			throw fieldError(
				ctx,
				itemIndex,
				'Event IDs',
				`"${text || typeof part}" is not an event id (whole numbers only)`,
			);
		const number = Number(text);
		return Number.isSafeInteger(number) ? number : text;
	});
}

/** What one input item asks to confirm; throws a field error naming the item. */
function readReceipt(ctx: IExecuteFunctions, itemIndex: number): Receipt {
	const integrationId = readIntegrationId(ctx, itemIndex);
	// Text only: an object mapped in would otherwise be quoted as "[object Object]".
	const typeValue = readString(ctx, 'informationType', itemIndex, 'Information Type');
	const type = typeValue ? INFORMATION_TYPE_BY_VALUE.get(typeValue) : undefined;
	if (typeValue && !type)
		throw fieldError(
			ctx,
			itemIndex,
			'Information Type',
			`"${typeValue}" is not one of ${[...INFORMATION_TYPE_BY_VALUE.keys()].join(', ')}`,
		);
	const companyRaw = ctx.getNodeParameter('companyId', itemIndex, '') as unknown;
	const companyId =
		companyRaw === '' ||
		companyRaw === null ||
		companyRaw === undefined ||
		type?.perCompany === false
			? null
			: toCompanyId(ctx, companyRaw, itemIndex);
	// Only currency rates are not per company: an acknowledgement of a per-company type without its
	// company would not say which company's revisions were received.
	if (companyId === null && type?.perCompany)
		throw fieldError(
			ctx,
			itemIndex,
			'Company ID',
			`is required for ${type.value} revisions (only currency rates have no company)`,
		);
	return { integrationId, companyId, type, eventIds: readEventIds(ctx, itemIndex) };
}

const groupOf = (receipt: Receipt) =>
	`${receipt.integrationId}|${receipt.companyId}|${receipt.type?.contract ?? 'Accounting'}|${receipt.type?.value ?? ''}`;

/** The group of a neighbouring item, or undefined when that item is invalid (it reports its own error). */
function neighbourGroup(ctx: IExecuteFunctions, itemIndex: number): string | undefined {
	try {
		return groupOf(readReceipt(ctx, itemIndex));
	} catch {
		return undefined;
	}
}

/**
 * Consecutive items of one Integration-ID, company and type (as the trigger emits them) are confirmed with one
 * call: each item's run defers to the next item of its group, and the last item of the group sends the receipt
 * for all of them (at most 5000 IDs per call). Nothing is kept between items: the group is read back from the
 * items' own parameters. Then the head of that queue is read once to check that the receipt took effect.
 */
export const execute: OperationExecute = async function (this, itemIndex) {
	const receipt = readReceipt(this, itemIndex);
	const group = groupOf(receipt);
	const count = this.getInputData().length;
	if (itemIndex + 1 < count && neighbourGroup(this, itemIndex + 1) === group) return [];
	const eventIds = [...receipt.eventIds];
	for (
		let previous = itemIndex - 1;
		previous >= 0 && neighbourGroup(this, previous) === group;
		previous--
	)
		eventIds.unshift(...readEventIds(this, previous));
	const unique = [...new Set(eventIds)];
	const request = requestSettings(this, itemIndex);
	await acknowledge(this, receipt.type, receipt.companyId, receipt.integrationId, unique, request);
	if (receipt.type)
		await verifyReceipt(
			this,
			{ type: receipt.type, companyId: receipt.companyId },
			receipt.integrationId,
			unique,
			request,
		);
	const json: IDataObject = {
		integrationId: receipt.integrationId,
		companyId: receipt.companyId,
		acknowledged: unique.length,
		eventIds: unique,
		verified: !!receipt.type,
	};
	return json;
};
