import { createHmac } from 'node:crypto';

/**
 * iFirma request signing (docs/api/ifirma.md §2): one symmetric key per area, HMAC-SHA1 with the hex-decoded key
 * over URL-without-query + login + key name + the exact body string, sent as
 * `Authentication: IAPIS user=<login>, hmac-sha1=<hex>`. Shared by the credential's `authenticate` and
 * the transport (which checks the key before sending, to give a clear error).
 */

export type KeyName = 'faktura' | 'rachunek' | 'abonent' | 'wydatek';

export const KEY_NAMES: readonly KeyName[] = ['faktura', 'rachunek', 'abonent', 'wydatek'];

/** The credential field that holds each key. */
export const KEY_FIELDS: Record<KeyName, string> = {
	faktura: 'fakturaKey',
	rachunek: 'rachunekKey',
	abonent: 'abonentKey',
	wydatek: 'wydatekKey',
};

/** What each key is used for, in the words the errors and the credential use. */
export const KEY_PURPOSES: Record<KeyName, string> = {
	faktura: 'invoices, proformas, payments, contractors and the EU VAT dictionary',
	rachunek: 'bills (rachunek)',
	abonent: 'the API limit and the accounting month',
	wydatek: 'expenses (wydatki)',
};

const EXPENSE_SLUGS = new Set([
	'zakuptowaruvat',
	'kosztdzialalnoscivat',
	'kosztdzialalnosci',
	'oplatatelefon',
]);

/**
 * The key an endpoint needs (docs/api/ifirma.md §2.1), from its path relative to the API root
 * (`rachunekkraj/5.json`, `abonent/limit.json`, ...). Bill payments go through `faktury/wplaty` and
 * therefore use `faktura`, as the documentation says.
 */
export function keyNameForPath(relativePath: string): KeyName {
	const first = relativePath.replace(/^\/+/, '').split(/[/.?]/)[0].toLowerCase();
	if (first === 'rachunekkraj') return 'rachunek';
	if (first === 'abonent') return 'abonent';
	if (EXPENSE_SLUGS.has(first)) return 'wydatek';
	return 'faktura';
}

/** A key as iFirma shows it: an even number of hex digits (usually 16). */
export function isHexKey(key: string): boolean {
	return /^(?:[0-9a-fA-F]{2})+$/.test(key.trim());
}

/** HMAC-SHA1 of `message` with the hex-decoded key, as 40 lowercase hex digits. */
export function ifirmaHmac(keyHex: string, message: string): string {
	return createHmac('sha1', Buffer.from(keyHex.trim(), 'hex'))
		.update(message, 'utf8')
		.digest('hex');
}

/** The URL as signed: everything before the query string. */
export function urlWithoutQuery(url: string): string {
	return url.split('?')[0];
}

/** The full header value for one request. */
export function authenticationHeader(
	login: string,
	keyName: KeyName,
	keyHex: string,
	url: string,
	body: string,
): string {
	const hmac = ifirmaHmac(keyHex, urlWithoutQuery(url) + login + keyName + body);
	return `IAPIS user=${login}, hmac-sha1=${hmac}`;
}

/** The path of `url` below the credential's base URL (or below `/iapi/` when the base does not prefix it). */
export function relativePathOf(url: string, baseUrl: string): string {
	const base = baseUrl.replace(/\/+$/, '');
	const clean = urlWithoutQuery(url);
	if (base && clean.startsWith(`${base}/`)) return clean.slice(base.length + 1);
	const marker = clean.indexOf('/iapi/');
	if (marker >= 0) return clean.slice(marker + '/iapi/'.length);
	return clean.replace(/^[a-z]+:\/\/[^/]+\//i, '');
}
