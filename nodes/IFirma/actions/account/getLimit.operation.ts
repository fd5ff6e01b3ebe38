import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { callIfirma } from '../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['account'], operation: ['getLimit'] } },
	[],
);

/** GET `abonent/limit.json` (key "abonent"): used and granted, plus what is left (docs/api/ifirma.md §5.1). */
export const execute: OperationExecute = async function (this, itemIndex) {
	const response = await callIfirma.call(this, itemIndex, {
		method: 'GET',
		path: 'abonent/limit.json',
		safeToRepeat: true,
	});
	const used = Number(response.LimitWykorzystany);
	const granted = Number(response.LimitPrzyznany);
	return {
		used: Number.isFinite(used) ? used : null,
		granted: Number.isFinite(granted) ? granted : null,
		remaining:
			Number.isFinite(used) && Number.isFinite(granted) ? Math.max(0, granted - used) : null,
		LimitWykorzystany: response.LimitWykorzystany ?? null,
		LimitPrzyznany: response.LimitPrzyznany ?? null,
		Informacja: response.Informacja ?? '',
	};
};
