import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { fieldError } from '../../../common/validate';
import { asList, prop, symfoniaRequest } from '../../transport';

export type FoundIn = 'buffer' | 'accountingBooks';

/**
 * FK does not deduplicate documents, so before a create the buffer and the books of the document's fiscal year
 * are searched for the same `DocumentNumber` (and the same `ContractorPosition`, or for a document without a
 * contractor the same `TypeCode`). Both lists carry these members (docs/api/symfonia.md, "FK documents: finding
 * one again"). Which date the lists filter on is not documented, so the whole fiscal year is asked for.
 */
export async function findFkDocument(
	ctx: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
): Promise<{ document: IDataObject; foundIn: FoundIn } | undefined> {
	const number = normalised(body.DocumentNumber);
	if (!number) return undefined;
	const years = asList(
		await symfoniaRequest.call(ctx, itemIndex, {
			method: 'GET',
			path: '/FKYears',
			safeToRepeat: true,
		}),
	);
	const year = years.find((entry) => Number(prop(entry, 'Id')) === Number(body.YearId));
	if (!year)
		throw fieldError(
			ctx,
			itemIndex,
			'Fiscal Year',
			`FK has no fiscal year with ID ${String(body.YearId)}`,
		);
	const qs: IDataObject = {
		yearId: body.YearId,
		dateFrom: String(prop(year, 'StartDate') ?? '').slice(0, 10),
		dateTo: String(prop(year, 'EndDate') ?? '').slice(0, 10),
	};
	if (body.ContractorPosition !== undefined) qs.contractorPosition = body.ContractorPosition;
	for (const [path, foundIn] of [
		['/FKDocuments/Buffer', 'buffer'],
		['/FKDocuments/AccountingBooks', 'accountingBooks'],
	] as const) {
		const list = asList(
			await symfoniaRequest.call(ctx, itemIndex, { method: 'GET', path, qs, safeToRepeat: true }),
		);
		const document = list.find((entry) => isSameDocument(entry, body, number));
		if (document) return { document, foundIn };
	}
	return undefined;
}

function isSameDocument(entry: IDataObject, body: IDataObject, number: string): boolean {
	if (normalised(prop(entry, 'DocumentNumber')) !== number) return false;
	if (body.ContractorPosition !== undefined)
		return Number(prop(entry, 'ContractorPosition')) === Number(body.ContractorPosition);
	return normalised(prop(entry, 'TypeCode')) === normalised(body.TypeCode);
}

function normalised(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim().toUpperCase();
}

export function foundMessage(found: { document: IDataObject; foundIn: FoundIn }): string {
	const where = found.foundIn === 'buffer' ? 'the FK buffer' : 'the FK accounting books';
	const position = prop(found.document, 'ContractorPosition');
	const of =
		position === undefined || position === null
			? ''
			: ` of contractor position ${String(position)}`;
	return `Document ${String(prop(found.document, 'DocumentNumber'))}${of} is already in ${where} (ID ${String(prop(found.document, 'Id'))}); nothing was created`;
}
