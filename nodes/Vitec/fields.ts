/** Parameters shared by the Vitec Ekonomi trigger and node. */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { INFORMATION_TYPES } from './config';

export const integrationIdField: INodeProperties = {
	displayName: 'Integration-ID',
	name: 'integrationId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'N8N',
	description:
		'The Integration-ID of the Prenumeration (subscription) a Vitec administrator created in Vitec Ekonomi. It must match exactly: Vitec keeps one revision queue per Integration-ID. Use your own ID, never LEVSTD.',
};

export const informationTypeOptions: INodePropertyOptions[] = INFORMATION_TYPES.map((type) => ({
	name: type.extraType ? `${type.name} – Extra` : type.name,
	value: type.value,
	description: `Vitec: ${type.swedish}. Method ${type.method}WithReceiptRequirement (${{ C: 'confirmed', P: 'probable', I: 'inferred', U: 'name unconfirmed' }[type.confidence]}).`,
}));

export const dimensionOptions: INodePropertyOptions[] = [
	{ name: 'All (No Filter, Recommended)', value: 'All' },
	...Array.from({ length: 10 }, (_, i) => {
		const nn = String(i + 1).padStart(2, '0');
		return { name: `Only Rows With Dimension ${i + 1} Set`, value: `Dimension${nn}` };
	}),
];

export const dimensionField: INodeProperties = {
	displayName: 'Accounting Dimension Filter',
	name: 'dimension',
	type: 'options',
	options: dimensionOptions,
	default: 'All',
	description: 'Only for Accounting Rows (Bokföring). Keep All unless you know why.',
};

export const dimensionWarning: INodeProperties = {
	displayName:
		'Data-loss warning: with a dimension filter Vitec returns only rows where that dimension is set, and DELETES the other accounting events from its log for this Integration-ID. They can never be fetched again (not even by another workflow using the same Integration-ID).',
	name: 'dimensionNotice',
	type: 'notice',
	default: '',
	displayOptions: { hide: { dimension: ['All'] } },
};

export const reportPlanField: INodeProperties = {
	displayName: 'Report Plan',
	name: 'reportPlan',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 0,
	description:
		"Only for Chart of Accounts (Kontoplan): the report chart of accounts; 0 = the company's default plan (RED)",
};
