/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals --
   Test-only code: the emulators are real HTTP servers and never ship (package.json "files" is dist/ only). */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The emulator pattern: one HTTP server per API on 127.0.0.1 (a free port unless one is given), state
 * per instance, every request recorded (the request counts benchmarks print), and fault switches a test
 * turns on for the next requests. Each `test/emulators/<system>.ts` follows `docs/api/<system>.md`,
 * never the node code.
 */

export interface RecordedRequest {
	method: string;
	/** Path and query as received. */
	url: string;
	path: string;
	query: URLSearchParams;
	headers: http.IncomingHttpHeaders;
	body: string;
}

export interface EmulatorResponse {
	status: number;
	headers?: Record<string, string>;
	body?: string | Buffer;
}

export type Fault =
	| { kind: 'status'; status: number; retryAfter?: string; body?: string; contentType?: string }
	/** Close the socket without an answer (the client sees ECONNRESET / socket hang up). */
	| { kind: 'reset' }
	/** Send the headers and half of a JSON body, then cut the connection. */
	| { kind: 'resetMidBody' }
	/** Answer normally but only after a delay (a client timeout shorter than it sees ETIMEDOUT). */
	| { kind: 'delay'; ms: number }
	/** Answer 200 with an HTML page instead of the API's body. */
	| { kind: 'html' }
	/** Answer 200 with the real body cut in half. */
	| { kind: 'truncated' };

export interface QueuedFault {
	fault: Fault;
	/** Only requests whose path matches (default: all). */
	pathPattern?: RegExp;
	/** Only requests whose body matches (SOAP: one path serves every method, the body names it). */
	bodyPattern?: RegExp;
	/** Whether the request is still processed by the API before the fault is shown (a lost answer). */
	processFirst?: boolean;
}

export abstract class Emulator {
	readonly requests: RecordedRequest[] = [];

	private readonly faults: QueuedFault[] = [];

	private server?: http.Server;

	private readonly sockets = new Set<import('node:net').Socket>();

	baseUrl = '';

	/** Handle one request the way the real API does. */
	protected abstract handle(request: RecordedRequest): EmulatorResponse | Promise<EmulatorResponse>;

	/** Queue a fault for the next matching request(s). */
	injectFault(
		fault: Fault,
		options: {
			times?: number;
			pathPattern?: RegExp;
			bodyPattern?: RegExp;
			processFirst?: boolean;
		} = {},
	): void {
		for (let i = 0; i < (options.times ?? 1); i++) {
			this.faults.push({
				fault,
				pathPattern: options.pathPattern,
				bodyPattern: options.bodyPattern,
				processFirst: options.processFirst,
			});
		}
	}

	clearFaults(): void {
		this.faults.length = 0;
	}

	/** Requests whose path matches, for assertions and request counts. */
	requestsTo(pathPattern: RegExp): RecordedRequest[] {
		return this.requests.filter((request) => pathPattern.test(request.path));
	}

	async start(port = 0): Promise<string> {
		this.server = http.createServer((req, res) => void this.#receive(req, res));
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
		const { port: actual } = this.server.address() as AddressInfo;
		this.baseUrl = `http://127.0.0.1:${actual}`;
		return this.baseUrl;
	}

	async stop(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) =>
			this.server ? this.server.close(() => resolve()) : resolve(),
		);
	}

	// A true private (#): a subclass method of the same name cannot replace it by accident.
	async #receive(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const parsed = new URL(req.url ?? '/', 'http://emulator');
		const request: RecordedRequest = {
			method: req.method ?? 'GET',
			url: req.url ?? '/',
			path: parsed.pathname,
			query: parsed.searchParams,
			headers: req.headers,
			body: Buffer.concat(chunks).toString('utf8'),
		};
		this.requests.push(request);

		const index = this.faults.findIndex(
			(queued) =>
				(!queued.pathPattern || queued.pathPattern.test(request.path)) &&
				(!queued.bodyPattern || queued.bodyPattern.test(request.body)),
		);
		const queued = index >= 0 ? this.faults.splice(index, 1)[0] : undefined;
		try {
			if (
				queued &&
				!queued.processFirst &&
				queued.fault.kind !== 'delay' &&
				queued.fault.kind !== 'truncated'
			) {
				return this.sendFault(res, queued.fault);
			}
			if (queued?.fault.kind === 'delay')
				await new Promise((resolve) => setTimeout(resolve, (queued.fault as { ms: number }).ms));
			const response = await this.handle(request);
			if (queued?.fault.kind === 'truncated') {
				const body = Buffer.from(response.body ?? '');
				return this.send(res, { ...response, body: body.subarray(0, Math.floor(body.length / 2)) });
			}
			if (queued && queued.processFirst) return this.sendFault(res, queued.fault);
			this.send(res, response);
		} catch (error) {
			this.send(res, { status: 500, body: `Emulator error: ${(error as Error).message}` });
		}
	}

	private send(res: http.ServerResponse, response: EmulatorResponse): void {
		if (res.destroyed) return;
		const body = response.body ?? '';
		res.writeHead(response.status, {
			'Content-Type': 'application/json; charset=utf-8',
			...response.headers,
			'Content-Length': String(Buffer.byteLength(body)),
		});
		res.end(body);
	}

	private sendFault(res: http.ServerResponse, fault: Fault): void {
		switch (fault.kind) {
			case 'status':
				return this.send(res, {
					status: fault.status,
					headers: {
						...(fault.retryAfter !== undefined ? { 'Retry-After': fault.retryAfter } : {}),
						...(fault.contentType ? { 'Content-Type': fault.contentType } : {}),
					},
					body: fault.body ?? '',
				});
			case 'reset':
				res.socket?.destroy();
				return;
			case 'resetMidBody':
				res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
				res.write('{"success": true, "respo');
				setTimeout(() => res.socket?.destroy(), 20);
				return;
			case 'html':
				return this.send(res, {
					status: 200,
					headers: { 'Content-Type': 'text/html' },
					body: '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>',
				});
			default:
				return this.send(res, { status: 500, body: 'unknown fault' });
		}
	}
}

export function json(
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
): EmulatorResponse {
	return { status, headers, body: JSON.stringify(body) };
}

/** Decodes `Authorization: Basic ...` into login and password. */
export function basicCredentials(
	headers: http.IncomingHttpHeaders,
): { login: string; password: string } | undefined {
	const header = headers.authorization;
	if (!header?.startsWith('Basic ')) return undefined;
	const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return undefined;
	return { login: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
