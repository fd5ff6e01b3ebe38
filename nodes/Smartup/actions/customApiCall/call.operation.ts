import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { fieldError, readString } from '../../../common/validate';
import { callSmartup } from '../../transport';
import { readJson } from '../fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		required: true,
		default: '',
		placeholder: '/b/anor/mxsx/mr/product_group$export',
		description:
			"The method's path after the base URL, $ included (every Smartup method is a POST)",
	},
	{
		displayName: 'Body',
		name: 'body',
		type: 'json',
		default: '{}',
		description: 'The JSON body sent as it is',
	},
	{
		displayName: 'Safe to Repeat',
		name: 'safeToRepeat',
		type: 'boolean',
		default: false,
		description:
			'Whether the call may be retried after a timeout or 502/503/504. Turn on only for reads ($export): an $import sent twice may create documents twice.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customApiCall'], operation: ['call'] } },
	properties,
);

/** Any method with the credential's auth and headers; the answer is returned as it is (errors[] included). */
export const execute: OperationExecute = async function (this, itemIndex) {
	const path = readString(this, 'path', itemIndex, 'Path', { required: true });
	if (!/^\/[\w/$:.+-]*$/.test(path) || path.includes('..')) {
		throw fieldError(
			this,
			itemIndex,
			'Path',
			'must start with / and be a path such as /b/anor/mxsx/mr/product_group$export (no host, no spaces)',
		);
	}
	const body = (readJson(this, 'body', itemIndex, 'Body', 'object') ?? {}) as IDataObject;
	const safeToRepeat = this.getNodeParameter('safeToRepeat', itemIndex, false) as boolean;
	return await callSmartup.call(this, {
		path,
		body,
		safeToRepeat,
		itemIndex,
		itemErrorsExpected: true,
	});
};
