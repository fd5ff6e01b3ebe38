import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collectPages, returnAllOrLimit } from '../../common/paginate';
import { fieldError, isBlank, readString, toPositiveInteger } from '../../common/validate';
import { asList, prop, symfoniaRequest } from '../transport';
import type { ContractorSystem, SymfoniaPage } from '../types';
import {
	contractorOptionFields,
	dashedNip,
	deepMerge,
	isContainedIn,
	normaliseNip,
	syncFkField,
	toContractorData,
} from './fields';

/**
 * Helpers of the contractor actions of Handel (`/api/Contractors`, resource `contractor`) and FK
 * (`/api/FKContractors`, resource `fkContractor`; FK contractors also have `Position`, which FK documents
 * refer to), docs/api/symfonia.md §6.1 and §7.1. Each action's own file (contractor/*.operation.ts,
 * fkContractor/*.operation.ts) holds its description and execute and calls these.
 */

export const BASE: Record<ContractorSystem, string> = {
	handel: '/Contractors',
	fk: '/FKContractors',
};
export const PAGE_SIZE = 100;

// ------------------------------------------------------------------ Get

/** Get: Find By (ID, code, FK position, NIP, PESEL) and Value. */
export function getFields(system: ContractorSystem): INodeProperties[] {
	const options = [
		{ name: 'ID', value: 'id' },
		{ name: 'Code', value: 'code' },
		...(system === 'fk'
			? [
					{
						name: 'Position',
						value: 'position',
						description: 'Position (pozycja kartoteki) of the FK contractor',
					},
				]
			: []),
		{
			name: 'NIP',
			value: 'nip',
			description: 'NIP is not unique: every contractor with it is returned',
		},
		{ name: 'PESEL', value: 'pesel' },
	];
	return [
		{ displayName: 'Find By', name: 'findBy', type: 'options', options, default: 'code' },
		{
			displayName: 'Value',
			name: 'value',
			type: 'string',
			required: true,
			default: '',
			description: 'The ID, code, position, NIP or PESEL to look up',
		},
	];
}

/** The query for Find By / Value, checked (ids are whole numbers, NIP with its checksum, PESEL 11 digits). */
export function readLookup(
	ctx: IExecuteFunctions,
	itemIndex: number,
	findBy: string,
	value: string,
): IDataObject {
	switch (findBy) {
		case 'id':
			return { id: toPositiveInteger(ctx, value, itemIndex, 'Value (ID)') };
		case 'position':
			return { position: toPositiveInteger(ctx, value, itemIndex, 'Value (Position)') };
		case 'nip':
			return { nip: normaliseNip(ctx, value, '', itemIndex, 'Value (NIP)') };
		case 'pesel':
			if (!/^\d{11}$/.test(value))
				throw fieldError(ctx, itemIndex, 'Value (PESEL)', 'must be 11 digits');
			return { pesel: value };
		case 'code':
			return { code: value };
		default:
			throw fieldError(ctx, itemIndex, 'Find By', `unknown choice "${findBy}"`);
	}
}

// ------------------------------------------------------------------ Get Many

/** Get Many: Return All / Limit, and for Handel the filters of PATCH Contractors/Filter. */
export function getManyFields(system: ContractorSystem): INodeProperties[] {
	const filters: INodeProperties[] =
		system === 'handel'
			? [
					{
						displayName: 'Filters',
						name: 'filters',
						type: 'collection',
						placeholder: 'Add Filter',
						default: {},
						description:
							'With any filter set, the list comes from PATCH /api/Contractors/Filter instead of the paged list',
						options: [
							{
								displayName: 'Active Only',
								name: 'active',
								type: 'boolean',
								default: true,
								description: 'Whether to return only active contractors',
							},
							{ displayName: 'City Starts With', name: 'city', type: 'string', default: '' },
							{ displayName: 'Code Starts With', name: 'code', type: 'string', default: '' },
							{ displayName: 'Name Starts With', name: 'name', type: 'string', default: '' },
							{ displayName: 'NIP Starts With', name: 'nip', type: 'string', default: '' },
						],
					},
				]
			: [];
	return [...returnAllOrLimit, ...filters];
}

/** Handel's `PATCH /api/Contractors/Filter` with "starts with" criteria (docs/api/symfonia.md §5), cut to the limit. */
export async function filterContractors(
	ctx: IExecuteFunctions,
	itemIndex: number,
	filters: IDataObject,
	limit: number,
): Promise<IDataObject[]> {
	const criteria: IDataObject = {};
	for (const [key, field] of [
		['code', 'Code'],
		['name', 'Name'],
		['nip', 'NIP'],
		['city', 'City'],
	] as const) {
		if (isBlank(filters[key])) continue;
		criteria[`${field}_From`] = String(filters[key]).trim();
		criteria[`${field}_Mode`] = 1; // StartsWith (docs/api/symfonia.md §5)
	}
	if (typeof filters.active === 'boolean' && filters.active) criteria.Active = true;
	const list = asList(
		await symfoniaRequest.call(ctx, itemIndex, {
			method: 'PATCH',
			path: `${BASE.handel}/Filter`,
			body: criteria,
			safeToRepeat: true,
		}),
	);
	return Number.isFinite(limit) ? list.slice(0, limit) : list;
}

