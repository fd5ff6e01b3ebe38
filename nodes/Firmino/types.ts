import type { IDataObject } from 'n8n-workflow';

/** The six documented intervals (API file "Fields of a recurring document"). */
export const INTERVALS = ['week', 'month', 'two months', 'three months', 'six months', 'year'] as const;
export type Interval = (typeof INTERVALS)[number];

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
