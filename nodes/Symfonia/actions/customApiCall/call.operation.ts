import type { IDataObject, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parseJsonValue } from '../../../common/json';
import type { OperationExecute } from '../../../common/router';
import { fieldError, fixedCollectionRows, readString } from '../../../common/validate';
import { symfoniaRequest } from '../../transport';

// OPTIONS lists the fields a Filter accepts (e.g. OPTIONS /api/FKContractors/Filter).
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

const properties: INodeProperties[] = [
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		options: METHODS.map((method) => ({ name: method, value: method })),
		default: 'GET',
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		required: true,
		default: '',
		placeholder: '/api/Warehouses',
		description:
			'Path of the WebAPI endpoint, with or without /api in front (see the Swagger page of your instance, /swagger/ui/index)',
	},
	{
		displayName: 'Query Parameters',
		name: 'query',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Parameter',
		options: [
			{
				displayName: 'Parameter',
				name: 'pair',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Body (JSON)',
		name: 'body',
		type: 'json',
		default: '',
		displayOptions: { show: { method: ['POST', 'PUT', 'PATCH', 'DELETE'] } },
		description: 'JSON object or list to send',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customApiCall'], operation: ['call'] } },
	properties,
);

/** Any endpoint, on the managed session. Only GET is retried automatically. */
export const execute: OperationExecute = async function (this, itemIndex) {
	const method = this.getNodeParameter('method', itemIndex) as (typeof METHODS)[number];
	if (!METHODS.includes(method))
		throw fieldError(this, itemIndex, 'Method', `must be one of ${METHODS.join(', ')}`);
	const rawPath = readString(this, 'path', itemIndex, 'Path', { required: true });
	if (/^[a-z]+:\/\//i.test(rawPath) || rawPath.includes('..')) {
		throw fieldError(
			this,
			itemIndex,
			'Path',
			'must be a path such as /api/Warehouses, not a full URL (the base URL comes from the credential)',
		);
	}
	const path = `/${rawPath.replace(/^\/+/, '').replace(/^api\//i, '')}`;
	const qs: IDataObject = {};
	for (const parameter of fixedCollectionRows(
		this.getNodeParameter('query', itemIndex, {}),
		'pair',
	)) {
		const name = String(parameter.name ?? '').trim();
		if (!name) throw fieldError(this, itemIndex, 'Query Parameters', 'each parameter needs a name');
		qs[name] = String(parameter.value ?? '');
	}
	let body: IDataObject | IDataObject[] | undefined;
	if (method !== 'GET' && method !== 'OPTIONS') {
		body = parseJsonValue(
			this,
			this.getNodeParameter('body', itemIndex, '') as unknown,
			itemIndex,
			'Body (JSON)',
			'objectOrList',
			{ api: 'Symfonia' },
		);
	}
	// n8n's request type leaves OPTIONS out; its HTTP client sends it as any other method.
	const answer = await symfoniaRequest.call(this, itemIndex, {
		method: method as IHttpRequestMethods,
		path,
		qs,
		body,
		safeToRepeat: method === 'GET' || method === 'OPTIONS',
	});
	if (answer === undefined) return { success: true };
	if (Array.isArray(answer))
		return answer.map((entry) =>
			entry && typeof entry === 'object' ? (entry as IDataObject) : { value: entry as string },
		);
	if (answer && typeof answer === 'object') return answer as IDataObject;
	return { value: answer as string };
};
