import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { properties } from './actions/description';
import { router } from './actions/router';

export class IFirma implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'iFirma',
		name: 'iFirma',
		icon: { light: 'file:ifirma.svg', dark: 'file:ifirma.dark.svg' },
		group: ['output'],
		// 1.1: Set Accounting Month carries data over into a new year by default, as iFirma's own module does.
		version: [1, 1.1],
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Issue and read invoices, proformas, bills, expenses and contractors in iFirma.pl',
		defaults: { name: 'iFirma' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'iFirmaApi', required: true }],
		properties,
	};

	async execute(this: IExecuteFunctions) {
		return await router.call(this);
	}
}
