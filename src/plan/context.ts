import type { ClaimSet } from '../model/claims/index.js';
import type { Figure } from '../model/figures/index.js';
import type { Reference } from '../model/references/index.js';
import type { UserTables } from '../model/user/index.js';
import type { SimulationOptions } from './simulation-sheet.js';

/** A scenario as the plan needs it: a name and the figure values it overrides. */
export interface PlanScenario {
  readonly name: string;
  /** The Chinese label the Chinese workbook shows (a seed scenario's); the name stays the key. */
  readonly nameZh?: string;
  readonly description?: string;
  readonly overrides: ReadonlyMap<string, number>;
}

export interface PlanInput {
  readonly figures: readonly Figure[];
  readonly references: readonly Reference[];
  readonly claims: ClaimSet;
  /** Scenarios besides the Article baseline, in column order. */
  readonly scenarios: readonly PlanScenario[];
  /** Name of the active scenario; `Article` for the baseline. */
  readonly activeScenario: string;
  /** Base values the user edited in the Figures sheet, kept over the article's. */
  readonly baseValues?: ReadonlyMap<string, number>;
  /** True for the Office.js fill (live `CLAIM.*` column); false for the portable file. */
  readonly includeCustomFunctions: boolean;
  /** Language of the primary label and statement columns. */
  readonly lang: 'en' | 'zh';
  /** The user's MyFigures/MyClaims rows as the workbook holds them; absent: the worked example of a first fill. */
  readonly userTables?: UserTables;
  /** Add the Simulation sheet (native Monte Carlo, simulation-sheet.ts) with these trials and seed; absent: no such sheet. */
  readonly simulation?: SimulationOptions;
}

export const BASELINE = 'Article';

/** Sheet names, in tab order; `stress` is written on demand, outside the main plan. */
export const SHEETS = {
  about: 'About',
  figures: 'Figures',
  references: 'References',
  claims: 'Claims',
  scenarios: 'Scenarios',
  summary: 'Scenario summary',
  stressTables: 'Stress tables',
  stress: 'Stress',
  simulation: 'Simulation',
} as const;

/** Where each figure lives, so sheets can point at each other without recomputing positions. */
export interface Layout {
  /** Figure id → 1-based row in the Figures and Scenarios tables. */
  readonly figureRow: ReadonlyMap<string, number>;
  readonly scenariosFirstRow: number;
  readonly scenariosHeaderRow: number;
  /** Column of the Article values in the Scenarios sheet; scenario k (0-based) is this + 1 + k. */
  readonly articleColumn: number;
  readonly inUseColumn: number;
}

/** Figure values the model computed for cached results: base (article or user-edited) and in use (active scenario). */
export interface PlanValues {
  readonly base: ReadonlyMap<string, number>;
  readonly inUse: ReadonlyMap<string, number>;
}
