import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { collectPages, readLimit, returnAllOrLimit } from '../../../common/paginate';
import type { OperationExecute } from '../../../common/router';
import { fieldError } from '../../../common/validate';
import { callSmartup } from '../../transport';
import { PATHS } from '../../types';
import { shapeRows } from '../exporter';
import { simplifyField } from '../fields';

const properties: INodeProperties[] = [...returnAllOrLimit, simplifyField];

export const description = updateDisplayOptions(
	{ show: { resource: ['priceType'], operation: ['getMany'] } },
	properties,
);

/** Smartup's v2 price types: `{limit ≤ 1000, offset}` in, `{count, data}` out (docs/api/smartup.md §8.9). */
export const execute: OperationExecute = async function (this, itemIndex) {
	const limit = readLimit(this, itemIndex);
	const rows = await collectPages<IDataObject>(
		async (page, size) => {
			const answer = await callSmartup.call(this, {
				path: PATHS.priceTypeExport,
				body: { limit: size, offset: (page - 1) * size },
				safeToRepeat: true,
				itemIndex,
				cacheable: true,
			});
			if (!Array.isArray(answer.data))
				throw fieldError(
					this,
					itemIndex,
					'Get Many',
					'Smartup answered without a "data" list of price types',
				);
			const total = Number(answer.count);
			return {
				items: answer.data as IDataObject[],
				total: Number.isFinite(total) ? total : undefined,
			};
		},
		{ limit, pageSize: 1000 },
	);
	return shapeRows(this, rows, itemIndex);
};
