/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console, @n8n/community-nodes/no-dangerous-functions --
   A developer/CI script, never shipped: it installs a browser, starts servers and writes image files. */
/**
 * Editor screenshots and the browser check. Starts the sandbox n8n with this package, opens the editor in
 * headless Chromium (Debian's package, driven by playwright-core) and, for every node of the package:
 *   - searches it in the nodes panel and checks it is listed with its own icon;
 *   - opens it on a canvas and captures its parameter panel;
 * and for every credential type opens its form, checks that the fields are shown, and captures it.
 *
 *   npm run screenshots          writes docs/images/*.png (committed, used by the guides)
 *   node ... screenshots --check  the same checks, images to a temporary folder (run by npm test)
 *
 * Where Chromium cannot be installed, it says so and skips (exit 0).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';

import { freePort, ROOT } from '../test/e2e/n8n';
import { workflowIdFor } from '../test/e2e/workflows';
import { bootSandboxN8n, OWNER } from './sandbox';

const PACKAGE = 'n8n-nodes-accounting-erp';
const check = process.argv.includes('--check');
const imageDir = check
	? fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-erp-shots-'))
	: path.join(ROOT, 'docs', 'images');

interface NodeInfo {
	name: string;
	displayName: string;
	trigger: boolean;
}
interface CredentialInfo {
	name: string;
	displayName: string;
	fields: string[];
}

function packageContents(): { nodes: NodeInfo[]; credentials: CredentialInfo[] } {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const entry = require('../index.js') as {
		nodes: Record<
			string,
			new () => {
				description: { name: string; displayName: string; polling?: boolean; group: string[] };
			}
		>;
		credentials: Record<
			string,
			new () => {
				name: string;
				displayName: string;
				properties: Array<{ displayName: string; type: string; displayOptions?: unknown }>;
			}
		>;
	};
	return {
		nodes: Object.values(entry.nodes).map((NodeClass) => {
			const { description } = new NodeClass();
			return {
				name: description.name,
				displayName: description.displayName,
				trigger: !!description.polling || description.group.includes('trigger'),
			};
		}),
		credentials: Object.values(entry.credentials).map((CredentialClass) => {
			const credential = new CredentialClass();
			const fields = credential.properties
				.filter((p) => p.type !== 'hidden' && p.type !== 'notice' && !p.displayOptions)
				.map((p) => p.displayName);
			return { name: credential.name, displayName: credential.displayName, fields };
		}),
	};
}

function findChromium(): string | undefined {
	return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
		(file) => file && fs.existsSync(file),
	);
}

/** Debian's chromium, installed with apt-get when we are root and it is missing. */
function ensureChromium(): { path?: string; reason?: string } {
	const found = findChromium();
	if (found) return { path: found };
	if (process.getuid?.() !== 0)
		return { reason: 'Chromium is not installed and this user cannot install it (not root)' };
	try {
		const started = Date.now();
		console.log(
			"Installing Debian's chromium for the browser check (first run only, about a minute)...",
		);
		execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
		execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
			stdio: 'inherit',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		});
		console.log(`chromium installed in ${Math.round((Date.now() - started) / 1000)} s`);
	} catch (error) {
		return {
			reason: `apt-get could not install chromium: ${(error as Error).message.split('\n')[0]}`,
		};
	}
	const installed = findChromium();
	return installed ? { path: installed } : { reason: 'chromium was installed but not found' };
}

const results: Array<{ check: string; ok: boolean; detail?: string }> = [];
async function record(page: Page, name: string, run: () => Promise<void>) {
	try {
		await run();
		results.push({ check: name, ok: true });
	} catch (error) {
		const shot = path.join(imageDir, `failed-${results.length}.png`);
		await page.screenshot({ path: shot }).catch(() => undefined);
		results.push({
			check: name,
			ok: false,
			detail: `${(error as Error).message.split('\n')[0]} (screen: ${shot})`,
		});
	}
}

