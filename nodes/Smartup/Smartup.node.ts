import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { properties } from './actions/description';
import { router } from './actions/router';

export class Smartup implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Smartup',
		name: 'smartup',
		icon: { light: 'file:smartup.svg', dark: 'file:smartup.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Move orders, goods, clients, payments and stock documents in and out of Smartup ERP',
		defaults: { name: 'Smartup' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'smartupApi', required: true }],
		properties,
	};

	async execute(this: IExecuteFunctions) {
		return await router.call(this);
	}
}
