import type { IExecuteFunctions } from 'n8n-workflow';

import { fieldError } from '../../../common/validate';
import type { InvoiceType } from '../../types';

/** The chosen Invoice Kind, among those the action supports. */
export function kindOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	kinds: InvoiceType[],
): InvoiceType {
	const value = ctx.getNodeParameter('invoiceKind', itemIndex, 'domestic') as string;
	const kind = kinds.find((candidate) => candidate.value === value);
	if (!kind)
		throw fieldError(
			ctx,
			itemIndex,
			'Invoice Kind',
			`"${value}" is not available for this action; use one of: ${kinds.map((k) => k.value).join(', ')}`,
		);
	return kind;
}
