import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

export class FirminoApi implements ICredentialType {
	name = 'firminoApi';

	displayName = 'Firmino API';

	icon: Icon = {
		light: 'file:../nodes/Firmino/firmino.svg',
		dark: 'file:../nodes/Firmino/firmino.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-accounting-erp/n8n-nodes-accounting-erp/blob/main/docs/firmino.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Login',
			name: 'login',
			type: 'string',
			default: '',
			required: true,
			description: 'The login you sign in to Firmino with',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://app.firmino.pl/app/services/rest/api/recurring-documents',
			description:
				'The recurring-documents endpoint of the Firmino API. Change it only to use a test server or the sandbox.',
		},
	];

	// Firmino uses HTTP Basic with the user's own login and password (docs/api/firmino.md "Endpoint and auth").
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: {
				username: '={{$credentials.login}}',
				password: '={{$credentials.password}}',
			},
		},
	};

	// `find` with one row really checks the login: a wrong one gets 401 or `success: false`.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/find',
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: { page: 1, size: 1 },
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'success',
					value: false,
					message: 'Firmino did not accept the login and password',
				},
			},
		],
	};
}
