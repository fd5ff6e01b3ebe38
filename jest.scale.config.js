// Queue-mode scale-out test in a real n8n with Redis, PostgreSQL and two workers (test/scale). Run by
// `npm run test:scale` after a build.
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/scale'],
	testMatch: ['**/scale.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
	setupFiles: ['<rootDir>/test/harness/setup-env.js'],
	testTimeout: 15 * 60_000,
};
