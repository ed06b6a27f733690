import type { ExprProblemText } from '../types/expr-problem.js';

export const exprProblem: ExprProblemText = (p) => {
  switch (p.code) {
    case 'empty':
      return '公式为空';
    case 'valueExpected':
      return '公式在应有数值的位置结束了';
    case 'expected':
      return p.atEnd ? `公式结束前缺少 “${p.char}”` : `此处应为 “${p.char}”`;
    case 'unsupportedChar':
      return `不支持 “${p.char}”`;
    case 'unexpectedChar':
      return `多余的 “${p.char}”`;
    case 'unsupportedOperator':
      return `不支持运算符 ${p.operator}`;
    case 'text':
      return '公式中不能有文本';
    case 'rowOrColumnReference':
      return '不能引用整行或整列';
    case 'cellReference':
      return `单元格引用 ${p.reference}：请改用数字的名称`;
    case 'qualifiedReference':
      return `引用 ${p.name}${p.mark}…：请改用数字的名称`;
    case 'unknownName':
      return `未知的名称 ${p.name}`;
    case 'unknownFunction':
      return `未知的函数 ${p.name}`;
    case 'unsupportedFunction':
      return `不支持函数 ${p.name}`;
    case 'rangeParameter':
      return `${p.name} 需要区域参数，论断公式无法传入`;
    case 'arity':
      return `${p.name} 需要 ${p.min === p.max ? p.min : `${p.min} 到 ${p.max}`} 个参数，实际为 ${p.got} 个`;
    case 'tooDeep':
      return `括号或函数调用嵌套超过 ${p.limit} 层`;
  }
};
