import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { properties } from './actions/description';
import { router } from './actions/router';
import { symfoniaApiTest } from './methods/credentialTest';
import { loadOptions } from './methods/loadOptions';

export class Symfonia implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Symfonia',
		name: 'symfonia',
		icon: { light: 'file:symfonia.svg', dark: 'file:symfonia.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Contractors, sales and purchase documents (Handel) and posted accounting documents (FK) in Symfonia ERP through its WebAPI',
		defaults: { name: 'Symfonia' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'symfoniaApi', required: true, testedBy: 'symfoniaApiTest' }],
		properties,
	};

	methods = { loadOptions, credentialTest: { symfoniaApiTest } };

	async execute(this: IExecuteFunctions) {
		return await router.call(this);
	}
}
