/** ClaimCell stress-test engine: pure, vectorised, no Office imports. */
export { scalarModel, holdsWithin, inputIndex, StressCancelledError, type StressInput, type VectorModel } from './types.js';
export { Rng, fillUniform, fillNormal, type Seed } from './prng.js';
export {
  distSpecSchema,
  parseDistSpec,
  DistSpecError,
  normal,
  lognormal,
  lognormalFrom,
  uniform,
  triangular,
  pert,
  constant,
  fromStatedRange,
  pertShape,
  distMoments,
  sampleInto,
  type DistSpec,
} from './distributions.js';
export {
  imanConover,
  cholesky,
  validateCorrelationMatrix,
  correlationFromPairs,
  spearman,
  CorrelationError,
  type CorrelationSpec,
} from './correlation.js';
export {
  runMonteCarlo,
  runMonteCarloAsync,
  type MonteCarloOptions,
  type MonteCarloResult,
  type MonteCarloProgress,
} from './montecarlo.js';
export { tornado, twoWayTable, grid, type TornadoOptions, type TornadoBar, type TornadoResult, type TwoWayTable } from './sensitivity.js';
export { breakEven, brent, type BreakEvenOptions, type BreakEvenResult, type BreakEvenFound, type BreakEvenNotFound } from './breakeven.js';
export { percentilesInPlace, percentilesByBuckets, percentileSorted, select, partitionFinite } from './stats.js';
export { BucketQuantiles } from './quantiles.js';
export { normalQuantile, normalCdf, erfc } from './special.js';
