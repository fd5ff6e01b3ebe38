/**
 * The kind on Symfonia's errors (common/errors.ts), read from the error the node run ends with: what code that
 * decides (look up, retry, skip) may rely on, whatever the wording of the message.
 */
import { errorKindOf } from '../../nodes/common/errors';
import { SymfoniaEmulator } from '../emulators/symfonia';
import { runNode } from '../harness';

let emulator: SymfoniaEmulator;

beforeEach(async () => {
	emulator = new SymfoniaEmulator({ processingMs: 1 });
	await emulator.start();
});
afterEach(async () => emulator.stop());

function run(parameters: Record<string, unknown>) {
	const credentials = {
		symfoniaApi: {
			baseUrl: emulator.baseUrl,
			applicationToken: emulator.applicationToken,
			deviceName: 'n8n-test',
			companyLabel: 'test',
			ignoreSslIssues: false,
			sessionWaitSeconds: 0,
		},
	};
	return runNode({ type: 'symfonia', parameters }, [{}], credentials);
}

const createContractor = {
	resource: 'contractor',
	operation: 'create',
	code: 'K-KIND',
	name: 'Firma',
};

it('a record that does not exist is notFound; a route this WebAPI does not have is rejectedByApi, not notFound', async () => {
	const missing = await run({
		resource: 'contractor',
		operation: 'get',
		findBy: 'code',
		value: 'NO-SUCH',
	});
	expect(missing.error?.httpCode).toBe('404');
	expect(errorKindOf(missing.error)).toBe('notFound');
	const noRoute = await run({
		resource: 'customApiCall',
		operation: 'call',
		method: 'GET',
		path: 'api/NoSuchController',
	});
	expect(noRoute.error?.httpCode).toBe('404');
	expect(errorKindOf(noRoute.error)).toBe('rejectedByApi');
});

it('a session refused again right after a new one was opened is sessionExpired', async () => {
	emulator.onRequest = (request) => {
		if (!/Sessions\//.test(request.path)) emulator.expireAllSessions();
	};
	const { error } = await run({ resource: 'dictionary', operation: 'get', dictionary: 'vatRates' });
	expect(errorKindOf(error)).toBe('sessionExpired');
});

it.each([
	['a 500 on a create', 'serverError', { kind: 'status', status: 500, body: '{"Message":"Błąd"}' }],
	['a connection reset on a create', 'answerLost', { kind: 'reset' }],
	[
		'a 400 on a create',
		'rejectedByApi',
		{ kind: 'status', status: 400, body: '{"Message":"Nieprawidłowe dane"}' },
	],
] as const)('%s is %s', async (_name, kind, fault) => {
	emulator.injectFault(fault as never, { pathPattern: /Contractors\/Create$/ });
	const { error } = await run(createContractor);
	expect(errorKindOf(error)).toBe(kind);
});
