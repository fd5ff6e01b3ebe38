import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { redactSecrets } from '../../common/redact';
import { normaliseBaseUrl, symfoniaMessageOf } from '../session';

const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

function pick(record: unknown, name: string): unknown {
	if (!record || typeof record !== 'object') return undefined;
	const key = Object.keys(record).find(
		(candidate) => candidate.toLowerCase() === name.toLowerCase(),
	);
	return key === undefined ? undefined : (record as IDataObject)[key];
}

/**
 * The credential's "Test" button: GET /api/Ping without auth (is this WebAPI, which modules), then open a
 * session, read SessionInformation and CompanyInformation, and close the session again (docs/api/symfonia.md §2).
 */
export async function symfoniaApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const baseUrl = normaliseBaseUrl(data.baseUrl);
	const appToken = String(data.applicationToken ?? '').trim();
	const secrets = [appToken].filter((secret) => secret.length >= 4);
	const guid = GUID.exec(appToken)?.[1];
	if (!guid)
		return {
			status: 'Error',
			message:
				'The Application Token is not a GUID: copy "Token autoryzacji WebAPI" from the WebAPI configurator',
		};
	const common = { json: true, rejectUnauthorized: data.ignoreSslIssues !== true, timeout: 20_000 };
	// ICredentialTestFunctions offers only `helpers.request`; the node's requests use httpRequestWithAuthentication.
	const request = async (options: IDataObject) =>
		// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
		(await this.helpers.request({ ...common, ...options })) as unknown;
	let step = 'GET /api/Ping';
	let session: string | undefined;
	try {
		const ping = await request({ method: 'GET', uri: `${baseUrl}/api/Ping` });
		const modules = ((pick(ping, 'LoadedModuleInfo') as IDataObject[] | undefined) ?? []).map(
			(module) =>
				`${String(pick(module, 'ModuleName'))} ${String(pick(module, 'ModuleVersion') ?? '')}`.trim(),
		);
		const firm = ((pick(ping, 'ActiveHMFInfo') as IDataObject[] | undefined) ??
			(pick(ping, 'ActiveITGInfo') as IDataObject[] | undefined) ??
			[])[0];
		step = 'opening a session';
		const opened = await request({
			method: 'GET',
			uri: `${baseUrl}/api/Sessions/OpenNewSession`,
			qs: { deviceName: String(data.deviceName ?? '') || 'n8n' },
			headers: { Authorization: `Application ${guid}` },
		});
		session = typeof opened === 'string' ? GUID.exec(opened.trim())?.[1] : undefined;
		if (!session) {
			const message = symfoniaMessageOf(opened);
			return {
				status: 'Error',
				message: `WebAPI did not open a session: the limit of concurrent sessions is reached${message ? ` ("${message}")` : ''}. Raise "Liczba instancji" for the user in the WebAPI configurator or wait for other sessions to end.`,
			};
		}
		step = 'reading the session information';
		const info = await request({
			method: 'GET',
			uri: `${baseUrl}/api/Sessions/SessionInformation`,
			headers: { Authorization: `Session ${session}` },
		});
		let company = String(pick(firm, 'Firm') ?? '');
		try {
			const companyInfo = await request({
				method: 'GET',
				uri: `${baseUrl}/api/CompanyInformation`,
				headers: { Authorization: `Session ${session}` },
			});
			company = String(pick(companyInfo, 'Name') ?? company);
		} catch {
			// CompanyInformation is optional (FK-only instances may not have it): the Ping data is enough.
		}
		const database = pick(firm, 'DatabaseName');
		return {
			status: 'OK',
			message: `Connected to ${company || 'the company'}${database ? ` (database ${String(database)})` : ''}. Modules: ${modules.join(', ') || 'none reported'}. Session valid until ${String(pick(info, 'ExpireTime') ?? '?')}.`,
		};
	} catch (error) {
		const response = (error as { response?: { body?: unknown; statusCode?: number } }).response;
		const status = response?.statusCode ?? (error as { statusCode?: number }).statusCode;
		const apiMessage = symfoniaMessageOf(response?.body ?? (error as { error?: unknown }).error);
		const hint =
			status === 401
				? ' The Application Token was refused: check it in the WebAPI configurator.'
				: '';
		const reason = String(apiMessage ?? (error as Error).message).replace(/\.+$/, '');
		const message = `Symfonia WebAPI test failed while ${step}${status ? ` (HTTP ${status})` : ''}: ${reason}.${hint}`;
		return { status: 'Error', message: redactSecrets(message, secrets) };
	} finally {
		if (session) {
			try {
				await request({
					method: 'GET',
					uri: `${baseUrl}/api/Sessions/CloseSession`,
					headers: { Authorization: `Session ${session}` },
				});
			} catch (error) {
				this.logger.warn(
					`Symfonia WebAPI test: the session could not be closed (${redactSecrets((error as Error).message, secrets)})`,
				);
			}
		}
	}
}
