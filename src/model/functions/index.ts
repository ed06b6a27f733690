export * from './types.js';
export * from './errors.js';
export { invokeFunction, checkNumber, domainPredicate, slowPathCells } from './runner.js';
export { ARITHMETIC_FUNCTIONS, getArithmeticFunction, functionKey } from './registry.js';
