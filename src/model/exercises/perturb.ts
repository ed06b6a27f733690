/**
 * Per-student variants of the given figures: each value moves deterministically from
 * (seed, student id, figure id), so neighbours' answers differ while every number stays plausible.
 *
 * Rules (see `perturbValue`):
 * - levels, changes, targets (and references): × (1 ± 2…10%), sign kept, rounded to the article's
 *   precision but never coarser than 3 significant digits (so 5 → 5.37, 682.6 → 701.3);
 * - fractions (percent units): the same factor, rounded to 0.1 pp or finer; shares and rates stay
 *   inside (0, 1);
 * - counts and whole-number durations: integers ≥ 1 (13 months → 12…14);
 * - dates: shifted by 1…10 whole days either way;
 * - calendar years and thresholds (round marks such as "10 trillion"): unchanged;
 * - the two ends of a stated range move by the same factor, so low < high stays true.
 */
import { figureValue, getFigure, type Figure } from '../figures/index.js';
import { getReference, referenceValue } from '../references/index.js';
import { UNITS, type UnitId } from '../units/index.js';
import { streamFor } from './prng.js';

/** A number the student is given: an article figure, an outside reference, or a figure of the user's own (MyFigures). */
export interface GivenFigure {
  readonly id: string;
  readonly source: 'article' | 'reference' | 'user';
  readonly unit: UnitId;
  /** Figure kind; references count as levels (or dates). */
  readonly kind: Figure['kind'];
  /** The article's (or reference's) value; dates as Excel serials. */
  readonly value: number;
  readonly labelEn: string;
  readonly labelZh: string;
  /** Paragraph of the article, or the reference's as-of date. */
  readonly where: string;
  readonly period: string;
  /** The period in Chinese (a reference's series, a citation, stays as published). */
  readonly periodZh: string;
  /** Id both ends of a stated range share as their perturbation stream. */
  readonly stream: string;
}

/** The given figure for an id (article figure or reference), or undefined. */
export function givenFigure(id: string): GivenFigure | undefined {
  const figure = getFigure(id);
  if (figure) {
    return {
      id: figure.id,
      source: 'article',
      unit: figure.unit,
      kind: figure.kind,
      value: figureValue(figure),
      labelEn: figure.labelEn,
      labelZh: figure.labelZh,
      where: `¶${figure.paragraph}`,
      period: figure.period,
      periodZh: figure.periodZh,
      stream: figure.range ? (figure.range.role === 'low' ? figure.id : figure.range.pair) : figure.id,
    };
  }
  const ref = getReference(id);
  if (!ref) return undefined;
  return {
    id: ref.id,
    source: 'reference',
    unit: ref.unit,
    kind: ref.unit === 'date' ? 'date' : 'level',
    value: referenceValue(ref),
    labelEn: ref.labelEn,
    labelZh: ref.labelZh,
    where: `${ref.publisher}, ${ref.asOf}`,
    period: ref.series,
    periodZh: ref.series,
    stream: ref.id,
  };
}

/** Decimal places of a number as it is written (682.6 → 1, 264 → 0, 0.076 → 3). */
export function decimalsOf(value: number): number {
  const text = String(Math.abs(value));
  const exp = /e-(\d+)$/.exec(text);
  if (exp) return Number(exp[1]) + (text.split('e')[0]!.split('.')[1]?.length ?? 0);
  return text.split('.')[1]?.length ?? 0;
}

/** Rounds to a power-of-ten step without binary noise (0.1 → 701.3, not 701.3000000000001). */
export function roundToStep(value: number, step: number): number {
  const k = Math.round(-Math.log10(step));
  if (k >= 0) return Number((Math.round(value * 10 ** k) / 10 ** k).toFixed(k));
  return Math.round(value / step) * step;
}

export type PerturbRule = 'level' | 'fraction' | 'integer' | 'date' | 'fixed';

/** Which rule moves a figure. */
export function ruleOf(figure: Pick<GivenFigure, 'unit' | 'kind' | 'value'>): PerturbRule {
  if (figure.unit === 'date') return 'date';
  if (figure.unit === 'year' || figure.unit === 'text' || figure.kind === 'threshold') return 'fixed';
  if (figure.kind === 'count') return 'integer';
  if (figure.kind === 'duration' && Number.isInteger(figure.value) && ['months', 'weeks', 'days', 'years'].includes(figure.unit)) return 'integer';
  if (UNITS[figure.unit].isFraction) return 'fraction';
  return 'level';
}

/** The rounding step of a perturbed value: the article's precision, at most 3 significant digits (0.1 pp for fractions). */
export function precisionStep(figure: Pick<GivenFigure, 'unit' | 'kind' | 'value'>): number {
  const rule = ruleOf(figure);
  if (rule === 'integer' || rule === 'date' || rule === 'fixed') return 1;
  const written = 10 ** -decimalsOf(figure.value);
  if (rule === 'fraction') return Math.min(written, 0.001);
  if (figure.value === 0) return written;
  return Math.min(written, 10 ** (Math.floor(Math.log10(Math.abs(figure.value))) - 2));
}

/** Largest relative move of a level or fraction, and the smallest (so no student gets the article's own numbers by chance). */
export const MAX_MOVE = 0.1;
export const MIN_MOVE = 0.02;
/** Largest date shift in whole days. */
export const MAX_DAY_SHIFT = 10;

/** The value one student sees for one figure. */
export function perturbValue(figure: GivenFigure, seed: string, studentId: string): number {
  const rule = ruleOf(figure);
  if (rule === 'fixed') return figure.value;
  const next = streamFor('claimcell-exercise', seed, studentId, figure.stream);
  const u1 = next();
  const sign = next() < 0.5 ? -1 : 1;
  if (rule === 'date') return figure.value + sign * (1 + Math.floor(u1 * MAX_DAY_SHIFT));
  const factor = 1 + sign * (MIN_MOVE + (MAX_MOVE - MIN_MOVE) * u1);
  const v = figure.value;
  if (rule === 'integer') return Math.max(1, Math.round(v * factor));
  const step = precisionStep(figure);
  let x = roundToStep(v * factor, step);
  if (rule === 'fraction' && (figure.kind === 'share' || figure.kind === 'rate') && v > 0 && v < 1) {
    x = Math.min(roundToStep(1 - step, step), Math.max(step, x));
  }
  // Keep the sign (rounding must not turn a small value into 0).
  if (v !== 0 && (x === 0 || Math.sign(x) !== Math.sign(v))) x = Math.sign(v) * step;
  return x;
}

/** The student's values for the given ids (article figures and references), in the order asked. */
export function makeVariant(
  seed: string,
  studentId: string,
  ids: readonly string[],
  base: ReadonlyMap<string, number> = new Map(),
  /** Where a given figure is looked up (the tasks' own figures too: `givenFigureIn`). */
  given: (id: string) => GivenFigure | undefined = givenFigure,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const id of ids) {
    const figure = given(id);
    if (!figure) throw new RangeError(`unknown figure or reference "${id}"`);
    // Varied around the values in use (a scenario, edited figures), else the article's.
    const around = base.get(id);
    out.set(id, perturbValue(around === undefined ? figure : { ...figure, value: around }, seed, studentId));
  }
  return out;
}
