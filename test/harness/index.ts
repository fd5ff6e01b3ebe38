/**
 * Runs a workflow in-process through n8n-core's real engine (WorkflowExecute), with the package's
 * compiled nodes and credentials (from `dist/`, through `index.js`) and test credentials, as n8n's own node tests
 * run a workflow. Parameters, expressions, pairedItem, continueOnFail, credential `authenticate`
 * and `preAuthentication` all go through the same code as in n8n. n8n publishes no harness of its own.
 */
import { mock } from 'jest-mock-extended';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, Workflow, createDeferredPromise } from 'n8n-workflow';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const packageEntry = require('../../index.js') as {
	nodes: Record<string, new () => INodeType>;
	credentials: Record<string, new () => ICredentialType>;
};

export const PACKAGE = 'n8n-nodes-accounting-erp';

/** A start node for test workflows: emits the items given in its `items` parameter (JSON). */
class ItemsSource implements INodeType {
	description = {
		displayName: 'Items',
		name: 'items',
		group: ['trigger'],
		version: 1,
		description: 'test input',
		defaults: { name: 'Items' },
		inputs: [],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	} as unknown as INodeType['description'];

	async execute(this: import('n8n-workflow').IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string | IDataObject[];
		const items = (typeof raw === 'string' ? JSON.parse(raw) : raw) as IDataObject[];
		return [items.map((json) => ({ json }))];
	}
}

function loadNodeTypes(): Record<string, INodeType> {
	const types: Record<string, INodeType> = { 'test.items': new ItemsSource() };
	for (const NodeClass of Object.values(packageEntry.nodes)) {
		const node = new NodeClass();
		types[`${PACKAGE}.${node.description.name}`] = node;
	}
	return types;
}

function loadCredentialTypes(): Record<string, ICredentialType> {
	const types: Record<string, ICredentialType> = {};
	for (const CredentialClass of Object.values(packageEntry.credentials)) {
		const credential = new CredentialClass();
		types[credential.name] = credential;
	}
	return types;
}

const nodeTypeMap = loadNodeTypes();
export const credentialTypes = loadCredentialTypes();

const nodeTypes: INodeTypes = {
	getByName: (type) => nodeTypeMap[type],
	getByNameAndVersion: (type) => {
		const node = nodeTypeMap[type];
		if (!node) throw new Error(`Unknown node type in test: ${type}`);
		return node;
	},
	getKnownTypes: () => ({}),
} as INodeTypes;

/** Resolves the `={{$credentials.x}}` expressions a generic `authenticate` uses. */
function resolveCredentialExpression(
	value: unknown,
	credentials: ICredentialDataDecryptedObject,
): unknown {
	if (typeof value !== 'string' || !value.startsWith('=')) return value;
	return value
		.slice(1)
		.replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_, key: string) =>
			String(credentials[key] ?? ''),
		);
}

/** The credentials store of one test run; `preAuthentication` results are saved into it as n8n does. */
class TestCredentialsHelper extends ICredentialsHelper {
	readonly preAuthenticationCalls: string[] = [];

	constructor(readonly store: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const type = credentialTypes[typeName];
		const authenticate = type?.authenticate;
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		const { properties } = authenticate;
		const options = { ...requestOptions } as IHttpRequestOptions & IDataObject;
		for (const key of ['headers', 'qs', 'body'] as const) {
			const extra = properties[key] as IDataObject | undefined;
			if (!extra) continue;
			const resolved = Object.fromEntries(
				Object.entries(extra).map(([k, v]) => [k, resolveCredentialExpression(v, credentials)]),
			);
			options[key] = { ...((options[key] as IDataObject) ?? {}), ...resolved };
		}
		if (properties.auth) {
			options.auth = {
				username: String(resolveCredentialExpression(properties.auth.username, credentials)),
				password: String(resolveCredentialExpression(properties.auth.password, credentials)),
			};
		}
		return options;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = credentialTypes[typeName];
		if (!type?.preAuthentication) return undefined;
		const expirable = type.properties.find((property) => property.typeOptions?.expirable === true);
		if (!expirable) return undefined;
		if (
			credentials[expirable.name] !== '' &&
			credentials[expirable.name] !== undefined &&
			!credentialsExpired
		)
			return undefined;
		this.preAuthenticationCalls.push(typeName);
		const output = await type.preAuthentication.call(helpers, credentials);
		this.store[typeName] = { ...credentials, ...output };
		return this.store[typeName];
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used by the harness');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_details: unknown,
		type: string,
	) {
		const credentials = this.store[type];
		if (!credentials) throw new Error(`The test gave no credentials of type ${type}`);
		return { ...credentials };
	}

	async updateCredentials(_details: unknown, type: string, data: ICredentialDataDecryptedObject) {
		this.store[type] = data;
	}

