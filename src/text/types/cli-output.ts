import type { FIGURE_KINDS } from '../../model/figures/schema.js';
import type { BreakEvenOutcome } from '../../model/stress/breakeven.js';

/** What CLI commands print as their result (the tables and lines after the command line is read). */
export interface CliOutputText {
  /** One labelled line of a record: aligned columns in English, "label：value" in Chinese. */
  readonly field: (label: string, value: string) => string;
  /** A cell with no value (no stated value, not a finite number). */
  readonly noValue: string;
  /** A warning printed on stderr before the result. */
  readonly warning: (text: string) => string;
  readonly values: {
    readonly article: string;
    readonly scenario: (name: string, edited: number) => string;
    readonly edited: (count: number, ids: string) => string;
    /** `--workbook`: its active-scenario cell names no scenario. */
    readonly unknownScenarioCell: (file: string, name: string) => string;
  };
  /** `figure <ID>`: one figure as labelled lines. */
  readonly figure: {
    readonly labels: Readonly<Record<'id' | 'value' | 'kind' | 'period' | 'paragraph' | 'asWritten' | 'label' | 'note' | 'range', string>>;
    readonly kinds: Readonly<Record<(typeof FIGURE_KINDS)[number], string>>;
    readonly range: (role: 'low' | 'high', pair: string) => string;
    /** The label in the other language, on a line of its own where `showsOtherLabel` (not in Chinese: it is English prose). */
    readonly otherLabel: string;
    readonly showsOtherLabel: boolean;
  };
  readonly claim: {
    readonly paragraph: (list: string) => string;
    readonly figures: string;
    readonly references: string;
    readonly recomputed: string;
    readonly article: string;
    readonly check: (n: number) => string;
    readonly holds: string;
    readonly doesNotMatch: string;
    readonly fails: (verdict: string) => string;
    readonly error: (message: string) => string;
    readonly explainsOnly: string;
    readonly decided: string;
    readonly why: string;
    readonly verdict: string;
    readonly reason: string;
    readonly margins: string;
    readonly listJoin: string;
  };
  readonly stress: {
    readonly tornadoHead: (claim: string, pct: number, base: string, values: string) => string;
    readonly tornadoColumns: readonly [string, string, string, string, string, string, string];
    readonly holds: string;
    readonly fails: string;
    readonly twoWayHead: (claim: string, rows: string, columns: string, values: string) => string;
    readonly ok: string;
    readonly no: string;
    readonly breakEvenHead: (claim: string, input: string, target: string | null, values: string) => string;
    readonly value: string;
    readonly all: string;
    readonly searched: string;
    readonly engine: string;
    readonly monteCarloHead: (claim: string, samples: string, seed: string) => string;
    readonly inputColumns: readonly [string, string, string, string];
    readonly roundingUnit: (unit: string) => string;
    /** How each input was given its spread (DistributionRule codes). */
    readonly rules: Readonly<Record<'stated-range' | 'exact' | 'rounding' | 'pct' | 'quantiles', string>>;
    /** A distribution's family by its `type`, and the names of its parameters. */
    readonly distributions: Readonly<Record<'normal' | 'lognormal' | 'uniform' | 'triangular' | 'pert' | 'constant' | 'metalog', string>>;
    /** Parameter names; `type` labels the family (empty: the family name alone). */
    readonly parameters: Readonly<Record<'type' | 'mean' | 'sd' | 'mu' | 'sigma' | 'lo' | 'hi' | 'mode' | 'lambda' | 'value' | 'a', string>>;
    readonly statColumns: readonly [string, string];
    readonly baseOutput: string;
    readonly mean: string;
    readonly sd: string;
    readonly percentiles: string;
    readonly pHolds: string;
    readonly noVerdict: string;
    readonly notANumber: string;
    readonly took: (ms: number, workers: number) => string;
    /** The deterministic break-even's finding, from the engine's outcome code and numbers. */
    readonly breakEvenOutcome: (outcome: BreakEvenOutcome, fmt: (v: number) => string) => string;
    /** A run that stops on precision: why it stopped, and how many samples it drew over which stages. */
    readonly stoppedBy: string;
    readonly stoppedHow: Readonly<Record<'converged' | 'cap' | 'cancelled', string>>;
    readonly stoppedDetail: (how: string, drawn: string, stages: string) => string;
    /** A shipped scenario's correlations applied without `--corr`. */
    readonly scenarioCorrelations: (scenario: string) => string;
    /** The scenario in use states no correlations (e.g. one made on a workbook's Scenarios sheet). */
    readonly noScenarioCorrelations: (scenario: string) => string;
    readonly correlatedOneThread: (workers: number) => string;
    readonly quantilesRefused: (what: string) => string;
    readonly drivers: {
      readonly head: (claim: string, samples: string, seed: string, values: string) => string;
      readonly failing: (count: string | null) => string;
      readonly columns: readonly [string, string, string, string, string, string];
      readonly yes: string;
      readonly no: string;
    };
    readonly probabilityBreakEven: {
      readonly head: (claim: string, probability: string, input: string, samples: string, seed: string, values: string) => string;
      readonly value: string;
      readonly bracket: string;
      readonly searched: string;
    };
    readonly probabilityTable: {
      readonly head: (claim: string, rows: string, columns: string, samples: string, seed: string, values: string) => string;
    };
    readonly sipmath: {
      readonly exported: (inputs: number, seed: number, values: string) => string;
      readonly imported: (file: string, inputs: number) => string;
      readonly columns: readonly [string, string, string];
    };
  };
  readonly scenarios: {
    readonly columns: readonly [string, string, string, string];
    readonly baseline: string;
    readonly baselineDescription: string;
    readonly exported: (count: number, file: string) => string;
    readonly valid: (file: string, count: number, names: string) => string;
  };
  readonly workbook: {
    readonly written: (sheets: number, names: number, active: string, lang: string, kb: string, ms: string) => string;
    readonly simulation: (trials: number, seed: number) => string;
    readonly stress: (claim: string, samples: number, seed: string) => string;
  };
  readonly exercise: {
    readonly columns: readonly [string, string, string, string, string, string, string];
    readonly written: (count: number, folder: string, ms: number, sheets: string, command: string) => string;
    readonly shortSeed: (minimum: number) => string;
  };
  readonly grade: {
    readonly student: (student: string, file: string, total: number, max: number, edited: string) => string;
    readonly columns: readonly [string, string, string, string, string, string, string];
    readonly summary: (graded: number, files: number, failed: number, ms: number) => string;
    readonly gradebook: (file: string) => string;
    readonly sameStudent: (count: number, student: string, files: string) => string;
  };
  readonly myclaims: {
    readonly exported: (file: string, figures: number, claims: number, workbook: string) => string;
    readonly imported: (workbook: string, figures: number, claims: number, file: string) => string;
    /** An import refused: the file and the workbook, then every problem on its own line. */
    readonly notImported: (file: string, workbook: string) => string;
    /** A row an export leaves out, with its problem. */
    readonly leftOut: (problem: string) => string;
    /** The user's claims block of `claims --workbook`. */
    readonly heading: (count: number) => string;
    readonly columns: readonly [string, string, string, string];
    readonly notAudited: string;
    readonly rowsLeftOut: string;
    readonly total: (count: number, byVerdict: string) => string;
  };
}
