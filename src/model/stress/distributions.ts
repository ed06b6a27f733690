/**
 * Distribution specs (validated with zod, discriminated on `type`) and typed-array samplers.
 *
 * Stated ranges: {@link fromStatedRange} maps an article's "20–30%" or "1–2 weeks" to
 * **uniform(lo, hi) by default**. A stated range says where the author believes the value lies,
 * not which part of it is more likely; uniform is the maximum-entropy distribution on a bounded
 * interval and the more conservative choice (sd = w/√12 ≈ 0.29·w versus w/√28 ≈ 0.19·w for the
 * symmetric PERT). Pass `shape: 'pert'` for a PERT with the midpoint as mode when the wording
 * implies a central estimate ("about 25%, between 20 and 30").
 */
import * as z from '../validation/zod.js';
import type { Rng } from './prng.js';
import { METALOG3_BOUND, metalog3Moments, metalogFromUniforms, type Metalog3 } from './metalog.js';

const finite = (field: string) =>
  z.number({ error: (iss) => (iss.input === undefined ? `${field} is required` : `${field} must be a finite number`) });

type Issues = { issues: z.core.$ZodRawIssue[] };
const issue = (ctx: Issues, input: unknown, path: string, message: string): void => {
  ctx.issues.push({ code: 'custom', input, path: [path], message });
};

const normalSchema = z.strictObject({ type: z.literal('normal'), mean: finite('mean'), sd: finite('sd') }).check(
  z.superRefine((v, ctx) => {
    if (!(v.sd > 0)) issue(ctx, v, 'sd', `sd must be > 0, got ${v.sd}`);
  }),
);

const lognormalSchema = z.strictObject({ type: z.literal('lognormal'), mu: finite('mu'), sigma: finite('sigma') }).check(
  z.superRefine((v, ctx) => {
    if (!(v.sigma > 0)) issue(ctx, v, 'sigma', `sigma must be > 0, got ${v.sigma}`);
  }),
);

const uniformSchema = z.strictObject({ type: z.literal('uniform'), lo: finite('lo'), hi: finite('hi') }).check(
  z.superRefine((v, ctx) => {
    if (!(v.hi > v.lo)) issue(ctx, v, 'hi', `hi must be > lo (lo=${v.lo}, hi=${v.hi})`);
  }),
);

function threePoint(v: { lo: number; mode: number; hi: number }, ctx: Issues): void {
  if (!(v.hi > v.lo)) issue(ctx, v, 'hi', `hi must be > lo (lo=${v.lo}, hi=${v.hi})`);
  else if (!(v.mode >= v.lo && v.mode <= v.hi)) issue(ctx, v, 'mode', `mode must lie in [lo, hi] = [${v.lo}, ${v.hi}], got ${v.mode}`);
}

const triangularSchema = z
  .strictObject({ type: z.literal('triangular'), lo: finite('lo'), mode: finite('mode'), hi: finite('hi') })
  .check(z.superRefine(threePoint));

const pertSchema = z
  .strictObject({ type: z.literal('pert'), lo: finite('lo'), mode: finite('mode'), hi: finite('hi'), lambda: z.optional(finite('lambda')) })
  .check(
    z.superRefine((v, ctx) => {
      threePoint(v, ctx);
      if (v.lambda !== undefined && !(v.lambda > 0)) issue(ctx, v, 'lambda', `lambda must be > 0, got ${v.lambda}`);
    }),
  );

const constantSchema = z.strictObject({ type: z.literal('constant'), value: finite('value') });

/** A 3-term metalog by its coefficients (metalog.ts fits them to quantiles); must be feasible. */
const metalogSchema = z.strictObject({ type: z.literal('metalog'), a: z.tuple([finite('a[0]'), finite('a[1]'), finite('a[2]')]) }).check(
  z.superRefine((v, ctx) => {
    if (!(v.a[1] > 0) || Math.abs(v.a[2]) / v.a[1] >= METALOG3_BOUND) issue(ctx, v, 'a', `a 3-term metalog needs a[1] > 0 and |a[2]|/a[1] < ${METALOG3_BOUND}, got [${v.a.join(', ')}]`);
  }),
);

const TYPES = ['normal', 'lognormal', 'uniform', 'triangular', 'pert', 'constant', 'metalog'] as const;

