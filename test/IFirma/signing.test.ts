/**
 * iFirma signing against the published test vectors (docs/api/ifirma.md §2.4): the FAQ's hex-key example, the
 * pnowosie/ifirma-api and drogus/ifirma-api vectors, and vectors with Polish characters; and the
 * credential's `authenticate` choosing the key by endpoint and signing exactly the body it sends.
 */
import { createHmac } from 'node:crypto';

import fc from 'fast-check';
import type { IHttpRequestOptions } from 'n8n-workflow';

import { IFirmaApi } from '../../credentials/IFirmaApi.credentials';
import * as signing from '../../nodes/IFirma/signing';

const LOGIN = 'jan.nowak@ifirma.pl';
/** The published test vectors' key (pnowosie/ifirma-api), not a real one. */
const VECTOR_HEX = 'EAB0D8ACF3308F3B';
const BASE = 'https://www.ifirma.pl/iapi';
const BILL_HEX = ['A1B2C3D4', 'E5F60718'].join('');

describe('HMAC vectors', () => {
	it('FAQ: the key is the hex-decoded bytes, not the ASCII of the hex', () => {
		expect(signing.ifirmaHmac('111111', '222222')).toBe('cec153ee6350475f117a307111e2bd7d83034925');
		// The FAQ's "wrong usage" result is what ASCII key bytes give; ours must differ from it.
		expect(createHmac('sha1', '111111').update('222222').digest('hex')).toBe(
			'1558ab6c5ab2b0d1cd129b9ad11527cf33486705',
		);
		expect(signing.ifirmaHmac('111111', '222222')).not.toBe(
			'1558ab6c5ab2b0d1cd129b9ad11527cf33486705',
		);
	});

	it.each([
		[
			'GET list, query not signed',
			`${BASE}/faktury.json?dataOd=2020-01-01&strona=2`,
			'',
			'081dec7098dbed6aab839e76501a964aa5b9386a',
		],
		[
			'GET invoice 1337',
			`${BASE}/fakturakraj/1337.json`,
			'',
			'40600699c8f72e4165b11f98c4cb93253a3cc7dc',
		],
		[
			'GET PDF (suffix signed)',
			`${BASE}/fakturakraj/1337.pdf.single`,
			'',
			'e87ba74ecc88097841fe48d16040aa9675c6cb9a',
		],
		[
			'POST e-mail, \\u-escaped body',
			`${BASE}/fakturakraj/send/0.json`,
			'{"Tekst": "W zalaczeniu przesylam fakturke\\n\\nUszanowania,\\nJan Nowak", "SkrzynkaEmail": "faktury@ifirma.pl", "SzablonEmail": "Domy\\u015blny ifirma.pl", "SkrzynkaEmailOdbiorcy": "jan.nowak@ifirma.pl"}',
			'491bd26d7f487fb822007899183cf1a29de02f7a',
		],
	])('pnowosie: %s', (_name, url, body, hmac) => {
		expect(signing.authenticationHeader(LOGIN, 'faktura', VECTOR_HEX, url, body)).toBe(
			`IAPIS user=${LOGIN}, hmac-sha1=${hmac}`,
		);
	});

	it('drogus spec vector', () => {
		expect(
			signing.authenticationHeader(
				'drogus',
				'faktura',
				'AABB',
				'https://www.ifirma.pl/iapi/foo',
				'',
			),
		).toBe('IAPIS user=drogus, hmac-sha1=450a7b2125964c117cc411b8940517a4317ceee9');
	});

	it.each([
		['abonent', `${BASE}/abonent/limit.json`, '', '0aa973b2148da65a9bdf33fd3501512f8484eb0e'],
		[
			'abonent',
			`${BASE}/abonent/miesiacksiegowy.json`,
			'',
			'b52e486a2d99a010739f326214a1aed7b7fd3fb8',
		],
		[
			'abonent',
			`${BASE}/abonent/miesiacksiegowy.json`,
			'{"MiesiacKsiegowy":"NAST","PrzeniesDaneZPoprzedniegoRoku":false}',
			'6468f8bb6c2272bc4cc0db8e2d299f197f802149',
		],
		[
			'faktura',
			`${BASE}/kontrahenci.json`,
			'{"Nazwa":"Test","KodPocztowy":"00-001","Miejscowosc":"Warszawa"}',
			'd2579904b0936436ebad39a104fdd2ccb1ebaa20',
		],
		[
			'faktura',
			`${BASE}/kontrahenci.json`,
			'{"Nazwa":"Zażółć"}',
			'c2b90138ec4a36bb4fc625785f3a303dcd9f54ca',
		],
		[
			'faktura',
			`${BASE}/kontrahenci.json`,
			'{"Nazwa":"Za\\u017c\\u00f3\\u0142\\u0107"}',
			'cacd5bf1b3e0d85b6549d591b0dfaf9f5e73c061',
		],
	] as const)('derived vector: %s %s %s', (keyName, url, body, hmac) => {
		expect(signing.ifirmaHmac(VECTOR_HEX, url + LOGIN + keyName + body)).toBe(hmac);
	});
});

