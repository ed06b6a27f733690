/** The Stress section's precision, correlation, quantile, drivers and probabilistic break-even controls. */
export interface StressExplainText {
  readonly options: string;
  readonly converge: string;
  readonly precision: string;
  readonly maxSamples: string;
  readonly badPrecision: string;
  readonly badMaxSamples: (max: string) => string;
  readonly corr: string;
  readonly corrHint: string;
  readonly quantiles: string;
  readonly quantilesHint: string;
  readonly badQuantiles: (line: string) => string;
  readonly refused: (why: string) => string;
  readonly holdsWithPrecision: (p: string, hw: string) => string;
  readonly drivers: string;
  readonly driversRun: string;
  readonly driversCols: readonly string[];
  readonly yes: string;
  readonly no: string;
  readonly breakeven: string;
  readonly breakevenInput: string;
  readonly breakevenProbability: string;
  readonly breakevenRun: string;
  readonly badProbability: string;
  readonly needSeed: string;
  readonly correlatedOnMainThread: string;
  /** The active scenario's correlations apply (pairs typed in the box replace them). */
  readonly fromScenario: (name: string) => string;
  /** The active scenario states no correlations (one made on the Scenarios sheet has values only). */
  readonly noScenarioCorrelations: (name: string) => string;
}
