/**
 * What each system contributes to the end-to-end run in a real n8n: workflow files (n8n's own JSON,
 * started by a Manual Trigger, credentials referenced by the sandbox ids of test/emulators/index.ts) and a
 * check of each run's output. test/e2e/e2e.test.ts imports, runs with `n8n execute` and checks them all.
 */
import type { RunningSandboxes } from '../emulators';

/** The `n8n execute --rawOutput` result: n8n's IRun as JSON. */
export interface E2eRun {
	data: {
		resultData: {
			runData: Record<
				string,
				Array<{
					data?: {
						main?: Array<
							Array<{
								json: Record<string, unknown>;
								pairedItem?: unknown;
								binary?: Record<string, unknown>;
							}>
						>;
					};
					error?: { message: string; description?: string };
				}>
			>;
			error?: { message: string; description?: string; node?: { name: string } };
		};
	};
	/** False when n8n said "Execution was NOT successful". */
	finished?: boolean;
}

export interface E2eCase {
	/** Path from the repository root, e.g. `test/e2e/workflows/firmino-all-actions.json`. */
	file: string;
	/** Whether the run is expected to fail as a whole (an error without Continue On Fail). */
	expectFailure?: boolean;
	/** Runs before the workflow (e.g. seed the emulator). */
	prepare?: (sandboxes: RunningSandboxes) => void | Promise<void>;
	/** Throws (jest `expect`) when the run is not what it must be. */
	check: (run: E2eRun, sandboxes: RunningSandboxes) => void | Promise<void>;
}

/** The output items (first output, first run) of a node, by its name in the workflow. */
export function outputOf(run: E2eRun, nodeName: string) {
	const task = run.data.resultData.runData[nodeName]?.[0];
	if (!task)
		throw new Error(
			`Node "${nodeName}" did not run. Nodes that ran: ${Object.keys(run.data.resultData.runData).join(', ')}`,
		);
	return task.data?.main?.[0] ?? [];
}

/**
 * A workflow started by a trigger (polling or webhook): the runner starts `n8n start`, activates it, calls
 * `feed` (e.g. create revisions in the emulator, or return a webhook call to make), waits until
 * `executionsWanted` executions have finished (or 120 s), then hands their run data to `check`.
 */
export interface E2eServerCase {
	file: string;
	/** For webhook-started workflows: the path after /webhook/ and the JSON body to POST, once active. */
	webhook?: { path: string; body: unknown };
	feed?: (sandboxes: RunningSandboxes) => void | Promise<void>;
	executionsWanted: number;
	check: (runs: E2eRun[], sandboxes: RunningSandboxes) => void | Promise<void>;
}
