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
	{ show: { resource: ['workspace'], operation: ['getMany'] } },
	properties,
);

/**
 * `mrf/room$export` with `{}` (docs/api/smartup.md §8.8): room_id, room_code, room_name, room_type_code, filial_code,
 * state. A reference call (100 a day): answered from memory when repeated in the run.
 */
export const execute: OperationExecute = async function (this, itemIndex) {
	const answer = await callSmartup.call(this, {
		path: PATHS.roomExport,
		body: {},
		safeToRepeat: true,
		itemIndex,
		cacheable: true,
	});
	const rows = Array.isArray(answer.room) ? (answer.room as IDataObject[]) : [];
	return shapeRows(this, rows.slice(0, readLimit(this, itemIndex)), itemIndex);
};
