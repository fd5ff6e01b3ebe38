import * as ops from '../documentOps';

export const description = ops.createDescription('sales');
export const execute = ops.createExecute('sales');
