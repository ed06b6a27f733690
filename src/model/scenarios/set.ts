import { figureValue, getFigure, type Figure } from '../figures/index.js';
import { isoToSerial, serialToIso, UNITS, type UnitId } from '../units/index.js';
import { describeIssues } from '../validation/index.js';
import { loadFigures } from '../figures/index.js';
import { SCENARIO_FORMAT, SCENARIO_FORMAT_VERSION, ScenarioFileSchema, scenarioNameProblem, type ScenarioFile, type ScenarioRecord } from './schema.js';

/** A validated scenario: overrides resolved to numbers (dates as Excel serials). */
export interface Scenario {
  /** The key, in every language (see ScenarioRecordSchema). */
  readonly name: string;
  /** Chinese display label and description, when the scenario has them (the seeds do). */
  readonly nameZh?: string;
  readonly descriptionZh?: string;
  readonly description: string;
  readonly author: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly overrides: ReadonlyMap<string, number>;
  /** Rank correlations between figures for stress tests under this scenario (absent: none). */
  readonly correlations?: readonly { readonly a: string; readonly b: string; readonly rho: number }[];
}

/** Thrown when a scenario file or edit is rejected; every problem names scenario, figure and field. */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

/** The first and last day Excel's 1900 date system holds with the serials ClaimCell computes (Excel counts a 29 Feb 1900, so earlier days are off by one). */
export const EXCEL_DATE_RANGE = { first: '1900-03-01', last: '9999-12-31' } as const;

/**
 * The numbers a cell holds (Microsoft, "Excel specifications and limits": smallest allowed positive
 * number 2.2251E-308, largest 9.99999999999999E+307): a smaller one reads back as 0 or an error, a
 * larger one cannot be typed.
 */
export const EXCEL_NUMBER_RANGE = { smallest: 2.2251e-308, largest: 9.99999999999999e307 } as const;

/** A value as a user typed it, with its JSON type: `true (a boolean)`, `{…} (an object)`. */
export function describeValue(raw: unknown): string {
  if (raw === null) return 'null';
  if (typeof raw === 'number') return Number.isFinite(raw) ? String(raw) : 'a number too large to hold (it reads as Infinity)';
  if (typeof raw === 'string') return JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
  if (typeof raw === 'boolean') return `${raw} (a boolean)`;
  if (Array.isArray(raw)) return 'a list [...]';
  return typeof raw === 'object' ? 'an object {...}' : typeof raw;
}

/** Checks one override value against its figure's unit; returns the number or a problem naming the value and the expected type. */
export function resolveOverride(figure: Figure, raw: unknown): number | string {
  if (figure.unit === 'date') {
    const expected = `needs a date as text, YYYY-MM-DD from ${EXCEL_DATE_RANGE.first} to ${EXCEL_DATE_RANGE.last}`;
    // ISO strings of the same length compare as dates; the range also keeps Date.UTC away from years 0–99 (read as 19xx).
    if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(raw) || raw < EXCEL_DATE_RANGE.first || raw > EXCEL_DATE_RANGE.last) return `${expected}, got ${describeValue(raw)}`;
    try {
      return isoToSerial(raw);
    } catch {
      return `${expected}, got ${describeValue(raw)} (not a calendar date)`;
    }
  }
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return `needs a number in ${UNITS[figure.unit].labelEn}, got ${describeValue(raw)}`;
  if (Math.abs(raw) > EXCEL_NUMBER_RANGE.largest || (raw !== 0 && Math.abs(raw) < EXCEL_NUMBER_RANGE.smallest)) {
    return `${raw} is outside the numbers a cell holds (0, or ${EXCEL_NUMBER_RANGE.smallest} to ${EXCEL_NUMBER_RANGE.largest} either side of 0)`;
  }
  if (UNITS[figure.unit].isFraction && Math.abs(raw) > 1) {
    return `${raw} looks like a percent; this figure holds fractions, e.g. ${raw / 100} for ${raw}%`;
  }
  if (figure.kind === 'level' && figureValue(figure) > 0 && raw < 0) return `${raw} is negative, but ${figure.id} is a level that cannot be`;
  return raw;
}

/** A figure of the user's own (a MyFigures row) that a scenario may override: its id and unit. */
export interface OverridableUserFigure {
  readonly id: string;
  readonly unit: UnitId;
}

/** Checks an override of one of the user's figures: a number a cell holds, a fraction for a percent unit (their values are plain numbers, dates too). */
export function resolveUserOverride(figure: OverridableUserFigure, raw: unknown): number | string {
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return `needs a number in ${UNITS[figure.unit].labelEn}, got ${describeValue(raw)}`;
  if (Math.abs(raw) > EXCEL_NUMBER_RANGE.largest || (raw !== 0 && Math.abs(raw) < EXCEL_NUMBER_RANGE.smallest)) {
    return `${raw} is outside the numbers a cell holds (0, or ${EXCEL_NUMBER_RANGE.smallest} to ${EXCEL_NUMBER_RANGE.largest} either side of 0)`;
  }
  if (UNITS[figure.unit].isFraction && Math.abs(raw) > 1) return `${raw} looks like a percent; this figure holds fractions, e.g. ${raw / 100} for ${raw}%`;
  return raw;
}

const key = (name: string): string => name.trim().toLowerCase();

/**
 * Validates a whole scenario set (a file, or the seeds): the schema, then names unique and not
 * the baseline's, every override a known figure with a value of the right kind. All problems are
 * collected and reported at once; nothing is returned unless everything is valid. `userFigures`:
 * the workbook's own figures (MyFigures rows), whose ids a scenario may override too.
 */
