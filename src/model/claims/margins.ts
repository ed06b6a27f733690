import type { Lookup } from '../expr/index.js';
import { getFigure } from '../figures/index.js';
import type { Verdict } from './schema.js';
import type { Claim } from './catalogue.js';
import { runCheck, verdictOf } from './checks.js';
import { formatQuantity, trim, type Lang } from './format.js';

/**
 * How far one figure may move before the verdict changes, relative (0.031 = 3.1%); null when no move
 * within the searched range changes it. `searchedUp`/`searchedDown` say how far the search went
 * (relative, both positive), so a reader is never told more than was searched. Whole-number
 * figures (counts, months, days, years) move in whole steps; `step` is then the signed number of units.
 */
export interface Margin {
  readonly figure: string;
  /** The figure's value the margins are relative to (the article's, or an override's). */
  readonly base: number;
  readonly up: number | null;
  readonly down: number | null;
  readonly searchedUp: number;
  readonly searchedDown: number;
  readonly whole: boolean;
}

/** Continuous search range: up to +1000%, down to −99% (past −100% a level changes sign, which no claim means). */
const MAX_UP = 10;
const MAX_DOWN = 0.99;
/** At most this many whole steps each way (a year of 2008 is searched ±200 years, not ±1000%). */
const MAX_WHOLE_STEPS = 200;
/** A margin below this (relative) means the claim needs an exact match: any change flips it. */
const ANY_CHANGE = 1e-6;

const WHOLE_UNITS = new Set(['months', 'days', 'years', 'year', 'count', 'weeks']);

function boundaryDistances(claim: Claim, lookup: Lookup): number[] {
  return claim.compiledChecks.flatMap((check) => {
    if (check.role !== 'decides') return [];
    const r = runCheck(check, lookup);
    if (r.value === null || r.stated === null) return [Number.NaN];
    switch (check.compare) {
      case 'approx':
        return [r.value - r.stated - r.tolerance, r.value - r.stated + r.tolerance];
      case 'atLeast':
      case 'atMost':
        return [r.value - r.stated];
      case 'between':
        return [r.value - r.stated, r.value - (r.statedHigh ?? Number.NaN)];
    }
  });
}

