import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { properties } from './actions/description';
import { router } from './actions/router';
import { methods } from './methods';

export class VitecEkonomi implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Vitec Ekonomi',
		name: 'vitecEkonomi',
		icon: { light: 'file:vitec.svg', dark: 'file:vitec.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Read and acknowledge Vitec Ekonomi revisions, list companies and load master data',
		defaults: { name: 'Vitec Ekonomi' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'vitecEkonomiApi', required: true, testedBy: 'vitecEkonomiApiTest' }],
		properties,
	};

	methods = methods;

	async execute(this: IExecuteFunctions) {
		return await router.call(this);
	}
}
