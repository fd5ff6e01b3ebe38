import * as ops from '../contractorOps';

export const description = ops.getDescription('fk');
export const execute = ops.getExecute('fk');
