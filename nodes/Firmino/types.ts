import type { IDataObject } from 'n8n-workflow';

/** The six documented intervals (docs/api/firmino.md "Fields of a recurring document"). */
export const INTERVALS = [
	'week',
	'month',
	'two months',
	'three months',
	'six months',
	'year',
] as const;
export type Interval = (typeof INTERVALS)[number];

/**
 * The Polish labels list rows carry instead of the code (`intervalTypeName`, docs/api/firmino.md "find"). Only
 * `Miesiąc` and `Tydzień` are shown on Firmino's page; the other four are the plain Polish words, unverified.
 */
export const INTERVAL_LABELS: Record<string, Interval> = {
	tydzień: 'week',
	miesiąc: 'month',
	'dwa miesiące': 'two months',
	'trzy miesiące': 'three months',
	kwartał: 'three months',
	'sześć miesięcy': 'six months',
	'pół roku': 'six months',
	rok: 'year',
};

/** A recurring document as the API sends it: `active` and `hourToSend` are strings. */
export interface RecurringDocument extends IDataObject {
	id: number | null;
	idSaleDocument: number;
	intervalTimeType: Interval;
	name: string;
	startDate: string;
	active: string | boolean;
	email: string | null;
	emailForConfirmation: string | null;
	hourToSend: string | null;
	/** Only in `find` lists. */
	saleDocumentName?: string;
	intervalTypeName?: string;
}

export interface FindResponse extends IDataObject {
	params: { total: number; page: number; size: number } & IDataObject;
	list: RecurringDocument[];
}

/** Every answer: `{success, response}`; on failure `response` is a Polish message. */
export interface Envelope<T> {
	success: boolean;
	response: T | string;
}

export type FirminoMethod = 'add' | 'get' | 'find' | 'update' | 'delete' | 'init';
