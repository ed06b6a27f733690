/**
 * Why a text could not be read as an expression, as data: a code and its fields. The string
 * catalogue (`src/text/*` `exprProblem`) turns it into words at the edge, in the reader's language.
 */

/** What went wrong, without where: what a name or call resolver may answer instead of an expression. */
export type ExprRefusal =
  /** Nothing to read (only whitespace, or only "="). */
  | { readonly code: 'empty' }
  /** The text ends where a number, a name or "(" should come. */
  | { readonly code: 'valueExpected' }
  /** `char` (a closing parenthesis) was due; `atEnd` when the text ended instead. */
  | { readonly code: 'expected'; readonly char: string; readonly atEnd: boolean }
  /** A character no value can start with. */
  | { readonly code: 'unsupportedChar'; readonly char: string }
  /** A character left over after a whole expression was read. */
  | { readonly code: 'unexpectedChar'; readonly char: string }
  /** A comparison or text operator (`>`, `<>`, `&`…), or a separator (`,` `;`) outside a call. */
  | { readonly code: 'unsupportedOperator'; readonly operator: string }
  /** A quoted string. */
  | { readonly code: 'text' }
  /** A number run into a letter, `$` or `:`, as in Excel's whole-row or whole-column references (`1:1`). */
  | { readonly code: 'rowOrColumnReference' }
  /** An A1-style cell or range reference (`B2`, `$B$2`, `A1:B3`). */
  | { readonly code: 'cellReference'; readonly reference: string }
  /** A name followed by `!`, `:` or `[`: a sheet, range or structured reference. */
  | { readonly code: 'qualifiedReference'; readonly name: string; readonly mark: string }
  /** A name the resolver does not know. */
  | { readonly code: 'unknownName'; readonly name: string }
  /** A CLAIM.* name that is not a ClaimCell function. */
  | { readonly code: 'unknownFunction'; readonly name: string }
  /** A function the expression model cannot read (a native Excel function other than POWER and SQRT). */
  | { readonly code: 'unsupportedFunction'; readonly name: string }
  /** A CLAIM.* function with a range parameter, which a claim's formula cannot pass. */
  | { readonly code: 'rangeParameter'; readonly name: string }
  /** A call with `got` arguments where the function takes `min` to `max`. */
  | { readonly code: 'arity'; readonly name: string; readonly min: number; readonly max: number; readonly got: number }
  /** Parentheses and calls nested deeper than `limit`. */
  | { readonly code: 'tooDeep'; readonly limit: number };

/** Where the reading stopped: `part` is the text there (`(end)` past the end), `at` its 0-based offset in the text as given. */
export interface ExprPlace {
  readonly part: string;
  readonly at: number;
}

export type ExprProblem = ExprRefusal & ExprPlace;

export type ExprProblemCode = ExprProblem['code'];
