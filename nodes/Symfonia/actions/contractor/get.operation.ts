import * as ops from '../contractorOps';

export const description = ops.getDescription('handel');
export const execute = ops.getExecute('handel');
