import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { monthOutput, readAccountingMonth } from './month';

export const description = updateDisplayOptions(
	{ show: { resource: ['account'], operation: ['getAccountingMonth'] } },
	[],
);

/** The accounting month (miesiąc księgowy) set in iFirma: documents must be dated inside it. */
export const execute: OperationExecute = async function (this, itemIndex) {
	return monthOutput(await readAccountingMonth(this, itemIndex));
};
