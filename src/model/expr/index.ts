export { ExprSyntaxError, callsOf, idsOf, type BinaryOp, type Expr } from './ast.js';
export { parseExpr } from './parse.js';
export { formatNumber, renderExpr, type FormulaDialect } from './render.js';
export { evaluateExpr, power, type Lookup } from './evaluate.js';
