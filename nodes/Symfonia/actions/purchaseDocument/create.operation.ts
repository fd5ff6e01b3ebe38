import * as ops from '../documentOps';

export const description = ops.createDescription('purchase');
export const execute = ops.createExecute('purchase');
