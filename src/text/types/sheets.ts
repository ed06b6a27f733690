/**
 * Words ClaimCell writes into workbook cells: table headers, notes, titles. Sheet names, table
 * names and defined names are ids (formulas refer to them) and stay out of the catalogue.
 */

/** One line of a text sheet (About): a blank line is null. */
export type SheetLine = { readonly text: string; readonly bold?: boolean } | null;

export interface AboutFacts {
  readonly figures: number;
  readonly claims: number;
  readonly functions: number;
  readonly article: string;
  readonly planVersion: number;
}

export interface SheetText {
  readonly claims: {
    readonly id: string;
    readonly paragraph: string;
    readonly statement: string;
    readonly stated: string;
    readonly recomputedNative: string;
    readonly recomputedCustom: string;
    readonly customFormulaText: string;
    readonly difference: string;
    readonly tolerance: string;
    readonly verdict: string;
    readonly reason: string;
    readonly margin: string;
    readonly marginAtExport: string;
    readonly unit: string;
    readonly comparedWith: string;
    /** The language-neutral verdict code column that formulas and conditional formats test. */
    readonly verdictCode: string;
  };
  readonly figures: {
    readonly id: string;
    readonly label: string;
    /** The other language's label, kept for matching figures with sources in that language. */
    readonly otherLabel: string;
    readonly article: string;
    readonly base: string;
    readonly inUse: string;
    readonly unit: string;
    readonly period: string;
    readonly paragraph: string;
    readonly asWritten: string;
    readonly sourceNote: string;
  };
  readonly references: {
    readonly id: string;
    readonly label: string;
    readonly otherLabel: string;
    readonly value: string;
    readonly unit: string;
    readonly asOf: string;
    readonly publisher: string;
    readonly series: string;
    readonly note: string;
    /** Comment of a reference's defined name. */
    readonly nameComment: (label: string) => string;
  };
  readonly scenarios: {
    readonly activeScenario: string;
    readonly pickHint: string;
    readonly displayName: string;
    readonly scenarioName: string;
    readonly label: string;
    readonly inUse: string;
    readonly articleColumn: string;
    readonly scenarioColumn: (k: number) => string;
    readonly prompt: string;
  };
  readonly summary: {
    readonly title: string;
    readonly changingInputs: string;
    readonly recomputed: string;
    readonly verdict: string;
    readonly verdictCode: string;
    /** The heading of the user's own claims (MyClaims), listed after the article's. */
    readonly yours: string;
  };
  /**
   * The user's MyFigures table (src/plan/user-sheets.ts). The headers are the words a reader sees;
   * the table's reader (src/model/user/rows.ts) accepts either language's headers.
   */
  readonly myFigures: {
    readonly headers: { readonly id: string; readonly label: string; readonly value: string; readonly unit: string; readonly note: string; readonly inUse: string };
    /** The prompt of the unit column's drop-down. */
    readonly unitPrompt: string;
  };
  /** The user's MyClaims table: headers, the compare drop-down's prompt, and the reason column's words. */
  readonly myClaims: {
    readonly headers: {
      readonly id: string;
      readonly statement: string;
      readonly recompute: string;
      readonly stated: string;
      readonly compare: string;
      readonly tolerance: string;
      readonly recomputed: string;
      readonly verdict: string;
      readonly reason: string;
      /** The language-neutral verdict code column that the verdict words and colours are read from. */
      readonly verdictCode: string;
    };
    readonly comparePrompt: string;
    /**
     * The reason column is a native formula and its cached text, both made from these templates
     * (src/plan/text-formula.ts): each argument is a number as text, or a formula piece.
     */
    readonly reason: (recomputed: string, holdsIf: string) => string;
    readonly holdsIf: {
      readonly approx: (tolerance: string, stated: string) => string;
      readonly atLeast: (stated: string) => string;
      readonly atMost: (stated: string) => string;
      readonly between: (low: string, high: string) => string;
    };
    readonly cannotCompute: string;
  };
  readonly about: (facts: AboutFacts) => readonly SheetLine[];
  readonly exercise: {
    readonly title: string;
    /** Labels of the About rows the grader reads back (it accepts any language's). */
    readonly aboutLabels: { readonly student: string; readonly code: string; readonly format: string; readonly base: string };
    readonly howTo: string;
    readonly steps: (figures: number, firstId: string, tasks: number) => readonly [string, string, string];
    readonly figureColumns: readonly [string, string, string, string, string, string, string, string];
    readonly taskColumns: readonly [string, string, string, string, string, string, string, string, string, string, string];
    readonly source: { readonly article: string; readonly reference: string; readonly user: string };
    readonly answerComment: (task: string) => string;
  };
  readonly stress: {
    readonly title: (claim: string) => string;
    readonly tornado: (pct: number) => string;
    readonly baseOutput: string;
    readonly tornadoColumns: readonly [string, string, string, string, string, string];
    readonly chartColumns: readonly [string, string, string];
    readonly tornadoChart: (claim: string) => string;
    /** `halfWidth`: the 95% half-width of P(holds) as "±0.42 pp" (model/stress/convergence.ts formatHalfWidth). */
    readonly monteCarlo: (samples: number, seed: string, pHolds: number | null, halfWidth?: string) => string;
    readonly mean: string;
    readonly sd: string;
    readonly histogramColumns: readonly [string, string, string, string];
    readonly histogramChart: (claim: string, samples: number) => string;
    readonly twoWay: (rows: string, columns: string) => string;
    readonly tablesTitle: string;
  };
  /** The Simulation sheet (src/plan/simulation-sheet.ts). */
  readonly simulation: {
    readonly title: string;
    readonly intro: string;
    readonly trials: string;
    readonly seed: string;
    readonly entity: string;
    readonly trialsNote: string;
    readonly seedNote: string;
    readonly entityNote: string;
    readonly summaryHeaders: readonly [claim: string, pHolds: string, mean: string, p5: string, p50: string, p95: string, withValue: string, inputs: string];
    readonly varIdRow: string;
    readonly trial: string;
    readonly holdsSuffix: string;
    readonly noVerdict: string;
    readonly omitted: (ids: readonly string[], budget: number) => string;
  };
}