/** Smallest d in (lo, hi] where `changed(d)` holds, given it holds at hi and not at lo (bisection). */
function firstChange(lo: number, hi: number, changed: (d: number) => boolean): number {
  for (let i = 0; i < 80 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (changed(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The scan grid: geometric from 1e-4, and always ending exactly at `max`, so the whole range is covered. */
function grid(max: number): number[] {
  const steps: number[] = [];
  for (let d = 1e-4; d < max; d *= 1.5) steps.push(d);
  steps.push(max);
  return steps;
}

/**
 * Relative move of a continuous figure that first changes the verdict: scanned outward, each step
 * watching both the verdict and every check boundary (a window of the other verdict narrower than
 * a step is still found), then bisected.
 */
function continuousMargin(claim: Claim, lookupAt: (d: number) => Lookup, flips: (d: number) => boolean, max: number): number | null {
  let previous = 0;
  let previousDistances = boundaryDistances(claim, lookupAt(0));
  for (const delta of grid(max)) {
    if (flips(delta)) return firstChange(previous, delta, flips);
    const distances = boundaryDistances(claim, lookupAt(delta));
    for (let i = 0; i < distances.length; i++) {
      const before = previousDistances[i]!;
      const after = distances[i]!;
      if (!Number.isFinite(before) || !Number.isFinite(after) || Math.sign(before) === Math.sign(after)) continue;
      const crossing = firstChange(previous, delta, (d) => Math.sign(boundaryDistances(claim, lookupAt(d))[i]!) !== Math.sign(before));
      const past = Math.min(delta, crossing * (1 + 1e-9) + 1e-15);
      if (flips(past)) return past;
    }
    previous = delta;
    previousDistances = distances;
  }
  return null;
}

function marginFor(claim: Claim, figure: string, baseLookup: Lookup, baseVerdict: Verdict): Margin {
  const base = baseLookup(figure)!;
  const unit = getFigure(figure)!.unit;
  const whole = WHOLE_UNITS.has(unit) && Number.isInteger(base);
  const lookupWith = (value: number): Lookup => (id) => (id === figure ? value : baseLookup(id));
  const flipsAt = (value: number): boolean => verdictOf(claim, lookupWith(value)) !== baseVerdict;
  if (whole) {
    const steps = Math.max(1, Math.min(MAX_WHOLE_STEPS, Math.ceil(MAX_UP * Math.abs(base))));
    const search = (sign: 1 | -1): { margin: number | null; searched: number } => {
      let k = 1;
      for (; k <= steps; k++) {
        const value = base + sign * k;
        if (sign < 0 && base > 0 && value < 0) break;
        if (flipsAt(value)) return { margin: (sign * k) / Math.abs(base), searched: k / Math.abs(base) };
      }
      return { margin: null, searched: (k - 1) / Math.abs(base) };
    };
    const up = search(1);
    const down = search(-1);
    return { figure, base, up: up.margin, down: down.margin, searchedUp: up.searched, searchedDown: down.searched, whole };
  }
  const at = (direction: 1 | -1) => (d: number): Lookup => lookupWith(base * (1 + direction * d));
  const flips = (direction: 1 | -1) => (d: number): boolean => flipsAt(base * (1 + direction * d));
  const up = continuousMargin(claim, at(1), flips(1), MAX_UP);
  const down = continuousMargin(claim, at(-1), flips(-1), MAX_DOWN);
  return { figure, base, up, down: down === null ? null : -down, searchedUp: MAX_UP, searchedDown: MAX_DOWN, whole };
}

/** Margins of every article figure the claim computes with (not dates, not zero values), when it has deciding checks. */
export function marginsOf(claim: Claim, lookup: Lookup, verdict: Verdict): Margin[] {
  if (!claim.compiledChecks.some((c) => c.role === 'decides')) return [];
  return claim.figures
    .filter((id) => getFigure(id)?.unit !== 'date' && (lookup(id) ?? 0) !== 0)
    .map((figure) => marginFor(claim, figure, lookup, verdict));
}

const pct = (v: number): string => `${v > 0 ? '+' : '−'}${trim(Math.abs(v) * 100, 4)}%`;

/**
 * One margin in a sentence: "INDIA_UST_CUT_OCT flips it at +1.667% or −1.667%", "any change to
 * TARIFF_REVENUE_TARGET_P14 flips it", "PBOC_GOLD_STREAK flips it at +1 (to 14 months)",
 * "US_DEFICIT_2025 cannot flip it within −99%…+1000%, the whole range searched".
 */
export function describeMarginIn(margin: Margin, lang: Lang): string {
  const zh = lang === 'zh';
  const unit = getFigure(margin.figure)?.unit;
  const steps = (v: number): number => Math.round(v * Math.abs(margin.base));
  const part = (v: number): string => {
    if (!margin.whole) return pct(v);
    const to = unit === undefined ? '' : formatQuantity(margin.base + steps(v), unit, lang);
    return `${v > 0 ? '+' : '−'}${Math.abs(steps(v))}${to ? (zh ? `（至${to}）` : ` (to ${to})`) : ''}`;
  };
  const parts = [margin.up, margin.down].filter((v): v is number => v !== null);
  if (parts.some((v) => Math.abs(v) < ANY_CHANGE)) return zh ? `${margin.figure}任何变动都会改变判定` : `any change to ${margin.figure} flips it`;
  const range = margin.whole ? `−${steps(margin.searchedDown)}…+${steps(margin.searchedUp)}` : `${pct(-margin.searchedDown)}…${pct(margin.searchedUp)}`;
  if (!parts.length) return zh ? `${margin.figure}在已搜索的${range}范围内无法改变判定` : `${margin.figure} cannot flip it within ${range}, the whole range searched`;
  const flips = zh ? `${margin.figure}变动${parts.map(part).join('或')}时判定改变` : `${margin.figure} flips it at ${parts.map(part).join(' or ')}`;
  const missing = [margin.up === null ? (zh ? '上调' : 'up') : null, margin.down === null ? (zh ? '下调' : 'down') : null].filter(Boolean);
  if (!missing.length) return flips;
  return zh ? `${flips}（${missing.join('、')}方向在${range}内无变化）` : `${flips} (no flip ${missing.join(' or ')} within ${range})`;
}

/** The margin sentence in English; one argument, so it can be passed to `map` directly. */
export function describeMargin(margin: Margin): string {
  return describeMarginIn(margin, 'en');
}
