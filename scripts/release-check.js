#!/usr/bin/env node
/**
 * The publishing identity lives in one place, package.json (repository, author, homepage, bugs); this script
 * is how the workflows and `npm test` read it (docs/releasing.md).
 *   node scripts/release-check.js                      identity and package rules (run by npm test)
 *   node scripts/release-check.js <tag> <repository>   also: the tag is v<version> and package.json names the
 *                                                      repository the release workflow runs in (npm's
 *                                                      provenance is refused when they differ)
 * Prints one line per problem; exits 1 on any.
 */
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const [tag, repositoryUrl] = process.argv.slice(2);
const problems = [];

/** "git+https://github.com/o/r.git", "https://github.com/o/r" → "github.com/o/r" (lower case). */
function repoKey(url) {
	const match = /github\.com[/:]([^/]+)\/([^/#?]+?)(?:\.git)?(?:[/#?].*)?$/i.exec(
		String(url ?? ''),
	);
	return match ? `github.com/${match[1]}/${match[2]}`.toLowerCase() : undefined;
}

const repository = repoKey(
	typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url,
);
if (!repository)
	problems.push("package.json repository.url must be the package's GitHub repository");
if (repoKey(pkg.homepage) !== repository)
	problems.push('package.json homepage must point into repository.url');
if (repoKey(pkg.bugs?.url) !== repository)
	problems.push('package.json bugs.url must point into repository.url');
const author = typeof pkg.author === 'string' ? { name: pkg.author } : (pkg.author ?? {});
if (!author.name)
	problems.push(
		'package.json author.name is missing (n8n checks that npm and the repository agree)',
	);
if (!author.email) problems.push("package.json author.email is missing (n8n's lint requires it)");
const noreply = /^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/i.exec(author.email ?? '');
if (noreply && repository && repository.split('/')[1] !== noreply[1].toLowerCase()) {
	problems.push(
		`package.json author.email is the GitHub address of ${noreply[1]}, not of the repository's owner`,
	);
}
const identityText = JSON.stringify([
	pkg.author,
	pkg.repository,
	pkg.homepage,
	pkg.bugs,
	pkg.maintainers ?? null,
]);
if (/\.invalid\b|example\.(com|org)|TODO|CHANGEME/i.test(identityText)) {
	problems.push(
		'package.json identity holds a placeholder (.invalid, example.com, TODO): a published package.json must not',
	);
}
if (pkg.license !== 'MIT') problems.push('package.json license must be MIT (n8n verification)');
if (Object.keys(pkg.dependencies ?? {}).length)
	problems.push('package.json has runtime dependencies (n8n verification: none)');
if (!(pkg.keywords ?? []).includes('n8n-community-node-package'))
	problems.push('keyword n8n-community-node-package is missing');
if (!/^(@[^/]+\/)?n8n-nodes-/.test(pkg.name))
	problems.push('the package name must start with n8n-nodes-');
const changelog = fs.existsSync(path.join(root, 'CHANGELOG.md'))
	? fs.readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8')
	: '';
if (!new RegExp(`^## \\[${pkg.version.replace(/\./g, '\\.')}\\]`, 'm').test(changelog)) {
	problems.push(
		`CHANGELOG.md has no "## [${pkg.version}]" section for the version in package.json`,
	);
}

if (tag !== undefined && tag !== `v${pkg.version}`)
	problems.push(
		`tag ${tag} does not match package.json version ${pkg.version} (expected v${pkg.version})`,
	);
if (repositoryUrl !== undefined && repoKey(repositoryUrl) !== repository) {
	problems.push(
		`this workflow runs in ${repositoryUrl}, but package.json names ${repository}: provenance would be refused`,
	);
}

for (const problem of problems) console.log(problem);
console.log(
	`release identity: ${repository ?? '?'} by ${author.name ?? '?'}, version ${pkg.version}: ${problems.length} problems`,
);
process.exit(problems.length ? 1 : 0);
