/**
 * The one-line readings that every claim-level stress result carries, in English and Chinese, and
 * the number formats they share (claims.ts, claim-montecarlo.ts and the probabilistic analyses).
 */
import { formatValue } from '../claims/index.js';
import { UNITS, type UnitId } from '../units/index.js';

export interface Reading {
  readonly en: string;
  readonly zh: string;
}

/** A sample count with thousands separators ("100,000"). */
export const formatCount = (n: number): string => n.toLocaleString('en-US');

/** A probability as a percentage that never rounds a non-certain value to 0% or 100%. */
export function formatProbability(p: number): string {
  if (p === 0 || p === 1) return `${p * 100}%`;
  const pct = p * 100;
  const r = Math.round(pct);
  if (r > 0 && r < 100) return `${r}%`;
  const digits = pct < 1 ? Math.max(1, -Math.floor(Math.log10(pct)) + 1) : Math.max(1, -Math.floor(Math.log10(100 - pct)) + 1);
  return `${Number(pct.toFixed(Math.min(digits, 6)))}%`;
}

/** An output amount (e.g. a swing) in the claim's unit: fractions as percentage points. */
export function formatAmount(v: number, unit: UnitId, zh: boolean): string {
  if (!Number.isFinite(v)) return 'n/a';
  if (UNITS[unit].isFraction) return `${formatValue(v * 100, 'ratio')} ${zh ? '个百分点' : 'pp'}`;
  if (unit === 'date') return `${formatValue(v, 'days')} ${zh ? '天' : 'days'}`;
  return `${formatValue(v, unit)} ${zh ? UNITS[unit].labelZh : UNITS[unit].labelEn}`;
}

/** A result or input value in its unit; a non-finite one as the unit's blank. */
export const formatInUnit = (v: number, unit: UnitId): string => formatValue(Number.isFinite(v) ? v : null, unit);
