// End-to-end tests in a real n8n (see test/e2e/e2e.test.ts). Run by `npm run test:e2e` after a build.
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	// The Vitec crash test (vitec-crash.test.ts) runs apart, `npm run test:crash`: on the merged main it lost the
	// first batch when the kill fell between n8n saving the poll's static data and storing its execution (issue 13),
	// so it fails or passes by timing and cannot gate every run until that window is closed.
	testMatch: process.env.E2E_CRASH ? ['**/vitec-crash.test.ts'] : ['**/e2e.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
	setupFiles: ['<rootDir>/test/harness/setup-env.js'],
	testTimeout: 10 * 60_000,
};
