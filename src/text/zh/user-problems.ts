import type { ExcelNameRule } from '../../model/figures/excel-names.js';
import type { UserProblemText } from '../types/user-problems.js';
import { exprProblem } from './expr-problem.js';

/** A cell's value as typed: blank for nothing. */
const typed = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

const NAME_RULES: Readonly<Record<ExcelNameRule, (name: string) => string>> = {
  empty: () => '不能为空',
  tooLong: (name) => `“${name}”超过 255 个字符`,
  characters: (name) => `“${name}”须以字母或下划线开头，只含字母、数字、“_”和“.”`,
  cellReference: (name) => `“${name}”会被 Excel 当作单元格引用`,
};

export const userProblems: UserProblemText = {
  articleFigureId: (p) => `${p.cell}：“${p.value}”已是文章的数字或参考数据`,
  reservedName: (p) => `${p.cell}：“${p.value}”是 ClaimCell 已使用的名称`,
  repeatedId: (p) => `${p.cell}：“${p.value}”已被前面的行使用`,
  articleClaimId: (p) => `${p.cell}：“${p.value}”已是文章的论断`,
  badName: (p) => `${p.cell}：${NAME_RULES[p.rule](p.value)}`,
  notANumber: (p) => `${p.cell}：“${typed(p.value)}”不是数字`,
  unknownUnit: (p) => `${p.cell}：“${typed(p.value)}”不是 ClaimCell 的单位（${p.units.join('、')}）`,
  unknownCompare: (p) => `${p.cell}：“${typed(p.value)}”不是 ${p.compares.join('、')} 之一`,
  empty: (p) => `${p.cell}：不能为空`,
  betweenNeedsUpper: (p) => `${p.cell}：比较方式 between 需要在此填写上限`,
  negativeTolerance: (p) => `${p.cell}：approx 的容差不能为负数，现为 ${p.value}`,
  formula: (p) => `${p.cell} “${p.formula}”：${exprProblem(p.problem)}`,
  missing: (p) => `${p.cell}：缺少此项`,
  unknownFields: (p) => `${p.cell}：未知的字段 ${p.fields.join('、')}`,
  invalid: (p) => `${p.cell ? `${p.cell}：` : ''}不符合 MyFigures / MyClaims 的格式`,
};
