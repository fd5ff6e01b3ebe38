import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_RETRY_POLICY, DEFAULT_TIMEOUT_MS } from './http';

/** Shown on every action: how long to wait for the API and how often to retry requests that are safe to repeat. */
export const requestOptionsField: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10 },
			default: 3,
			description:
				'How many times a read (or an update keyed by ID) is retried after a timeout, a dropped connection, 429, 502, 503 or 504. Creates are never retried, so nothing is created twice.',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 600 },
			default: 60,
			description: 'How long to wait for an answer to each request',
		},
	],
};

export function readRequestOptions(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { retry: { maxRetries: number }; timeoutMs: number } {
	const options = ctx.getNodeParameter('requestOptions', itemIndex, {}) as {
		maxRetries?: number;
		timeoutSeconds?: number;
	};
	const maxRetries = Number(options.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries);
	const timeoutSeconds = Number(options.timeoutSeconds ?? DEFAULT_TIMEOUT_MS / 1000);
	return {
		retry: {
			maxRetries:
				Number.isInteger(maxRetries) && maxRetries >= 0
					? Math.min(maxRetries, 10)
					: DEFAULT_RETRY_POLICY.maxRetries,
		},
		timeoutMs:
			Number.isFinite(timeoutSeconds) && timeoutSeconds > 0
				? timeoutSeconds * 1000
				: DEFAULT_TIMEOUT_MS,
	};
}
