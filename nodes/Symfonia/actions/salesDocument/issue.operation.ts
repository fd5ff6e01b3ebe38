import * as ops from '../documentOps';

export const description = ops.issueDescription('sales');
export const execute = ops.issueExecute('sales');
