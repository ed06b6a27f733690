export * from './types.js';
export * from './errors.js';
export { invokeFunction, checkNumber, domainPredicate } from './runner.js';
export { FUNCTIONS, FUNCTION_NAMES, getFunction } from './registry.js';
export { FIGURE_FIELDS, type FigureField } from './specs/lookup.js';
