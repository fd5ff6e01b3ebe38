import * as ops from '../contractorOps';

export const description = ops.createDescription('handel');
export const execute = ops.createExecute('handel');
