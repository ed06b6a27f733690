import type { UnitId } from '../../units/index.js';
import { unknownFieldError } from '../errors.js';
import type { DomainError, FunctionResult, FunctionSpec, ParamDomain, ParamSpec } from '../types.js';

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
  readonly find: (id: string) => T | undefined;
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
    ],
    resultUnit: 'any',
    resultType: 'any',
    nativeless: 'lookup',
    elementwise: false,
    implementation: ((id: string, field: string): FunctionResult => {
      const item = spec.find(id.trim());
      if (item === undefined) return spec.unknown(id);
      const answer = spec.answers[field.trim().toLowerCase() as F];
      return answer ? answer(item) : unknownFieldError(field, fields);
    }) as FunctionSpec['implementation'],
    examples: spec.examples,
    claims: [],
    fields,
  };
}
