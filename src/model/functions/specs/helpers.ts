import type { UnitId } from '../../units/index.js';
import type { FunctionSpec, ParamDomain, ParamSpec } from '../types.js';

/** A scalar number parameter (broadcasts over ranges in elementwise functions). */
export function num(
  name: string,
  descriptionEn: string,
  descriptionZh: string,
  unit: UnitId | 'any',
  domain: ParamDomain,
  extra: Partial<Pick<ParamSpec, 'optional' | 'defaultValue' | 'divisor'>> = {},
): ParamSpec {
  return { name, descriptionEn, descriptionZh, unit, type: 'number', dimensionality: 'scalar', domain, ...extra };
}

/** A range parameter: the implementation receives `(number | null)[][]` (null = empty cell). */
export function range(name: string, descriptionEn: string, descriptionZh: string, unit: UnitId | 'any'): ParamSpec {
  return { name, descriptionEn, descriptionZh, unit, type: 'number', dimensionality: 'matrix', domain: 'any' };
}

/** A text parameter. */
export function text(
  name: string,
  descriptionEn: string,
  descriptionZh: string,
  extra: Partial<Pick<ParamSpec, 'optional' | 'defaultValue'>> = {},
): ParamSpec {
  return { name, descriptionEn, descriptionZh, unit: 'text', type: 'string', dimensionality: 'scalar', domain: 'text', ...extra };
}

/** Identity helper that keeps the literal type of a spec while checking it against FunctionSpec. */
export function defineFunction<const T extends FunctionSpec>(spec: T): T {
  return spec;
}

/** Sum of the non-empty cells of a range. */
export function sumCells(matrix: readonly (readonly (number | null)[])[]): number {
  let total = 0;
  for (const row of matrix) for (const cell of row) if (cell !== null) total += cell;
  return total;
}
