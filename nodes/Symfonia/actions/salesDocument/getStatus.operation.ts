import * as ops from '../documentOps';

export const description = ops.getStatusDescription('sales');
export const execute = ops.getStatusExecute('sales');
