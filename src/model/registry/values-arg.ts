import type { Overrides } from '../claims/index.js';
import { domainError } from '../functions/errors.js';
import type { DomainError } from '../functions/types.js';
import { valuesFromRange, valuesKey } from '../values/index.js';

/**
 * The `values` argument of CHECK, BREAKEVEN and PROB_HOLDS as figure overrides (none when it is
 * omitted: the article's values), with a key for memoising, or #VALUE! naming what is wrong.
 */
export function overridesFromValuesArg(cells: readonly (readonly unknown[])[]): { overrides: Overrides; key: string } | DomainError {
  if (cells.length === 0) return { overrides: new Map(), key: '' };
  const read = valuesFromRange(cells);
  if ('values' in read) return { overrides: read.values.overrides, key: valuesKey(read.values) };
  const p = read.problem;
  return p.code === 'too-narrow'
    ? domainError('#VALUE!', `values needs figure ids in its first column and their values in its last; got ${p.columns} column(s)`)
    : domainError('#VALUE!', `values: ${p.figure} in row ${p.row} is ${JSON.stringify(p.value)}, not a number`);
}
