import * as ops from '../documentOps';

export const description = ops.getStatusDescription('purchase');
export const execute = ops.getStatusExecute('purchase');
