/**
 * Decisions read an error's kind, never its wording. Every scenario runs twice against the emulator: once as
 * the node words its errors, once with every message and description of every API error reversed (the one
 * place our API errors are worded, common/http.ts apiError, passes both through redactSecrets; it is
 * replaced here by one that also reverses the text). Whether an import is looked up after a failure, whether
 * the next batches are sent, which items succeed, and which outcome an item gets must be the same both times.
 */
import { SmartupEmulator } from '../emulators/smartup';
import { runNode } from '../harness';

// The only module of dist/ this test reaches into, on purpose: the one place the wording of API errors passes
// through. It changes wording, reads no state of the node.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const redact = require('../../dist/nodes/common/redact.js') as {
	redactSecrets: (text: string, secrets: string[]) => string;
};
const wordedAsWritten = redact.redactSecrets;
const reverse = (text: string) => [...text].reverse().join('');

jest.setTimeout(60_000);

let emulator: SmartupEmulator;
beforeEach(async () => {
	emulator = new SmartupEmulator();
	await emulator.start();
});
afterEach(async () => {
	redact.redactSecrets = wordedAsWritten;
	await emulator.stop();
});

async function createOrders(ids: string[], options: Record<string, unknown> = {}) {
	const credentials = {
		smartupApi: {
			baseUrl: emulator.baseUrl,
			authType: 'basic',
			login: emulator.login,
			password: emulator.password,
			projectCode: 'trade',
			filialId: '',
			accessToken: '',
		},
	};
	const parameters = {
		resource: 'order',
		operation: 'createOrUpdate',
		externalId: '={{ $json.id }}',
		documentFields: JSON.stringify({
			deal_time: '2026-03-20 10:00:00',
			delivery_date: '2026-03-21',
			status: 'B#N',
			person_code: 'C-77',
			room_code: 'R1',
		}),
		lines: '[{ "product_code": "P-10", "order_quant": 1 }]',
		...options,
	};
	return await runNode(
		{ type: 'smartup', parameters, onError: 'continueRegularOutput' },
		ids.map((id) => ({ id })) as never,
		credentials,
	);
}

/** What the node decided, without any wording: the requests it sent and each item's outcome. */
function decisions(result: Awaited<ReturnType<typeof createOrders>>) {
	return {
		requests: emulator.requests.map((request) => request.path.replace(/^.*\/(\w+\$\w+)$/, '$1')),
		items: result.items.map((item) => ({
			success: item.json.success === true,
			verified: item.json.verified === true,
			failed: item.json.error !== undefined,
		})),
	};
}

type Scenario = [string, () => void, string[], Record<string, unknown>?];

const scenarios: Scenario[] = [
	[
		'HTTP 500 after the orders landed: looked up, found, not resent',
		() =>
			emulator.injectFault(
				{ kind: 'status', status: 500, body: 'ORA-00001' },
				{ pathPattern: /order\$import$/, processFirst: true },
			),
		['a', 'b'],
	],
	[
		'connection reset before anything landed: looked up, not found',
		() => emulator.injectFault({ kind: 'reset' }, { pathPattern: /order\$import$/ }),
		['a'],
	],
	[
		'a 200 cut in half: looked up, found',
		() => emulator.injectFault({ kind: 'truncated' }, { pathPattern: /order\$import$/ }),
		['a'],
	],
	[
		'an HTML page with 200 instead of the answer: looked up',
		() => emulator.injectFault({ kind: 'html' }, { pathPattern: /order\$import$/ }),
		['a'],
	],
	[
		'no answer within the timeout: looked up, still processing',
		() => emulator.injectFault({ kind: 'delay', ms: 2500 }, { pathPattern: /order\$import$/ }),
		['a'],
		{ requestOptions: { timeoutSeconds: 1 } },
	],
	[
		'HTTP 400 (refused): not looked up',
		() =>
			emulator.injectFault(
				{ kind: 'status', status: 400, body: '{"error_code":"X","message":"bad"}' },
				{ pathPattern: /order\$import$/ },
			),
		['a'],
	],
	[
		'the quota spent after the first batch: the rest not sent',
		() => (emulator.settings.quotaLimits.frequent = 1),
		['q1', 'q2', 'q3', 'q4', 'q5'],
		{ options: { batchSize: 2 } },
	],
];

describe.each(scenarios)('%s', (_name, inject, ids, options) => {
	it('decides the same when every message is reworded', async () => {
		inject();
		const first = await createOrders(ids, options);
		const asWritten = decisions(first);
		expect(asWritten.requests.length).toBeGreaterThan(0);

		await emulator.stop();
		emulator = new SmartupEmulator();
		await emulator.start();
		redact.redactSecrets = (text, secrets) => reverse(wordedAsWritten(text, secrets));
		inject();
		const reworded = await createOrders(ids, options);
		// The rewording reached the output: no error reads as it did.
		reworded.items.forEach((item, index) => {
			if (item.json.error !== undefined)
				expect(item.json.error).not.toEqual(first.items[index].json.error);
		});
		expect(decisions(reworded)).toEqual(asWritten);
	});
});

it('the outcome of a timeout (still processing) and of a lost answer (unknown: exports hide some order statuses) stays apart when reworded', async () => {
	redact.redactSecrets = (text, secrets) => reverse(wordedAsWritten(text, secrets));
	emulator.injectFault({ kind: 'delay', ms: 2500 }, { pathPattern: /order\$import$/ });
	const timedOut = await createOrders(['t1'], { requestOptions: { timeoutSeconds: 1 } });
	expect(reverse(String(timedOut.items[0].json.error))).toMatch(
		/^Smartup did not answer the order import of "t1" in time/,
	);
	emulator.injectFault({ kind: 'reset' }, { pathPattern: /order\$import$/ });
	const lost = await createOrders(['r1']);
	expect(reverse(String(lost.items[0].json.error))).toMatch(
		/^The answer to the order import of "r1" was lost and it is not among the orders/,
	);
});
