/**
 * The machine-readable kind on every error that common/http.ts builds: code that decides (look a lost import
 * up, stop a batch when the quota is spent) reads the kind, so these are the facts it relies on.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import {
	apiError,
	errorKindOf,
	mayHaveBeenApplied,
	parseJsonBody,
	sendRequest,
	type ApiRequest,
} from '../../nodes/common/http';

const node = {
	id: '1',
	name: 'Node',
	type: 'test',
	typeVersion: 1,
	position: [0, 0] as [number, number],
	parameters: {},
};

/** A context whose one HTTP call answers `answer` (a response) or throws it (an Error). */
function contextAnswering(
	answer: { statusCode: number; body?: string; headers?: Record<string, string> } | Error,
): IExecuteFunctions {
	return {
		getNode: () => node,
		getCredentials: async () => ({ password: 'secret-value' }),
		helpers: {
			httpRequestWithAuthentication: async () => {
				if (answer instanceof Error) throw answer;
				return { headers: {}, body: '', ...answer };
			},
		},
	} as unknown as IExecuteFunctions;
}

async function failureOf(
	answer: Parameters<typeof contextAnswering>[0],
	request: Partial<ApiRequest> = {},
): Promise<unknown> {
	try {
		await sendRequest.call(
			contextAnswering(answer),
			'testApi',
			{ method: 'POST', url: 'https://api.invalid/x', safeToRepeat: false, ...request },
			{ retry: { maxRetries: 0 } },
		);
	} catch (error) {
		return error;
	}
	throw new Error('the request did not fail');
}

describe('error kinds set by sendRequest', () => {
	it.each([
		[401, 'credentialRefused'],
		[403, 'credentialRefused'],
		[404, 'notFound'],
		[400, 'rejectedByApi'],
		[422, 'rejectedByApi'],
		[429, 'rateLimited'],
		[500, 'serverError'],
		[503, 'serverError'],
	])('HTTP %i → %s', async (status, kind) => {
		const error = await failureOf({ statusCode: status, body: '{}' });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(errorKindOf(error)).toBe(kind);
	});

	it('a 429 of an API whose 429 is a lasting quota is quotaSpent', async () => {
		expect(errorKindOf(await failureOf({ statusCode: 429 }, { tooManyRequests: 'quota' }))).toBe(
			'quotaSpent',
		);
	});

	it.each([
		['ECONNRESET', 'answerLost'],
		['EPIPE', 'answerLost'],
		['ETIMEDOUT', 'timedOut'],
		['ECONNABORTED', 'timedOut'],
		['ECONNREFUSED', 'notApplied'],
		['EAI_AGAIN', 'notApplied'],
	])('connection failure %s → %s', async (code, kind) => {
		const error = await failureOf(Object.assign(new Error('failed'), { code }));
		expect(errorKindOf(error)).toBe(kind);
	});

	it('a connection failure it cannot name is taken as a lost answer (the look-up is the safe side)', async () => {
		expect(errorKindOf(await failureOf(new Error('something odd')))).toBe('answerLost');
	});
});

describe('mayHaveBeenApplied', () => {
	const make = (kind: Parameters<typeof apiError>[1]['kind'], httpCode?: string) =>
		apiError(node, { message: 'm', httpCode, kind }, []);
	it('is true for lost answers, timeouts, server errors and an unreadable success', () => {
		for (const kind of ['answerLost', 'timedOut', 'serverError'] as const)
			expect(mayHaveBeenApplied(make(kind))).toBe(true);
		expect(mayHaveBeenApplied(make('unreadableAnswer', '200'))).toBe(true);
	});
	it('is false where the API answered that it did not apply the request, or never got it', () => {
		for (const kind of [
			'notApplied',
			'rejectedByApi',
			'notFound',
			'credentialRefused',
			'quotaSpent',
			'rateLimited',
		] as const) {
			expect(mayHaveBeenApplied(make(kind))).toBe(false);
		}
		expect(mayHaveBeenApplied(new Error('plain'))).toBe(false);
		expect(mayHaveBeenApplied(undefined)).toBe(false);
	});
	it('an empty or non-JSON body of a success is unreadableAnswer', () => {
		for (const body of ['', '<html>']) {
			let caught: unknown;
			try {
				parseJsonBody(node, { statusCode: 200, headers: {}, body });
			} catch (error) {
				caught = error;
			}
			expect(errorKindOf(caught)).toBe('unreadableAnswer');
			expect(mayHaveBeenApplied(caught)).toBe(true);
		}
	});
	it('the kind does not depend on the message: the same failure reworded keeps its kind', () => {
		const error = make('timedOut');
		error.message = 'something else entirely';
		expect(errorKindOf(error)).toBe('timedOut');
	});
	it('an HTTP code without a kind gives the kind of the status', () => {
		expect(errorKindOf(apiError(node, { message: 'm', httpCode: '404' }, []))).toBe('notFound');
		expect(errorKindOf(apiError(node, { message: 'm' }, []))).toBeUndefined();
	});
});
