import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseJsonValue } from '../../common/json';
import {
	fieldError,
	isBlank,
	isValidNip,
	toBoolean,
	toIsoDate,
	toPositiveInteger,
	toText,
} from '../../common/validate';

/** Dates go to Symfonia as .NET DateTime without a zone (docs/api/symfonia.md §3). */
export function toSymfoniaDate(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	field: string,
): string {
	return `${toIsoDate(ctx, value, itemIndex, field)}T00:00:00`;
}

/** The ending n8n asks of every dropdown filled from the API (lint rule for dynamic options). */
export const DYNAMIC =
	'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';

/** "Other Fields (JSON)": one object of Symfonia field names, or undefined when empty. */
export function readOtherFields(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
): IDataObject | undefined {
	return parseJsonValue(ctx, value, itemIndex, 'Other Fields (JSON)', 'object', {
		api: 'Symfonia',
	});
}

/**
 * "Other Fields (JSON)" adds fields the node has no parameter for; a field the node already set from its own
 * parameter (a text, a number) is refused, so a mapping mistake cannot replace e.g. Name with an object.
 */
export function mergeOtherFields(
	ctx: IExecuteFunctions,
	base: IDataObject,
	extra: IDataObject | undefined,
	itemIndex: number,
): IDataObject {
	if (!extra) return base;
	for (const key of Object.keys(extra)) {
		const setKey = Object.keys(base).find(
			(candidate) => candidate.toLowerCase() === key.toLowerCase(),
		);
		const setValue = setKey === undefined ? undefined : base[setKey];
		if (setValue !== undefined && setValue !== null && typeof setValue !== 'object') {
			throw fieldError(
				ctx,
				itemIndex,
				'Other Fields (JSON)',
				`"${key}" is set by its own field in this node; remove it here`,
			);
		}
	}
	return deepMerge(base, extra);
}

export function toOptionalId(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	field: string,
): number | undefined {
	return isBlank(value) ? undefined : toPositiveInteger(ctx, value, itemIndex, field);
}

/** Sets nested `path` (e.g. DefaultAddress.City) on `target`. */
export function setPath(target: IDataObject, path: string, value: unknown): void {
	const keys = path.split('.');
	let current = target;
	for (const key of keys.slice(0, -1)) {
		if (!current[key] || typeof current[key] !== 'object') current[key] = {};
		current = current[key] as IDataObject;
	}
	current[keys[keys.length - 1]] = value as IDataObject[keyof IDataObject];
}

/** Deep merge of plain objects: `patch` wins, lists are replaced. */
export function deepMerge(base: IDataObject, patch: IDataObject): IDataObject {
	const result: IDataObject = { ...base };
	for (const [key, value] of Object.entries(patch)) {
		const existingKey =
			Object.keys(result).find((candidate) => candidate.toLowerCase() === key.toLowerCase()) ?? key;
		const existing = result[existingKey];
		if (
			value &&
			typeof value === 'object' &&
			!Array.isArray(value) &&
			existing &&
			typeof existing === 'object' &&
			!Array.isArray(existing)
		) {
			result[existingKey] = deepMerge(existing as IDataObject, value as IDataObject);
		} else {
			result[existingKey] = value;
		}
	}
	return result;
}

/** Whether every value of `patch` is already in `base` (then an update would change nothing). */
export function isContainedIn(patch: IDataObject, base: IDataObject | undefined): boolean {
	if (!base) return false;
	return Object.entries(patch).every(([key, value]) => {
		const existingKey = Object.keys(base).find(
			(candidate) => candidate.toLowerCase() === key.toLowerCase(),
		);
		const existing = existingKey === undefined ? undefined : base[existingKey];
		if (value && typeof value === 'object' && !Array.isArray(value)) {
			return (
				!!existing &&
				typeof existing === 'object' &&
				isContainedIn(value as IDataObject, existing as IDataObject)
			);
		}
		if (Array.isArray(value)) return JSON.stringify(value) === JSON.stringify(existing);
		if (typeof value === 'string' && (existing === null || existing === undefined))
			return value === '';
		return value === existing;
	});
}

// ---------------------------------------------------------------- contractor fields

