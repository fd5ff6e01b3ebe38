import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

/**
 * Symfonia WebAPI: one credential per WebAPI instance, i.e. per company database (docs/api/symfonia.md §1).
 *
 * The application token is exchanged for a session by the node (nodes/Symfonia/session.ts: one session per
 * execution, closed at its end). This credential only adds `Authorization: Application <token>` to requests
 * that carry no Authorization header yet (the session opening) and skips TLS checks when asked to.
 * The "Test" button is the node's `symfoniaApiTest` (Ping, open, SessionInformation, close), because a
 * single test request could not close the session it opens and would hold a session slot for an hour.
 */
export class SymfoniaApi implements ICredentialType {
	name = 'symfoniaApi';

	displayName = 'Symfonia WebAPI API';

	icon: Icon = {
		light: 'file:../nodes/Symfonia/symfonia.svg',
		dark: 'file:../nodes/Symfonia/symfonia.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-accounting-erp/n8n-nodes-accounting-erp/blob/main/docs/symfonia.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'http://127.0.0.1:9200',
			required: true,
			placeholder: 'http://127.0.0.1:9200',
			description:
				'Prefix, Address and Port from the WebAPI tab of the WebAPI configurator (Konfigurator WebAPI), e.g. http://192.168.1.10:9200. Without /api at the end.',
		},
		{
			displayName: 'Application Token',
			name: 'applicationToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'D9ADD26A-23AF-4BF4-8F1A-8B5731C0E1F2',
			description:
				'The GUID shown as "Token autoryzacji WebAPI" under the user in the Handel / FK tab of the WebAPI configurator',
		},
		{
			displayName: 'Device Name',
			name: 'deviceName',
			type: 'string',
			default: 'n8n',
			description:
				'Any name; Symfonia shows it in the session information (deviceName), so you can tell n8n sessions from others',
		},
		{
			displayName: 'Company / Database Label',
			name: 'companyLabel',
			type: 'string',
			default: '',
			placeholder: 'testsymfonia',
			description:
				'For your own clarity only (not sent): which company database this WebAPI instance serves. One WebAPI instance serves one company, so use one credential per company.',
		},
		{
			displayName: 'Wait for a Free Session (Seconds)',
			name: 'sessionWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 3600 },
			default: 60,
			description:
				'When every session slot of this WebAPI user ("Liczba instancji") is taken — by other n8n executions, queue-mode workers or other programs — how long a node waits for one to free up before it fails. 0 fails at once.',
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'ignoreSslIssues',
			type: 'boolean',
			default: false,
			description:
				'Whether to connect even if the https certificate cannot be verified (on-premise WebAPI servers often use self-signed certificates)',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const headers = { ...(requestOptions.headers ?? {}) } as Record<string, string>;
		if (!Object.keys(headers).some((name) => name.toLowerCase() === 'authorization')) {
			const token = String(credentials.applicationToken ?? '')
				.trim()
				.replace(/^\{(.*)\}$/, '$1');
			headers.Authorization = `Application ${token}`;
		}
		return {
			...requestOptions,
			headers,
			skipSslCertificateValidation: credentials.ignoreSslIssues === true,
		};
	}
}
