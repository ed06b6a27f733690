/** What CLI commands print as their result (the tables and lines after the command line is read). */
export interface CliOutputText {
  /** One labelled line of a record: aligned columns in English, "label：value" in Chinese. */
  readonly field: (label: string, value: string) => string;
  readonly values: {
    readonly article: string;
    readonly scenario: (name: string, edited: number) => string;
    readonly edited: (count: number, ids: string) => string;
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
    readonly parameters: Readonly<Record<'type' | 'mean' | 'sd' | 'mu' | 'sigma' | 'lo' | 'hi' | 'mode' | 'lambda' | 'value', string>>;
    readonly statColumns: readonly [string, string];
    readonly baseOutput: string;
    readonly mean: string;
    readonly sd: string;
    readonly percentiles: string;
    readonly pHolds: string;
    readonly noVerdict: string;
    readonly notANumber: string;
    readonly took: (ms: number, workers: number) => string;
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
  };
  readonly grade: {
    readonly student: (student: string, file: string, total: number, max: number, edited: string) => string;
    readonly columns: readonly [string, string, string, string, string, string, string];
    readonly summary: (graded: number, files: number, failed: number, ms: number) => string;
    readonly gradebook: (file: string) => string;
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
