import type { IExecuteFunctions } from 'n8n-workflow';

import {
	fixedCollectionRows,
	isBlank,
	isValidNip,
	toAmount,
	toBoolean,
	toEmailList,
	toIntegerInRange,
	toIsoDate,
	toNip,
	toPositiveInteger,
	toText,
} from '../../nodes/common/validate';

const ctx = {
	getNode: () => ({
		id: '1',
		name: 'Node',
		type: 'test',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	}),
} as unknown as IExecuteFunctions;

describe('NIP', () => {
	it.each(['5260250274', 'PL 526-025-02-74', '7251801126', '1234563218'])(
		'accepts %s (valid checksum)',
		(nip) => {
			expect(isValidNip(nip)).toBe(true);
		},
	);
	it.each(['5260250275', '123456789', '12345678901', 'abcdefghij', '0000000000x'])(
		'refuses %s',
		(nip) => {
			expect(isValidNip(nip)).toBe(false);
		},
	);
	it('normalises to 10 digits and names the field on error', () => {
		expect(toNip(ctx, 'PL526-025-02-74', 0, 'NIP')).toBe('5260250274');
		expect(() => toNip(ctx, '5260250275', 3, 'Contractor NIP')).toThrow(
			'Contractor NIP: "5260250275" is not a valid NIP (10 digits with a correct checksum) [item 3]',
		);
	});
	it('refuses every NIP whose weighted sum is 10 mod 11, whatever its last digit', () => {
		// 0000000040: 4·6 (8th weight) = 24 ≡ 2; 0000000050 → 5·6 = 30 ≡ 8; digits "000000005" at weight 7 → 35 ≡ 2 …
		// 000000060x: 6·5 (weight of the 8th digit is 6, 7th is 5)… simpler: search the first nine digits.
		const weights = [6, 5, 7, 2, 3, 4, 5, 6, 7];
		const first9 = Array.from({ length: 100 }, (_, n) => String(n).padStart(9, '0')).find(
			(digits) => weights.reduce((sum, w, i) => sum + w * Number(digits[i]), 0) % 11 === 10,
		)!;
		for (let last = 0; last < 10; last++) expect(isValidNip(`${first9}${last}`)).toBe(false);
	});
});

describe('dates', () => {
	it.each([
		['2026-01-31', '2026-01-31'],
		['2026-01-31T23:59:00', '2026-01-31'],
		['2026-01-31T10:00:00.000+01:00', '2026-01-31'],
		[new Date(Date.UTC(2026, 1, 28)), '2026-02-28'],
	])('%s → %s', (input, expected) => {
		expect(toIsoDate(ctx, input, 0, 'Start Date')).toBe(expected);
	});
	it.each(['2026-02-30', '31.01.2026', '', 'tomorrow', 20260131])('refuses %p', (input) => {
		expect(() => toIsoDate(ctx, input, 1, 'Start Date')).toThrow(/Start Date: .* \[item 1\]/);
	});
	it('accepts a luxon-like DateTime from an expression', () => {
		expect(toIsoDate(ctx, { toISO: () => '2026-03-01T00:00:00.000+01:00' }, 0, 'D')).toBe(
			'2026-03-01',
		);
	});
});

describe('e-mails, numbers, amounts', () => {
	it('splits on commas, semicolons and spaces and checks each address', () => {
		expect(toEmailList(ctx, 'a@firma.pl; b@firma.pl,c@x.eu', 0, 'E-Mail')).toEqual([
			'a@firma.pl',
			'b@firma.pl',
			'c@x.eu',
		]);
		expect(() => toEmailList(ctx, 'a@firma.pl, b@', 2, 'E-Mail')).toThrow(
			'E-Mail: "b@" is not an e-mail address',
		);
		expect(() => toEmailList(ctx, { to: 'a@b.pl' }, 0, 'E-Mail')).toThrow(
			'must be e-mail addresses, got an object',
		);
	});
	it('ids are positive safe integers, given as numbers or digits', () => {
		expect(toPositiveInteger(ctx, '42', 0, 'ID')).toBe(42);
		expect(toPositiveInteger(ctx, 42, 0, 'ID')).toBe(42);
		for (const bad of ['4.2', '-1', '0', '1e3', '99999999999999999999', {}, null]) {
			expect(() => toPositiveInteger(ctx, bad, 0, 'ID')).toThrow(/^ID: /);
		}
	});
	it('ranges are inclusive', () => {
		expect(toIntegerInRange(ctx, '23', 0, 'Hour', 0, 23)).toBe(23);
		expect(() => toIntegerInRange(ctx, 24, 0, 'Hour', 0, 23)).toThrow(
			'Hour: must be a whole number from 0 to 23, got "24" [item 0]',
		);
	});
	it('amounts round to 2 decimals and accept a decimal comma', () => {
		expect(toAmount(ctx, '12,345', 0, 'Net')).toBe(12.35);
		expect(toAmount(ctx, 0.1 + 0.2, 0, 'Net')).toBe(0.3);
		expect(() => toAmount(ctx, '12 zł', 0, 'Net')).toThrow('Net: must be an amount like 123.45');
	});
});

describe('fixedCollectionRows', () => {
	it('reads the rows of a fixed collection, one row or many', () => {
		expect(fixedCollectionRows({ filter: [{ name: 'a' }, { name: 'b' }] }, 'filter')).toEqual([
			{ name: 'a' },
			{ name: 'b' },
		]);
		expect(fixedCollectionRows({ filter: { name: 'a' } }, 'filter')).toEqual([{ name: 'a' }]);
	});
	it('never hands back an inherited property: a list has a "filter" method, not rows', () => {
		expect(fixedCollectionRows([], 'filter')).toEqual([]);
		expect(fixedCollectionRows({}, 'constructor')).toEqual([]);
		expect(fixedCollectionRows(undefined, 'filter')).toEqual([]);
		expect(fixedCollectionRows({ filter: [null, 'x', { name: 'ok' }] }, 'filter')).toEqual([
			{ name: 'ok' },
		]);
	});
});

describe('text, booleans, blanks', () => {
	it('text: numbers become their digits, text is trimmed, objects and lists are refused naming the field', () => {
		expect(toText(ctx, ' ACME ', 0, 'Name')).toBe('ACME');
		expect(toText(ctx, 42, 0, 'Name')).toBe('42');
		expect(() => toText(ctx, { a: 1 }, 2, 'Name')).toThrow(
			'Name: must be text, got an object [item 2]',
		);
		expect(() => toText(ctx, ['a'], 2, 'Name')).toThrow('Name: must be text, got a list [item 2]');
	});
	it('booleans: true/false and their text', () => {
		expect(toBoolean(ctx, 'true', 0, 'Active')).toBe(true);
		expect(toBoolean(ctx, false, 0, 'Active')).toBe(false);
		expect(() => toBoolean(ctx, 'yes', 1, 'Active')).toThrow(
			'Active: must be true or false, got "yes" [item 1]',
		);
	});
	it('blank: nothing, null, spaces; not 0 or false', () => {
		for (const blank of [undefined, null, '', '   ']) expect(isBlank(blank)).toBe(true);
		for (const given of [0, false, 'x', {}]) expect(isBlank(given)).toBe(false);
	});
});
