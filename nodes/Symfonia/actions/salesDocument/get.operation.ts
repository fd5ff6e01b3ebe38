import * as ops from '../documentOps';

export const description = ops.getDescription('sales');
export const execute = ops.getExecute('sales');
