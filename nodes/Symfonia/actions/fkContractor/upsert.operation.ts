import * as ops from '../contractorOps';

export const description = ops.upsertDescription('fk');
export const execute = ops.upsertExecute('fk');
