import type { IDataObject } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { fieldError } from '../../../common/validate';
import { callIfirma } from '../../transport';
import { checkNip, contractorObject, optionalText } from '../shared';
import {
	contractorAdditionalFields,
	createdContractor,
	mergeAndUpdate,
	requiredContractorFields,
	searchContractors,
} from './common';

export const description = updateDisplayOptions(
	{ show: { resource: ['contractor'], operation: ['upsert'] } },
	[
		{
			displayName: 'NIP',
			name: 'nip',
			type: 'string',
			required: true,
			default: '',
			placeholder: '5213609181',
			description:
				'Tax ID that identifies the contractor: updated if iFirma has one with this NIP, created otherwise. A Polish NIP is checked (checksum); a foreign tax ID needs the EU Prefix or Country Code.',
		},
		...requiredContractorFields,
		{
			...contractorAdditionalFields,
			options: contractorAdditionalFields.options!.filter(
				(field) => (field as { name: string }).name !== 'NIP',
			),
		},
	],
);

const digits = (value: unknown) => String(value ?? '').replace(/\D/g, '');

/**
 * Search by NIP, then PUT the merged record (found) or POST a new one (not found). Running it twice
 * updates the same contractor instead of creating a second one.
 */
export const execute: OperationExecute = async function (this, itemIndex) {
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const prefix = optionalText(this, extra.PrefiksUE, itemIndex, 'EU Prefix', 2);
	const rawNip = optionalText(this, this.getNodeParameter('nip', itemIndex, ''), itemIndex, 'NIP');
	if (!rawNip) throw fieldError(this, itemIndex, 'NIP', 'is required');
	const country = optionalText(this, extra.KodKraju, itemIndex, 'Country Code', 2);
	const nip = checkNip(this, rawNip, { euPrefix: prefix, country }, itemIndex, 'NIP');
	const contractor = contractorObject(
		this,
		itemIndex,
		{
			Nazwa: this.getNodeParameter('name', itemIndex, ''),
			KodPocztowy: this.getNodeParameter('postCode', itemIndex, ''),
			Miejscowosc: this.getNodeParameter('city', itemIndex, ''),
		},
		{ ...extra, NIP: nip },
	);

	const matches = (await searchContractors.call(this, itemIndex, nip)).filter(
		(found) => digits(found.NIP) === digits(nip) && digits(nip) !== '',
	);
	if (matches.length) {
		const id = String(matches[0].Identyfikator);
		const changes = { ...contractor };
		delete changes.Identyfikator;
		return {
			...(await mergeAndUpdate(this, itemIndex, id, changes)),
			action: 'updated',
			matches: matches.length,
		};
	}
	const response = await callIfirma.call(this, itemIndex, {
		method: 'POST',
		path: 'kontrahenci.json',
		body: { Identyfikator: null, ...contractor },
		safeToRepeat: false,
	});
	return await createdContractor(this, itemIndex, contractor, response, { action: 'created' });
};