interface FieldSpec {
	label: string;
	/** Target path; `{address}` is DefaultAddress in Handel and Address in FK. */
	path: string;
	kind: 'text' | 'bool' | 'option';
}

export const CONTRACTOR_FIELDS: Record<string, FieldSpec> = {
	active: { label: 'Active', path: 'Active', kind: 'bool' },
	apartmentNo: { label: 'Apartment No', path: '{address}.ApartmentNo', kind: 'text' },
	bankAccount: { label: 'Bank Account Number', path: 'BankInfo.AccountNumber', kind: 'text' },
	bankName: { label: 'Bank Name', path: 'BankInfo.BankName', kind: 'text' },
	city: { label: 'City', path: '{address}.City', kind: 'text' },
	contactName: { label: 'Contact First Name', path: 'Contact.Name', kind: 'text' },
	contactSurname: { label: 'Contact Last Name', path: 'Contact.Surname', kind: 'text' },
	country: { label: 'Country Code', path: '{address}.Country', kind: 'text' },
	email: { label: 'E-Mail', path: 'Contact.Email', kind: 'text' },
	houseNo: { label: 'House No', path: '{address}.HouseNo', kind: 'text' },
	name: { label: 'Name', path: 'Name', kind: 'text' },
	nip: { label: 'NIP', path: 'NIP', kind: 'text' },
	note: { label: 'Note', path: 'Note', kind: 'text' },
	pesel: { label: 'PESEL', path: 'Pesel', kind: 'text' },
	phone: { label: 'Phone', path: 'Contact.Phone1', kind: 'text' },
	postCode: { label: 'Post Code', path: '{address}.PostCode', kind: 'text' },
	province: { label: 'Province', path: '{address}.Province', kind: 'text' },
	regon: { label: 'REGON', path: 'Regon', kind: 'text' },
	splitPayment: { label: 'Split Payment', path: 'SplitPayment', kind: 'option' },
	street: { label: 'Street', path: '{address}.Street', kind: 'text' },
	type: { label: 'Type', path: 'Type', kind: 'option' },
	vatTaxPayer: { label: 'VAT Payer', path: 'VATTaxPayer', kind: 'bool' },
	vies: { label: 'EU VAT (VIES)', path: 'Vies', kind: 'bool' },
	website: { label: 'Website', path: 'Contact.WWW', kind: 'text' },
	extraJson: { label: 'Other Fields (JSON)', path: '', kind: 'text' },
};

const text = (
	name: string,
	displayName: string,
	description?: string,
	placeholder?: string,
): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	...(description ? { description } : {}),
	...(placeholder ? { placeholder } : {}),
});

/** The optional contractor fields, Handel and FK alike (docs/api/symfonia.md §6.1, §7.1). */
export const contractorOptionFields: INodeProperties[] = [
	{
		displayName: 'Active',
		name: 'active',
		type: 'boolean',
		default: true,
		description: 'Whether the contractor is active',
	},
	text('apartmentNo', 'Apartment No'),
	text('bankAccount', 'Bank Account Number', 'BankInfo.AccountNumber'),
	text('bankName', 'Bank Name'),
	text('city', 'City'),
	text('contactName', 'Contact First Name'),
	text('contactSurname', 'Contact Last Name'),
	text(
		'country',
		'Country Code',
		'ISO code of the country, e.g. PL, DE. For a country other than PL the NIP is sent as given, without the Polish checksum check.',
		'PL',
	),
	text('email', 'E-Mail'),
	text('houseNo', 'House No'),
	text('note', 'Note', 'Free-text note (Uwagi)'),
	{
		displayName: 'Other Fields (JSON)',
		name: 'extraJson',
		type: 'json',
		default: '{}',
		description:
			'Any other field of the Symfonia contractor, as JSON with its API names, e.g. {"Marker": 2, "PriceKind": 2}. Applied last.',
	},
	text('pesel', 'PESEL'),
	text('phone', 'Phone'),
	text('postCode', 'Post Code', undefined, '00-001'),
	text('province', 'Province', 'Województwo, e.g. mazowieckie'),
	text('regon', 'REGON'),
	{
		displayName: 'Split Payment',
		name: 'splitPayment',
		type: 'options',
		default: 0,
		options: [
			{ name: 'None', value: 0 },
			{ name: 'Blocked', value: 1 },
			{ name: 'Required', value: 2 },
		],
		description: 'Split payment (MPP) setting of the contractor',
	},
	text('street', 'Street'),
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		default: 0,
		options: [
			{ name: 'Company', value: 0 },
			{ name: 'Sole Trader', value: 1 },
			{ name: 'Person', value: 2 },
		],
		description: 'Firm, person running a business, or private person',
	},
	{
		displayName: 'VAT Payer',
		name: 'vatTaxPayer',
		type: 'boolean',
		default: true,
		description: 'Whether the contractor is a VAT payer',
	},
	{
		displayName: 'EU VAT (VIES)',
		name: 'vies',
		type: 'boolean',
		default: false,
		description: 'Whether the contractor is registered for EU VAT',
	},
	text('website', 'Website'),
];

