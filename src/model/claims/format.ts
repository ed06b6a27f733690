import { serialToIso, UNITS, type UnitId } from '../units/index.js';

/** A number as a reader wants to see it in a reason sentence, in the claim's unit. */
export function formatValue(value: number | null, unit: UnitId): string {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  if (unit === 'date') return serialToIso(value);
  if (UNITS[unit].isFraction) return `${trim(value * 100, 4)}%`;
  return trim(value, 6);
}

/** Up to `digits` significant digits, without trailing zeros or exponent noise. */
export function trim(value: number, digits = 6): string {
  if (value === 0) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.max(0, Math.min(10, digits - 1 - magnitude));
  return Number(value.toFixed(decimals)).toString();
}

/** Fills `{name}` placeholders; unknown names stay visible so a template typo shows in tests. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
