import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

const SECRET_FIELD = /pass|secret|key|token/i;
const LOGIN_FIELD = /^(login|user|username|userName|clientId)$/;

/**
 * The credential values that must never appear in an error, an output or a log: every field whose name
 * says it is secret, and the Basic-auth header value built from a login and a password.
 */
export function secretValuesOf(credentials: ICredentialDataDecryptedObject | undefined): string[] {
	if (!credentials) return [];
	const secrets: string[] = [];
	const logins: string[] = [];
	for (const [name, value] of Object.entries(credentials)) {
		if (typeof value !== 'string' || value.length < 4) continue;
		if (SECRET_FIELD.test(name)) {
			secrets.push(value);
			// A hex key (iFirma) is the same key in either case, and a service may echo it in the other one.
			if (/^[0-9a-fA-F]{8,}$/.test(value)) secrets.push(value.toLowerCase(), value.toUpperCase());
		} else if (LOGIN_FIELD.test(name)) logins.push(value);
	}
	for (const login of logins) {
		for (const secret of [...secrets]) {
			secrets.push(Buffer.from(`${login}:${secret}`).toString('base64'));
		}
	}
	return [...new Set(secrets)].sort((a, b) => b.length - a.length);
}

/** Replaces every secret value in a text by `***`. */
export function redactSecrets(text: string, secrets: string[]): string {
	let result = text;
	for (const secret of secrets) {
		if (secret) result = result.split(secret).join('***');
	}
	return result;
}
