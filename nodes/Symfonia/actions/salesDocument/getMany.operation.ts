import * as ops from '../documentOps';

export const description = ops.getManyDescription('sales');
export const execute = ops.getManyExecute('sales');
