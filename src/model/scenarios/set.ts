import { figureValue, getFigure, type Figure } from '../figures/index.js';
import { isoToSerial, serialToIso, UNITS } from '../units/index.js';
import { describeIssues } from '../validation/index.js';
import { BASELINE_NAME, SCENARIO_FORMAT, SCENARIO_FORMAT_VERSION, ScenarioFileSchema, type ScenarioFile, type ScenarioRecord } from './schema.js';

/** A validated scenario: overrides resolved to numbers (dates as Excel serials). */
export interface Scenario {
  readonly name: string;
  readonly description: string;
  readonly author: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly overrides: ReadonlyMap<string, number>;
}

/** Thrown when a scenario file or edit is rejected; every problem names scenario, figure and field. */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

/** Checks one override value against its figure's unit; returns the number or a problem. */
export function resolveOverride(figure: Figure, raw: number | string): number | string {
  if (figure.unit === 'date') {
    if (typeof raw !== 'string') return `needs an ISO date (YYYY-MM-DD), got ${JSON.stringify(raw)}`;
    try {
      return isoToSerial(raw);
    } catch {
      return `needs an ISO date (YYYY-MM-DD), got ${JSON.stringify(raw)}`;
    }
  }
  if (typeof raw !== 'number') return `needs a number in ${UNITS[figure.unit].labelEn}, got ${JSON.stringify(raw)}`;
  if (UNITS[figure.unit].isFraction && Math.abs(raw) > 1) {
    return `${raw} looks like a percent; this figure holds fractions, e.g. ${raw / 100} for ${raw}%`;
  }
  if (figure.kind === 'level' && figureValue(figure) > 0 && raw < 0) return `${raw} is negative, but ${figure.id} is a level that cannot be`;
  return raw;
}

const key = (name: string): string => name.trim().toLowerCase();

/**
 * Validates a whole scenario set (a file, or the seeds): the schema, then names unique and not
 * the baseline's, every override a known figure with a value of the right kind. All problems are
 * collected and reported at once; nothing is returned unless everything is valid.
 */
export function parseScenarioFile(data: unknown, source = 'scenario file'): Scenario[] {
  const parsed = ScenarioFileSchema.safeParse(data);
  if (!parsed.success) {
    const problems = describeIssues(parsed.error.issues, data).map((p) => `${source}: ${p.replace(/^scenarios\[(\d+)\]/, (m) => labelFor(data, m))}`);
    throw new ScenarioError(problems);
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  const scenarios = parsed.data.scenarios.map((record, i) => {
    const at = `${source}: scenarios[${i}] "${record.name}"`;
    if (key(record.name) === key(BASELINE_NAME)) problems.push(`${at}.name: "${BASELINE_NAME}" is the baseline and cannot be redefined`);
    if (seen.has(key(record.name))) problems.push(`${at}.name: duplicate scenario name`);
    seen.add(key(record.name));
    const overrides = new Map<string, number>();
    for (const [id, raw] of Object.entries(record.overrides)) {
      const figure = getFigure(id);
      if (!figure || figure.id !== id) {
        problems.push(`${at}.overrides.${id}: unknown figure id`);
        continue;
      }
      const value = resolveOverride(figure, raw);
      if (typeof value === 'string') problems.push(`${at}.overrides.${id}: ${value}`);
      else overrides.set(id, value);
    }
    return { name: record.name, description: record.description, author: record.author, createdAt: record.createdAt, updatedAt: record.updatedAt, overrides };
  });
  if (problems.length) throw new ScenarioError(problems);
  return scenarios;
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
        description: s.description,
        author: s.author,
        createdAt: s.createdAt,
        updatedAt: s.updatedAt,
        overrides: Object.fromEntries(
          [...s.overrides].map(([id, v]) => [id, getFigure(id)?.unit === 'date' ? serialToIso(v) : v]),
        ),
      }),
    ),
  };
}
