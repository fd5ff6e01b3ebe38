import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { properties } from './actions/description';
import { router } from './actions/router';

export class FirminoRecurringInvoices implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Firmino Recurring Invoices',
		name: 'firminoRecurringInvoices',
		icon: { light: 'file:firmino.svg', dark: 'file:firmino.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create and manage recurring (cyclic) invoices in Firmino',
		defaults: { name: 'Firmino Recurring Invoices' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'firminoApi', required: true }],
		properties,
	};

	async execute(this: IExecuteFunctions) {
		return await router.call(this);
	}
}
