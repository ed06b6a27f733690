/**
 * The call structure of any Excel formula, with its text kept exactly. `src/model/user/formula.ts`
 * reads the small arithmetic language of a claim into the expression model and refuses the rest;
 * swapping a workbook out must instead walk every formula a user may write (cell and sheet
 * references, strings, array constants, structured references, comparisons, any function) and
 * rewrite only the `CLAIM.*` calls inside it, so it reads the lexical rules that decide where a call
 * starts and ends and keeps everything between calls as text.
 */

/** A run of formula text, or a call whose arguments are themselves runs. */
export type FormulaPart = { readonly kind: 'text'; readonly text: string } | FormulaCall;

export interface FormulaCall {
  readonly kind: 'call';
  /** The function's name as written (`CLAIM.RATIO`, `_xldudf_CLAIM_RATIO`, `sum`). */
  readonly name: string;
  /** Each argument as written, whitespace included; `f()` has none. */
  readonly args: readonly (readonly FormulaPart[])[];
}

export class FormulaSyntaxError extends Error {
  override readonly name = 'FormulaSyntaxError';
}

/**
 * A name, and an empty argument list, matched where the reader stands (sticky: `lastIndex`), so a
 * long formula is not copied once per character (the Simulation sheet's 82,000 formulas took
 * seconds that way).
 */
const NAME_AT = /[A-Za-z_\\][A-Za-z0-9_.]*/y;
const NAME_CHAR = /[A-Za-z0-9_.]/;
const PLAIN_AT = /[^A-Za-z_\\"'[{(),]+/y;
const EMPTY_ARGS_AT = /\s*\)/y;

/**
 * Reads `formula` (with or without its leading `=`) into text and calls. Strings ("a,b" with ""
 * escapes), quoted sheet names ('Q1 (draft)'!A1), bracketed structured or external references and
 * {array,constants} are opaque text, so a comma or a parenthesis inside them never splits a call.
 * A name is a call only when "(" follows it at once, as in Excel, where a space is the
 * intersection operator. Throws FormulaSyntaxError on an unclosed string, bracket or parenthesis.
 */
export function readFormulaCalls(formula: string): FormulaPart[] {
  let pos = formula.startsWith('=') ? 1 : 0;
  const fail = (message: string): never => {
    throw new FormulaSyntaxError(`${message} at character ${pos + 1} of ${formula}`);
  };
  /** Everything up to (not including) the closing character of a quoted or bracketed run. */
  const opaque = (): string => {
    const start = pos;
    const open = formula[pos]!;
    if (open === '"' || open === "'") {
      pos++;
      for (;;) {
        if (pos >= formula.length) fail(`unclosed ${open}`);
        if (formula[pos] === open) {
          if (formula[pos + 1] === open) pos += 2;
          else break;
        } else pos++;
      }
      pos++;
      return formula.slice(start, pos);
    }
    const close = open === '[' ? ']' : '}';
    let depth = 0;
    do {
      if (pos >= formula.length) fail(`unclosed ${open}`);
      const ch = formula[pos]!;
      if (ch === '"') {
        opaque();
        continue;
      }
      if (ch === "'" && open === '[' && formula[pos + 1] !== undefined) {
        pos += 2; // ' escapes the next character inside a structured reference ([Q'[1']])
        continue;
      }
      if (ch === open) depth++;
      else if (ch === close) depth--;
      pos++;
    } while (depth > 0);
    return formula.slice(start, pos);
  };

  /** Parts up to one of `stops` at this level (or the end when `stops` is empty). */
  const sequence = (stops: string): FormulaPart[] => {
    const parts: FormulaPart[] = [];
    let text = '';
    const flush = (): void => {
      if (text) parts.push({ kind: 'text', text });
      text = '';
    };
    while (pos < formula.length) {
      const ch = formula[pos]!;
      if (stops.includes(ch)) break;
      if (ch === '"' || ch === "'" || ch === '[' || ch === '{') {
        text += opaque();
        continue;
      }
      if (ch === ')') fail('unexpected ")"');
      if (ch === '(') {
        pos++;
        const inner = sequence(')');
        if (formula[pos] !== ')') fail('unclosed "("');
        pos++;
        flush();
        parts.push({ kind: 'text', text: '(' }, ...inner, { kind: 'text', text: ')' });
        continue;
      }
      NAME_AT.lastIndex = pos;
      const name = NAME_AT.exec(formula);
      // A name directly after a letter, digit or "." is the middle of something else (A1, 1.5E3),
      // and so is every name character after it: the run is text (a leading "\\" alone, since what
      // follows it may start a name).
      if (name && NAME_CHAR.test(formula[pos - 1] ?? '')) {
        const run = name[0].startsWith('\\') ? '\\' : name[0];
        text += run;
        pos += run.length;
        continue;
      }
      if (name) {
        pos += name[0].length;
        if (formula[pos] === '(') {
          pos++;
          flush();
          parts.push({ kind: 'call', name: name[0], args: callArgs() });
        } else text += name[0];
        continue;
      }
      // a run of characters that can neither start a name nor end or open anything is text as it stands
      PLAIN_AT.lastIndex = pos;
      const plain = PLAIN_AT.exec(formula);
      const run = plain ? plain[0] : ch;
      text += run;
      pos += run.length;
    }
    flush();
    return parts;
  };

  const callArgs = (): FormulaPart[][] => {
    const args: FormulaPart[][] = [];
    EMPTY_ARGS_AT.lastIndex = pos;
    if (EMPTY_ARGS_AT.test(formula)) {
      pos = formula.indexOf(')', pos) + 1;
      return args;
    }
    for (;;) {
      args.push(sequence(',)'));
      if (pos >= formula.length) fail('unclosed "("');
      if (formula[pos++] === ')') return args;
    }
  };

  const parts = sequence('');
  return parts;
}

/** The formula text of parts, exactly as read (without the leading `=`). */
export function partsText(parts: readonly FormulaPart[]): string {
  return parts.map((p) => (p.kind === 'text' ? p.text : `${p.name}(${p.args.map(partsText).join(',')})`)).join('');
}
