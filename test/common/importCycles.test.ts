/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions --
   Test code that runs scripts/check-import-cycles.js on small packages written to a temporary folder. Never shipped. */
/** scripts/check-import-cycles.js (a step of npm test) on small packages written for the test. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const script = path.resolve(__dirname, '../../scripts/check-import-cycles.js');

function check(files: Record<string, string>) {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cycles-'));
	for (const [name, text] of Object.entries(files)) {
		fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
		fs.writeFileSync(path.join(root, name), text);
	}
	const result = spawnSync(process.execPath, [script, root], { encoding: 'utf8' });
	return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

it('finds a cycle through a folder index and names its files', () => {
	const result = check({
		'nodes/A/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
		'nodes/A/b.ts': "import { c } from './sub';\nexport const b = c;\n",
		'nodes/A/sub/index.ts': "import { a } from '../a';\nexport const c = a;\n",
	});
	expect(result.status).toBe(1);
	expect(result.output).toContain(
		'import cycle: nodes/A/a.ts → nodes/A/b.ts → nodes/A/sub/index.ts → nodes/A/a.ts',
	);
});

it('type-only imports and comments are no cycle', () => {
	const result = check({
		'nodes/A/a.ts':
			"import type { B } from './b';\nimport { type C } from './c';\n// import { b } from './b';\nexport const a = 1;\n",
		'nodes/A/b.ts': "import { a } from './a';\nexport type B = typeof a;\n",
		'nodes/A/c.ts': "import { a } from './a';\nexport type C = typeof a;\n",
	});
	expect(result).toEqual({ status: 0, output: 'import cycles: none (3 files)\n' });
});
