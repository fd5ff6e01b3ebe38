import * as ops from '../contractorOps';

export const description = ops.updateDescription('handel');
export const execute = ops.updateExecute('handel');
