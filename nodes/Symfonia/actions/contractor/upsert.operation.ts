import * as ops from '../contractorOps';

export const description = ops.upsertDescription('handel');
export const execute = ops.upsertExecute('handel');
