import * as ops from '../contractorOps';

export const description = ops.updateDescription('fk');
export const execute = ops.updateExecute('fk');
