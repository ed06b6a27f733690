/** The whole CLAIM.* registry and the runner: what the wrappers, CLI, docs and hosts use. */
export * from '../functions/index.js';
export { FUNCTIONS, FUNCTION_NAMES, getFunction } from './registry.js';
export { FIGURE_FIELDS, type FigureField } from './specs/figure.js';
export { CHECK_FIELDS } from './specs/check.js';
export { PROB_HOLDS_SAMPLES, PROB_HOLDS_SEED } from './specs/stress.js';
