/**
 * ClaimCell's uncertainty as a SIPmath 3.0 library (JSON), so other SIPmath tools draw the same
 * stream: each drawn figure is one `sips` entry fed by its own HDR_2_0 generator in `U01.rng`.
 *
 * Structure, from Probability Management's published files: the JSON Schema PySIPmath tests its
 * output against (github.com/probability-management/PySIPmath, tests/multi-lib-schema-2021-08-19.json:
 * top level requires `name`; `U01` requires `rng`; an rng entry requires `name`, `function`,
 * `arguments` with `counter` and integer `entity`, `varId`, `seed3`, `seed4`; a sip requires `name`,
 * `ref` {`source`, `name`}, `function`, `arguments`, a metalog's arguments `aCoefficients`, optional
 * `lowerBound`/`upperBound`; non-metalog sips name their `environment`, as `PsiNormal` {mean, stdDev}
 * does there), its example library tests/Demand_Forecast_Library.SIPmath (`objectType: "sipModel"`),
 * and the HDR seed roles of probabilitymanagement.org/hdr (counter = PM_Index, entity, varId,
 * seed3, seed4). `libraryType: "SIPmath_3_0"` as SIPmath 3.0 libraries carry it.
 *
 * ClaimCell's own distributions go out as `environment: "ClaimCell"` sips whose `function` is the
 * Excel inverse CDF the Simulation sheet uses. A figure whose uncertainty was fitted as a metalog
 * (the fitting lives elsewhere) goes out as `Metalog_1_0` through {@link SipmathFit}.
 */
import * as z from '../validation/zod.js';
import { describeIssues } from '../validation/index.js';
import type { Overrides } from '../claims/index.js';
import { stressClaimIds, stressModelFor } from './claims.js';
import { defaultDistribution } from './claim-distributions.js';
import { parseDistSpec, type DistSpec } from './distributions.js';
import { HDR_DEFAULT_ENTITY, HDR_MAX_ID, hdrVarId, type HdrSeeds } from './hdr.js';

const hdrInteger = z.number().check(z.int(), z.minimum(0), z.maximum(HDR_MAX_ID));
/** seed3/seed4 may be left to the user as a parameter (the published schema's example does so). */
const seedArgument = z.union([hdrInteger, z.object({ type: z.literal('parameter'), name: z.string() })]);

const rngSchema = z.object({
  name: z.string().check(z.minLength(1)),
  function: z.string(),
  arguments: z.object({ counter: z.optional(z.string()), entity: z.optional(hdrInteger), varId: z.optional(hdrInteger), seed3: z.optional(seedArgument), seed4: z.optional(seedArgument) }),
});

const sipSchema = z.object({
  name: z.string().check(z.minLength(1)),
  ref: z.object({ source: z.string(), name: z.string(), copulaLayer: z.optional(z.string()) }),
  function: z.string(),
  environment: z.optional(z.string()),
  arguments: z.record(z.string(), z.unknown()),
  metadata: z.optional(z.record(z.string(), z.unknown())),
});

/** The SIPmath 3.0 library structure (module comment), checked before anything is read from it. */
export const sipmathSchema = z.object({
  name: z.string(),
  objectType: z.optional(z.string()),
  libraryType: z.optional(z.string()),
  dateCreated: z.optional(z.string()),
  provenance: z.optional(z.string()),
  version: z.optional(z.string()),
  globalVariables: z.optional(z.array(z.object({ name: z.string(), value: z.unknown() }))),
  U01: z.object({ rng: z.array(rngSchema), copula: z.optional(z.array(z.unknown())) }),
  sips: z.optional(z.array(sipSchema)),
});
export type SipmathLibrary = z.infer<typeof sipmathSchema>;