async function signIn(page: Page, base: string) {
	await page.goto(`${base}/signin`);
	await page.fill('input[name=emailOrLdapLoginId]', OWNER.email);
	await page.fill('input[name=password]', OWNER.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((url) => !url.pathname.includes('signin'), { timeout: 30_000 });
}

async function main() {
	const chromiumPath = ensureChromium();
	if (!chromiumPath.path) {
		console.log(`browser check: SKIPPED — ${chromiumPath.reason}`);
		return;
	}
	const version = execFileSync(chromiumPath.path, ['--version'], { encoding: 'utf8' }).trim();
	console.log(`browser check: using ${version} at ${chromiumPath.path}`);
	const { nodes, credentials } = packageContents();
	const workflows = nodes.map((node) => ({
		id: workflowIdFor(`screenshot:${node.name}`),
		workflow: {
			name: `Screenshot: ${node.displayName}`,
			nodes: [
				...(node.trigger
					? []
					: [
							{
								id: 'start',
								name: 'Start',
								type: 'n8n-nodes-base.manualTrigger',
								typeVersion: 1,
								position: [0, 0],
								parameters: {},
							},
						]),
				{
					id: 'node',
					name: node.displayName,
					type: `${PACKAGE}.${node.name}`,
					typeVersion: 1,
					position: [260, 0],
					parameters: {},
				},
			],
			connections: node.trigger
				? {}
				: { Start: { main: [[{ node: node.displayName, type: 'main', index: 0 }]] } },
			settings: {},
		},
	}));
	const sandbox = await bootSandboxN8n({ port: await freePort(), workflows });
	const browser = await chromium.launch({
		executablePath: chromiumPath.path,
		args: ['--no-sandbox'],
	});
	try {
		const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
		await signIn(page, sandbox.base);

		for (const node of nodes) {
			await record(
				page,
				`${node.displayName}: listed in the nodes panel search with its icon`,
				async () => {
					await page.goto(`${sandbox.base}/workflow/new`);
					await page.click('[data-test-id=node-creator-plus-button]', { timeout: 30_000 });
					await page.keyboard.type(node.displayName);
					// The panel lists triggers without their " Trigger" suffix.
					const listedAs = node.trigger
						? node.displayName.replace(/ Trigger$/, '')
						: node.displayName;
					const item = page
						.locator('[data-test-id=node-creator-item-name]')
						.filter({ hasText: listedAs })
						.first();
					await item.waitFor({ timeout: 15_000 });
					const icons = await page.$$eval('[data-test-id=node-creator] img', (images) =>
						images.map((image) => image.getAttribute('src') ?? ''),
					);
					if (!icons.some((src) => src.includes(`/icons/${PACKAGE}/`)))
						throw new Error(`no icon of the package among ${icons.join(', ') || 'no images'}`);
					await page.screenshot({ path: path.join(imageDir, `${node.name}-search.png`) });
				},
			);
			await record(page, `${node.displayName}: parameter panel opens`, async () => {
				await page.goto(`${sandbox.base}/workflow/${workflowIdFor(`screenshot:${node.name}`)}`);
				await page.dblclick(`[data-test-id=canvas-node][data-node-name="${node.displayName}"]`, {
					timeout: 30_000,
				});
				await page.waitForSelector('[data-test-id=ndv] [data-test-id=node-parameters]', {
					timeout: 15_000,
				});
				await page.waitForTimeout(500);
				await page.screenshot({ path: path.join(imageDir, `${node.name}.png`) });
			});
		}

		for (const credential of credentials) {
			const sandboxCredential = sandbox.sandboxes.credentials.find(
				(c) => c.type === credential.name,
			);
			if (!sandboxCredential) {
				results.push({
					check: `${credential.displayName}: form`,
					ok: false,
					detail: 'no sandbox credential of this type',
				});
				continue;
			}
			await record(page, `${credential.displayName}: form shows its fields`, async () => {
				await page.goto(`${sandbox.base}/home/credentials`);
				await page.click(`text=${sandboxCredential.name}`, { timeout: 30_000 });
				await page.waitForSelector('[data-test-id=credential-edit-dialog]', { timeout: 15_000 });
				await page.waitForTimeout(1000);
				const labels = await page.$$eval(
					'[data-test-id=credential-edit-dialog] label',
					(elements) => elements.map((e) => e.textContent ?? ''),
				);
				const missing = credential.fields.filter(
					(field) => !labels.some((label) => label.includes(field)),
				);
				if (missing.length) throw new Error(`fields not shown: ${missing.join(', ')}`);
				await page.screenshot({ path: path.join(imageDir, `${credential.name}-credential.png`) });
				await page.keyboard.press('Escape');
			});
		}
	} finally {
		await browser.close();
		await sandbox.stop();
	}

	for (const result of results)
		console.log(
			`${result.ok ? 'ok  ' : 'FAIL'} ${result.check}${result.detail ? ` — ${result.detail}` : ''}`,
		);
	const failed = results.filter((result) => !result.ok).length;
	console.log(`images in ${imageDir}`);
	console.log(`browser check: ${results.length - failed} passed, ${failed} failed`);
	process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
