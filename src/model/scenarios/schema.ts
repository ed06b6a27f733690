import * as z from '../validation/zod.js';

export const SCENARIO_FORMAT = 'claimcell.scenarios';
export const SCENARIO_FORMAT_VERSION = 1;
export const BASELINE_NAME = 'Article';

const isoDateTime = z.union([z.literal(''), z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, 'must be an ISO date or date-time'))]);

/** One scenario as stored in seeds and in exported files: overrides by figure id. */
export const ScenarioRecordSchema = z.strictObject({
  name: z.string().check(
    z.minLength(1, 'must not be empty'),
    z.maxLength(60, 'must be at most 60 characters'),
    z.refine((n) => n.trim() === n, 'must not start or end with spaces'),
  ),
  description: z._default(z.string().check(z.maxLength(500)), ''),
  author: z._default(z.string().check(z.maxLength(100)), ''),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** Figure id → value in the figure's unit (fractions for percent units; ISO strings for dates). */
  overrides: z.record(z.string(), z.union([z.number(), z.string()])),
});

export type ScenarioRecord = z.infer<typeof ScenarioRecordSchema>;

/** A scenario set file: versioned so a later format can migrate an older one. */
export const ScenarioFileSchema = z.strictObject({
  format: z.literal(SCENARIO_FORMAT),
  version: z.literal(SCENARIO_FORMAT_VERSION),
  scenarios: z.array(ScenarioRecordSchema),
});

export type ScenarioFile = z.infer<typeof ScenarioFileSchema>;