/** zod schema of a distribution spec: a discriminated union on `type`. */
export const distSpecSchema = z.discriminatedUnion(
  'type',
  [normalSchema, lognormalSchema, uniformSchema, triangularSchema, pertSchema, constantSchema, metalogSchema],
  { error: () => `type must be one of ${TYPES.join(', ')}` },
);

export type DistSpec =
  | { readonly type: 'normal'; readonly mean: number; readonly sd: number }
  | { readonly type: 'lognormal'; readonly mu: number; readonly sigma: number }
  | { readonly type: 'uniform'; readonly lo: number; readonly hi: number }
  | { readonly type: 'triangular'; readonly lo: number; readonly mode: number; readonly hi: number }
  | { readonly type: 'pert'; readonly lo: number; readonly mode: number; readonly hi: number; readonly lambda?: number }
  | { readonly type: 'constant'; readonly value: number }
  | { readonly type: 'metalog'; readonly a: Metalog3 };

/** A failed spec validation; `issues` name the field (`path`) of each problem. */
export class DistSpecError extends Error {
  override readonly name = 'DistSpecError';
  constructor(
    message: string,
    readonly issues: readonly { readonly path: string; readonly message: string }[],
  ) {
    super(message);
  }
}

/**
 * Validates an unknown value as a {@link DistSpec}; throws {@link DistSpecError} whose message names
 * the field at fault, e.g. `distribution for "rate": hi: hi must be > lo (lo=0.3, hi=0.2)`.
 */
