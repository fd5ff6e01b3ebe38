// End-to-end tests in a real n8n (see test/e2e/e2e.test.ts). Run by `npm run test:e2e` after a build.
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/e2e.test.ts', '**/vitec-crash.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
	setupFiles: ['<rootDir>/test/harness/setup-env.js'],
	testTimeout: 10 * 60_000,
};
