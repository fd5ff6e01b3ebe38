import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { fieldError } from '../../../common/validate';
import { callIfirma } from '../../transport';
import { checkNip, optionalText } from '../shared';
import { identifierField, readIdentifier } from './common';

/** The roles of an additional entity (Rola, docs/api/ifirma.md §4.2). */
const ROLES = [
	{ name: 'Additional Buyer (DODATKOWY_NABYWCA)', value: 'DODATKOWY_NABYWCA' },
	{ name: 'Employee (PRACOWNIK)', value: 'PRACOWNIK' },
	{ name: 'Local Government Unit (JEDN_SAMORZADU_TERYT)', value: 'JEDN_SAMORZADU_TERYT' },
	{ name: 'Other (INNA)', value: 'INNA' },
	{ name: 'Payer (DOKONUJACY_PLATNOSCI)', value: 'DOKONUJACY_PLATNOSCI' },
	{ name: 'Recipient (ODBIORCA)', value: 'ODBIORCA' },
	{ name: 'VAT Group Member (CZLONEK_GRUPY_VAT)', value: 'CZLONEK_GRUPY_VAT' },
];

const properties: INodeProperties[] = [
	{
		...identifierField,
		description: 'The saved contractor the entity is added to (kontrahentIdentyfikator)',
	},
	{
		displayName: 'Role',
		name: 'role',
		type: 'options',
		options: ROLES,
		default: 'ODBIORCA',
		description: 'What the entity is on the invoices (Rola)',
	},
	{
		displayName: 'Role Name',
		name: 'roleName',
		type: 'string',
		required: true,
		default: '',
		description: 'The role as printed, for Other (NazwaRoli)',
		displayOptions: { show: { role: ['INNA'] } },
	},
	{
		displayName: 'Entity Name',
		name: 'entityName',
		type: 'string',
		required: true,
		default: '',
		description: 'Name of the additional entity (Nazwa)',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'City', name: 'Miejscowosc', type: 'string', default: '' },
			{
				displayName: 'Country',
				name: 'Kraj',
				type: 'string',
				default: '',
				description: 'Country name (Kraj)',
			},
			{
				displayName: 'EU Prefix',
				name: 'PrefiksUE',
				type: 'string',
				default: '',
				description: 'Two-letter EU VAT prefix (PrefiksUE)',
			},
			{
				displayName: 'Internal ID With NIP',
				name: 'IdentyfikatorWewnetrznyZNip',
				type: 'string',
				default: '',
				description:
					'Internal identifier together with the NIP (IdentyfikatorWewnetrznyZNip, up to 18 characters), e.g. of a VAT-group member',
			},
			{
				displayName: 'Is Default',
				name: 'CzyDomyslny',
				type: 'boolean',
				default: false,
				description:
					"Whether iFirma puts this entity on the contractor's invoices by default (CzyDomyslny)",
			},
			{
				displayName: 'NIP',
				name: 'NIP',
				type: 'string',
				default: '',
				description: 'Tax ID; a Polish NIP is checked with its checksum',
			},
			{
				displayName: 'Postal Code',
				name: 'KodPocztowy',
				type: 'string',
				default: '',
				placeholder: '00-001',
			},
			{ displayName: 'Street', name: 'Ulica', type: 'string', default: '' },
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contractor'], operation: ['addEntity'] } },
	properties,
);

const LIMITS: Record<string, [string, number]> = {
	Miejscowosc: ['City', 65],
	Kraj: ['Country', 70],
	PrefiksUE: ['EU Prefix', 2],
	IdentyfikatorWewnetrznyZNip: ['Internal ID With NIP', 18],
	KodPocztowy: ['Postal Code', 16],
	Ulica: ['Street', 65],
};

/**
 * POST `podmiotdodatkowy.json?kontrahentIdentyfikator=<id>` (docs/api/ifirma.md §5.9, M: the official page only,
 * no client uses it): a recipient, payer or other entity printed on the contractor's invoices. Not retried: a
 * second call would add it twice.
 */
export const execute: OperationExecute = async function (this, itemIndex) {
	const id = readIdentifier(this, itemIndex);
	const role = this.getNodeParameter('role', itemIndex, 'ODBIORCA') as string;
	if (!ROLES.some((option) => option.value === role))
		throw fieldError(
			this,
			itemIndex,
			'Role',
			`"${role}" is not one of: ${ROLES.map((option) => option.value).join(', ')}`,
		);
	const name = optionalText(
		this,
		this.getNodeParameter('entityName', itemIndex, ''),
		itemIndex,
		'Entity Name',
		150,
	);
	if (!name) throw fieldError(this, itemIndex, 'Entity Name', 'is required');
	const body: IDataObject = { Rola: role, Nazwa: name };
	if (role === 'INNA') {
		const roleName = optionalText(
			this,
			this.getNodeParameter('roleName', itemIndex, ''),
			itemIndex,
			'Role Name',
			100,
		);
		if (!roleName)
			throw fieldError(this, itemIndex, 'Role Name', 'is required with the role Other');
		body.NazwaRoli = roleName;
	}
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	if (extra.CzyDomyslny !== undefined) body.CzyDomyslny = extra.CzyDomyslny === true;
	for (const [key, [label, max]] of Object.entries(LIMITS)) {
		const text = optionalText(this, extra[key], itemIndex, label, max);
		if (text) body[key] = key === 'PrefiksUE' ? text.toUpperCase() : text;
	}
	const nip = optionalText(this, extra.NIP, itemIndex, 'NIP');
	if (nip)
		body.NIP = checkNip(
			this,
			nip,
			{ euPrefix: body.PrefiksUE as string | undefined },
			itemIndex,
			'NIP',
		);
	const response = await callIfirma.call(this, itemIndex, {
		method: 'POST',
		path: 'podmiotdodatkowy.json',
		qs: { kontrahentIdentyfikator: id },
		body,
		safeToRepeat: false,
	});
	return { contractor: id, ...body, Informacja: response.Informacja ?? '' };
};
