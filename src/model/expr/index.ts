export { callsOf, idsOf, type BinaryOp, type Expr } from './ast.js';
export { ExprSyntaxError, MAX_EXPR_DEPTH, parseExpr, readExpr, type CallBuilder, type ExprReading, type ReadOptions } from './parse.js';
export type { ExprPlace, ExprProblem, ExprProblemCode, ExprRefusal } from './problem.js';
export { formatNumber, renderExpr, type FormulaDialect } from './render.js';
export { evaluateExpr, power, type Lookup } from './evaluate.js';
