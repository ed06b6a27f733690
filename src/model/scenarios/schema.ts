import * as z from '../validation/zod.js';

export const SCENARIO_FORMAT = 'claimcell.scenarios';
export const SCENARIO_FORMAT_VERSION = 1;
export const BASELINE_NAME = 'Article';

/**
 * Documented limits of a scenario set. They keep a filled workbook inside Excel's grid (16,384
 * columns: one per scenario on the Scenarios and summary sheets) and each fill request well under
 * the 5 MB that Excel on the web accepts per request (learn.microsoft.com/office/dev/add-ins/
 * concepts/resource-limits-and-performance-optimization#excel-add-ins): a workbook plan with
 * `scenarios` scenarios, each at every other limit, is under 3 MB (test/reliability/scenarios.test.ts).
 */
export const SCENARIO_LIMITS = {
  scenarios: 100,
  nameLength: 60,
  descriptionLength: 500,
  authorLength: 100,
  /** Correlation pairs per scenario (a pair per two inputs of a claim is plenty). */
  correlations: 100,
  /** A scenario file as text; a file at every other limit is about 250 KB. */
  fileBytes: 1024 * 1024,
} as const;

/** Header cells of the Scenarios table: Excel renames a column whose header repeats one of them (any case), so no scenario may be called so. */
export const SCENARIO_TABLE_HEADERS = { id: 'id', label: 'Label', inUse: 'In use' } as const;

/** Characters that act as wildcards in the workbook's MATCH(…, 0) lookup of the active scenario. */
export const WILDCARD_CHARACTERS = ['*', '?', '~'] as const;

/** Why a scenario name cannot be used (or undefined): one rule for files, the pane and the CLI. */
export function scenarioNameProblem(name: string): string | undefined {
  if (!name.trim()) return 'must not be empty';
  if (name.length > SCENARIO_LIMITS.nameLength) return `must be at most ${SCENARIO_LIMITS.nameLength} characters`;
  if (name.trim() !== name) return 'must not start or end with spaces';
  const wildcard = WILDCARD_CHARACTERS.find((c) => name.includes(c));
  if (wildcard) return `must not contain "${wildcard}": the workbook's lookup of the active scenario reads * ? ~ as wildcards`;
  const lower = name.toLowerCase();
  if (lower === BASELINE_NAME.toLowerCase()) return `"${BASELINE_NAME}" is the baseline and cannot be redefined`;
  const header = Object.values(SCENARIO_TABLE_HEADERS).find((h) => h.toLowerCase() === lower);
  if (header) return `"${name}" is a column header of the Scenarios table (${Object.values(SCENARIO_TABLE_HEADERS).map((h) => `"${h}"`).join(', ')}) and would be renamed by Excel`;
  return undefined;
}

const isoDateTime = z.union([z.literal(''), z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, 'must be an ISO date or date-time'))]);

/** One scenario as stored in seeds and in exported files: overrides by figure id. */
export const ScenarioRecordSchema = z.strictObject({
  /** The key: B1's drop-down, the Scenarios sheet's MATCH, files and the CLI's --scenario use it in every language. */
  name: z.string(),
  /** How the Chinese pane and workbook show the scenario: a display label only, never a key (dropped on rename). */
  nameZh: z.optional(z.string().check(z.minLength(1), z.maxLength(SCENARIO_LIMITS.nameLength))),
  description: z._default(z.string().check(z.maxLength(SCENARIO_LIMITS.descriptionLength)), ''),
  descriptionZh: z.optional(z.string().check(z.maxLength(SCENARIO_LIMITS.descriptionLength))),
  author: z._default(z.string().check(z.maxLength(SCENARIO_LIMITS.authorLength)), ''),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /**
   * Figure id → value in the figure's unit (fractions for percent units; ISO strings for dates).
   * Values are typed by `resolveOverride`, which knows each figure's unit and names the value.
   */
  overrides: z.record(z.string(), z.unknown()),
  /**
   * Optional rank correlations between figures for the stress tests run under this scenario
   * (figure ids a, b; target Spearman rho in [-1, 1]). Checked by `parseScenarioFile`; an
   * inconsistent set is repaired when a run uses it, and the run says so (model/stress/user-correlation.ts).
   */
  correlations: z.optional(
    z.array(z.strictObject({ a: z.string(), b: z.string(), rho: z.number() })).check(z.maxLength(SCENARIO_LIMITS.correlations, `at most ${SCENARIO_LIMITS.correlations} correlation pairs`)),
  ),
});

export type ScenarioRecord = z.infer<typeof ScenarioRecordSchema>;

/** A scenario set file: versioned so a later format can migrate an older one. */
export const ScenarioFileSchema = z.strictObject({
  format: z.literal(SCENARIO_FORMAT),
  version: z.literal(SCENARIO_FORMAT_VERSION),
  scenarios: z.array(ScenarioRecordSchema).check(z.maxLength(SCENARIO_LIMITS.scenarios, `at most ${SCENARIO_LIMITS.scenarios} scenarios fit a workbook`)),
});

export type ScenarioFile = z.infer<typeof ScenarioFileSchema>;