export function parseDistSpec(value: unknown, label?: string): DistSpec {
  const r = distSpecSchema.safeParse(value);
  if (r.success) return r.data as DistSpec;
  const issues = r.error.issues.map((iss) => {
    const path = iss.path.length ? iss.path.map(String).join('.') : iss.code === 'unrecognized_keys' ? 'spec' : 'type';
    let message = iss.message;
    if (iss.code === 'unrecognized_keys') message = `unknown field(s) ${iss.keys.map((k) => `"${k}"`).join(', ')}`;
    return { path, message };
  });
  const where = label ? `distribution for "${label}"` : 'distribution';
  throw new DistSpecError(`${where}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
}

// ---- constructors ----------------------------------------------------------------------------
export const normal = (mean: number, sd: number): DistSpec => parseDistSpec({ type: 'normal', mean, sd });
export const lognormal = (mu: number, sigma: number): DistSpec => parseDistSpec({ type: 'lognormal', mu, sigma });
/** Lognormal with the given arithmetic mean and sd (mean > 0, sd > 0): σ² = ln(1 + sd²/mean²), μ = ln mean − σ²/2. */
export function lognormalFrom(mean: number, sd: number): DistSpec {
  if (!(mean > 0)) throw new DistSpecError(`distribution: mean: lognormal mean must be > 0, got ${mean}`, [{ path: 'mean', message: `must be > 0, got ${mean}` }]);
  if (!(sd > 0)) throw new DistSpecError(`distribution: sd: lognormal sd must be > 0, got ${sd}`, [{ path: 'sd', message: `must be > 0, got ${sd}` }]);
  const sigma2 = Math.log1p((sd * sd) / (mean * mean));
  return lognormal(Math.log(mean) - sigma2 / 2, Math.sqrt(sigma2));
}
export const uniform = (lo: number, hi: number): DistSpec => parseDistSpec({ type: 'uniform', lo, hi });
export const triangular = (lo: number, mode: number, hi: number): DistSpec => parseDistSpec({ type: 'triangular', lo, mode, hi });
export const pert = (lo: number, mode: number, hi: number, lambda?: number): DistSpec =>
  parseDistSpec(lambda === undefined ? { type: 'pert', lo, mode, hi } : { type: 'pert', lo, mode, hi, lambda });
export const constant = (value: number): DistSpec => parseDistSpec({ type: 'constant', value });

/**
 * A stated range ("20–30%" → 0.2, 0.3; "1–2 weeks" → 1, 2) as a distribution: uniform over the
 * range by default, or PERT with the midpoint as mode (`shape: 'pert'`). See the module comment.
 * Reversed bounds are reordered; equal bounds give a constant.
 */
export function fromStatedRange(lo: number, hi: number, shape: 'uniform' | 'pert' = 'uniform'): DistSpec {
  if (!Number.isFinite(lo)) throw new DistSpecError(`distribution: lo: stated range bound must be finite, got ${lo}`, [{ path: 'lo', message: 'must be finite' }]);
  if (!Number.isFinite(hi)) throw new DistSpecError(`distribution: hi: stated range bound must be finite, got ${hi}`, [{ path: 'hi', message: 'must be finite' }]);
  const a = Math.min(lo, hi);
  const b = Math.max(lo, hi);
  if (a === b) return constant(a);
  return shape === 'pert' ? pert(a, (a + b) / 2, b) : uniform(a, b);
}

// ---- moments (analytic) -------------------------------------------------------------------------
/** PERT shape parameters α, β of the underlying Beta on [lo, hi]. */
export function pertShape(lo: number, mode: number, hi: number, lambda = 4): { alpha: number; beta: number } {
  const w = hi - lo;
  return { alpha: 1 + (lambda * (mode - lo)) / w, beta: 1 + (lambda * (hi - mode)) / w };
}

/** Analytic mean and sd of a spec. */
export function distMoments(spec: DistSpec): { mean: number; sd: number } {
  switch (spec.type) {
    case 'normal':
      return { mean: spec.mean, sd: spec.sd };
    case 'lognormal': {
      const s2 = spec.sigma * spec.sigma;
      const mean = Math.exp(spec.mu + s2 / 2);
      return { mean, sd: mean * Math.sqrt(Math.expm1(s2)) };
    }
    case 'uniform':
      return { mean: (spec.lo + spec.hi) / 2, sd: (spec.hi - spec.lo) / Math.sqrt(12) };
    case 'triangular': {
      const { lo: a, mode: c, hi: b } = spec;
      return { mean: (a + b + c) / 3, sd: Math.sqrt((a * a + b * b + c * c - a * b - a * c - b * c) / 18) };
    }
    case 'pert': {
      const { alpha, beta } = pertShape(spec.lo, spec.mode, spec.hi, spec.lambda);
      const w = spec.hi - spec.lo;
      const s = alpha + beta;
      return { mean: spec.lo + (w * alpha) / s, sd: w * Math.sqrt((alpha * beta) / (s * s * (s + 1))) };
    }
    case 'constant':
      return { mean: spec.value, sd: 0 };
    case 'metalog':
      return metalog3Moments(spec.a);
  }
}

// ---- sampling -----------------------------------------------------------------------------------
/** Fills `out` with draws of `spec` from `rng` (continues the stream; chunked fills equal one big fill). */
export function sampleInto(spec: DistSpec, rng: Rng, out: Float64Array): Float64Array {
  const n = out.length;
  switch (spec.type) {
    case 'normal':
      return rng.fillNormal(out, spec.mean, spec.sd);
    case 'lognormal': {
      rng.fillNormal(out, spec.mu, spec.sigma);
      for (let k = 0; k < n; k++) out[k] = Math.exp(out[k]!);
      return out;
    }
    case 'uniform':
      return rng.fillUniform(out, spec.lo, spec.hi);
    case 'triangular': {
      rng.fillUniform(out);
      const { lo: a, mode: c, hi: b } = spec;
      const w = b - a;
      const fc = (c - a) / w;
      const kl = w * (c - a);
      const kh = w * (b - c);
      for (let k = 0; k < n; k++) {
        const u = out[k]!;
        out[k] = u < fc ? a + Math.sqrt(u * kl) : b - Math.sqrt((1 - u) * kh);
      }
      return out;
    }
    case 'pert': {
      const { alpha, beta } = pertShape(spec.lo, spec.mode, spec.hi, spec.lambda);
      const w = spec.hi - spec.lo;
      for (let k = 0; k < n; k++) {
        const x = gamma(rng, alpha);
        const y = gamma(rng, beta);
        out[k] = spec.lo + (w * x) / (x + y);
      }
      return out;
    }
    case 'constant':
      return out.fill(spec.value);
    case 'metalog':
      return metalogFromUniforms(spec.a, rng.fillUniform(out));
  }
}

/** Gamma(shape ≥ 1, scale 1) by Marsaglia–Tsang (PERT shapes are always ≥ 1). */
function gamma(rng: Rng, shape: number): number {
  if (shape < 1) {
    // boost: Gamma(a) = Gamma(a + 1) · U^(1/a)
    return gamma(rng, shape + 1) * Math.pow(rng.nextFloat(), 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number, v: number;
    do {
      x = rng.nextNormal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.nextFloat();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}