/** `GET /api/X/Page?orderBy=1&page=N&size=M` until the limit or TotalItems (pages counted from 1, docs/api/symfonia.md §5: not documented). */
export async function readPages(
	ctx: IExecuteFunctions,
	itemIndex: number,
	base: string,
	limit: number,
): Promise<IDataObject[]> {
	return await collectPages(
		async (page, size) => {
			const answer = (await symfoniaRequest.call(ctx, itemIndex, {
				method: 'GET',
				path: `${base}/Page`,
				qs: { orderBy: 1, page, size },
				safeToRepeat: true,
			})) as SymfoniaPage | undefined;
			const items = asList(prop(answer, 'Data') ?? []);
			const total = Number(prop(answer, 'TotalItems'));
			return { items, total: Number.isFinite(total) && total > 0 ? total : undefined };
		},
		{ limit, pageSize: PAGE_SIZE },
	);
}

// ------------------------------------------------------------------ Create

/** Create: Code, Name, NIP and the optional fields. */
export function createFields(system: ContractorSystem): INodeProperties[] {
	return [
		{
			displayName: 'Code',
			name: 'code',
			type: 'string',
			required: true,
			default: '',
			description: 'Short unique code of the contractor (Kod)',
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			description: 'Full name of the contractor (Nazwa)',
		},
		{
			displayName: 'NIP',
			name: 'nip',
			type: 'string',
			default: '',
			placeholder: '5260001246',
			description: 'Polish tax ID; dashes and a PL prefix are removed',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: contractorOptionFields,
		},
		...(system === 'handel' ? [syncFkField] : []),
	];
}

/** Code, Name, NIP and Additional Fields as a Symfonia contractor (Create, Create or Update). */
export function readMainFields(
	ctx: IExecuteFunctions,
	itemIndex: number,
	system: ContractorSystem,
	requireCodeName: boolean,
): IDataObject {
	const code = readString(ctx, 'code', itemIndex, 'Code', { required: requireCodeName });
	const name = readString(ctx, 'name', itemIndex, 'Name', { required: requireCodeName });
	const nip = readString(ctx, 'nip', itemIndex, 'NIP');
	const additional = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const data = toContractorData(
		ctx,
		{ ...additional, ...(name ? { name } : {}), ...(nip ? { nip } : {}) },
		itemIndex,
		system,
	);
	if (code) data.Code = code;
	return data;
}

/** Not retried on a lost answer (contractor creates are not deduplicated by Symfonia). */
export async function createContractor(
	ctx: IExecuteFunctions,
	itemIndex: number,
	system: ContractorSystem,
	data: IDataObject,
): Promise<IDataObject> {
	const qs =
		system === 'handel'
			? { syncFk: ctx.getNodeParameter('syncFk', itemIndex, false) as boolean }
			: undefined;
	const created = (await symfoniaRequest.call(ctx, itemIndex, {
		method: 'POST',
		path: `${BASE[system]}/Create`,
		qs,
		body: data,
		safeToRepeat: false,
	})) as IDataObject | undefined;
	let result: IDataObject = created && typeof created === 'object' ? created : { ...data };
	if (system === 'fk' && prop(result, 'Position') === undefined && !isBlank(data.Code)) {
		// The response should carry Position (docs/api/symfonia.md §7.1, D); if it does not, read the contractor back.
		result =
			((await symfoniaRequest.call(
				ctx,
				itemIndex,
				{ method: 'GET', path: BASE[system], qs: { code: data.Code }, safeToRepeat: true },
				{ notFoundAsUndefined: true },
			)) as IDataObject | undefined) ?? result;
	}
	return result;
}

// ------------------------------------------------------------------ Update

/** Update: Find By (ID, code, FK position), Value and the fields to change. */
export function updateFields(system: ContractorSystem): INodeProperties[] {
	const findOptions = [
		{ name: 'ID', value: 'id' },
		{ name: 'Code', value: 'code' },
		...(system === 'fk' ? [{ name: 'Position', value: 'position' }] : []),
	];
	return [
		{
			displayName: 'Find By',
			name: 'findBy',
			type: 'options',
			options: findOptions,
			default: 'code',
		},
		{
			displayName: 'Value',
			name: 'value',
			type: 'string',
			required: true,
			default: '',
			description: 'ID, code or position of the contractor to change',
		},
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{ displayName: 'Name', name: 'name', type: 'string', default: '' } as INodeProperties,
				{ displayName: 'NIP', name: 'nip', type: 'string', default: '' } as INodeProperties,
				...contractorOptionFields,
			].sort((a, b) => a.displayName.localeCompare(b.displayName)),
		},
		...(system === 'handel' ? [syncFkField] : []),
	];
}

/**
 * Sends the whole contractor with the changed fields replaced: whether Update merges or replaces is not
 * documented (docs/api/symfonia.md §6.1), so fields the user did not touch are sent with their current values.
 */
