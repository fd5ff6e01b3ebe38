import type { IDataObject } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { callIfirma, contractorObject, readBack } from '../shared';
import { contractorAdditionalFields, getContractor, requiredContractorFields } from './common';

export const description = updateDisplayOptions({ show: { resource: ['contractor'], operation: ['create'] } }, [
	...requiredContractorFields,
	contractorAdditionalFields,
]);

/** POST `kontrahenci.json` (API file §5.9). Never retried; use Create or Update by NIP to avoid duplicates. */
export const execute: OperationExecute = async function (this, itemIndex) {
	const contractor = contractorObject(
		this,
		itemIndex,
		{ Nazwa: this.getNodeParameter('name', itemIndex, ''), KodPocztowy: this.getNodeParameter('postCode', itemIndex, ''), Miejscowosc: this.getNodeParameter('city', itemIndex, '') },
		this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject,
	);
	const body = { Identyfikator: null, ...contractor };
	const response = await callIfirma.call(this, itemIndex, { method: 'POST', path: 'kontrahenci.json', body, safeToRepeat: false });
	const id = typeof response.Wynik === 'string' || typeof response.Wynik === 'number' ? String(response.Wynik) : String(contractor.Identyfikator ?? '');
	if (!id) return { ...contractor, Informacja: response.Informacja ?? '' };
	return await readBack(this, itemIndex, { Identyfikator: id, Informacja: response.Informacja ?? '' }, async () => await getContractor(this, itemIndex, id));
};
