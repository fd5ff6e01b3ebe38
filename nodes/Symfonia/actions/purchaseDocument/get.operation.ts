import * as ops from '../documentOps';

export const description = ops.getDescription('purchase');
export const execute = ops.getExecute('purchase');
