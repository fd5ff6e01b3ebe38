import type { IDataObject, IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { parseJsonValue, type JsonReadOptions } from './json';
import { fixedCollectionRows, type ParameterContext } from './validate';

/**
 * "Fields or JSON": a list (lines, positions, clients) entered row by row in a fixedCollection, or given as a
 * JSON list mapped from earlier nodes. One selector, the collection and the JSON field; the selector's values
 * are always `fields` and `json`. Parameter names are the caller's, so saved workflows keep working.
 */
export interface FieldsOrJson {
	/** The selector (an options parameter), e.g. `positionsInput`. */
	selector: { name: string; displayName: string; fieldsLabel?: string; jsonLabel?: string };
	/** The fixedCollection, e.g. `positions` with rows under `position`. */
	fields: {
		name: string;
		displayName: string;
		rowName: string;
		rowDisplayName: string;
		placeholder: string;
		values: INodeProperties[];
		sortable?: boolean;
		description?: string;
	};
	/** The JSON field, e.g. `positionsJson`. */
	json: { name: string; displayName: string; description: string; default?: string };
	/** Shown/hidden together (besides the selector's own choice). */
	displayOptions?: IDisplayOptions;
	/** How the JSON list is read (a single object accepted as a list of one, the API's name in messages). */
	jsonOptions?: JsonReadOptions;
}

function shownFor(spec: FieldsOrJson, choice: 'fields' | 'json'): IDisplayOptions {
	return {
		...spec.displayOptions,
		show: { ...spec.displayOptions?.show, [spec.selector.name]: [choice] },
	};
}

/** The three parameters: selector, collection (shown for Fields) and JSON field (shown for JSON). */
export function fieldsOrJsonProperties(spec: FieldsOrJson): INodeProperties[] {
	const selector: INodeProperties = {
		displayName: spec.selector.displayName,
		name: spec.selector.name,
		type: 'options',
		options: [
			{ name: 'Fields', value: 'fields' },
			{ name: 'JSON', value: 'json' },
		],
		default: 'fields',
	};
	if (spec.selector.fieldsLabel || spec.selector.jsonLabel) {
		selector.options = [
			{ name: spec.selector.fieldsLabel ?? 'Fields', value: 'fields' },
			{ name: spec.selector.jsonLabel ?? 'JSON', value: 'json' },
		];
	}
	if (spec.displayOptions) selector.displayOptions = spec.displayOptions;
	const json: INodeProperties = {
		displayName: spec.json.displayName,
		name: spec.json.name,
		type: 'json',
		default: '[]',
		displayOptions: shownFor(spec, 'json'),
		description: spec.json.description,
	};
	if (spec.json.default !== undefined) json.default = spec.json.default;
	return [
		selector,
		{
			displayName: spec.fields.displayName,
			name: spec.fields.name,
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, ...(spec.fields.sortable ? { sortable: true } : {}) },
			default: {},
			placeholder: spec.fields.placeholder,
			displayOptions: shownFor(spec, 'fields'),
			options: [
				{
					displayName: spec.fields.rowDisplayName,
					name: spec.fields.rowName,
					values: spec.fields.values,
				},
			],
			...(spec.fields.description ? { description: spec.fields.description } : {}),
		},
		json,
	];
}

/**
 * The rows the user gave, from whichever input the selector chose. JSON rows come as given (the API's own
 * names are allowed there); the caller checks each row. Names the JSON field in every JSON error.
 */
export function readFieldsOrJson(
	ctx: ParameterContext,
	itemIndex: number,
	spec: FieldsOrJson,
): { source: 'fields' | 'json'; rows: IDataObject[] } {
	const choice = ctx.getNodeParameter(spec.selector.name, itemIndex, 'fields') as string;
	if (choice === 'json') {
		const value = ctx.getNodeParameter(spec.json.name, itemIndex, '[]') as unknown;
		const rows =
			parseJsonValue(ctx, value, itemIndex, spec.json.displayName, 'list', spec.jsonOptions) ?? [];
		return { source: 'json', rows };
	}
	return {
		source: 'fields',
		rows: fixedCollectionRows(
			ctx.getNodeParameter(spec.fields.name, itemIndex, {}),
			spec.fields.rowName,
		),
	};
}