	async updateCredentialsOauthTokenData(
		_details: unknown,
		type: string,
		data: ICredentialDataDecryptedObject,
	) {
		this.store[type] = data;
	}

	getCredentialsProperties(type: string) {
		return credentialTypes[type]?.properties ?? [];
	}
}

export interface NodeUnderTest {
	/** The node's `name` in its description (e.g. `firminoRecurringInvoices`). */
	type: string;
	parameters: IDataObject;
	/** `continueRegularOutput` = Continue On Fail. */
	onError?: INode['onError'];
	name?: string;
	/** The node version the workflow was saved with (default 1). */
	typeVersion?: number;
}

export interface RunResult {
	/** The node's output items (first output), or [] when it failed. */
	items: INodeExecutionData[];
	/** The execution's error, if the node failed without Continue On Fail. */
	error?: Error & {
		description?: string;
		httpCode?: string;
		context?: IDataObject;
		itemIndex?: number;
	};
	run: IRun;
	credentialsHelper: TestCredentialsHelper;
}

/**
 * Runs `Items → node` once, the input items being `items`, with `credentials` as the credential store
 * (keyed by credential type name).
 */
export async function runNode(
	node: NodeUnderTest,
	items: IDataObject[],
	credentials: Record<string, ICredentialDataDecryptedObject>,
	mode: WorkflowExecuteMode = 'manual',
): Promise<RunResult> {
	const name = node.name ?? 'Node under test';
	const nodeType = nodeTypeMap[`${PACKAGE}.${node.type}`];
	if (!nodeType) throw new Error(`No node named ${node.type} in the package`);
	const credentialRefs = Object.fromEntries(
		(nodeType.description.credentials ?? [])
			.filter((credential) => credentials[credential.name])
			.map((credential) => [
				credential.name,
				{ id: `${credential.name}-id`, name: `${credential.name} (test)` },
			]),
	);
	const nodes: INode[] = [
		{
			id: 'items',
			name: 'Items',
			type: 'test.items',
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: JSON.stringify(items) },
		},
		{
			id: 'under-test',
			name,
			type: `${PACKAGE}.${node.type}`,
			typeVersion: node.typeVersion ?? 1,
			position: [200, 0],
			parameters: node.parameters,
			credentials: credentialRefs,
			onError: node.onError,
		},
	];
	// Fill in defaults the way the editor saves them.
	for (const workflowNode of nodes) {
		const description = nodeTypeMap[workflowNode.type].description;
		workflowNode.parameters =
			NodeHelpers.getNodeParameters(
				description.properties,
				workflowNode.parameters,
				true,
				false,
				workflowNode,
				description,
			) ?? workflowNode.parameters;
	}
	const connections = { Items: { main: [[{ node: name, type: 'main' as const, index: 0 }]] } };
	const workflow = new Workflow({
		id: 'test',
		name: 'test',
		nodes,
		connections,
		active: false,
		nodeTypes,
		staticData: {},
	});

	const credentialsHelper = new TestCredentialsHelper({ ...credentials });
	const hooks = new ExecutionLifecycleHooks(mode, 'test-execution', {
		id: 'test',
		name: 'test',
		nodes,
		connections,
		active: false,
	} as never);
	const done = createDeferredPromise<IRun>();
	hooks.addHandler('workflowExecuteAfter', (fullRunData) => done.resolve(fullRunData));
	const additionalData = mock<IWorkflowExecuteAdditionalData>({
		hooks,
		credentialsHelper,
		executionId: 'test-execution',
		restApiUrl: 'http://127.0.0.1:0/rest',
		webhookBaseUrl: 'http://127.0.0.1:0/webhook',
		webhookTestBaseUrl: 'http://127.0.0.1:0/webhook-test',
		webhookWaitingBaseUrl: 'http://127.0.0.1:0/webhook-waiting',
		formWaitingBaseUrl: 'http://127.0.0.1:0/form-waiting',
		instanceBaseUrl: 'http://127.0.0.1:0',
		variables: {},
		executionTimeoutTimestamp: undefined,
		userId: 'test-user',
	});

	const runExecutionData: IRunExecutionData = {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			nodeExecutionStack: [{ node: nodes[0], data: { main: [[{ json: {} }]] }, source: null }],
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	} as IRunExecutionData;
	const execute = new WorkflowExecute(additionalData, mode, runExecutionData);
	await execute.processRunExecutionData(workflow);
	const run = await done.promise;

	const taskData = run.data.resultData.runData[name]?.[0];
	const error = (run.data.resultData.error ?? taskData?.error) as RunResult['error'];
	return { items: taskData?.data?.main?.[0] ?? [], error, run, credentialsHelper };
}
