import type { IDataObject } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { callIfirma } from '../../transport';
import { contractorObject } from '../shared';
import { contractorAdditionalFields, createdContractor, requiredContractorFields } from './common';

export const description = updateDisplayOptions(
	{ show: { resource: ['contractor'], operation: ['create'] } },
	[...requiredContractorFields, contractorAdditionalFields],
);

/** POST `kontrahenci.json` (docs/api/ifirma.md §5.9). Never retried; use Create or Update by NIP to avoid duplicates. */
export const execute: OperationExecute = async function (this, itemIndex) {
	const contractor = contractorObject(
		this,
		itemIndex,
		{
			Nazwa: this.getNodeParameter('name', itemIndex, ''),
			KodPocztowy: this.getNodeParameter('postCode', itemIndex, ''),
			Miejscowosc: this.getNodeParameter('city', itemIndex, ''),
		},
		this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject,
	);
	const body = { Identyfikator: null, ...contractor };
	const response = await callIfirma.call(this, itemIndex, {
		method: 'POST',
		path: 'kontrahenci.json',
		body,
		safeToRepeat: false,
	});
	return await createdContractor(this, itemIndex, contractor, response);
};
