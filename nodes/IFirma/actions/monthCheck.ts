import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { credentialsOf } from '../../common/http';
import { fieldError } from '../../common/validate';
import { KEY_FIELDS, isHexKey } from '../signing';
import { readAccountingMonth, type AccountingMonth } from './account/month';

export const checkMonthField: INodeProperties = {
	displayName: 'Check Accounting Month First',
	name: 'checkAccountingMonth',
	type: 'boolean',
	default: true,
	description:
		'Whether to compare the date with the accounting month set in iFirma before sending (read once per run, only when the credential has the Subscriber key), so a wrong month is reported without a refused request',
};

/** One read per node run: every item of the run shares it. */
const monthOfRun = new WeakMap<object, Promise<AccountingMonth | undefined>>();

/**
 * iFirma refuses documents dated outside the accounting month (docs/api/ifirma.md §0, §5.2). When the month can be
 * known (the abonent key is in the credential), a date outside it stops the item before sending, naming
 * the field and the month that is set. If the month cannot be read, nothing is checked here: iFirma's own
 * refusal still explains it.
 */
export async function checkAccountingMonth(
	ctx: IExecuteFunctions,
	itemIndex: number,
	date: string,
	field: string,
): Promise<void> {
	const extra = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	if (extra.checkAccountingMonth === false) return;
	const credentials = await credentialsOf(ctx, 'iFirmaApi');
	const key = String(credentials[KEY_FIELDS.abonent] ?? '').trim();
	if (!key || !isHexKey(key)) return;
	let pending = monthOfRun.get(ctx);
	if (!pending) {
		pending = readAccountingMonth(ctx, itemIndex).catch(() => undefined);
		monthOfRun.set(ctx, pending);
	}
	const month = await pending;
	if (!month) return;
	const set = `${month.year}-${String(month.month).padStart(2, '0')}`;
	if (date.slice(0, 7) !== set) {
		throw fieldError(
			ctx,
			itemIndex,
			field,
			`${date} is outside the accounting month set in iFirma (${set.slice(5)}/${month.year}): iFirma would refuse it. Move the month with Account → Set Accounting Month (Month of a Date), or turn off Check Accounting Month First`,
		);
	}
}
