/**
 * The editor's dropdowns (methods.loadOptions) against the emulator: each one opens a short session,
 * reads its dictionary and closes the session again. The n8n context is a small stand-in whose
 * httpRequestWithAuthentication applies the real credential's `authenticate` and sends over real HTTP.
 */
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { SymfoniaApi } from '../../credentials/SymfoniaApi.credentials';
import { loadOptions } from '../../nodes/Symfonia/methods/loadOptions';
import { SymfoniaEmulator } from '../emulators/symfonia';

let emulator: SymfoniaEmulator;

beforeEach(async () => {
	emulator = new SymfoniaEmulator({ maxSessions: 1 });
	await emulator.start();
});
afterEach(async () => emulator.stop());

function context(parameters: IDataObject = {}) {
	const credentials = {
		baseUrl: emulator.baseUrl,
		applicationToken: emulator.applicationToken,
		deviceName: 'n8n-editor',
		ignoreSslIssues: false,
		sessionWaitSeconds: 0,
	};
	const credentialType = new SymfoniaApi();
	return {
		getNode: () => ({
			id: 'n',
			name: 'Symfonia',
			type: 'n8n-nodes-accounting-erp.symfonia',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		}),
		getCredentials: async () => credentials,
		getCurrentNodeParameter: (name: string) => parameters[name],
		logger: { warn: () => undefined, debug: () => undefined },
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				const authed = await credentialType.authenticate(credentials, options);
				const url = new URL(authed.url, authed.baseURL);
				for (const [key, value] of Object.entries(authed.qs ?? {}))
					url.searchParams.set(key, String(value));
				const response = await fetch(url, {
					method: authed.method,
					headers: authed.headers as Record<string, string>,
					body: authed.body as string | undefined,
				});
				return {
					statusCode: response.status,
					headers: Object.fromEntries(response.headers),
					body: await response.text(),
				};
			},
		},
	};
}

it.each([
	[
		'getVatRates',
		[
			'0 — Zero',
			'23 — Stawka podstawowa',
			'5 — Stawka obniżona',
			'8 — Stawka obniżona',
			'zw — Zwolniona',
		],
		['0', '23', '5', '8', 'zw'],
	],
	['getPaymentForms', ['Gotówka', 'Przelew 14 dni'], [1, 3]],
	['getCurrencies', ['EUR — euro', 'PLN — złoty polski'], ['EUR', 'PLN']],
	['getPaymentRegistries', ['BANK — Rachunek bankowy', 'KASA — Kasa główna'], ['BANK', 'KASA']],
	['getSalesDocumentTypes', ['FVS — Faktura VAT sprzedaży', 'PAR — Paragon'], ['FVS', 'PAR']],
	['getPurchaseDocumentTypes', ['FVZ — Faktura VAT zakupu'], ['FVZ']],
	['getFkVatRegisters', ['Sprzedaż krajowa', 'Zakup krajowy'], [4, 3]],
	['getFkVatRates', ['23', '8', 'zw'], ['23', '8', 'zw']],
] as const)('%s lists the dictionary and closes its session', async (method, names, values) => {
	const options = await (
		loadOptions as Record<
			string,
			(this: unknown) => Promise<Array<{ name: string; value: unknown }>>
		>
	)[method].call(context());
	expect(options.map((option) => option.name)).toEqual(names);
	expect(options.map((option) => option.value)).toEqual(values);
	expect(emulator.openedSessions).toBe(1);
	expect(emulator.liveSessions()).toHaveLength(0);
	expect(emulator.requestsTo(/OpenNewSession/)[0].headers.authorization).toBe(
		`Application ${emulator.applicationToken}`,
	);
});

it('fiscal years and the FK document types of the chosen year', async () => {
	const years = await loadOptions.getFkYears.call(context() as never);
	// Every fiscal year from one GET /api/FKYears without a date.
	expect(years.map((year) => year.value)).toEqual([11, 12]);
	const yearRequests = emulator.requestsTo(/FKYears/);
	expect(yearRequests).toHaveLength(1);
	expect(yearRequests[0].query.get('date')).toBeNull();
	const types = await loadOptions.getFkDocumentTypes.call(context({ yearId: 12 }) as never);
	expect(types.map((type) => type.value)).toEqual(['FS', 'FZ', 'PK']);
	expect(
		emulator.requestsTo(/FKDocuments\/DocumentTypes/).map((request) => request.query.get('yearId')),
	).toEqual(['12']);
	expect(emulator.liveSessions()).toHaveLength(0);
});

it('FK document features of the chosen year, as a dropdown', async () => {
	const features = await loadOptions.getFkDocumentFeatures.call(context({ yearId: 12 }) as never);
	expect(features.map((feature) => [feature.name, feature.value])).toEqual([
		['Do wyjaśnienia', 7],
		['Import z Integratora', 3],
	]);
	expect(emulator.requestsTo(/DocumentFeatures/)[0].query.get('yearId')).toBe('12');
	expect(emulator.liveSessions()).toHaveLength(0);
});

it('a full session slot gives the limit error in the dropdown too', async () => {
	await fetch(`${emulator.baseUrl}/api/Sessions/OpenNewSession?deviceName=other`, {
		headers: { Authorization: `Application ${emulator.applicationToken}` },
	});
	await expect(loadOptions.getVatRates.call(context() as never)).rejects.toThrow(
		'the limit of concurrent sessions for this user is reached',
	);
});
