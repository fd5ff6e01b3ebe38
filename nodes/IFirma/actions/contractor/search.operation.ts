import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { fieldError } from '../../../common/validate';
import { optionalText } from '../shared';
import { searchContractors } from './common';

export const description = updateDisplayOptions(
	{ show: { resource: ['contractor'], operation: ['search'] } },
	[
		{
			displayName: 'Search Text',
			name: 'phrase',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'IFIRMA SA or 5213609181',
			description:
				'Part of the identifier, name or NIP. iFirma returns at most 20 matches; none is not an error (no output items).',
		},
	],
);

/** GET `kontrahenci/{phrase}.json`; Kod 208 (nothing matches) gives no items (docs/api/ifirma.md §5.9). */
export const execute: OperationExecute = async function (this, itemIndex) {
	const phrase = optionalText(
		this,
		this.getNodeParameter('phrase', itemIndex, ''),
		itemIndex,
		'Search Text',
		100,
	);
	if (!phrase) throw fieldError(this, itemIndex, 'Search Text', 'is required');
	return await searchContractors.call(this, itemIndex, phrase);
};