describe('key per endpoint (docs/api/ifirma.md §2.1)', () => {
	it.each([
		['fakturakraj.json', 'faktura'],
		['faktury/wplaty/prz_rachunek_kraj/1_2026.json', 'faktura'],
		['kontrahenci/id/X.json', 'faktura'],
		['slownik/stawki_vat/DE.json', 'faktura'],
		['rachunekkraj.json', 'rachunek'],
		['rachunekkraj/send/5.json', 'rachunek'],
		['abonent/limit.json', 'abonent'],
		['zakuptowaruvat.json', 'wydatek'],
		['kosztdzialalnoscivat.json', 'wydatek'],
		['kosztdzialalnosci.json', 'wydatek'],
		['oplatatelefon.json', 'wydatek'],
	])('%s → %s', (path, key) => {
		expect(signing.keyNameForPath(path)).toBe(key);
	});
});

describe('credential authenticate', () => {
	const credential = new IFirmaApi();
	const credentials = {
		login: LOGIN,
		fakturaKey: VECTOR_HEX,
		rachunekKey: BILL_HEX,
		abonentKey: '',
		wydatekKey: 'zz',
		baseUrl: `${BASE}/`,
	};

	it('signs the exact body string with Polish characters and leaves it unchanged', async () => {
		const body = '{"Nazwa":"Zażółć"}';
		const out = await credential.authenticate(credentials, {
			url: `${BASE}/kontrahenci.json`,
			method: 'POST',
			body,
		} as IHttpRequestOptions);
		expect(out.body).toBe(body);
		expect(out.headers?.Authentication).toBe(
			`IAPIS user=${LOGIN}, hmac-sha1=c2b90138ec4a36bb4fc625785f3a303dcd9f54ca`,
		);
	});

	it('serialises an object body once and sends the string it signed (the credential test path)', async () => {
		const out = await credential.authenticate(credentials, {
			baseURL: BASE,
			url: '/kontrahenci.json',
			method: 'POST',
			body: { Nazwa: 'Zażółć' },
		} as IHttpRequestOptions);
		expect(out.url).toBe(`${BASE}/kontrahenci.json`);
		expect(out.body).toBe('{"Nazwa":"Zażółć"}');
		expect(out.headers?.Authentication).toContain('c2b90138ec4a36bb4fc625785f3a303dcd9f54ca');
	});

	it('a GET signs an empty body even when n8n attaches an empty object, and sends none', async () => {
		const out = await credential.authenticate(credentials, {
			url: `${BASE}/faktury.json`,
			method: 'GET',
			body: {},
		} as IHttpRequestOptions);
		expect(out.body).toBeUndefined();
		expect(out.headers?.Authentication).toContain('081dec7098dbed6aab839e76501a964aa5b9386a');
	});

	it('uses the rachunek key for bills and ignores the query string', async () => {
		const url = `${BASE}/rachunekkraj/7.json`;
		const out = await credential.authenticate(credentials, {
			url: `${url}?x=1`,
			method: 'GET',
		} as IHttpRequestOptions);
		const expected = createHmac('sha1', Buffer.from(BILL_HEX, 'hex'))
			.update(`${url}${LOGIN}rachunek`)
			.digest('hex');
		expect(out.headers?.Authentication).toBe(`IAPIS user=${LOGIN}, hmac-sha1=${expected}`);
	});

	it('names the missing key and where to generate it', async () => {
		await expect(
			credential.authenticate(credentials, {
				url: `${BASE}/abonent/limit.json`,
				method: 'GET',
			} as IHttpRequestOptions),
		).rejects.toThrow(/no "abonent" key.*Rozszerzenia i integracje → API/);
	});

	it('refuses a key that is not hex', async () => {
		await expect(
			credential.authenticate(credentials, {
				url: `${BASE}/zakuptowaruvat.json`,
				method: 'POST',
				body: '{}',
			} as IHttpRequestOptions),
		).rejects.toThrow(/"wydatek" key .* must be hex digits/);
	});

	it('tests with the abonent limit when that key is set, else a one-row invoice list', () => {
		expect(credential.test.request.url).toContain(
			'abonentKey ? "/abonent/limit.json" : "/faktury.json"',
		);
		expect(credential.test.request.qs).toEqual({ dataOd: '2000-01-01', iloscNaStronie: 1 });
		// A GET with the JSON content type, as every working client sends it (Kod 102 otherwise, docs/api/ifirma.md §1).
		expect(credential.test.request.headers).toMatchObject({
			'Content-Type': 'application/json; charset=UTF-8',
		});
		expect(
			credential.test.rules?.map((rule) => (rule.properties as { value: number }).value),
		).toEqual([400, 401, 402, 403, 499]);
	});
});

