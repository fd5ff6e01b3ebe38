import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiError } from '../../../common/http';
import type { OperationExecute } from '../../../common/router';
import { readString } from '../../../common/validate';
import { callSmartup } from '../../transport';
import { REFERENCE_TYPES, type ReferenceType } from '../../types';
import { shapeRows } from '../exporter';
import { simplifyField } from '../fields';
import { exportOptions } from './operations';

/** Get by Code of a reference (docs/api/smartup.md §8.5-8.7): the export filtered by code, the code checked again here. */

function properties(type: ReferenceType): INodeProperties[] {
	const properties: INodeProperties[] = [
		{
			displayName: 'Code',
			name: 'code',
			type: 'string',
			required: true,
			default: '',
			description: `The ${type.label.toLowerCase()}'s integration code`,
		},
		simplifyField,
		exportOptions,
	];
	return properties;
}

export const description: INodeProperties[] = Object.values(REFERENCE_TYPES).flatMap((type) =>
	updateDisplayOptions(
		{ show: { resource: [type.resource], operation: ['getByCode'] } },
		properties(type),
	),
);

/** The execute of Get by Code for one reference type. */
export function execute(type: ReferenceType): OperationExecute {
	return async function (this, itemIndex) {
		const code = readString(this, 'code', itemIndex, 'Code', { required: true });
		const answer = await callSmartup.call(this, {
			path: type.exportPath,
			body: { code },
			safeToRepeat: true,
			itemIndex,
			cacheable: true,
		});
		const rows = Array.isArray(answer[type.root]) ? (answer[type.root] as IDataObject[]) : [];
		// One integrator saw filters ignored (docs/api/smartup.md §8.6): the code is checked here too.
		const row = rows.find((candidate) => String(candidate.code ?? '') === code);
		if (!row) {
			throw apiError(
				this.getNode(),
				{
					message: `Smartup has no ${type.label.toLowerCase()} with code "${code}"`,
					httpCode: '404',
					itemIndex,
				},
				[],
			);
		}
		return shapeRows(this, [row], itemIndex);
	};
}
