/**
 * The values in use: which number each figure has right now, and why. One pure function of the
 * catalogue plus what a workbook (or the CLI's options) holds, so every consumer — claim cards,
 * verdict counts, margins, stress, exercises, the CLI — works on the same numbers. Below the
 * claims: it knows figures and scenarios only.
 */
import { figureValue, getFigure, loadFigures, type Figure } from '../figures/index.js';
import { BASELINE_NAME, resolveOverride, type Scenario } from '../scenarios/index.js';
import { isoToSerial } from '../units/index.js';

export interface ValuesInUse {
  /**
   * Figures whose value in use differs from the article's: figure id → value in use; and the
   * user's own figures (MyFigures ids) that the scenario in use overrides, which win over the
   * user's value wherever user claims are audited (`withUserFigures`).
   */
  readonly overrides: ReadonlyMap<string, number>;
  /** The scenario whose overrides are in use; BASELINE_NAME ("Article") when none is. */
  readonly scenario: string;
  /** Figures set by hand (an edited base value, `--set`) away from the article's value. */
  readonly edited: readonly string[];
  /** The active-scenario cell's text when it names no scenario (the baseline is then in use). */
  readonly unknownScenario?: string;
}

/** The article's own values: nothing edited, no scenario. */
export const ARTICLE_VALUES: ValuesInUse = Object.freeze({ overrides: new Map<string, number>(), scenario: BASELINE_NAME, edited: [] });

/** Equal within float noise, relative to the larger magnitude. */
function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Ids, in catalogue order, of the figures whose value in `values` differs from the article's. */
function differing(values: ReadonlyMap<string, number | null>): Map<string, number> {
  const out = new Map<string, number>();
  for (const figure of loadFigures()) {
    const v = values.get(figure.id);
    if (typeof v === 'number' && Number.isFinite(v) && !same(v, figureValue(figure))) out.set(figure.id, v);
  }
  return out;
}

/**
 * The active scenario's overrides of the user's own figures: every override whose id is no
 * article figure (parsing let only MyFigures ids through). The native counterpart is the
 * MyFigures "value in use" column; this is the same rule for the model.
 */
function userFigureOverrides(scenario: Scenario | undefined): Map<string, number> {
  return new Map([...(scenario?.overrides ?? [])].filter(([id]) => getFigure(id)?.id !== id));
}

/** The scenario a cell's text names, matched as the workbook's MATCH(…, 0) does: case-insensitive. */
export function scenarioNamed(text: string, scenarios: readonly Scenario[]): Scenario | typeof BASELINE_NAME | undefined {
  const key = text.trim().toLowerCase();
  if (key === '' || key === BASELINE_NAME.toLowerCase()) return BASELINE_NAME;
  return scenarios.find((s) => s.name.toLowerCase() === key);
}

/** What a host read from a filled workbook. */
export interface WorkbookReading {
  /** Each figure's value in use, read through its defined name (null: empty or an error). */
  readonly inUse: ReadonlyMap<string, number | null>;
  /** Each figure's base value, the cell a user edits (null: empty or an error). */
  readonly base: ReadonlyMap<string, number | null>;
  /** The active-scenario cell as read (text, or anything a user typed). */
  readonly activeScenarioCell: unknown;
  readonly scenarios: readonly Scenario[];
}

/** The values a filled workbook uses: its cells decide, this only names what they show. */
export function valuesFromWorkbook(reading: WorkbookReading): ValuesInUse {
  const cell = reading.activeScenarioCell;
  const text = cell === null || cell === undefined ? '' : String(cell);
  const named = scenarioNamed(text, reading.scenarios);
  return {
    overrides: new Map([...differing(reading.inUse), ...userFigureOverrides(named === BASELINE_NAME ? undefined : named)]),
    scenario: named === undefined || named === BASELINE_NAME ? BASELINE_NAME : named.name,
    edited: [...differing(reading.base).keys()],
    ...(named === undefined ? { unknownScenario: text } : {}),
  };
}

