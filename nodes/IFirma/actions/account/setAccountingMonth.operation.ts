import type { INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../common/router';
import { fieldError } from '../../../common/validate';
import { readDate } from '../shared';
import { monthOutput, readAccountingMonth, stepAccountingMonth } from './month';

/** More steps than this is surely a mistaken date: the node refuses instead of moving years. */
export const MAX_STEPS = 24;

const properties: INodeProperties[] = [
	{
		displayName: 'Move To',
		name: 'target',
		type: 'options',
		options: [
			{ name: 'Next Month (NAST)', value: 'next' },
			{ name: 'Previous Month (POPRZ)', value: 'previous' },
			{
				name: 'Month of a Date',
				value: 'date',
				description: 'Steps one month at a time until the month of the date is set, then checks it',
			},
		],
		default: 'next',
	},
	{
		displayName: 'Date',
		name: 'date',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Any date in the month to set, e.g. the sale date of the invoices to issue',
		displayOptions: { show: { target: ['date'] } },
	},
	// Declared twice (docs/versioning.md): workflows saved with version 1 keep false; from 1.1 the default is true,
	// the value iFirma's own module sends (docs/api/ifirma.md §5.1). It matters on the December → January step.
	{
		displayName: 'Carry Over Data From Previous Year',
		name: 'carryOver',
		type: 'boolean',
		default: false,
		description:
			'Whether to carry data over when moving into a new year (PrzeniesDaneZPoprzedniegoRoku)',
		displayOptions: { show: { '@version': [1] } },
	},
	{
		displayName: 'Carry Over Data From Previous Year',
		name: 'carryOver',
		type: 'boolean',
		default: true,
		description:
			'Whether to carry data over when moving into a new year (PrzeniesDaneZPoprzedniegoRoku), as iFirma itself does',
		displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } },
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['account'], operation: ['setAccountingMonth'] } },
	properties,
);

/** PUT `abonent/miesiacksiegowy.json` once, or as many times as the target month needs, then GET to verify. */
export const execute: OperationExecute = async function (this, itemIndex) {
	const target = this.getNodeParameter('target', itemIndex, 'next') as string;
	const carryOver =
		this.getNodeParameter('carryOver', itemIndex, this.getNode().typeVersion >= 1.1) === true;
	if (target === 'next' || target === 'previous') {
		const response = await stepAccountingMonth(
			this,
			itemIndex,
			target === 'next' ? 'NAST' : 'POPRZ',
			carryOver,
		);
		return {
			...monthOutput(await readAccountingMonth(this, itemIndex)),
			steps: 1,
			Informacja: response.Informacja ?? '',
		};
	}
	const date = readDate(this, 'date', itemIndex, 'Date');
	const wanted = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
	const start = await readAccountingMonth(this, itemIndex);
	const difference = wanted - (start.year * 12 + start.month - 1);
	if (Math.abs(difference) > MAX_STEPS) {
		throw fieldError(
			this,
			itemIndex,
			'Date',
			`is ${Math.abs(difference)} months away from the accounting month set (${monthOutput(start).month as string}); the node moves at most ${MAX_STEPS}`,
		);
	}
	let informacja = '';
	for (let step = 0; step < Math.abs(difference); step++) {
		const response = await stepAccountingMonth(
			this,
			itemIndex,
			difference > 0 ? 'NAST' : 'POPRZ',
			carryOver,
		);
		informacja = String(response.Informacja ?? '');
	}
	const now = await readAccountingMonth(this, itemIndex);
	if (now.year * 12 + now.month - 1 !== wanted) {
		throw new NodeOperationError(
			this.getNode(),
			`The accounting month is ${monthOutput(now).month as string} after moving, not ${date.slice(0, 7)} [item ${itemIndex}]`,
			{
				itemIndex,
				description: 'Check the month in iFirma (Konfiguracja) before issuing documents.',
			},
		);
	}
	return {
		...monthOutput(now),
		steps: Math.abs(difference),
		previous: monthOutput(start).month,
		Informacja: informacja,
	};
};
