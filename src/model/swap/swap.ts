/**
 * Swap-out, as @RISK does for colleagues without the add-in: every `CLAIM.*` arithmetic call in a
 * formula becomes the registry's native equivalent, so the cell keeps calculating in plain Excel
 * or LibreOffice. A formula that calls a function with no native form (CHECK, BREAKEVEN,
 * PROB_HOLDS, FIGURE, an unknown CLAIM.* name) cannot keep calculating: it is frozen to its value.
 */
import { TEXT, type SwapValueReason } from '../../text/index.js';
import { NATIVE_DIALECT } from '../claims/formulas.js';
import { getArithmeticFunction } from '../functions/index.js';
import { FormulaSyntaxError, readFormulaCalls, type FormulaPart } from './calls.js';

/**
 * A ClaimCell function as a formula names it: `CLAIM.RATIO` as typed, or `_xldudf_CLAIM_RATIO` as
 * Excel saves a JavaScript custom function in a file (OfficeDev/Excel-Custom-Functions#108,
 * OfficeDev/office-js#5611). Returns the registry key (`RATIO`) or undefined.
 */
export function claimFunctionKey(name: string): string | undefined {
  const m = /^(?:CLAIM\.|_xldudf_CLAIM_)(.+)$/i.exec(name);
  return m ? m[1]!.toUpperCase() : undefined;
}

export type FormulaSwap =
  /** No CLAIM.* call: nothing to do. */
  | { readonly kind: 'unchanged' }
  /** Every CLAIM.* call has a native form: `formula` calculates the same with no add-in. */
  | { readonly kind: 'native'; readonly formula: string }
  /** The formula must become its value; `reason` says why, naming the function. */
  | { readonly kind: 'value'; readonly reason: string; readonly why: SwapValueReason };

class Nativeless extends Error {
  constructor(readonly why: SwapValueReason) {
    super(TEXT.en.swap.reason(why));
  }
}

/** A range written in an argument (A1:B3, Sheet1!A:A), outside strings. */
const RANGE_ARGUMENT = /:/;

function renderNative(parts: readonly FormulaPart[]): string {
  return parts
    .map((part) => {
      if (part.kind === 'text') return part.text;
      const args = part.args.map((arg) => renderNative(arg).trim());
      const key = claimFunctionKey(part.name);
      if (key === undefined) return `${part.name}(${args.join(',')})`;
      const spec = getArithmeticFunction(key);
      if (!spec?.native) throw new Nativeless({ code: 'noNative', fn: part.name });
      if (args.length !== spec.params.length) throw new Nativeless({ code: 'arity', fn: part.name, given: args.length, takes: spec.params.length });
      spec.params.forEach((param, i) => {
        const code = args[i]!.replace(/"(?:[^"]|"")*"|'(?:[^']|'')*'/g, '');
        // A range where a scalar is expected broadcasts in the add-in; a native formula in Excel
        // before dynamic arrays, or in LibreOffice, would take one cell of it instead.
        if (param.dimensionality === 'scalar' && RANGE_ARGUMENT.test(code)) throw new Nativeless({ code: 'range', fn: part.name, range: args[i]!, param: param.name });
      });
      return NATIVE_DIALECT.call(spec.name, args);
    })
    .join('');
}

/** What swap-out does with one formula (`=…`). */
export function swapOutFormula(formula: string): FormulaSwap {
  let parts: FormulaPart[];
  try {
    parts = readFormulaCalls(formula);
  } catch (error) {
    if (error instanceof FormulaSyntaxError) {
      const why: SwapValueReason = { code: 'unreadable', detail: error.message };
      return { kind: 'value', reason: TEXT.en.swap.reason(why), why };
    }
    throw error;
  }
  if (!usesClaimFunction(parts)) return { kind: 'unchanged' };
  try {
    return { kind: 'native', formula: `=${renderNative(parts)}` };
  } catch (error) {
    if (error instanceof Nativeless) return { kind: 'value', reason: error.message, why: error.why };
    throw error;
  }
}

function usesClaimFunction(parts: readonly FormulaPart[]): boolean {
  return parts.some((p) => p.kind === 'call' && (claimFunctionKey(p.name) !== undefined || p.args.some(usesClaimFunction)));
}

/** True when a formula calls a CLAIM.* function anywhere (a nested call included). */
export function callsClaimFunction(formula: string): boolean {
  try {
    return usesClaimFunction(readFormulaCalls(formula));
  } catch {
    return false;
  }
}

