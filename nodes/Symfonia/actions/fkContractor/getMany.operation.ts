import * as ops from '../contractorOps';

export const description = ops.getManyDescription('fk');
export const execute = ops.getManyExecute('fk');
