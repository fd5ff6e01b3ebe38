import * as ops from '../documentOps';

export const description = ops.issueDescription('purchase');
export const execute = ops.issueExecute('purchase');