/** Invalid SIPmath JSON; `problems` name each field (`sips[2] .arguments.mean: …`). */
export class SipmathError extends Error {
  override readonly name = 'SipmathError';
  constructor(readonly problems: readonly string[]) {
    super(`not a SIPmath 3.0 library ClaimCell can read:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** A metalog fitted to a figure's quantiles (by the fitting code, when there is one): SIPmath's Metalog_1_0 arguments. */
export interface SipmathFit {
  readonly aCoefficients: readonly number[];
  readonly lowerBound?: number;
  readonly upperBound?: number;
}

/** One input as a SIPmath tool would draw it: its figure id, distribution (or fitted metalog) and HDR seeds. */
export interface SipmathInput {
  readonly id: string;
  readonly distribution: DistSpec | { readonly type: 'metalog'; readonly fit: SipmathFit };
  readonly seeds: HdrSeeds;
}

/** ClaimCell distribution → the argument names of the Excel function the Simulation sheet uses. */
function sipOf(spec: DistSpec): { function: string; arguments: Record<string, number> } {
  switch (spec.type) {
    case 'normal':
      return { function: 'NORM.INV', arguments: { mean: spec.mean, stdDev: spec.sd } };
    case 'lognormal':
      return { function: 'LOGNORM.INV', arguments: { mean: spec.mu, stdDev: spec.sigma } };
    case 'uniform':
      return { function: 'Uniform', arguments: { min: spec.lo, max: spec.hi } };
    case 'triangular':
      return { function: 'Triangular', arguments: { min: spec.lo, mode: spec.mode, max: spec.hi } };
    case 'pert':
      return { function: 'PERT', arguments: { min: spec.lo, mode: spec.mode, max: spec.hi, ...(spec.lambda !== undefined ? { lambda: spec.lambda } : {}) } };
    case 'constant':
      return { function: 'Constant', arguments: { value: spec.value } };
    case 'metalog':
      // inputs given by quantiles (--quantiles) are not exported yet: say so rather than write a guess
      throw new SipmathError([`a metalog fitted to quantiles (a = [${spec.a.join(', ')}]) has no SIPmath export yet; export without --quantiles`]);
  }
}

/** The inverse of {@link sipOf}, validated like any distribution spec (errors name the field). */
function specOf(fn: string, args: Record<string, unknown>, where: string): DistSpec {
  const a = args as Record<string, number>;
  const raw: Record<string, unknown> | undefined = {
    'NORM.INV': { type: 'normal', mean: a.mean, sd: a.stdDev },
    'LOGNORM.INV': { type: 'lognormal', mu: a.mean, sigma: a.stdDev },
    Uniform: { type: 'uniform', lo: a.min, hi: a.max },
    Triangular: { type: 'triangular', lo: a.min, mode: a.mode, hi: a.max },
    PERT: { type: 'pert', lo: a.min, mode: a.mode, hi: a.max, ...(a.lambda !== undefined ? { lambda: a.lambda } : {}) },
    Constant: { type: 'constant', value: a.value },
  }[fn];
  if (!raw) throw new SipmathError([`${where}.function: "${fn}" is not one ClaimCell draws (NORM.INV, LOGNORM.INV, Uniform, Triangular, PERT, Constant, Metalog_1_0)`]);
  try {
    return parseDistSpec(raw, where);
  } catch (error) {
    throw new SipmathError([`${where}.arguments: ${(error as Error).message}`]);
  }
}

/** The library for `inputs`: one HDR rng and one sip per input, the run's seed as seed3. */
export function toSipmath(inputs: readonly { id: string; spec: DistSpec; fit?: SipmathFit }[], seed: number, provenance: string, date: string): SipmathLibrary {
  return {
    name: 'ClaimCell inputs',
    objectType: 'sipModel',
    libraryType: 'SIPmath_3_0',
    dateCreated: date,
    provenance,
    version: '1',
    U01: {
      rng: inputs.map((i) => ({
        name: `hdr_${i.id}`,
        function: 'HDR_2_0',
        arguments: { counter: 'PM_Index', entity: HDR_DEFAULT_ENTITY, varId: hdrVarId(i.id), seed3: seed, seed4: 0 },
      })),
    },
    sips: inputs.map((i) => ({
      name: i.id,
      ref: { source: 'rng', name: `hdr_${i.id}` },
      ...(i.fit
        ? { function: 'Metalog_1_0', arguments: { ...i.fit, aCoefficients: [...i.fit.aCoefficients] } }
        : { environment: 'ClaimCell', ...sipOf(i.spec) }),
    })),
  };
}

/** Reads a library: validates its structure, then each sip's generator and distribution; every problem names its field. */
export function fromSipmath(json: unknown): SipmathInput[] {
  const parsed = sipmathSchema.safeParse(json);
  if (!parsed.success) throw new SipmathError(describeIssues(parsed.error.issues, json));
  const library = parsed.data;
  const rngs = new Map(library.U01.rng.map((r) => [r.name, r]));
  return (library.sips ?? []).map((sip, i) => {
    const where = `sips[${i}] (${sip.name})`;
    if (sip.ref.source !== 'rng') throw new SipmathError([`${where}.ref.source: "${sip.ref.source}" (copulas) is not read by ClaimCell; only "rng"`]);
    const rng = rngs.get(sip.ref.name);
    if (!rng) throw new SipmathError([`${where}.ref.name: no U01.rng entry named "${sip.ref.name}"`]);
    if (rng.function !== 'HDR_2_0') throw new SipmathError([`U01.rng (${rng.name}).function: "${rng.function}"; ClaimCell draws only HDR_2_0`]);
    const args = rng.arguments;
    const whole = (field: 'entity' | 'varId' | 'seed3' | 'seed4'): number => {
      const v = args[field] ?? 0;
      if (typeof v !== 'number') throw new SipmathError([`U01.rng (${rng.name}).arguments.${field}: a parameter ("${v.name}"); give it a whole number`]);
      return v;
    };
    const seeds = { entity: whole('entity'), varId: whole('varId'), seed3: whole('seed3'), seed4: whole('seed4') };
    if (sip.function === 'Metalog_1_0') {
      const fit = z.object({ aCoefficients: z.array(z.number()).check(z.minLength(2)), lowerBound: z.optional(z.number()), upperBound: z.optional(z.number()) }).safeParse(sip.arguments);
      if (!fit.success) throw new SipmathError(describeIssues(fit.error.issues, sip.arguments).map((p) => `${where}.arguments.${p}`));
      return { id: sip.name, distribution: { type: 'metalog', fit: fit.data }, seeds };
    }
    return { id: sip.name, distribution: specOf(sip.function, sip.arguments, where), seeds };
  });
}

/**
 * The inputs to export: every figure that the given claims (default: every stressable one) draw,
 * once, with its default distribution at the values in use; exact figures (counts, years) are not
 * drawn. `fitOf` is the hook for a figure whose uncertainty was fitted as a metalog.
 */
export function drawnInputs(claimIds: readonly string[] = stressClaimIds(), overrides?: Overrides, fitOf: (id: string) => SipmathFit | undefined = () => undefined): { id: string; spec: DistSpec; fit?: SipmathFit }[] {
  const out = new Map<string, { id: string; spec: DistSpec; fit?: SipmathFit }>();
  for (const claimId of claimIds) {
    for (const input of stressModelFor(claimId, overrides).model.inputs) {
      const { spec, rule } = defaultDistribution(input);
      const fit = fitOf(input.id);
      if (out.has(input.id) || (rule === 'exact' && !fit)) continue;
      out.set(input.id, { id: input.id, spec, ...(fit ? { fit } : {}) });
    }
  }
  return [...out.values()];
}
