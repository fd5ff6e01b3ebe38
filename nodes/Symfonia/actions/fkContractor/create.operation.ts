import * as ops from '../contractorOps';

export const description = ops.createDescription('fk');
export const execute = ops.createExecute('fk');
