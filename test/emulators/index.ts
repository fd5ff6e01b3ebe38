/**
 * All emulators, started together for e2e and `npm start`, and the sandbox credentials that point at
 * them (n8n's `import:credentials` format). Each system adds one entry to SYSTEMS.
 */
import type { Emulator } from './base';
import { FirminoEmulator } from './firmino';
import { IFirmaEmulator } from './ifirma';
import { SymfoniaEmulator } from './symfonia';
import { SmartupEmulator } from './smartup';
import { VitecEmulator, sandboxVitec } from './vitec';

export interface SandboxCredential {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

interface SystemSandbox {
	/** Creates the emulator with its sandbox account (demo data the templates can use). */
	create: () => Emulator;
	/** The n8n credential(s) that point at the running emulator. */
	credentials: (emulator: Emulator) => SandboxCredential[];
}

export const SYSTEMS: Record<string, SystemSandbox> = {
	vitec: {
		create: () => sandboxVitec(),
		credentials: (emulator) => {
			const vitec = emulator as VitecEmulator;
			return [
				{
					id: 'vitecEkonomiApiSandbox1',
					name: 'Vitec Ekonomi sandbox',
					type: 'vitecEkonomiApi',
					data: {
						domain: '',
						username: vitec.username,
						password: vitec.password,
						integrationId: 'N8N',
						advanced: true,
						baseUrl: vitec.baseUrl,
					},
				},
			];
		},
	},
	ifirma: {
		create: () => new IFirmaEmulator({ demoData: true }),
		credentials: (emulator) => {
			const ifirma = emulator as IFirmaEmulator;
			return [
				{
					id: 'iFirmaApiSandbox1',
					name: 'iFirma sandbox',
					type: 'iFirmaApi',
					data: {
						login: ifirma.login,
						// The credential test signs with the abonent key: first, so e2e's "wrong secret" check breaks it.
						abonentKey: ifirma.keys.abonent,
						fakturaKey: ifirma.keys.faktura,
						rachunekKey: ifirma.keys.rachunek,
						wydatekKey: ifirma.keys.wydatek,
						baseUrl: ifirma.apiUrl,
					},
				},
			];
		},
	},
	symfonia: {
		create: () => new SymfoniaEmulator({ maxSessions: 1 }),
		credentials: (emulator) => [
			{
				id: 'symfoniaApiSandbox1',
				name: 'Symfonia sandbox',
				type: 'symfoniaApi',
				data: {
					baseUrl: emulator.baseUrl,
					applicationToken: (emulator as SymfoniaEmulator).applicationToken,
					deviceName: 'n8n-sandbox',
					companyLabel: 'testsymfonia',
					ignoreSslIssues: false,
				},
			},
		],
	},
	firmino: {
		create: () => new FirminoEmulator(),
		credentials: (emulator) => {
			const firmino = emulator as FirminoEmulator;
			return [
				{
					id: 'firminoApiSandbox1',
					name: 'Firmino sandbox',
					type: 'firminoApi',
					data: { login: firmino.login, password: firmino.password, baseUrl: firmino.apiUrl },
				},
			];
		},
	},
	smartup: {
		create: () => new SmartupEmulator(),
		credentials: (emulator) => {
			const smartup = emulator as SmartupEmulator;
			return [
				{
					id: 'smartupApiSandbox1',
					name: 'Smartup sandbox',
					type: 'smartupApi',
					data: {
						baseUrl: smartup.baseUrl,
						authType: 'basic',
						login: smartup.login,
						password: smartup.password,
						projectCode: 'trade',
						filialId: '',
						accessToken: '',
					},
				},
			];
		},
	},
};

export interface RunningSandboxes {
	emulators: Record<string, Emulator>;
	credentials: SandboxCredential[];
	stop: () => Promise<void>;
}

/** Starts every emulator; `ports` fixes a port per system (npm start), else free ports are used. */
export async function startSandboxes(
	ports: Record<string, number> = {},
): Promise<RunningSandboxes> {
	const emulators: Record<string, Emulator> = {};
	const credentials: SandboxCredential[] = [];
	for (const [system, sandbox] of Object.entries(SYSTEMS)) {
		const emulator = sandbox.create();
		await emulator.start(ports[system] ?? 0);
		emulators[system] = emulator;
		credentials.push(...sandbox.credentials(emulator));
	}
	return {
		emulators,
		credentials,
		stop: async () => {
			await Promise.all(Object.values(emulators).map(async (emulator) => await emulator.stop()));
		},
	};
}
