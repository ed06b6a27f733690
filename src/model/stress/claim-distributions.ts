/**
 * The default distribution of a claim's input in a Monte Carlo run (README, "Stress tests"):
 * a stated range → `fromStatedRange` (uniform, or PERT with `shape: 'pert'`); otherwise
 * normal(base, sd) with **sd = half the article's rounding unit** of that figure (read off the
 * token as written: "2640亿美元" → 0.1 bn, "9.36万亿美元" → 10 bn, "25%" → 1 pp; an approximate
 * token — 约/逾/近/超/about — rounds at its last non-zero digit: "约700亿" → 10 bn). The question it
 * answers: does the verdict survive the article's own rounding? When the token has no digits to
 * read (e.g. "四个月"), sd = 5% of |base| instead; counts and calendar years stay exact. The rule
 * used is reported per input (`rule`). The Simulation sheet writes the same rules as formulas.
 */
import { getFigure } from '../figures/index.js';
import { constant, fromStatedRange, normal, type DistSpec } from './distributions.js';
import type { StressInput } from './types.js';

/** sd of the default normal, as a fraction of |base|, when no rounding unit can be read. */
export const FALLBACK_SD_FRACTION = 0.05;

const APPROX = /约|逾|近|超|左右|多|about|around|over|nearly|more than/i;

/**
 * The rounding unit of a figure as the article writes it, in the figure's own unit: the place of
 * the last written digit (of the last non-zero digit for an approximate token) times the scale
 * from the written number to the stored value. Undefined when the token has no usable number.
 */
export function roundingUnitOf(figureId: string): number | undefined {
  const figure = getFigure(figureId);
  if (!figure || typeof figure.value !== 'number' || figure.value === 0) return undefined;
  const value = Math.abs(figure.value);
  const approx = APPROX.test(figure.asWritten);
  for (const m of figure.asWritten.matchAll(/\d+(?:\.\d+)?/g)) {
    const token = m[0];
    const written = Number(token);
    if (!(written > 0)) continue;
    const scale = value / written;
    const log = Math.log10(scale);
    // the token that is the figure: the stored value is the written one times a power of ten
    if (Math.abs(log - Math.round(log)) > 1e-9) continue;
    const dot = token.indexOf('.');
    let place = 0;
    if (dot >= 0) place = -(token.length - dot - 1);
    else if (approx) place = token.length - token.replace(/0+$/, '').length;
    return 10 ** place * 10 ** Math.round(log);
  }
  return undefined;
}

export type DistributionRule = 'stated-range' | 'rounding' | 'pct' | 'exact' | 'quantiles';

/** The default distribution of one input and the rule that chose it (see the module comment). */
export function defaultDistribution(input: StressInput, shape: 'uniform' | 'pert' = 'uniform'): { spec: DistSpec; rule: DistributionRule; roundingUnit?: number } {
  if (input.low !== undefined && input.high !== undefined && input.low !== input.high) {
    return { spec: fromStatedRange(input.low, input.high, shape), rule: 'stated-range' };
  }
  // a count ("第13个月") or a calendar year is exact, not rounded: it stays at its value
  const figure = getFigure(input.id);
  if (figure && (figure.kind === 'count' || figure.unit === 'year')) return { spec: constant(input.base), rule: 'exact' };
  const unit = roundingUnitOf(input.id);
  if (unit !== undefined && unit > 0) return { spec: normal(input.base, unit / 2), rule: 'rounding', roundingUnit: unit };
  const sd = Math.abs(input.base) * FALLBACK_SD_FRACTION;
  return { spec: sd > 0 ? normal(input.base, sd) : constant(input.base), rule: 'pct' };
}
