/**
 * Smartup dates: `dd.mm.yyyy` and `dd.mm.yyyy HH:mm:ss` (docs/api/smartup.md §4.8) in the account's time zone
 * (integrators use Asia/Tashkent). Input is ISO text, a JavaScript Date, an n8n (luxon) DateTime, or
 * already Smartup's own form. Returns undefined for anything else; the caller names the field.
 */

export const DEFAULT_TIME_ZONE = 'Asia/Tashkent';

export interface CalendarDate {
	year: number;
	month: number;
	day: number;
}

export interface DateTimeParts extends CalendarDate {
	hour: number;
	minute: number;
	second: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The one state here that outlives a run, on purpose: one formatter per time-zone name (building one is slow),
 * holding no data of any run or user. Bounded by the valid IANA zone names (an invalid name gets none).
 */
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat | null {
	if (!formats.has(timeZone)) {
		try {
			formats.set(
				timeZone,
				new Intl.DateTimeFormat('en-US', {
					timeZone,
					hourCycle: 'h23',
					year: 'numeric',
					month: '2-digit',
					day: '2-digit',
					hour: '2-digit',
					minute: '2-digit',
					second: '2-digit',
				}),
			);
		} catch {
			// Not a zone name: nothing is kept, so names typed or mapped in cannot grow the map.
			return null;
		}
	}
	return formats.get(timeZone)!;
}

export function isValidTimeZone(zone: string): boolean {
	return formatFor(zone) !== null;
}

function partsInZone(instant: Date, timeZone: string): DateTimeParts {
	const format = formatFor(timeZone) ?? formatFor('UTC')!;
	const parts: Record<string, number> = {};
	for (const part of format.formatToParts(instant)) {
		if (part.type !== 'literal') parts[part.type] = Number(part.value);
	}
	return {
		year: parts.year,
		month: parts.month,
		day: parts.day,
		hour: parts.hour % 24,
		minute: parts.minute,
		second: parts.second,
	};
}

function realDate(year: number, month: number, day: number): boolean {
	const date = new Date(Date.UTC(year, month - 1, day));
	return (
		date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
	);
}

/** Reads a date or date-time; wall-clock values (no offset) are taken as they are, instants are moved into `timeZone`. */
export function readDateTime(value: unknown, timeZone: string): DateTimeParts | undefined {
	let text: string | undefined;
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) return undefined;
		return partsInZone(value, timeZone);
	}
	if (
		value &&
		typeof value === 'object' &&
		typeof (value as { toISO?: unknown }).toISO === 'function'
	) {
		text = String((value as { toISO: () => string }).toISO());
	} else if (typeof value === 'string') {
		text = value.trim();
	}
	if (!text) return undefined;

	// Smartup's own form: dd.mm.yyyy [HH:mm[:ss]]
	let match = text.match(/^(\d{2})\.(\d{2})\.(\d{4})(?:\s+(\d{2}):(\d{2})(?::(\d{2}))?)?$/);
	if (match) {
		const [, d, m, y, hh = '0', mm = '0', ss = '0'] = match;
		const parts = { year: +y, month: +m, day: +d, hour: +hh, minute: +mm, second: +ss };
		return realDate(parts.year, parts.month, parts.day) &&
			parts.hour < 24 &&
			parts.minute < 60 &&
			parts.second < 60
			? parts
			: undefined;
	}
	match = text.match(
		/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/,
	);
	if (!match) return undefined;
	const [, y, m, d, hh, mm, ss, offset] = match;
	if (!realDate(+y, +m, +d)) return undefined;
	if (offset && hh !== undefined) {
		const instant = new Date(text.replace(' ', 'T'));
		return Number.isNaN(instant.getTime()) ? undefined : partsInZone(instant, timeZone);
	}
	const parts = {
		year: +y,
		month: +m,
		day: +d,
		hour: +(hh ?? 0),
		minute: +(mm ?? 0),
		second: +(ss ?? 0),
	};
	return parts.hour < 24 && parts.minute < 60 && parts.second < 60 ? parts : undefined;
}

export function formatDate(date: CalendarDate): string {
	return `${pad(date.day)}.${pad(date.month)}.${pad(date.year, 4)}`;
}

export function formatDateTime(date: DateTimeParts): string {
	return `${formatDate(date)} ${pad(date.hour)}:${pad(date.minute)}:${pad(date.second)}`;
}

/** Today (or `now`) as a calendar date in the time zone. */
export function today(timeZone: string, now: Date = new Date()): CalendarDate {
	const { year, month, day } = partsInZone(now, timeZone);
	return { year, month, day };
}

function toDays(date: CalendarDate): number {
	return Math.round(Date.UTC(date.year, date.month - 1, date.day) / 86_400_000);
}

function fromDays(days: number): CalendarDate {
	const date = new Date(days * 86_400_000);
	return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
	return fromDays(toDays(date) + days);
}

export function daysBetween(from: CalendarDate, to: CalendarDate): number {
	return toDays(to) - toDays(from);
}

/** Splits [from, to] (both included) into consecutive windows of at most `width` days. */
export function splitWindows(
	from: CalendarDate,
	to: CalendarDate,
	width: number,
): Array<[CalendarDate, CalendarDate]> {
	const windows: Array<[CalendarDate, CalendarDate]> = [];
	const last = toDays(to);
	for (let start = toDays(from); start <= last; start += width) {
		windows.push([fromDays(start), fromDays(Math.min(start + width - 1, last))]);
	}
	return windows;
}
