/**
 * How the credential signs a request: the WS-Security UsernameToken goes into the SOAP header, or the login
 * goes into HTTP Basic (docs/api/vitec.md §2: which one Vitec uses is not public). This file is all the
 * credential loads: no SOAP envelope builder, no XML reader.
 */
import type { IHttpRequestOptions } from 'n8n-workflow';

const WSSE_NS = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
const WSU_NS = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';
const PASSWORD_TEXT =
	'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText';

/**
 * Where the node's envelope leaves room for the login. The node never sees the password: the credential's
 * `authenticate` replaces this marker (or adds HTTP Basic) when the request is sent.
 */
export const SECURITY_MARKER = '<!--vitec:security-->';

// The five XML metacharacters only. Kept here (not imported from common/xml) so that defining the
// credential does not load the XML reader.
const escapeText = (value: string) =>
	value.replace(
		/[&<>"']/g,
		(c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`,
	);

/** The WS-Security header with a UsernameToken (password as text, over HTTPS) and a timestamp. */
export function wsSecurityHeader(username: string, password: string, now = new Date()): string {
	const created = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
	const expires = new Date(now.getTime() + 5 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
	return (
		`<o:Security xmlns:o="${WSSE_NS}" xmlns:u="${WSU_NS}"><u:Timestamp u:Id="_0"><u:Created>${created}</u:Created><u:Expires>${expires}</u:Expires></u:Timestamp>` +
		`<o:UsernameToken u:Id="uuid-n8n-1"><o:Username>${escapeText(username)}</o:Username><o:Password Type="${PASSWORD_TEXT}">${escapeText(password)}</o:Password></o:UsernameToken></o:Security>`
	);
}

/** What the credential's `authenticate` does: the login goes into the envelope or into HTTP Basic. */
export function applySecurity(
	credentials: { username?: unknown; password?: unknown; securityMode?: unknown },
	request: IHttpRequestOptions,
): IHttpRequestOptions {
	const username = String(credentials.username ?? '');
	const password = String(credentials.password ?? '');
	const body = typeof request.body === 'string' ? request.body : undefined;
	if (credentials.securityMode === 'basic') {
		const token = Buffer.from(`${username}:${password}`).toString('base64');
		return {
			...request,
			body: body?.replace(SECURITY_MARKER, ''),
			headers: { ...request.headers, Authorization: `Basic ${token}` },
		};
	}
	return { ...request, body: body?.replace(SECURITY_MARKER, wsSecurityHeader(username, password)) };
}
