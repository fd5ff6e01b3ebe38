/** Readers shared by the node's operations: every failure names the field and the item, before any request. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readRequestOptions } from '../../common/options';
import { fieldError, readString } from '../../common/validate';
import { INFORMATION_TYPE_BY_VALUE, type InformationType } from '../config';
import {
	dimensionField,
	dimensionWarning,
	informationTypeOptions,
	integrationIdField,
	reportPlanField,
} from '../fields';
import type { FetchSettings, RequestSettings } from '../revisions';

export function readIntegrationId(ctx: IExecuteFunctions, itemIndex: number): string {
	const id = readString(ctx, 'integrationId', itemIndex, 'Integration-ID', {
		required: true,
		maxLength: 50,
	});
	if (/\s/.test(id))
		throw fieldError(ctx, itemIndex, 'Integration-ID', `must not contain spaces, got "${id}"`);
	return id;
}

export function readInformationType(ctx: IExecuteFunctions, itemIndex: number): InformationType {
	const value = readString(ctx, 'informationType', itemIndex, 'Information Type', {
		required: true,
	});
	const type = INFORMATION_TYPE_BY_VALUE.get(value);
	if (!type)
		throw fieldError(
			ctx,
			itemIndex,
			'Information Type',
			`"${value}" is not one of ${[...INFORMATION_TYPE_BY_VALUE.keys()].join(', ')}`,
		);
	return type;
}

/** A company number (CompanyId, > 0). */
export function toCompanyId(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	field = 'Company ID',
): number {
	const text =
		typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!/^\d+$/.test(text) || Number(text) <= 0 || !Number.isSafeInteger(Number(text))) {
		throw fieldError(
			ctx,
			itemIndex,
			field,
			text ? `must be a company number like 101, got "${text.slice(0, 40)}"` : 'is required',
		);
	}
	return Number(text);
}

export function readFetchSettings(
	ctx: IExecuteFunctions,
	itemIndex: number,
	type: InformationType,
): FetchSettings {
	const dimension =
		type.extra === 'dimension'
			? readString(ctx, 'dimension', itemIndex, 'Accounting Dimension Filter') || 'All'
			: 'All';
	if (!/^(All|Dimension(0[1-9]|10))$/.test(dimension))
		throw fieldError(
			ctx,
			itemIndex,
			'Accounting Dimension Filter',
			`"${dimension}" is not All or Dimension01…Dimension10`,
		);
	const reportPlan =
		type.extra === 'reportPlan' ? Number(ctx.getNodeParameter('reportPlan', itemIndex, 0)) : 0;
	if (!Number.isInteger(reportPlan) || reportPlan < 0 || reportPlan > 32767)
		throw fieldError(ctx, itemIndex, 'Report Plan', 'must be a whole number from 0 to 32767');
	return { integrationId: readIntegrationId(ctx, itemIndex), dimension, reportPlan, legacy: false };
}

export function requestSettings(ctx: IExecuteFunctions, itemIndex: number): RequestSettings {
	return { itemIndex, ...readRequestOptions(ctx, itemIndex) };
}

/** Type, company, dimension and report plan for the revision reads. */
export function revisionReadFields(): INodeProperties[] {
	return [
		integrationIdField,
		{
			displayName: 'Information Type',
			name: 'informationType',
			type: 'options',
			options: informationTypeOptions,
			default: 'accounting',
			description: 'Which revision queue of the Prenumeration to read',
		},
		{
			displayName: 'Company ID',
			name: 'companyId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '101',
			description:
				'The company number (CompanyId); ignored for currency rates, which are not per company',
			displayOptions: { hide: { informationType: ['currency'] } },
		},
		{ ...dimensionField, displayOptions: { show: { informationType: ['accounting'] } } },
		{
			...dimensionWarning,
			displayOptions: { show: { informationType: ['accounting'] }, hide: { dimension: ['All'] } },
		},
		{ ...reportPlanField, displayOptions: { show: { informationType: ['account'] } } },
	];
}

export { asNodeError } from '../../common/router';
