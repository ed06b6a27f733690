import type { ExprProblemText } from '../types/expr-problem.js';

export const exprProblem: ExprProblemText = (p) => {
  switch (p.code) {
    case 'empty':
      return 'the formula is empty';
    case 'valueExpected':
      return 'the formula ends where a value is expected';
    case 'expected':
      return `expected "${p.char}"${p.atEnd ? ' before the end' : ''}`;
    case 'unsupportedChar':
      return `unsupported "${p.char}"`;
    case 'unexpectedChar':
      return `unexpected "${p.char}"`;
    case 'unsupportedOperator':
      return `unsupported operator ${p.operator}`;
    case 'text':
      return 'text in a formula';
    case 'rowOrColumnReference':
      return 'a row or column reference';
    case 'cellReference':
      return `cell reference ${p.reference}: name a figure instead`;
    case 'qualifiedReference':
      return `reference ${p.name}${p.mark}…: name a figure instead`;
    case 'unknownName':
      return `unknown name ${p.name}`;
    case 'unknownFunction':
      return `unknown function ${p.name}`;
    case 'unsupportedFunction':
      return `unsupported function ${p.name}`;
    case 'rangeParameter':
      return `${p.name} takes a range, which a claim formula cannot pass`;
    case 'arity':
      return `${p.name} takes ${p.min === p.max ? p.min : `${p.min} to ${p.max}`} argument${p.min === 1 && p.max === 1 ? '' : 's'}, got ${p.got}`;
    case 'tooDeep':
      return `more than ${p.limit} nested parentheses or calls`;
  }
};