describe('properties (fast-check)', () => {
	const credential = new IFirmaApi();
	const credentials = {
		login: LOGIN,
		fakturaKey: VECTOR_HEX,
		rachunekKey: BILL_HEX,
		abonentKey: '',
		wydatekKey: '',
		baseUrl: BASE,
	};
	const verify = (url: string, keyHex: string, keyName: string, body: string, header: unknown) =>
		String(header) ===
		`IAPIS user=${LOGIN}, hmac-sha1=${createHmac('sha1', Buffer.from(keyHex, 'hex'))
			.update(url + LOGIN + keyName + body, 'utf8')
			.digest('hex')}`;

	it('whatever the body (any JSON, any Unicode), what is sent is what was signed, and it parses back to the object', async () => {
		await fc.assert(
			fc.asyncProperty(fc.jsonValue(), async (value) => {
				const object = { Dane: value, Nazwa: 'Zażółć gęślą jaźń' };
				const out = await credential.authenticate(credentials, {
					url: `${BASE}/kontrahenci.json`,
					method: 'POST',
					body: object,
				} as IHttpRequestOptions);
				expect(typeof out.body).toBe('string');
				expect(JSON.parse(out.body as string)).toEqual(JSON.parse(JSON.stringify(object)));
				expect(
					verify(
						`${BASE}/kontrahenci.json`,
						VECTOR_HEX,
						'faktura',
						out.body as string,
						out.headers?.Authentication,
					),
				).toBe(true);
			}),
			{ numRuns: 200 },
		);
	});

	it('the query string never changes the signature', async () => {
		await fc.assert(
			fc.asyncProperty(fc.dictionary(fc.string({ minLength: 1 }), fc.string()), async (query) => {
				const qs = new URLSearchParams(query).toString();
				const plain = await credential.authenticate(credentials, {
					url: `${BASE}/rachunekkraj/1.json`,
					method: 'GET',
				} as IHttpRequestOptions);
				const withQuery = await credential.authenticate(credentials, {
					url: `${BASE}/rachunekkraj/1.json?${qs}`,
					method: 'GET',
				} as IHttpRequestOptions);
				expect(withQuery.headers?.Authentication).toBe(plain.headers?.Authentication);
				expect(
					verify(
						`${BASE}/rachunekkraj/1.json`,
						BILL_HEX,
						'rachunek',
						'',
						plain.headers?.Authentication,
					),
				).toBe(true);
			}),
			{ numRuns: 100 },
		);
	});
});