export function parseScenarioFile(data: unknown, source = 'scenario file', userFigures: readonly OverridableUserFigure[] = []): Scenario[] {
  const parsed = ScenarioFileSchema.safeParse(data);
  if (!parsed.success) {
    const problems = describeIssues(parsed.error.issues, data).map((p, i) => `${source}: ${p.replace(/^scenarios\[(\d+)\]/, (m) => labelFor(data, m))}${gotValue(parsed.error.issues[i]!, data)}`);
    throw new ScenarioError(problems);
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  const figureCount = loadFigures().length + userFigures.length;
  const mine = new Map(userFigures.map((f) => [f.id, f]));
  const rawScenarios = (data as { scenarios: { overrides: object }[] }).scenarios;
  const scenarios = parsed.data.scenarios.map((record, i) => {
    const at = `${source}: scenarios[${i}] "${record.name}"`;
    const nameProblem = scenarioNameProblem(record.name);
    if (nameProblem) problems.push(`${at}.name: ${nameProblem}`);
    else if (seen.has(key(record.name))) problems.push(`${at}.name: duplicate scenario name`);
    seen.add(key(record.name));
    const overrides = new Map<string, number>();
    // Own keys of the file's object, not of zod's copy: a "__proto__" key is dropped by the copy.
    const entries = Object.keys(rawScenarios[i]!.overrides).map((id) => [id, (rawScenarios[i]!.overrides as Record<string, unknown>)[id]] as const);
    if (entries.length > figureCount) problems.push(`${at}.overrides: ${entries.length} overrides, but there are only ${figureCount} figures (one override each at most)`);
    for (const [id, raw] of entries.slice(0, figureCount + 1)) {
      const figure = getFigure(id);
      const own = mine.get(id);
      if ((!figure || figure.id !== id) && !own) {
        problems.push(`${at}.overrides.${id}: unknown figure id`);
        continue;
      }
      const value = figure && figure.id === id ? resolveOverride(figure, raw) : resolveUserOverride(own!, raw);
      if (typeof value === 'string') problems.push(`${at}.overrides.${id}: ${value}`);
      else overrides.set(id, value);
    }
    const pairs = new Map<string, number>();
    (record.correlations ?? []).forEach(({ a, b, rho }, j) => {
      const where = `${at}.correlations[${j}]`;
      for (const id of [a, b]) if (getFigure(id)?.id !== id) problems.push(`${where}: unknown figure id "${id}"`);
      if (a === b) problems.push(`${where}: pairs ${a} with itself`);
      if (!(rho >= -1 && rho <= 1)) problems.push(`${where}.rho: must be from -1 to 1, got ${rho}`);
      const k = [a, b].sort().join(',');
      if (pairs.has(k)) problems.push(`${where}: the pair ${a}, ${b} is given twice`);
      pairs.set(k, rho);
    });
    return {
      name: record.name,
      ...zhFields(record),
      description: record.description,
      author: record.author,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      overrides,
      ...(record.correlations?.length ? { correlations: record.correlations.map(({ a, b, rho }) => ({ a, b, rho })) } : {}),
    };
  });
  if (problems.length) throw new ScenarioError(problems);
  return scenarios;
}

/** For a wrong type, the value that was there: zod names only the expected type. */
function gotValue(issue: { code: string; path: readonly PropertyKey[] }, data: unknown): string {
  if (issue.code !== 'invalid_type') return '';
  let node: unknown = data;
  for (const k of issue.path) node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[k] : undefined;
  return node === undefined ? '' : ` (got ${describeValue(node)})`;
}

function labelFor(data: unknown, match: string): string {
  const index = Number(/\d+/.exec(match)![0]);
  const name = (data as { scenarios?: { name?: unknown }[] })?.scenarios?.[index]?.name;
  return typeof name === 'string' ? `scenarios[${index}] "${name}"` : match;
}

/** The versioned JSON a scenario set is exported as; dates go back to ISO strings. */
export function toScenarioFile(scenarios: readonly Scenario[]): ScenarioFile {
  return {
    format: SCENARIO_FORMAT,
    version: SCENARIO_FORMAT_VERSION,
    scenarios: scenarios.map(
      (s): ScenarioRecord => ({
        name: s.name,
        ...zhFields(s),
        description: s.description,
        author: s.author,
        createdAt: s.createdAt,
        updatedAt: s.updatedAt,
        overrides: Object.fromEntries(
          [...s.overrides].map(([id, v]) => [id, getFigure(id)?.unit === 'date' ? serialToIso(v) : v]),
        ),
        ...(s.correlations?.length ? { correlations: s.correlations.map(({ a, b, rho }) => ({ a, b, rho })) } : {}),
      }),
    ),
  };
}

/** The Chinese display fields a scenario has (absent ones stay absent, so files without them round-trip). */
export function zhFields(s: { readonly nameZh?: string | undefined; readonly descriptionZh?: string | undefined }): { nameZh?: string; descriptionZh?: string } {
  return { ...(s.nameZh ? { nameZh: s.nameZh } : {}), ...(s.descriptionZh ? { descriptionZh: s.descriptionZh } : {}) };
}

/** The scenario's name as a reader of `lang` sees it; the key (`name`) when it has no label in that language. */
export function scenarioDisplayName(s: { readonly name: string; readonly nameZh?: string | undefined }, lang: 'en' | 'zh'): string {
  return lang === 'zh' && s.nameZh ? s.nameZh : s.name;
}

/** The scenario's description in `lang`, falling back to the English one. */
export function scenarioDescription(s: { readonly description?: string | undefined; readonly descriptionZh?: string | undefined }, lang: 'en' | 'zh'): string {
  return (lang === 'zh' && s.descriptionZh ? s.descriptionZh : s.description) ?? '';
}
