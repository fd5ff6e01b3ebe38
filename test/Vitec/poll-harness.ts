/**
 * Runs the trigger's poll() the way n8n does for an active workflow (or "Fetch Test Event"): n8n-core's
 * real PollContext, the compiled node and credential from dist/ (through index.js), parameters filled with
 * their defaults like the editor saves them, requests sent over real HTTP through n8n-core's request
 * helpers with the credential's `authenticate`. Static data lives in `staticData`, which a test keeps
 * between polls (or throws away, to act as a restarted n8n that never saved it).
 * (test/harness runs execute() only; n8n publishes no poll harness.)
 */
import { mock } from 'jest-mock-extended';
import { PollContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, Workflow } from 'n8n-workflow';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const packageEntry = require('../../index.js') as {
	nodes: Record<string, new () => INodeType>;
	credentials: Record<string, new () => ICredentialType>;
};

export const trigger = new packageEntry.nodes.VitecEkonomiTrigger();
const credentialType = new packageEntry.credentials.VitecEkonomiApi();

class Credentials extends ICredentialsHelper {
	constructor(
		private readonly data: ICredentialDataDecryptedObject,
		/** Tests of timeouts: stands in for the trigger's fixed 60 s request timeout (test/reliability). */
		private readonly timeoutMs?: number,
	) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		_type: string,
		options: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const authenticated = await (
			credentialType.authenticate as (
				c: ICredentialDataDecryptedObject,
				o: IHttpRequestOptions,
			) => Promise<IHttpRequestOptions>
		)(credentials, options);
		return this.timeoutMs === undefined
			? authenticated
			: { ...authenticated, timeout: this.timeoutMs };
	}

	async preAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used');
	}

	async getDecrypted() {
		return { ...this.data };
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties() {
		return credentialType.properties;
	}
}

export interface PollResult {
	items: INodeExecutionData[];
	/** null when poll() returned null (nothing to emit). */
	returned: INodeExecutionData[][] | null;
	error?: Error & { description?: string; httpCode?: string };
	warnings: string[];
}

/** n8n-core's PollContext for the trigger with these parameters (also usable as a load-options context). */
export function pollContext(
	parameters: Record<string, unknown>,
	credentials: ICredentialDataDecryptedObject,
	options: {
		mode?: WorkflowExecuteMode;
		staticData?: Record<string, unknown>;
		requestTimeoutMs?: number;
		workflowId?: string;
	} = {},
) {
	const node: INode = {
		id: 'trigger',
		name: 'Vitec Ekonomi Trigger',
		type: 'n8n-nodes-accounting-erp.vitecEkonomiTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { vitecEkonomiApi: { id: 'cred', name: 'Vitec test' } },
	};
	const given = parameters as INodeParameters;
	node.parameters =
		NodeHelpers.getNodeParameters(
			trigger.description.properties,
			given,
			true,
			false,
			node,
			trigger.description,
		) ?? given;
	const nodeTypes = {
		getByName: () => trigger,
		getByNameAndVersion: () => trigger,
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({
		// Each "n8n process" of a crash test gets its own id: the overlap guard is per process (docs/vitec.md).
		id: options.workflowId ?? 'wf',
		name: 'poll test',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: nodeTypes as never,
		// A copy: what the poll changes reaches the caller only when n8n would save it.
		staticData: JSON.parse(JSON.stringify(options.staticData ?? {})) as IDataObject,
	});
	const warnings: string[] = [];
	const additionalData = mock<IWorkflowExecuteAdditionalData>({
		credentialsHelper: new Credentials(credentials, options.requestTimeoutMs),
		executionId: undefined,
		restApiUrl: 'http://127.0.0.1:0/rest',
		instanceBaseUrl: 'http://127.0.0.1:0',
		webhookBaseUrl: 'http://127.0.0.1:0/webhook',
		variables: {},
		userId: 'test-user',
	});
	const context = new PollContext(
		workflow,
		node,
		additionalData,
		options.mode ?? 'trigger',
		'activate',
	);
	Object.defineProperty(context, 'logger', {
		value: {
			warn: (message: string) => warnings.push(message),
			info: () => {},
			debug: () => {},
			error: () => {},
		},
	});
	return { context, workflow, warnings };
}

/** One poll of the trigger. `staticData` is the workflow's static data object (kept by the caller). */
export async function poll(
	parameters: Record<string, unknown>,
	credentials: ICredentialDataDecryptedObject,
	options: {
		mode?: WorkflowExecuteMode;
		staticData?: Record<string, unknown>;
		requestTimeoutMs?: number;
		workflowId?: string;
	} = {},
): Promise<PollResult> {
	return await pollAgain(pollContext(parameters, credentials, options), options);
}

/** One more poll with the same activation (n8n reuses one PollContext for every tick of an active workflow). */
export async function pollAgain(
	{ context, workflow, warnings }: ReturnType<typeof pollContext>,
	options: { mode?: WorkflowExecuteMode; staticData?: Record<string, unknown> } = {},
): Promise<PollResult> {
	const mode = options.mode ?? 'trigger';
	try {
		const returned = await trigger.poll!.call(context);
		// n8n saves static data only when a poll of an active workflow emits (n8n-core `activatePolling`: `__emit`
		// only for a non-null answer; the cli's emit saves static data). A poll returning null saves nothing.
		if (options.staticData && mode !== 'manual' && returned !== null) {
			for (const key of Object.keys(options.staticData)) delete options.staticData[key];
			Object.assign(
				options.staticData,
				JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject,
			);
		}
		return { items: returned?.[0] ?? [], returned, warnings };
	} catch (error) {
		return { items: [], returned: null, error: error as PollResult['error'], warnings };
	}
}

/** The trigger's methods (loadOptions, credentialTest), as n8n calls them. */
export const triggerMethods = (
	trigger as unknown as {
		methods: {
			loadOptions: Record<
				string,
				(this: unknown) => Promise<Array<{ name: string; value: unknown }>>
			>;
		};
	}
).methods;
