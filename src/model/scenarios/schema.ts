import { z } from 'zod';

export const SCENARIO_FORMAT = 'claimcell.scenarios';
export const SCENARIO_FORMAT_VERSION = 1;
export const BASELINE_NAME = 'Article';

const isoDateTime = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, 'must be an ISO date or date-time')]);

/** One scenario as stored in seeds and in exported files: overrides by figure id. */
export const ScenarioRecordSchema = z
  .object({
    name: z
      .string()
      .min(1, 'must not be empty')
      .max(60, 'must be at most 60 characters')
      .refine((n) => n.trim() === n, 'must not start or end with spaces'),
    description: z.string().max(500).default(''),
    author: z.string().max(100).default(''),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    /** Figure id → value in the figure's unit (fractions for percent units; ISO strings for dates). */
    overrides: z.record(z.string(), z.union([z.number().finite(), z.string()])),
  })
  .strict();

export type ScenarioRecord = z.infer<typeof ScenarioRecordSchema>;

/** A scenario set file: versioned so a later format can migrate an older one. */
export const ScenarioFileSchema = z
  .object({
    format: z.literal(SCENARIO_FORMAT),
    version: z.literal(SCENARIO_FORMAT_VERSION),
    scenarios: z.array(ScenarioRecordSchema),
  })
  .strict();

export type ScenarioFile = z.infer<typeof ScenarioFileSchema>;
