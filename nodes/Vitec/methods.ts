/** Dropdown lists and the credential test shared by the Vitec Ekonomi node and trigger. */
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	IDataObject,
	ILoadOptionsFunctions,
	INodeCredentialTestResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { redactSecrets, secretValuesOf } from '../common/redact';
import { VITEC_METHODS, configFromCredentials, namedMethod, serviceUrl } from './config';
import { listCompanies } from './revisions';
import {
	applySecurity,
	buildEnvelope,
	readPendingEvents,
	readRows,
	readSoapAnswer,
	resultOf,
} from './soap';

export async function getCompanies(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const companies = await listCompanies(this, {});
	return companies.map((company) => ({
		name: `${String(company.CompanyId)} – ${String(company.Name ?? '')}${company.Active === false ? ' (inactive)' : ''}`,
		value: Number(company.CompanyId),
		description: company.CorporateId ? `Org.nr ${String(company.CorporateId)}` : undefined,
	}));
}

/**
 * The Test button: GetListOfPendingEvents for the credential's Integration-ID (or the company list),
 * with Vitec's own ServiceFault messages when it fails. Never shows the password.
 */
export async function vitecEkonomiApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = (credential.data ?? {}) as ICredentialDataDecryptedObject;
	const secrets = secretValuesOf(data);
	const config = configFromCredentials(data);
	if (typeof config === 'string') return { status: 'Error', message: config };
	const integrationId = String(data.integrationId ?? '').trim();
	const method = integrationId
		? namedMethod(config, 'pendingEvents', VITEC_METHODS.pendingEvents.name)
		: namedMethod(config, 'listCompanies', VITEC_METHODS.listCompanies.name);
	const contract = integrationId
		? VITEC_METHODS.pendingEvents.contract
		: VITEC_METHODS.listCompanies.contract;
	const url = serviceUrl(config, contract);
	const envelope = buildEnvelope(
		config,
		url,
		contract,
		method,
		integrationId ? [{ name: 'integrationId', value: integrationId }] : [],
	);
	const request = applySecurity(data, {
		method: 'POST',
		url,
		body: envelope.body,
		headers: envelope.headers,
	});
	let response: { statusCode: number; body: unknown };
	try {
		// ICredentialTestFunctions offers only `request` (no httpRequest) in n8n-workflow 1.x and 2.x.
		// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
		response = (await this.helpers.request({
			method: 'POST',
			uri: url,
			body: request.body,
			headers: request.headers,
			resolveWithFullResponse: true,
			simple: false,
			timeout: 30_000,
		})) as { statusCode: number; body: unknown };
	} catch (error) {
		return {
			status: 'Error',
			message: redactSecrets(`Could not reach ${url}: ${(error as Error).message}`, secrets),
		};
	}
	const text = typeof response.body === 'string' ? response.body : String(response.body ?? '');
	if (response.statusCode === 401 || response.statusCode === 403) {
		return {
			status: 'Error',
			message: `Vitec refused the API user name or password (HTTP ${response.statusCode}). If the service expects WS-Security, set Security Mode accordingly.`,
		};
	}
	if (response.statusCode === 404)
		return {
			status: 'Error',
			message: `No Vitec service at ${url} (HTTP 404): check the Domain / Base URL and the service paths`,
		};
	try {
		const answer = readSoapAnswer(text);
		if (answer.fault) {
			return {
				status: 'Error',
				message: redactSecrets(
					`Vitec refused ${method}: ${answer.fault.messages.join(' | ') || '(no message)'}`,
					secrets,
				),
			};
		}
		const result = resultOf(answer.result);
		const summary = integrationId
			? pendingSummary(readPendingEvents(result), integrationId)
			: `${readRows(result).length} companies visible`;
		return { status: 'OK', message: `Connection successful: ${summary}` };
	} catch (error) {
		const start = text.replace(/\s+/g, ' ').slice(0, 200);
		return {
			status: 'Error',
			message: redactSecrets(
				`Vitec answered HTTP ${response.statusCode} with something that is not SOAP (${(error as Error).message}): ${start}`,
				secrets,
			),
		};
	}
}

function pendingSummary(entries: Array<{ count: number | null }>, integrationId: string): string {
	if (entries.some((entry) => entry.count === null))
		return `events are pending for ${integrationId}`;
	return `${entries.reduce((sum, entry) => sum + (entry.count ?? 0), 0)} pending events for ${integrationId}`;
}

export const methods = {
	loadOptions: { getCompanies },
	credentialTest: { vitecEkonomiApiTest },
};

export type { IDataObject };
