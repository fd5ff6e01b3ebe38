import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fieldError } from '../../../common/validate';
import { contractorOptionalFields } from '../fields';
import { callIfirma, unexpectedAnswer } from '../../transport';
import { CONTRACTOR_LABELS, contractorObject, optionalText, readBack } from '../shared';
import type { IfirmaResponse } from '../../types';

export const identifierField: INodeProperties = {
	displayName: 'Contractor Identifier',
	name: 'contractorId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'KLIENT1',
	description: 'The identifier of the contractor in iFirma (Identyfikator), e.g. from Search',
};

export const requiredContractorFields: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: 'Contractor name (Nazwa, up to 150 characters)',
	},
	{
		displayName: 'Postal Code',
		name: 'postCode',
		type: 'string',
		required: true,
		default: '',
		placeholder: '00-001',
		description: 'KodPocztowy',
	},
	{
		displayName: 'City',
		name: 'city',
		type: 'string',
		required: true,
		default: '',
		description: 'Miejscowosc',
	},
];

export const contractorAdditionalFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: contractorOptionalFields,
};

const requiredAsOptional: INodeProperties[] = [
	{ displayName: 'City', name: 'Miejscowosc', type: 'string', default: '' },
	{ displayName: 'Name', name: 'Nazwa', type: 'string', default: '' },
	{ displayName: 'Postal Code', name: 'KodPocztowy', type: 'string', default: '' },
];

export const updatableFields: INodeProperties[] = [
	...requiredAsOptional,
	...contractorOptionalFields.filter((field) => field.name !== 'Identyfikator'),
].sort((a, b) => a.displayName.localeCompare(b.displayName));

/** Fields iFirma shows on a contractor but does not take back in a PUT. */
const READ_ONLY = ['Wybrany'];

export function readIdentifier(ctx: IExecuteFunctions, itemIndex: number): string {
	const id = optionalText(
		ctx,
		ctx.getNodeParameter('contractorId', itemIndex, ''),
		itemIndex,
		'Contractor Identifier',
		15,
	);
	if (!id) throw fieldError(ctx, itemIndex, 'Contractor Identifier', 'is required');
	return id;
}

/** GET `kontrahenci/id/{id}.json` → the contractor (its `Wynik` is a one-element list). */
export async function getContractor(
	ctx: IExecuteFunctions,
	itemIndex: number,
	id: string,
): Promise<IDataObject> {
	const response = await callIfirma.call(ctx, itemIndex, {
		method: 'GET',
		path: `kontrahenci/id/${encodeURIComponent(id)}.json`,
		safeToRepeat: true,
	});
	const found = Array.isArray(response.Wynik) ? response.Wynik[0] : response.Wynik;
	if (!found || typeof found !== 'object')
		return await unexpectedAnswer.call(
			ctx,
			itemIndex,
			`iFirma returned no contractor "${id}"`,
			response,
		);
	return found;
}

/**
 * PUT `kontrahenci/{id}.json` with the whole record: iFirma erases every field a PUT omits (docs/api/ifirma.md
 * §5.9), so the stored record is read first and only the given fields change. Keyed by the identifier,
 * so it is safe to repeat.
 */
export async function mergeAndUpdate(
	ctx: IExecuteFunctions,
	itemIndex: number,
	id: string,
	changes: IDataObject,
): Promise<IDataObject> {
	const current = await getContractor(ctx, itemIndex, id);
	const merged: IDataObject = { ...current, ...changes, Identyfikator: id };
	for (const field of READ_ONLY) delete merged[field];
	// Validate the merged record the same way as a new one (and the NIP checksum if it changed).
	const { Nazwa, KodPocztowy, Miejscowosc, ...rest } = merged;
	const checked = contractorObject(
		ctx,
		itemIndex,
		{ Nazwa, KodPocztowy, Miejscowosc },
		{},
		{ Nazwa: 'Name', KodPocztowy: 'Postal Code', Miejscowosc: 'City' },
	);
	const body = { ...rest, ...checked };
	const response = await callIfirma.call(ctx, itemIndex, {
		method: 'PUT',
		path: `kontrahenci/${encodeURIComponent(id)}.json`,
		body,
		safeToRepeat: true,
	});
	return { ...body, Identyfikator: id, Informacja: response.Informacja ?? '' };
}

/** The changes of an update: only the fields the user filled in, checked like a new contractor's. */
export function readChanges(
	ctx: IExecuteFunctions,
	itemIndex: number,
	values: IDataObject,
): IDataObject {
	const changes: IDataObject = {};
	for (const [key, value] of Object.entries(values)) {
		if (typeof value === 'boolean') changes[key] = value;
		else {
			const text = optionalText(ctx, value, itemIndex, CONTRACTOR_LABELS[key] ?? key);
			if (text !== undefined) changes[key] = text;
		}
	}
	if (changes.NIP || changes.Email || changes.EmailDlaFaktury) {
		// Reuse the contractor checks (NIP checksum, e-mail) on the changed values only.
		const probe = contractorObject(
			ctx,
			itemIndex,
			{ Nazwa: 'x', KodPocztowy: 'x', Miejscowosc: 'x' },
			changes,
		);
		for (const key of ['NIP', 'Email', 'EmailDlaFaktury', 'PrefiksUE', 'KodKraju'])
			if (probe[key] !== undefined) changes[key] = probe[key];
	}
	return changes;
}

const digitsOf = (value: unknown) => String(value ?? '').replace(/\D/g, '');

/**
 * After a create, the contractor as stored. `Wynik` of the answer is not the identifier (the documentation's
 * example shows a number, docs/api/ifirma.md §3.1): the identifier is the one sent, or else the contractor found by
 * its NIP (or name) with the same name and NIP. Without a sure match the output keeps `Wynik` and says so.
 */
export async function createdContractor(
	ctx: IExecuteFunctions,
	itemIndex: number,
	contractor: IDataObject,
	response: IfirmaResponse,
	extra: IDataObject = {},
): Promise<IDataObject> {
	const created: IDataObject = {
		Wynik: response.Wynik ?? null,
		Informacja: response.Informacja ?? '',
		...extra,
	};
	return await readBack(ctx, itemIndex, created, async () => {
		if (typeof contractor.Identyfikator === 'string' && contractor.Identyfikator)
			return await getContractor(ctx, itemIndex, contractor.Identyfikator);
		const found = (
			await searchContractors.call(ctx, itemIndex, String(contractor.NIP ?? contractor.Nazwa))
		).filter(
			(candidate) =>
				candidate.Nazwa === contractor.Nazwa &&
				digitsOf(candidate.NIP) === digitsOf(contractor.NIP),
		);
		if (found.length !== 1) {
			const why = found.length
				? `${found.length} contractors have this name and NIP`
				: 'no contractor with this name and NIP was found';
			throw new Error(`iFirma did not say the identifier it gave, and ${why}`);
		}
		return found[0];
	});
}

/** GET `kontrahenci/{phrase}.json`: up to 20 matches; Kod 208 (nothing matches) is an empty list (docs/api/ifirma.md §5.9). */
export async function searchContractors(
	this: IExecuteFunctions,
	itemIndex: number,
	phrase: string,
): Promise<IDataObject[]> {
	const response = await callIfirma.call(this, itemIndex, {
		method: 'GET',
		path: `kontrahenci/${encodeURIComponent(phrase)}.json`,
		safeToRepeat: true,
		acceptKod: [208],
	});
	if (Number(response.Kod) === 208) return [];
	return Array.isArray(response.Wynik) ? response.Wynik : [];
}
