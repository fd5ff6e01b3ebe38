import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readLimit, returnAllOrLimit } from '../../../common/paginate';
import type { OperationExecute } from '../../../common/router';
import { callSmartup } from '../../transport';
import { PATHS } from '../../types';
import { shapeRows } from '../exporter';
import { simplifyField } from '../fields';

const properties: INodeProperties[] = [...returnAllOrLimit, simplifyField];

export const description = updateDisplayOptions(
	{ show: { resource: ['warehouse'], operation: ['getMany'] } },
	properties,
);

/** `mkw/warehouse$export` with `{}` (docs/api/smartup.md §8.8; not in the official collection). Cached within the execution. */
export const execute: OperationExecute = async function (this, itemIndex) {
	const answer = await callSmartup.call(this, {
		path: PATHS.warehouseExport,
		body: {},
		safeToRepeat: true,
		itemIndex,
		cacheable: true,
	});
	const rows = Array.isArray(answer.warehouse) ? (answer.warehouse as IDataObject[]) : [];
	return shapeRows(this, rows.slice(0, readLimit(this, itemIndex)), itemIndex);
};
