/**
 * The HDR generator (Hubbard Decision Research, "HDR_2_0"), the counter-based pseudo-random
 * generator of the SIPmath standard: a uniform on (0, 1) is a pure function of five whole numbers,
 * the trial counter (SIPmath's PM_Index, from 1), an entity, a variable id and two optional seeds.
 * No state is carried from one trial to the next, so one spreadsheet cell computes one draw and
 * every platform computes the same stream.
 *
 * The formula is the published one (probabilitymanagement.org/hdr, "HDR 2.0 Standard Seed
 * Assignment"; the same constants in Probability Management's PySIPmath, `PySIP3library.py` `hdr`):
 *
 *   ( MOD(( MOD( MOD( 999999999999989, MOD( t*2499997 + v*1800451 + e*2000371 + s3*1796777 + s4*2299603, 7450589 ) * 4658 + 7450581 ) * 383, 99991 ) * 7440893
 *         + MOD( MOD( 999999999999989, MOD( t*2246527 + v*2399993 + e*2100869 + s3*1918303 + s4*1624729, 7450987 ) * 7580 + 7560584 ) * 17669, 7440893 )) * 1343, 4294967296 ) + 0.5 ) / 4294967296
 *
 * Precision. Every intermediate is a whole number below 2^53, so doubles hold it exactly, and the
 * remainders computed here are exact, equal to Excel's MOD on these non-negative operands. Excel's
 * MOD fails (#NUM!) when number ≥ divisor·2^27 (Microsoft KB 119083); the constants keep every
 * quotient under 2^27 (the largest, MOD(Z·17669, 7440893), reaches 1.3413e8 < 1.3422e8) provided the
 * first sum stays below 10^15, which {@link HDR_MAX_ID} guarantees with room to spare.
 */
import { metalogQuantile } from './metalog.js';
import type { DistSpec } from './distributions.js';
import { pertShape } from './distributions.js';
import { betaQuantile, normalQuantileAS241 } from './inverse.js';

/** Largest trial counter, entity, variable id and seed the engine and the workbook accept (keeps the first MOD's sum < 1.1e14). */
export const HDR_MAX_ID = 9_999_999;
/** SIPmath's default entity; ClaimCell's workbook and JSON use it unless told otherwise. */
export const HDR_DEFAULT_ENTITY = 1;

const TWO_POW_32 = 4294967296;

/** The five arguments of one HDR stream (everything but the counter). */
export interface HdrSeeds {
  readonly entity: number;
  readonly varId: number;
  readonly seed3: number;
  readonly seed4: number;
}

/**
 * x mod m for whole numbers 0 ≤ x < 2^53, 0 < m, exactly: the quotient from a rounded division is
 * at most one off, q·m and x − q·m are exact, and one correction fixes it. Several times faster
 * than `%` on doubles in V8, and the same result.
 */
function mod(x: number, m: number): number {
  const r = x - Math.floor(x / m) * m;
  return r < 0 ? r + m : r >= m ? r - m : r;
}

/** One uniform of the HDR_2_0 stream: trial `counter` (1, 2, …) of the stream `seeds`. */
export function hdrUniform(counter: number, seeds: HdrSeeds): number {
  const { entity: e, varId: v, seed3: s3, seed4: s4 } = seeds;
  const a = mod(mod(999999999999989, mod(counter * 2499997 + v * 1800451 + e * 2000371 + s3 * 1796777 + s4 * 2299603, 7450589) * 4658 + 7450581) * 383, 99991) * 7440893;
  const b = mod(mod(999999999999989, mod(counter * 2246527 + v * 2399993 + e * 2100869 + s3 * 1918303 + s4 * 1624729, 7450987) * 7580 + 7560584) * 17669, 7440893);
  return (mod((a + b) * 1343, TWO_POW_32) + 0.5) / TWO_POW_32;
}

