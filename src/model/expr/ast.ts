/**
 * A claim's recomputation as a small expression over figure / reference ids, numbers,
 * registry function calls and + - * / (and ^, which only a user's formula writes). One tree renders to a `CLAIM.*` formula, to a native
 * Excel formula, and evaluates in the model, so the three cannot drift apart.
 */
export type BinaryOp = '+' | '-' | '*' | '/' | '^';

export type Expr =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'id'; readonly name: string }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expr[] }
  | { readonly kind: 'neg'; readonly arg: Expr }
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr };

/** Every id (figure or reference) the expression reads, in first-use order. */
export function idsOf(expr: Expr, into: string[] = []): string[] {
  switch (expr.kind) {
    case 'id':
      if (!into.includes(expr.name)) into.push(expr.name);
      break;
    case 'call':
      expr.args.forEach((a) => idsOf(a, into));
      break;
    case 'neg':
      idsOf(expr.arg, into);
      break;
    case 'binary':
      idsOf(expr.left, into);
      idsOf(expr.right, into);
      break;
    case 'number':
      break;
  }
  return into;
}

/** Every function name the expression calls. */
export function callsOf(expr: Expr, into: string[] = []): string[] {
  if (expr.kind === 'call') {
    if (!into.includes(expr.name)) into.push(expr.name);
    expr.args.forEach((a) => callsOf(a, into));
  } else if (expr.kind === 'neg') callsOf(expr.arg, into);
  else if (expr.kind === 'binary') {
    callsOf(expr.left, into);
    callsOf(expr.right, into);
  }
  return into;
}
