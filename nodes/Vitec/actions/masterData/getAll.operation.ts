import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { fieldError, readString } from '../../../common/validate';
import { BULK_READ_TYPES, namedMethod } from '../../config';
import { readRows, type SoapParam, companySelector } from '../../soap';
import { callVitec, vitecConfig } from '../../transport';
import { requestSettings, toCompanyId } from '../shared';

const properties: INodeProperties[] = [
	{
		displayName:
			"For the initial load only. For accounting rows, prefer Vitec's one-time transfer (Engångsöverföring): it fills the Prenumeration's queue, which the trigger then reads. Vitec is removing the bulk accounting methods.",
		name: 'initialLoadNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Data Type',
		name: 'dataType',
		type: 'options',
		options: BULK_READ_TYPES.map((type) => ({
			name: type.name,
			value: type.value,
			description: `Vitec method ${type.method} (name unconfirmed)`,
		})),
		default: 'customer',
	},
	{
		displayName: 'Company ID',
		name: 'companyId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '101',
		description: 'The company number (CompanyId)',
	},
	{
		displayName: 'Report Plan',
		name: 'reportPlan',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: "The report chart of accounts; 0 = the company's default plan (RED)",
		displayOptions: { show: { dataType: ['account'] } },
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['masterData'], operation: ['getAll'] } },
	properties,
);

export const execute: OperationExecute = async function (this, itemIndex) {
	const value = readString(this, 'dataType', itemIndex, 'Data Type', { required: true });
	const type = BULK_READ_TYPES.find((candidate) => candidate.value === value);
	if (!type)
		throw fieldError(
			this,
			itemIndex,
			'Data Type',
			`"${value}" is not one of ${BULK_READ_TYPES.map((t) => t.value).join(', ')}`,
		);
	const companyId = toCompanyId(this, this.getNodeParameter('companyId', itemIndex, ''), itemIndex);
	const { config } = await vitecConfig(this, itemIndex);
	const params: SoapParam[] = [companySelector(config, companyId)];
	if (type.reportPlan) {
		const reportPlan = Number(this.getNodeParameter('reportPlan', itemIndex, 0));
		if (!Number.isInteger(reportPlan) || reportPlan < 0 || reportPlan > 32767)
			throw fieldError(this, itemIndex, 'Report Plan', 'must be a whole number from 0 to 32767');
		params.push({ name: 'reportPlan', value: reportPlan });
	}
	const method = namedMethod(config, `getAll.${type.value}`, type.method);
	const result = await callVitec(this, type.contract, method, params, {
		...requestSettings(this, itemIndex),
		safeToRepeat: true,
	});
	return readRows(result);
};
