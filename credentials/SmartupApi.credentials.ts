import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

/** The base URL without a trailing slash; a path prefix such as `/xtrade` is kept. */
function baseOf(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.baseUrl ?? 'https://smartup.online')
		.trim()
		.replace(/\/+$/, '');
}

export class SmartupApi implements ICredentialType {
	name = 'smartupApi';

	displayName = 'Smartup API';

	icon: Icon = {
		light: 'file:../nodes/Smartup/smartup.svg',
		dark: 'file:../nodes/Smartup/smartup.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-accounting-erp/n8n-nodes-accounting-erp/blob/main/docs/smartup.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://smartup.online',
			description:
				'Address of the Smartup server. Installations with a path prefix are allowed, e.g. https://app3.greenwhite.uz/xtrade.',
		},
		{
			displayName: 'Authentication',
			name: 'authType',
			type: 'options',
			options: [
				{ name: 'Login and Password (Basic)', value: 'basic' },
				{ name: 'OAuth2 Client Credentials', value: 'oauth2' },
			],
			default: 'basic',
		},
		{
			displayName: 'Login',
			name: 'login',
			type: 'string',
			default: '',
			placeholder: 'admin@mycompany',
			description: 'The Smartup login written as user@company_code',
			displayOptions: { show: { authType: ['basic'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authType: ['basic'] } },
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			displayOptions: { show: { authType: ['oauth2'] } },
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authType: ['oauth2'] } },
		},
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: '',
			placeholder: 'https://smartup.online/security/oauth/token',
			description: 'Leave empty to use {Base URL}/security/oauth/token',
			displayOptions: { show: { authType: ['oauth2'] } },
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: 'read',
			displayOptions: { show: { authType: ['oauth2'] } },
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Project Code',
			name: 'projectCode',
			type: 'string',
			default: 'trade',
			description:
				'Sent as the project_code header. Almost always "trade". A wrong value makes Smartup answer 401 "Требуется авторизация".',
		},
		{
			displayName: 'Organization ID (Filial_id)',
			name: 'filialId',
			type: 'string',
			default: '',
			placeholder: '86401',
			description:
				'Optional numeric organization ID sent as the filial_id header. The head organization ("Администрирование") lets each request choose an organization by its code; a single organization pins every request to itself. Leave empty to use the account\'s default scope.',
		},
	];

	/**
	 * OAuth2 client credentials: the token is fetched here and kept in the expirable `accessToken` field,
	 * so n8n stores it and asks for a new one when it is empty or expired (the node's transport asks again
	 * after a 401). Basic needs no token.
	 */
	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		if (credentials.authType !== 'oauth2') return {};
		const tokenUrl =
			String(credentials.tokenUrl ?? '').trim() || `${baseOf(credentials)}/security/oauth/token`;
		const answer = (await this.helpers.httpRequest({
			method: 'POST',
			url: tokenUrl,
			headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
			body: {
				grant_type: 'client_credentials',
				client_id: credentials.clientId,
				client_secret: credentials.clientSecret,
				scope: String(credentials.scope ?? '') || 'read',
			},
			json: true,
		})) as IDataObject | string;
		const token = typeof answer === 'object' && answer ? answer.access_token : undefined;
		if (typeof token !== 'string' || !token) {
			throw new Error(
				'The Smartup token URL answered without an access_token: check the client ID, secret and token URL',
			);
		}
		return { accessToken: token };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const headers: IDataObject = { ...(requestOptions.headers ?? {}) };
		// A request may set these itself (the node does so only to find out which setting Smartup refuses).
		const projectCode = String(credentials.projectCode ?? '').trim();
		if (projectCode && headers.project_code === undefined) headers.project_code = projectCode;
		const filialId = String(credentials.filialId ?? '').trim();
		if (filialId && headers.filial_id === undefined) headers.filial_id = filialId;
		if (credentials.authType === 'oauth2') {
			headers.Authorization = `Bearer ${String(credentials.accessToken ?? '')}`;
			return { ...requestOptions, headers };
		}
		return {
			...requestOptions,
			headers,
			auth: {
				username: String(credentials.login ?? ''),
				password: String(credentials.password ?? ''),
			},
		};
	}

	// The workspaces export is the cheapest reference call (docs/api/smartup.md §8.8). A 401 can mean the login, the
	// project code or the organization ID: the message names all three.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/b/anor/mxsx/mrf/room$export',
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: {},
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error_code',
					value: 'A02-24-070',
					message:
						'The organization has no integration code: set one in Smartup or use another Organization ID',
				},
			},
		],
	};
}
