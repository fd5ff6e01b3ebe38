/**
 * Property tests of the pure pieces the guarantees rest on: the merge that an update sends and the
 * "nothing changed" check that skips it, the expiry recognition, and the NIP forms.
 */
import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import { dashedNip, deepMerge, isContainedIn } from '../../nodes/Symfonia/actions/fields';
import { isSessionExpired, symfoniaMessageOf } from '../../nodes/Symfonia/session';

const key = fc.constantFrom(
	'Name',
	'Code',
	'NIP',
	'City',
	'Street',
	'Email',
	'Active',
	'Marker',
	'DefaultAddress',
	'Contact',
);
const leaf = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean());
const record: fc.Arbitrary<IDataObject> = fc.letrec((tie) => ({
	node: fc.dictionary(key, fc.oneof({ depthSize: 'small' }, leaf, tie('node')), {
		maxKeys: 4,
	}) as fc.Arbitrary<IDataObject>,
})).node;

describe('merge and "unchanged" check', () => {
	it('after merging, the patch is contained in the result', () => {
		fc.assert(
			fc.property(record, record, (base, patch) => isContainedIn(patch, deepMerge(base, patch))),
		);
	});

	it('merging the same patch twice changes nothing more (what makes a rerun "unchanged")', () => {
		fc.assert(
			fc.property(
				record,
				record,
				(base, patch) =>
					JSON.stringify(deepMerge(deepMerge(base, patch), patch)) ===
					JSON.stringify(deepMerge(base, patch)),
			),
		);
	});

	it('fields the patch does not name keep their values', () => {
		fc.assert(
			fc.property(record, record, (base, patch) => {
				const merged = deepMerge(base, patch);
				return Object.keys(base).every(
					(name) => name in patch || JSON.stringify(merged[name]) === JSON.stringify(base[name]),
				);
			}),
		);
	});

	it('a different value is not "contained" (an update is sent)', () => {
		expect(
			isContainedIn(
				{ DefaultAddress: { City: 'Łódź' } },
				{ DefaultAddress: { City: 'Kraków', Street: 'X' } },
			),
		).toBe(false);
		expect(isContainedIn({ Note: '' }, { Name: 'A' })).toBe(true);
		expect(isContainedIn({ name: 'A' }, { Name: 'A' })).toBe(true);
	});
});

describe('session expiry recognition', () => {
	const response = (statusCode: number, body: string) => ({ statusCode, headers: {}, body });

	it('data that does not contain the text is never taken for an expiry, whatever it holds', () => {
		fc.assert(
			fc.property(
				fc.jsonValue(),
				(value) => !isSessionExpired(response(200, JSON.stringify(value) ?? 'null')),
			),
		);
	});

	it('401, and the Polish text as the whole answer in any of its forms, are', () => {
		const text = 'Nieprawidłowy klucz lub sesja wygasła.';
		for (const [status, body] of [
			[401, ''],
			[400, JSON.stringify({ Message: text })],
			[200, JSON.stringify(text)],
			[200, text],
			[500, `Error: ${text}`],
			[200, JSON.stringify({ message: text })],
		] as const) {
			expect(isSessionExpired(response(status, body))).toBe(true);
		}
		expect(isSessionExpired(response(200, JSON.stringify([{ Note: text }])))).toBe(false);
	});

	it('reads Symfonia messages from Message, ExceptionMessage, ModelState or a string', () => {
		expect(symfoniaMessageOf({ message: 'a', ExceptionMessage: 'b' })).toBe('a — b');
		expect(symfoniaMessageOf({ ModelState: { 'x.Code': ['Pole wymagane.'] } })).toBe(
			'x.Code: Pole wymagane.',
		);
		expect(symfoniaMessageOf('tekst')).toBe('tekst');
		expect(symfoniaMessageOf([1])).toBeUndefined();
	});
});

it('writes a NIP with dashes as Symfonia screens do, and leaves other forms alone', () => {
	expect(dashedNip('5260001246')).toBe('526-000-12-46');
	expect(dashedNip('DE123')).toBe('DE123');
});
