import type { IDataObject } from 'n8n-workflow';

/** FK's validation messages: Type 0 = comment, 1 = warning, 2 = error (docs/api/symfonia.md §4, §8). */
export interface FKMessage {
	Message: string;
	Type: number;
}

/** `Page<T>` of the /Page endpoints (docs/api/symfonia.md §5). */
export interface SymfoniaPage extends IDataObject {
	Data: IDataObject[];
	PageNumber?: number;
	LimitPerPage?: number;
	TotalItems?: number;
	NextPage?: string | null;
}

/** Handel contractor (docs/api/symfonia.md §6.1); FK contractors use `Address` instead of `DefaultAddress` and add `Position`. */
export interface Contractor extends IDataObject {
	Id?: number;
	Code?: string;
	Name?: string;
	NIP?: string;
	Position?: number;
}

export type ContractorSystem = 'handel' | 'fk';
export type DocumentSide = 'sales' | 'purchase';
