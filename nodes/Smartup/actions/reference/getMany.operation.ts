import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readLimit, returnAllOrLimit } from '../../../common/paginate';
import type { OperationExecute } from '../../../common/router';
import { fieldError } from '../../../common/validate';
import { formatDate, readDateTime, today } from '../../dates';
import { callSmartup } from '../../transport';
import { REFERENCE_TYPES, type ReferenceType } from '../../types';
import { shapeRows } from '../exporter';
import { organizationCodeField, readTimeZone, simplifyField } from '../fields';
import { exportOptions } from './operations';

/** Get Many of a reference (docs/api/smartup.md §8.5-8.7): one export, answered from memory when repeated in the run (quota). */

function properties(type: ReferenceType): INodeProperties[] {
	const filters: INodeProperties[] = [
		{ ...organizationCodeField },
		{
			displayName: 'Modified Since',
			name: 'modifiedSince',
			type: 'dateTime',
			default: '',
			description: 'Only objects created or changed from this day to today',
		},
	];
	if (type.resource !== 'product') {
		filters.push({
			displayName: 'State',
			name: 'state',
			type: 'options',
			options: [
				{ name: 'Active (A)', value: 'A' },
				{ name: 'Passive (P)', value: 'P' },
				{ name: 'Both', value: 'A,P' },
			],
			default: 'A',
		});
	}
	const properties: INodeProperties[] = [
		...returnAllOrLimit,
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: filters,
		},
		simplifyField,
		exportOptions,
	];
	return properties;
}

export const description: INodeProperties[] = Object.values(REFERENCE_TYPES).flatMap((type) =>
	updateDisplayOptions(
		{ show: { resource: [type.resource], operation: ['getMany'] } },
		properties(type),
	),
);

/** The execute of Get Many for one reference type. */
export function execute(type: ReferenceType): OperationExecute {
	return async function (this, itemIndex) {
		const values = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const body: IDataObject = {};
		if (values.filialCode) body.filial_code = String(values.filialCode).trim();
		if (values.state) body.state = String(values.state);
		if (values.modifiedSince) {
			const zone = readTimeZone(this, itemIndex);
			const since = readDateTime(values.modifiedSince, zone);
			if (!since)
				throw fieldError(this, itemIndex, 'Modified Since', 'must be a date like 2026-03-05');
			body.begin_modified_on = formatDate(since);
			body.end_modified_on = formatDate(today(zone));
		}
		const answer = await callSmartup.call(this, {
			path: type.exportPath,
			body,
			safeToRepeat: true,
			itemIndex,
			cacheable: true,
		});
		const rows = Array.isArray(answer[type.root]) ? (answer[type.root] as IDataObject[]) : [];
		return shapeRows(this, rows.slice(0, readLimit(this, itemIndex)), itemIndex);
	};
}
