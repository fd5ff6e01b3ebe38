/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions --
   Test code that starts Redis and PostgreSQL (child processes) for n8n's queue mode. Never shipped. */
/**
 * Private Redis and PostgreSQL instances for n8n's queue mode, from Debian's packages
 * (scripts/ensure-queue-services.sh installs them once per machine). Each listens on 127.0.0.1 only, on a free
 * port, with a throwaway data directory that is removed on stop.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { freePort, ROOT } from '../e2e/n8n';

export interface Service {
	port: number;
	stop: () => Promise<void>;
}

/** Paths of redis-server and PostgreSQL's bin directory, or the reason they are not available here. */
export function queueServices(): { redisServer: string; pgBin: string } | { missing: string } {
	try {
		const output = execFileSync('bash', [path.join(ROOT, 'scripts', 'ensure-queue-services.sh')], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const paths = Object.fromEntries(
			output
				.trim()
				.split('\n')
				.map((line) => line.split('=', 2) as [string, string]),
		);
		return { redisServer: paths.REDIS_SERVER, pgBin: paths.PG_BIN };
	} catch (error) {
		return { missing: String((error as { stderr?: string }).stderr ?? error).trim() };
	}
}

/** PostgreSQL refuses to run as root: as root, the server runs as Debian's `postgres` user. */
function asDatabaseUser(command: string, args: string[]): [string, string[]] {
	return process.getuid?.() === 0
		? ['runuser', ['-u', 'postgres', '--', command, ...args]]
		: [command, args];
}

export async function startPostgres(
	pgBin: string,
	database: string,
	user: string,
): Promise<Service> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-erp-pg-'));
	if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
	const port = await freePort();
	const run = (command: string, args: string[]) => {
		const [file, fileArgs] = asDatabaseUser(path.join(pgBin, command), args);
		execFileSync(file, fileArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
	};
	const dataDir = path.join(dir, 'data');
	run('initdb', ['-D', dataDir, '-A', 'trust', '-U', user, '--no-sync']);
	run('pg_ctl', [
		'-D',
		dataDir,
		'-l',
		path.join(dir, 'server.log'),
		'-w',
		'-o',
		`-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
		'start',
	]);
	run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', user, database]);
	return {
		port,
		stop: async () => {
			try {
				run('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
			} finally {
				fs.rmSync(dir, { recursive: true, force: true });
			}
		},
	};
}

export async function startRedis(redisServer: string): Promise<Service> {
	const port = await freePort();
	const child: ChildProcess = spawn(
		redisServer,
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
		{ stdio: ['ignore', 'pipe', 'pipe'] },
	);
	let log = '';
	child.stdout?.on('data', (chunk) => (log += chunk));
	const deadline = Date.now() + 15_000;
	while (!log.includes('Ready to accept connections')) {
		if (child.exitCode !== null || Date.now() > deadline)
			throw new Error(`redis-server did not start:\n${log.slice(-2000)}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return {
		port,
		stop: async () =>
			await new Promise<void>((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.on('exit', () => resolve());
				child.kill('SIGTERM');
			}),
	};
}
