/** The date helpers behind every Smartup date field and the export windows. */
import fc from 'fast-check';

import {
	addDays,
	daysBetween,
	formatDate,
	formatDateTime,
	readDateTime,
	splitWindows,
} from '../../nodes/Smartup/dates';

describe('readDateTime', () => {
	it.each([
		['2026-03-05', 'Asia/Tashkent', '05.03.2026 00:00:00'],
		['2026-03-05T10:15:00', 'Asia/Tashkent', '05.03.2026 10:15:00'],
		['2026-03-05T20:30:00Z', 'Asia/Tashkent', '06.03.2026 01:30:00'],
		['2026-03-05T10:15:00+02:00', 'Asia/Tashkent', '05.03.2026 13:15:00'],
		['05.03.2026', 'Asia/Tashkent', '05.03.2026 00:00:00'],
		['05.03.2026 10:15:00', 'UTC', '05.03.2026 10:15:00'],
	])('%s in %s → %s', (input, zone, expected) => {
		expect(formatDateTime(readDateTime(input, zone)!)).toBe(expected);
	});

	it('reads a JavaScript Date and an n8n (luxon) DateTime as instants', () => {
		expect(formatDateTime(readDateTime(new Date('2026-03-05T19:00:00Z'), 'Asia/Tashkent')!)).toBe(
			'06.03.2026 00:00:00',
		);
		const luxonLike = { toISO: () => '2026-03-05T12:00:00.000+05:00' };
		expect(formatDateTime(readDateTime(luxonLike, 'Asia/Tashkent')!)).toBe('05.03.2026 12:00:00');
	});

	it.each(['2026-02-30', '31.04.2026', '2026-03-05T25:00:00', 'yesterday', '', '5/3/2026'])(
		'refuses %j',
		(input) => {
			expect(readDateTime(input, 'Asia/Tashkent')).toBeUndefined();
		},
	);
});

describe('splitWindows', () => {
	it('covers every day of the range exactly once, each window at most the width', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 3000 }),
				fc.integer({ min: 0, max: 400 }),
				fc.integer({ min: 1, max: 31 }),
				(offset, length, width) => {
					const from = addDays({ year: 2020, month: 1, day: 1 }, offset);
					const to = addDays(from, length);
					const windows = splitWindows(from, to, width);
					expect(formatDate(windows[0][0])).toBe(formatDate(from));
					expect(formatDate(windows[windows.length - 1][1])).toBe(formatDate(to));
					windows.forEach(([start, end], index) => {
						expect(daysBetween(start, end)).toBeLessThan(width);
						expect(daysBetween(start, end)).toBeGreaterThanOrEqual(0);
						if (index > 0) expect(daysBetween(windows[index - 1][1], start)).toBe(1);
					});
					expect(windows).toHaveLength(Math.ceil((length + 1) / width));
				},
			),
		);
	});
});