/**
 * The same generator as one native Excel formula (no leading `=`), each argument a cell
 * reference, a defined name or a number. MOD only: it is in every Excel and LibreOffice.
 */
export function hdrFormula(counter: string, seeds: { entity: string; varId: string; seed3: string; seed4: string }): string {
  const { entity: e, varId: v, seed3: s3, seed4: s4 } = seeds;
  const a = `MOD(MOD(999999999999989,MOD(${counter}*2499997+${v}*1800451+${e}*2000371+${s3}*1796777+${s4}*2299603,7450589)*4658+7450581)*383,99991)*7440893`;
  const b = `MOD(MOD(999999999999989,MOD(${counter}*2246527+${v}*2399993+${e}*2100869+${s3}*1918303+${s4}*1624729,7450987)*7580+7560584)*17669,7440893)`;
  return `(MOD((${a}+${b})*1343,4294967296)+0.5)/4294967296`;
}

/** Why a value cannot be an HDR argument, or undefined when it can (a whole number from 0 to {@link HDR_MAX_ID}). */
export function hdrIdProblem(value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > HDR_MAX_ID) {
    return `must be a whole number from 0 to ${HDR_MAX_ID} (the HDR generator's exact range), got ${JSON.stringify(value)}`;
  }
  return undefined;
}

/**
 * A figure's HDR variable id: FNV-1a (32-bit) of its id folded into 1…{@link HDR_MAX_ID}, so it
 * never depends on the figure's position in the catalogue and the same figure draws the same
 * stream in every claim, in the engine, the workbook and the SIPmath JSON.
 */
export function hdrVarId(figureId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < figureId.length; i++) {
    hash ^= figureId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return ((hash >>> 0) % HDR_MAX_ID) + 1;
}

/**
 * A value of `spec` from the uniform `u` by its inverse CDF, the same function the workbook's
 * native formula uses (see `simulation-sheet.ts`): uniform lo+(hi−lo)·u, NORM.INV, LOGNORM.INV,
 * the triangular's closed form, BETA.INV for PERT, and the constant itself.
 */
export function inverseCdf(spec: DistSpec, u: number): number {
  switch (spec.type) {
    case 'uniform':
      return spec.lo + (spec.hi - spec.lo) * u;
    case 'normal':
      return spec.mean + spec.sd * normalQuantileAS241(u);
    case 'lognormal':
      return Math.exp(spec.mu + spec.sigma * normalQuantileAS241(u));
    case 'triangular': {
      const { lo: a, mode: c, hi: b } = spec;
      return u < (c - a) / (b - a) ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }
    case 'pert': {
      const { alpha, beta } = pertShape(spec.lo, spec.mode, spec.hi, spec.lambda);
      return spec.lo + (spec.hi - spec.lo) * betaQuantile(u, alpha, beta);
    }
    case 'constant':
      return spec.value;
    case 'metalog':
      return metalogQuantile(spec.a, u);
  }
}

/**
 * One input's HDR stream from a given trial on: `fill` continues where the last fill stopped, as
 * the default generator's streams do, so a run cut into chunks draws what one fill would.
 */
export class HdrStream {
  private counter: number;

  constructor(
    readonly seeds: HdrSeeds,
    firstTrial = 1,
  ) {
    this.counter = firstTrial;
  }

  /** Fills `out` with draws of `spec` for the next `out.length` trials. */
  fill(spec: DistSpec, out: Float64Array): Float64Array {
    for (let k = 0; k < out.length; k++) out[k] = inverseCdf(spec, hdrUniform(this.counter++, this.seeds));
    return out;
  }
}

/** The HDR seeds of one input of a run: the run's seed is SIPmath's seed3, the figure's id gives the variable id. */
export function hdrSeedsFor(inputId: string, seed: number, entity = HDR_DEFAULT_ENTITY): HdrSeeds {
  return { entity, varId: hdrVarId(inputId), seed3: seed, seed4: 0 };
}
