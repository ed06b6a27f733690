import type { UnitId } from '../../units/index.js';
import { isDomainError, unknownFieldError } from '../errors.js';
import type { DomainError, FunctionResult, FunctionSpec, ParamDomain, ParamSpec } from '../types.js';

/** A scalar number parameter (broadcasts over ranges in elementwise functions). */
export function num(
  name: string,
  descriptionEn: string,
  descriptionZh: string,
  unit: UnitId | 'any',
  domain: ParamDomain,
  extra: Partial<Pick<ParamSpec, 'optional' | 'defaultValue' | 'divisor' | 'fractionMax'>> = {},
): ParamSpec {
  return { name, descriptionEn, descriptionZh, unit, type: 'number', dimensionality: 'scalar', domain, ...extra };
}

/** A range parameter: the implementation receives `(number | null)[][]` (null = empty cell). */
export function range(name: string, descriptionEn: string, descriptionZh: string, unit: UnitId | 'any'): ParamSpec {
  return { name, descriptionEn, descriptionZh, unit, type: 'number', dimensionality: 'matrix', domain: 'any' };
}

/**
 * An optional range of figure values (ids in the first column, values in the last, e.g. the
 * Figures sheet), so a cell function works at the workbook's values and recalculates when they change.
 */
export function valuesParam(): ParamSpec {
  return {
    name: 'values',
    descriptionEn: 'Optional: a range with figure ids in its first column and their values in its last, e.g. FIGURES_IN_USE (default: the article\'s values).',
    descriptionZh: '可选：首列为数字编号、末列为其数值的区域，如 FIGURES_IN_USE（默认：文章数值）。',
    unit: 'any',
    type: 'cells',
    dimensionality: 'matrix',
    domain: 'any',
    optional: true,
    // Omitted: the article's values (the runner passes no cells).
    defaultValue: 'article',
  };
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

/**
 * A lookup function `NAME(id, [field])` over a catalogue: one shape for FIGURE and CHECK. Unknown ids
 * answer `unknown(id)`; fields come from `answers` (first one is the default), an unknown field #VALUE!.
 */
export function defineLookup<T, const F extends string>(spec: {
  readonly name: string;
  readonly descriptionEn: string;
  readonly descriptionZh: string;
  readonly idHelpEn: string;
  readonly idHelpZh: string;
  /** Finds the item; extra arguments are those of `params` (e.g. a values range), a DomainError if they are bad. */
  readonly find: (id: string, ...rest: never[]) => T | DomainError | undefined;
  /** Optional parameters after `id` and `field`. */
  readonly params?: readonly ParamSpec[];
  readonly unknown: (id: string) => DomainError;
  readonly answers: Readonly<Record<F, (item: T) => FunctionResult>>;
  readonly examples: FunctionSpec['examples'];
}): FunctionSpec & { readonly fields: readonly F[] } {
  const fields = Object.keys(spec.answers) as F[];
  return {
    name: spec.name,
    descriptionEn: spec.descriptionEn,
    descriptionZh: spec.descriptionZh,
    params: [
      text('id', spec.idHelpEn, spec.idHelpZh),
      text('field', `Optional, one of: ${fields.join(', ')} (default ${fields[0]}).`, `可选，取值之一：${fields.join('、')}（默认 ${fields[0]}）。`, {
        optional: true,
        defaultValue: fields[0]!,
      }),
      ...(spec.params ?? []),
    ],
    resultUnit: 'any',
    resultType: 'any',
    nativeless: 'lookup',
    elementwise: false,
    implementation: ((id: string, field: string, ...rest: never[]): FunctionResult => {
      const item = spec.find(id.trim(), ...rest);
      if (item === undefined) return spec.unknown(id);
      if (isDomainError(item)) return item;
      // Own fields only: "constructor" or "__proto__" must not reach Object.prototype.
      const key = field.trim().toLowerCase();
      return Object.hasOwn(spec.answers, key) ? spec.answers[key as F](item) : unknownFieldError(field, fields);
    }) as FunctionSpec['implementation'],
    examples: spec.examples,
    claims: [],
    fields,
  };
}