/** Values from a scenario and single figures set by hand (`--set`, which wins over the scenario). */
export function valuesFromChoices(scenario: Scenario | undefined, sets: ReadonlyMap<string, number> = new Map()): ValuesInUse {
  const merged = new Map<string, number | null>([...(scenario?.overrides ?? []), ...sets]);
  return { overrides: new Map([...differing(merged), ...userFigureOverrides(scenario)]), scenario: scenario?.name ?? BASELINE_NAME, edited: [...differing(sets).keys()] };
}

/** How the values in use came about, for a label: the article's, a scenario's, edited, or both. */
export type ValuesSource =
  | { readonly code: 'article' }
  | { readonly code: 'scenario'; readonly name: string; readonly edited: number }
  | { readonly code: 'edited'; readonly edited: number };

export function valuesSource(values: ValuesInUse): ValuesSource {
  if (values.scenario !== BASELINE_NAME) return { code: 'scenario', name: values.scenario, edited: values.edited.length };
  if (values.edited.length || values.overrides.size) return { code: 'edited', edited: Math.max(values.edited.length, values.overrides.size) };
  return { code: 'article' };
}

/** A key that changes whenever the values in use do (to tell a stale result from a current one). */
export function valuesKey(values: ValuesInUse): string {
  return `${values.scenario}|${[...values.overrides].map(([id, v]) => `${id}=${v}`).join(',')}`;
}

/** Why a values range given to a cell function cannot be read. */
export type ValuesRangeProblem =
  | { readonly code: 'too-narrow'; readonly columns: number }
  | { readonly code: 'not-a-number'; readonly figure: string; readonly row: number; readonly value: unknown };

/**
 * Figure values from a range whose first column holds figure ids and whose last column holds
 * their values (the Figures sheet's id … Value-in-use columns). Rows whose first cell is no figure
 * id (the header, blanks, notes) are skipped; a figure whose value is not a number is a problem.
 */
export function valuesFromRange(cells: readonly (readonly unknown[])[]): { readonly values: ValuesInUse } | { readonly problem: ValuesRangeProblem } {
  const columns = Math.max(0, ...cells.map((r) => r.length));
  if (columns < 2) return { problem: { code: 'too-narrow', columns } };
  const read = new Map<string, number>();
  for (let i = 0; i < cells.length; i += 1) {
    const row = cells[i]!;
    const id = typeof row[0] === 'string' ? row[0].trim().toUpperCase() : '';
    if (!getFigure(id)) continue;
    const value = row[columns - 1];
    if (typeof value !== 'number' || !Number.isFinite(value)) return { problem: { code: 'not-a-number', figure: id, row: i + 1, value } };
    read.set(id, value);
  }
  const overrides = differing(read);
  return { values: { overrides, scenario: BASELINE_NAME, edited: [...overrides.keys()] } };
}

/**
 * A figure's value as a person types it (the pane's figure field, the CLI's `--set ID=VALUE`):
 * a number, "25%" for a fraction, an ISO date for a date figure; then the figure's own checks
 * (a fraction typed as a percent, a negative level). One rule for every place that takes input.
 */
export function parseFigureValue(figure: Figure, text: string): { readonly value: number } | { readonly problem: 'not-a-number' } | { readonly problem: 'rejected'; readonly reason: string } {
  const t = text.trim().replace(/,/g, '');
  if (!t) return { problem: 'not-a-number' };
  let raw: number | string;
  if (figure.unit === 'date') {
    try {
      isoToSerial(t);
    } catch {
      return { problem: 'not-a-number' };
    }
    raw = t;
  } else {
    const pct = /^([-+]?\d*\.?\d+(?:e[-+]?\d+)?)\s*%$/i.exec(t);
    raw = pct ? Number(pct[1]) / 100 : Number(t);
    if (!Number.isFinite(raw)) return { problem: 'not-a-number' };
  }
  const resolved = resolveOverride(figure, raw);
  return typeof resolved === 'string' ? { problem: 'rejected', reason: resolved } : { value: resolved };
}
