import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	fieldsOrJsonProperties,
	readFieldsOrJson,
	type FieldsOrJson,
} from '../../../common/fieldsOrJson';
import type { OperationExecute } from '../../../common/router';
import { fieldError, isBlank, readString, toText } from '../../../common/validate';
import { upsertContractor } from '../contractors';
import { contractorOptionFields, normaliseNip, syncFkField, toContractorData } from '../fields';

/**
 * The seed's "contract with several clients": one Symfonia contractor that carries the data of every client.
 * Rule (documented in docs/symfonia.md):
 * - Name: the clients' names in the given order, joined with " / ".
 * - NIP or PESEL, address and contact: those of the first client (the one the invoices go to).
 * - Note: the contract reference (if any), then one line per client with all of its data.
 * - Found and updated by the Code you give (e.g. the contract number), so a re-signed or changed contract
 *   updates the same contractor instead of creating another.
 */

const CLIENT_FIELDS: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', default: '' },
	{ displayName: 'NIP', name: 'nip', type: 'string', default: '' },
	{ displayName: 'PESEL', name: 'pesel', type: 'string', default: '' },
	{ displayName: 'Street', name: 'street', type: 'string', default: '' },
	{ displayName: 'House No', name: 'houseNo', type: 'string', default: '' },
	{ displayName: 'Apartment No', name: 'apartmentNo', type: 'string', default: '' },
	{ displayName: 'Post Code', name: 'postCode', type: 'string', default: '' },
	{ displayName: 'City', name: 'city', type: 'string', default: '' },
	{ displayName: 'Country Code', name: 'country', type: 'string', default: '' },
	{
		displayName: 'E-Mail',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
	},
	{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
];

const CLIENTS: FieldsOrJson = {
	selector: { name: 'clientsInput', displayName: 'Clients Input' },
	fields: {
		name: 'clients',
		displayName: 'Clients',
		rowName: 'client',
		rowDisplayName: 'Client',
		placeholder: 'Add Client',
		values: CLIENT_FIELDS,
		sortable: true,
	},
	json: {
		name: 'clientsJson',
		displayName: 'Clients (JSON)',
		description:
			'A list like [{"name": "Jan Kowalski", "pesel": "80010112345", "city": "Kraków"}, {"name": "ACME", "nip": "5260001246"}] with the field names of the Fields input',
	},
	jsonOptions: { api: 'Symfonia' },
};

const properties: INodeProperties[] = [
	{
		displayName: 'Code',
		name: 'code',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'UM-2026-017',
		description:
			'Code of the one contractor for this contract, e.g. the contract number. It is found and updated by this code.',
	},
	{
		displayName: 'Contract Reference',
		name: 'contractReference',
		type: 'string',
		default: '',
		description: 'Shown on the first line of the note, e.g. "Umowa UM/2026/017 z 2026-03-09"',
	},
	...fieldsOrJsonProperties(CLIENTS),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: contractorOptionFields.filter((field) => field.name !== 'note'),
		description: 'Applied over what the clients give',
	},
	syncFkField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contractor'], operation: ['upsertForContract'] } },
	properties,
);

interface Client {
	name: string;
	nip?: string;
	pesel?: string;
	street?: string;
	houseNo?: string;
	apartmentNo?: string;
	postCode?: string;
	city?: string;
	country?: string;
	email?: string;
	phone?: string;
}

const KNOWN = new Set(CLIENT_FIELDS.map((field) => field.name));

function readClients(ctx: IExecuteFunctions, itemIndex: number): Client[] {
	const raw = readFieldsOrJson(ctx, itemIndex, CLIENTS).rows;
	if (raw.length === 0) throw fieldError(ctx, itemIndex, 'Clients', 'add at least one client');
	return raw.map((entry, index) => {
		const label = `Clients, client ${index + 1}`;
		const client: IDataObject = {};
		for (const [key, value] of Object.entries(entry)) {
			if (!KNOWN.has(key))
				throw fieldError(
					ctx,
					itemIndex,
					`${label}, ${key}`,
					`is not a client field (use: ${[...KNOWN].join(', ')})`,
				);
			if (!isBlank(value)) client[key] = toText(ctx, value, itemIndex, `${label}, ${key}`);
		}
		if (isBlank(client.name)) throw fieldError(ctx, itemIndex, `${label}, Name`, 'is required');
		const country = String(client.country ?? '').toUpperCase();
		if (client.nip)
			client.nip = normaliseNip(ctx, String(client.nip), country, itemIndex, `${label}, NIP`);
		if (client.pesel && !/^\d{11}$/.test(String(client.pesel)))
			throw fieldError(ctx, itemIndex, `${label}, PESEL`, 'must be 11 digits');
		return client as unknown as Client;
	});
}

/** One line of the note: every piece of the client's data that was given. */
export function clientLine(client: Client, index: number): string {
	const street = [client.street, [client.houseNo, client.apartmentNo].filter(Boolean).join('/')]
		.filter(Boolean)
		.join(' ');
	const place = [client.postCode, client.city].filter(Boolean).join(' ');
	const parts = [
		client.name,
		client.nip ? `NIP ${client.nip}` : undefined,
		client.pesel ? `PESEL ${client.pesel}` : undefined,
		[street, place, client.country].filter(Boolean).join(', ') || undefined,
		client.email,
		client.phone,
	].filter(Boolean);
	return `${index + 1}. ${parts.join('; ')}`;
}

export const execute: OperationExecute = async function (this, itemIndex) {
	const code = readString(this, 'code', itemIndex, 'Code', { required: true });
	const reference = readString(this, 'contractReference', itemIndex, 'Contract Reference');
	const clients = readClients(this, itemIndex);
	const first = clients[0];
	const fields: IDataObject = {
		name: clients.map((client) => client.name).join(' / '),
		note: [
			reference ? `${reference} — ${clients.length} client(s):` : `${clients.length} client(s):`,
			...clients.map(clientLine),
		].join('\n'),
		type: first.nip ? 0 : first.pesel ? 2 : 0,
	};
	for (const key of [
		'nip',
		'pesel',
		'street',
		'houseNo',
		'apartmentNo',
		'postCode',
		'city',
		'country',
		'email',
		'phone',
	] as const) {
		if (first[key]) fields[key] = first[key];
	}
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const data = toContractorData(this, { ...fields, ...additional }, itemIndex, 'handel');
	data.Code = code;
	const result = await upsertContractor(this, itemIndex, 'handel', 'code', data);
	return { ...result, clients: clients as unknown as IDataObject[] };
};
