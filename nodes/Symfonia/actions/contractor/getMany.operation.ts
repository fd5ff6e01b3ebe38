import * as ops from '../contractorOps';

export const description = ops.getManyDescription('handel');
export const execute = ops.getManyExecute('handel');
