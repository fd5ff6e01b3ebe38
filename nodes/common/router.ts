import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** Items an operation built itself (binary output); everything else is plain JSON. */
export interface PreparedItems {
	preparedItems: INodeExecutionData[];
}

export type OperationResult = IDataObject | IDataObject[] | PreparedItems;

/** What every `*.operation.ts` exports as `execute`: one item in, its result out. */
export type OperationExecute = (
	this: IExecuteFunctions,
	itemIndex: number,
) => Promise<OperationResult>;

/**
 * The item loop shared by every node's router: picks the operation by `resource:operation`, runs it once
 * per input item, pairs each output to its input and, with Continue On Fail, turns an error into an item
 * of its own (paired too) so the other items go on.
 */
export async function runOperations(
	this: IExecuteFunctions,
	operations: Record<string, OperationExecute>,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const execute = operations[`${resource}:${operation}`];
	if (!execute) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}

	const returnData: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const result = await execute.call(this, i);
			if (isPreparedItems(result)) {
				for (const item of result.preparedItems)
					returnData.push({ ...item, pairedItem: { item: i } });
			} else {
				returnData.push(
					...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), {
						itemData: { item: i },
					}),
				);
			}
		} catch (error) {
			if (this.continueOnFail()) {
				returnData.push({ json: errorJson(error), pairedItem: { item: i } });
				continue;
			}
			throw asNodeError(this.getNode(), error, i);
		}
	}
	return [returnData];
}

/** Our errors pass unchanged; anything else (a bug of ours) still says which item it happened on. */
export function asNodeError(
	node: INode,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error, { itemIndex });
}

function isPreparedItems(result: OperationResult): result is PreparedItems {
	return !Array.isArray(result) && Array.isArray((result as PreparedItems).preparedItems);
}

/** The error as an item's JSON: message, the API's own words and HTTP code when there are any. */
export function errorJson(error: unknown): IDataObject {
	const { message, description, httpCode } = error as {
		message?: unknown;
		description?: unknown;
		httpCode?: unknown;
	};
	const json: IDataObject = { error: typeof message === 'string' ? message : String(error) };
	if (typeof description === 'string' && description) json.description = description;
	if (typeof httpCode === 'string' && httpCode) json.httpCode = httpCode;
	return json;
}
