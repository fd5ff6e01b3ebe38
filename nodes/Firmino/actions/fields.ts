import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	fieldError,
	toBoolean,
	toEmailList,
	toIntegerInRange,
	toIsoDate,
	toPositiveInteger,
	toText,
} from '../../common/validate';
import { INTERVALS, INTERVAL_LABELS, type RecurringDocument } from '../types';

export const recurringInvoiceIdField: INodeProperties = {
	displayName: 'Recurring Invoice ID',
	name: 'recurringInvoiceId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '29910',
	description: 'The ID of the recurring invoice (a whole number), e.g. from Get Many',
};

const intervalOptions = INTERVALS.map((value) => ({
	name: value
		.replace(/^\w/, (c) => c.toUpperCase())
		.replace(/ (\w)/, (_, c: string) => ` ${c.toUpperCase()}`),
	value,
}));

export const nameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	description: 'Name of the recurring invoice. Firmino puts "CYKLICZNA - " in front of it.',
};

export const saleDocumentField: INodeProperties = {
	displayName: 'Sales Document ID',
	name: 'idSaleDocument',
	type: 'string',
	default: '',
	placeholder: '19818500',
	description:
		'ID of the sales document (invoice) that is sent again at each interval (idSaleDocument)',
};

/** The optional fields of a recurring document, as the API documents them. */
export const documentOptionFields: INodeProperties[] = [
	{
		displayName: 'Active',
		name: 'active',
		type: 'boolean',
		default: true,
		description: 'Whether the invoice is sent at each interval',
	},
	{
		displayName: 'Copy To E-Mail',
		name: 'emailForConfirmation',
		type: 'string',
		default: '',
		placeholder: 'office@example.com',
		description: 'Address(es) that get a copy; separate several with commas (emailForConfirmation)',
	},
	{
		displayName: 'E-Mail',
		name: 'email',
		type: 'string',
		default: '',
		placeholder: 'client@example.com, accounts@example.com',
		description: 'Address(es) the invoice is e-mailed to; separate several with commas',
	},
	{
		displayName: 'Hour to Send',
		name: 'hourToSend',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 23 },
		default: 10,
		description: 'Hour of the day (0-23) at which it is sent. Firmino uses 10 when not set.',
	},
	{
		displayName: 'Interval',
		name: 'intervalTimeType',
		type: 'options',
		options: intervalOptions,
		default: 'month',
		description: 'How often the invoice is sent. Firmino uses Month when not set.',
	},
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		default: '',
		description: 'Date of the first sending. Firmino uses today when not set.',
	},
];

export const allDocumentFields: INodeProperties[] = [
	nameField,
	saleDocumentField,
	...documentOptionFields,
].sort((a, b) => a.displayName.localeCompare(b.displayName));

export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return only the recurring invoice, with Active as a true/false value, instead of the raw {success, response} answer',
};

const FIELD_LABELS: Record<string, string> = {
	name: 'Name',
	idSaleDocument: 'Sales Document ID',
	active: 'Active',
	email: 'E-Mail',
	emailForConfirmation: 'Copy To E-Mail',
	hourToSend: 'Hour to Send',
	intervalTimeType: 'Interval',
	startDate: 'Start Date',
};

/**
 * Turns the fields a user set into the API's document: validated, typed as the API documents them.
 * Unknown keys are refused so a typo in mapped data is not silently dropped.
 */
export function toApiDocument(
	ctx: IExecuteFunctions,
	fields: IDataObject,
	itemIndex: number,
): IDataObject {
	const document: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		const label = FIELD_LABELS[key];
		if (!label) throw fieldError(ctx, itemIndex, key, 'is not a field of a recurring invoice');
		if (value === '' || value === null || value === undefined) continue;
		switch (key) {
			case 'name':
				document.name = toText(ctx, value, itemIndex, label);
				break;
			case 'idSaleDocument':
				document.idSaleDocument = toPositiveInteger(ctx, value, itemIndex, label);
				break;
			case 'active':
				document.active = toBoolean(ctx, value, itemIndex, label);
				break;
			case 'email':
			case 'emailForConfirmation':
				// Several addresses travel `;`-separated (docs/api/firmino.md, field table).
				document[key] = toEmailList(ctx, value, itemIndex, label).join(';');
				break;
			case 'hourToSend':
				// The API types the hour as a string ("10").
				document.hourToSend = String(toIntegerInRange(ctx, value, itemIndex, label, 0, 23));
				break;
			case 'intervalTimeType':
				if (!(INTERVALS as readonly unknown[]).includes(value)) {
					throw fieldError(ctx, itemIndex, label, `must be one of: ${INTERVALS.join(', ')}`);
				}
				document.intervalTimeType = value;
				break;
			case 'startDate':
				document.startDate = toIsoDate(ctx, value, itemIndex, label);
				break;
		}
	}
	return document;
}

/**
 * The document for n8n users: `active` as a real boolean, e-mail lists without the trailing `;`, and on list rows
 * the interval code next to its Polish label, so that a row can be fed to Update as it is.
 */
export function simplifyDocument(document: RecurringDocument): IDataObject {
	const result: IDataObject = { ...document };
	if (result.intervalTimeType === undefined && typeof document.intervalTypeName === 'string') {
		const code = INTERVAL_LABELS[document.intervalTypeName.trim().toLowerCase()];
		if (code) result.intervalTimeType = code;
	}
	if (typeof document.active === 'string') result.active = document.active === 'true';
	for (const key of ['email', 'emailForConfirmation'] as const) {
		if (typeof document[key] === 'string')
			result[key] = (document[key] as string).replace(/;+\s*$/, '');
	}
	return result;
}

export function shapeOutput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	envelope: { success: true; response: RecurringDocument },
): IDataObject {
	const simplify = ctx.getNodeParameter('simplify', itemIndex, true) as boolean;
	return simplify ? simplifyDocument(envelope.response) : (envelope as unknown as IDataObject);
}
