import {
	backoffDelay,
	networkErrorCode,
	quoteStart,
	retryAfterMs,
	retryWait,
} from '../../nodes/common/http';
import { redactSecrets, secretValuesOf } from '../../nodes/common/redact';

describe('Retry-After', () => {
	it('reads seconds and HTTP dates', () => {
		expect(retryAfterMs('3')).toBe(3000);
		expect(retryAfterMs(['0.5'])).toBe(500);
		const now = Date.parse('2026-11-22T10:00:00Z');
		expect(retryAfterMs('Sun, 22 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
		expect(retryAfterMs('Sun, 22 Nov 2026 09:00:00 GMT', now)).toBe(0);
	});
	it('ignores what it cannot read', () => {
		expect(retryAfterMs(undefined)).toBeUndefined();
		expect(retryAfterMs('soon')).toBeUndefined();
	});
});

it('backoff grows exponentially, with jitter, and is capped', () => {
	const policy = { maxRetries: 5, baseDelayMs: 100, maxDelayMs: 1000 };
	for (let i = 0; i < 200; i++) {
		const first = backoffDelay(0, policy);
		const third = backoffDelay(2, policy);
		const late = backoffDelay(10, policy);
		expect(first).toBeGreaterThanOrEqual(50);
		expect(first).toBeLessThanOrEqual(100);
		expect(third).toBeGreaterThanOrEqual(200);
		expect(third).toBeLessThanOrEqual(400);
		expect(late).toBeLessThanOrEqual(1000);
	}
});

describe('connection failures', () => {
	it('finds an errno code through wrapped causes', () => {
		expect(networkErrorCode({ message: 'wrapped', cause: { code: 'ECONNRESET' } })).toBe(
			'ECONNRESET',
		);
		expect(networkErrorCode(Object.assign(new Error('x'), { code: 'ETIMEDOUT' }))).toBe(
			'ETIMEDOUT',
		);
	});
	it("recognises n8n-core's texts, which drop the code", () => {
		expect(
			networkErrorCode(
				new Error('The connection to the server was closed unexpectedly, perhaps it is offline.'),
			),
		).toBe('ECONNRESET');
		expect(
			networkErrorCode(new Error('The connection was aborted, perhaps the server is offline')),
		).toBe('ECONNABORTED');
		expect(
			networkErrorCode(new Error('The service refused the connection - perhaps it is offline')),
		).toBe('ECONNREFUSED');
	});
	it('is undefined for anything else (an HTTP error is not a connection failure)', () => {
		expect(networkErrorCode(new Error('Request failed with status code 400'))).toBeUndefined();
		expect(networkErrorCode(undefined)).toBeUndefined();
	});
});

it('quotes at most 200 characters of a body, on one line', () => {
	const quoted = quoteStart(`<html>\n<body>${'x'.repeat(500)}</body></html>`);
	expect(quoted.startsWith('<html> <body>xxx')).toBe(true);
	expect(quoted.length).toBe(201);
});

describe('redaction', () => {
	const secrets = secretValuesOf({
		login: 'jan@biuro.pl',
		password: 'Tajne-Haslo1',
		apiKeyFaktura: 'ABCDEF0123',
		baseUrl: 'https://x.pl',
		company: 'Firma',
	});
	it('covers secret fields and the Basic header built from login and password', () => {
		const basic = Buffer.from('jan@biuro.pl:Tajne-Haslo1').toString('base64');
		const text = redactSecrets(
			`Basic ${basic} pass=Tajne-Haslo1 key=ABCDEF0123 at https://x.pl for Firma`,
			secrets,
		);
		expect(text).toBe('Basic *** pass=*** key=*** at https://x.pl for Firma');
	});
	it('ignores empty and very short values (they would blank out ordinary text)', () => {
		expect(secretValuesOf({ password: '', token: 'ab' })).toEqual([]);
	});
});

describe('which HTTP errors are sent again (retryWait)', () => {
	const policy = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 1000 };
	const read = { safeToRepeat: true };
	it('retries 429/502/503/504 of a request safe to repeat, with backoff or the Retry-After it was given', () => {
		for (const status of [429, 502, 503, 504]) {
			const wait = retryWait(status, undefined, read, 0, policy);
			expect(wait).toBeGreaterThanOrEqual(50);
			expect(wait).toBeLessThanOrEqual(100);
			expect(retryWait(status, '0.3', read, 0, policy)).toBe(300);
		}
	});
	it('never retries a create, other statuses, past maxRetries, or a Retry-After longer than maxDelayMs', () => {
		expect(retryWait(503, '0', { safeToRepeat: false }, 0, policy)).toBeUndefined();
		expect(retryWait(500, undefined, read, 0, policy)).toBeUndefined();
		expect(retryWait(400, '0', read, 0, policy)).toBeUndefined();
		expect(retryWait(503, undefined, read, 3, policy)).toBeUndefined();
		expect(retryWait(429, '2', read, 0, policy)).toBeUndefined();
	});
	it('a 429 without Retry-After: backoff for a per-minute limit (default), no retry for a lasting quota', () => {
		expect(
			retryWait(429, undefined, { safeToRepeat: true, tooManyRequests: 'backoff' }, 1, policy),
		).toBeGreaterThanOrEqual(100);
		expect(
			retryWait(429, undefined, { safeToRepeat: true, tooManyRequests: 'quota' }, 0, policy),
		).toBeUndefined();
		// A quota API that names the wait is believed.
		expect(retryWait(429, '0', { safeToRepeat: true, tooManyRequests: 'quota' }, 0, policy)).toBe(
			0,
		);
		// Only 429 is a quota answer: a 503 of the same API is still retried.
		expect(
			retryWait(503, undefined, { safeToRepeat: true, tooManyRequests: 'quota' }, 0, policy),
		).toBeGreaterThan(0);
	});
});
