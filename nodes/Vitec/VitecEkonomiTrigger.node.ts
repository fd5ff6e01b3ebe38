import type {
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
	INodeExecutionData,
} from 'n8n-workflow';
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
		// The exact guarantee and the duplicates it allows: docs/vitec.md "Delivery guarantee".
		description:
			'Starts the workflow for every new, changed or deleted row in Vitec Ekonomi (Prenumeration revisions), at least once: confirmed to Vitec only after n8n stored the execution (or your Acknowledge step ran); after a crash a batch can come twice, so upsert on key',
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
