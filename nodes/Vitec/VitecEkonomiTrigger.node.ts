import type { INodeType, INodeTypeDescription, IPollFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { methods } from './methods';
import { pollRevisions, triggerProperties } from './trigger/poll';

export class VitecEkonomiTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Vitec Ekonomi Trigger',
		name: 'vitecEkonomiTrigger',
		icon: { light: 'file:vitec.svg', dark: 'file:vitec.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"Integration-ID " + $parameter["integrationId"]}}',
		description: 'Starts the workflow for every new, changed or deleted row in Vitec Ekonomi (Prenumeration revisions), with nothing lost',
		defaults: { name: 'Vitec Ekonomi Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'vitecEkonomiApi', required: true, testedBy: 'vitecEkonomiApiTest' }],
		properties: triggerProperties,
	};

	methods = methods;

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollRevisions.call(this);
	}
}