/**
 * Turns the fields a user set into a Symfonia contractor (Handel `DefaultAddress`, FK `Address`).
 * NIP: 10 digits with a correct checksum, sent as digits only, unless the country is not PL.
 */
export function toContractorData(
	ctx: IExecuteFunctions,
	fields: IDataObject,
	itemIndex: number,
	system: 'handel' | 'fk',
): IDataObject {
	const data: IDataObject = {};
	const address = system === 'fk' ? 'Address' : 'DefaultAddress';
	const country = typeof fields.country === 'string' ? fields.country.trim().toUpperCase() : '';
	for (const [key, value] of Object.entries(fields)) {
		const spec = CONTRACTOR_FIELDS[key];
		if (!spec) throw fieldError(ctx, itemIndex, key, 'is not a contractor field');
		if (key === 'extraJson') continue;
		if (isBlank(value)) continue;
		let converted: unknown;
		if (spec.kind === 'bool') converted = toBoolean(ctx, value, itemIndex, spec.label);
		else if (spec.kind === 'option') converted = Number(value);
		else converted = toText(ctx, value, itemIndex, spec.label);
		if (key === 'nip')
			converted = normaliseNip(ctx, converted as string, country, itemIndex, spec.label);
		if (key === 'country') converted = (converted as string).toUpperCase();
		if (key === 'pesel' && !/^\d{11}$/.test(converted as string))
			throw fieldError(ctx, itemIndex, spec.label, 'must be 11 digits');
		setPath(data, spec.path.replace('{address}', address), converted);
	}
	const merged = mergeOtherFields(
		ctx,
		data,
		readOtherFields(ctx, fields.extraJson, itemIndex),
		itemIndex,
	);
	// The FK Contractor model has no Note: FK would drop it without a word (docs/api/symfonia.md, "FK contractors: no Note").
	if (system === 'fk' && Object.keys(merged).some((key) => key.toLowerCase() === 'note')) {
		throw fieldError(
			ctx,
			itemIndex,
			'Note',
			'FK contractors have no note, so FK would drop it; put the text into the Name or a dimension, or keep it on the Handel contractor (Contractor resource)',
		);
	}
	return merged;
}

export function normaliseNip(
	ctx: IExecuteFunctions,
	value: string,
	country: string,
	itemIndex: number,
	field: string,
): string {
	if (country && country !== 'PL') return value.replace(/\s/g, '');
	if (!isValidNip(value))
		throw fieldError(
			ctx,
			itemIndex,
			field,
			`"${value}" is not a valid NIP (10 digits with a correct checksum)`,
		);
	return value.replace(/^PL/i, '').replace(/[\s-]/g, '');
}

/** 5260001246 → 526-000-12-46, the form Symfonia's own screens use. */
export function dashedNip(nip: string): string {
	return /^\d{10}$/.test(nip)
		? `${nip.slice(0, 3)}-${nip.slice(3, 6)}-${nip.slice(6, 8)}-${nip.slice(8)}`
		: nip;
}

// ---------------------------------------------------------------- shared small fields

export const syncFkField: INodeProperties = {
	displayName: 'Sync to FK',
	name: 'syncFk',
	type: 'boolean',
	default: false,
	description:
		'Whether Symfonia also creates/updates the contractor in Finanse i Księgowość (syncFk)',
};
