import * as ops from '../documentOps';

export const description = ops.getManyDescription('purchase');
export const execute = ops.getManyExecute('purchase');