export async function updateContractor(
	ctx: IExecuteFunctions,
	itemIndex: number,
	system: ContractorSystem,
	found: IDataObject,
	patch: IDataObject,
): Promise<IDataObject> {
	if (isContainedIn(patch, found)) return { ...found, symfoniaAction: 'unchanged' };
	const merged = deepMerge(found, patch);
	const qs =
		system === 'handel'
			? { syncFk: ctx.getNodeParameter('syncFk', itemIndex, false) as boolean }
			: undefined;
	// Keyed by the contractor's Id: sending it twice leaves the same result, so it may be retried.
	const answer = await symfoniaRequest.call(ctx, itemIndex, {
		method: 'PUT',
		path: `${BASE[system]}/Update`,
		qs,
		body: merged,
		safeToRepeat: true,
	});
	const result =
		answer && typeof answer === 'object' && !Array.isArray(answer)
			? deepMerge(merged, answer as IDataObject)
			: merged;
	return { ...result, symfoniaAction: 'updated' };
}

// ------------------------------------------------------------------ Create or Update

/** Create or Update: Match By (NIP or code), the contractor's fields and the dashed-NIP search. */
export function upsertFields(system: ContractorSystem): INodeProperties[] {
	return [
		{
			displayName: 'Match By',
			name: 'matchBy',
			type: 'options',
			options: [
				{
					name: 'NIP',
					value: 'nip',
					description: 'Find the contractor by NIP; create it when none has it',
				},
				{
					name: 'Code',
					value: 'code',
					description: 'Find the contractor by its code; create it when none has it',
				},
			],
			default: 'nip',
		},
		{
			displayName: 'Code',
			name: 'code',
			type: 'string',
			default: '',
			description:
				'Code of the contractor. Needed when matching by code. When matching by NIP and it is empty, a new contractor gets the NIP as its code.',
		},
		{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '' },
		{
			displayName: 'NIP',
			name: 'nip',
			type: 'string',
			default: '',
			placeholder: '5260001246',
			description: 'Needed when matching by NIP',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: contractorOptionFields,
		},
		...(system === 'handel' ? [syncFkField] : []),
		{
			displayName: 'Also Search NIP With Dashes',
			name: 'searchDashedNip',
			type: 'boolean',
			default: false,
			description:
				'Whether to search again for the NIP written as 526-000-12-46 when the digits-only search finds nothing (for databases where NIPs were typed with dashes; one more request per new contractor)',
		},
	];
}

/** Find by NIP or code, then create or update: 2 requests per contractor (find + create/update), 1 when nothing changed. */
export async function upsertContractor(
	ctx: IExecuteFunctions,
	itemIndex: number,
	system: ContractorSystem,
	matchBy: 'nip' | 'code',
	data: IDataObject,
): Promise<IDataObject> {
	let found: IDataObject | undefined;
	if (matchBy === 'code') {
		if (isBlank(data.Code))
			throw fieldError(ctx, itemIndex, 'Code', 'is required when matching by code');
		const answer = await symfoniaRequest.call(
			ctx,
			itemIndex,
			{ method: 'GET', path: BASE[system], qs: { code: data.Code }, safeToRepeat: true },
			{ notFoundAsUndefined: true },
		);
		found = asList(answer)[0];
	} else {
		if (isBlank(data.NIP))
			throw fieldError(ctx, itemIndex, 'NIP', 'is required when matching by NIP');
		const nip = String(data.NIP);
		let matches = asList(
			await symfoniaRequest.call(
				ctx,
				itemIndex,
				{ method: 'GET', path: BASE[system], qs: { nip }, safeToRepeat: true },
				{ notFoundAsUndefined: true },
			),
		);
		if (
			matches.length === 0 &&
			ctx.getNodeParameter('searchDashedNip', itemIndex, false) &&
			dashedNip(nip) !== nip
		) {
			matches = asList(
				await symfoniaRequest.call(
					ctx,
					itemIndex,
					{ method: 'GET', path: BASE[system], qs: { nip: dashedNip(nip) }, safeToRepeat: true },
					{ notFoundAsUndefined: true },
				),
			);
		}
		if (matches.length > 1) {
			const codes = matches.map((match) => String(prop(match, 'Code'))).join(', ');
			throw fieldError(
				ctx,
				itemIndex,
				'NIP',
				`${matches.length} contractors in Symfonia have NIP ${nip} (codes: ${codes}); match by code instead`,
			);
		}
		found = matches[0];
		if (!found && isBlank(data.Code)) data.Code = nip;
	}
	if (!found) {
		const created = await createContractor(ctx, itemIndex, system, data);
		return { ...created, symfoniaAction: 'created' };
	}
	// Never change the key the contractor was found by, nor its identity.
	const patch = { ...data };
	delete patch.Id;
	delete patch.Position;
	if (matchBy === 'nip' && !isBlank(prop(found, 'Code'))) delete patch.Code;
	return await updateContractor(ctx, itemIndex, system, found, patch);
}
