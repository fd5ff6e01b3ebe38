import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import {
	KEY_FIELDS,
	KEY_PURPOSES,
	authenticationHeader,
	isHexKey,
	keyNameForPath,
	relativePathOf,
} from '../nodes/IFirma/signing';

const WHERE_TO_GENERATE =
	'Generate it in iFirma: Login → Konfiguracja → Rozszerzenia i integracje → API, "wygeneruj" next to the key.';

function keyField(keyName: keyof typeof KEY_FIELDS, displayName: string): INodeProperties {
	return {
		displayName,
		name: KEY_FIELDS[keyName],
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: `The "${keyName}" API key (hex digits, e.g. EAB0D8ACF3308F3B), used for ${KEY_PURPOSES[keyName]}. Leave empty if you do not use those actions.`,
	};
}

export class IFirmaApi implements ICredentialType {
	name = 'iFirmaApi';

	displayName = 'iFirma API';

	icon: Icon = {
		light: 'file:../nodes/IFirma/ifirma.svg',
		dark: 'file:../nodes/IFirma/ifirma.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-accounting-erp/n8n-nodes-accounting-erp/blob/main/docs/ifirma.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Login',
			name: 'login',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'name@example.com',
			description:
				'Your iFirma login (usually your e-mail address), exactly as you sign in with it',
		},
		{
			displayName:
				'Keys are generated in iFirma under Login → Konfiguracja → Rozszerzenia i integracje → API. Fill in the keys for the actions you use.',
			name: 'keysNotice',
			type: 'notice',
			default: '',
		},
		keyField('faktura', 'Invoice Key (Faktura)'),
		keyField('rachunek', 'Bill Key (Rachunek)'),
		keyField('abonent', 'Subscriber Key (Abonent)'),
		keyField('wydatek', 'Expense Key (Wydatek)'),
		{
			displayName: 'Max Requests per Minute',
			name: 'requestsPerMinute',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 100 },
			default: 100,
			description:
				'The node spaces its requests so that no more than this many go to iFirma in any minute for this login (iFirma allows 100). The count is kept per n8n process: in queue mode with several workers using this login, divide 100 by the number of workers. 0 turns the spacing off.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://www.ifirma.pl/iapi',
			description: 'The iFirma API address. Change it only to use a test server or the sandbox.',
		},
	];

	/**
	 * Signs every request (docs/api/ifirma.md §2): the key follows the endpoint, the message is the URL without its
	 * query + login + key name + the body string exactly as it is sent.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const baseUrl = String(credentials.baseUrl ?? '').replace(/\/+$/, '');
		const url = requestOptions.baseURL
			? `${requestOptions.baseURL.replace(/\/+$/, '')}/${requestOptions.url.replace(/^\/+/, '')}`
			: requestOptions.url;
		const keyName = keyNameForPath(relativePathOf(url, baseUrl));
		const key = String(credentials[KEY_FIELDS[keyName]] ?? '').trim();
		if (!key) {
			throw new Error(
				`The iFirma credential has no "${keyName}" key, which ${KEY_PURPOSES[keyName]} need. ${WHERE_TO_GENERATE}`,
			);
		}
		if (!isHexKey(key)) {
			throw new Error(
				`The "${keyName}" key in the iFirma credential must be hex digits (0-9, A-F) as iFirma shows it.`,
			);
		}
		const method = String(requestOptions.method ?? 'GET').toUpperCase();
		let body = '';
		if (typeof requestOptions.body === 'string') body = requestOptions.body;
		else if (requestOptions.body !== undefined && requestOptions.body !== null)
			body = JSON.stringify(requestOptions.body);
		// A read sends no body (n8n's request builder may attach an empty object): signed as "".
		const bodyless = (method === 'GET' || method === 'HEAD') && (body === '' || body === '{}');
		if (bodyless) body = '';
		const login = String(credentials.login ?? '').trim();
		return {
			...requestOptions,
			url,
			baseURL: undefined,
			// What is signed is what is sent: an object body is replaced by the very string that was signed.
			body: bodyless ? undefined : body === '' ? requestOptions.body : body,
			headers: {
				...requestOptions.headers,
				Authentication: authenticationHeader(login, keyName, key, url, body),
			},
		};
	}

	// The "abonent" limit when that key is set (cheap, creates nothing), else a one-row invoice list.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '={{$credentials.abonentKey ? "/abonent/limit.json" : "/faktury.json"}}',
			qs: { dataOd: '2000-01-01', iloscNaStronie: 1 },
			method: 'GET',
			// iFirma's Kod 102 is a missing content type, reads included (docs/api/ifirma.md §1).
			headers: { Accept: 'application/json', 'Content-Type': 'application/json; charset=UTF-8' },
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'response.Kod',
					value: 400,
					message: 'iFirma did not accept the Authentication header (Kod 400)',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'response.Kod',
					value: 401,
					message:
						'iFirma does not know this login (Kod 401): use the login you sign in to iFirma with',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'response.Kod',
					value: 402,
					message: `The key used for the test (abonent if filled in, else faktura) has not been generated in iFirma (Kod 402). ${WHERE_TO_GENERATE}`,
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'response.Kod',
					value: 403,
					message:
						'iFirma rejected the signature (Kod 403): the key used for the test (abonent if filled in, else faktura) is wrong. Copy it again, or regenerate it ("przegeneruj") in iFirma.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'response.Kod',
					value: 499,
					message:
						'The iFirma terms must be accepted first (Kod 499): sign in to ifirma.pl and accept them',
				},
			},
		],
	};
}
