import type { ExcelNameRule } from '../../model/figures/excel-names.js';
import type { UserProblemText } from '../types/user-problems.js';
import { exprProblem } from './expr-problem.js';

/** A cell's value as typed: blank for nothing. */
const typed = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

const NAME_RULES: Readonly<Record<ExcelNameRule, string>> = {
  empty: 'is empty',
  tooLong: 'is longer than 255 characters',
  characters: 'must start with a letter or underscore and hold only letters, digits, "_" and "."',
  cellReference: 'would be read by Excel as a cell reference',
};

export const userProblems: UserProblemText = {
  articleFigureId: (p) => `${p.cell}: "${p.value}" is already a figure of the article or a reference`,
  reservedName: (p) => `${p.cell}: "${p.value}" is a name ClaimCell already uses`,
  repeatedId: (p) => `${p.cell}: "${p.value}" is used by an earlier row`,
  articleClaimId: (p) => `${p.cell}: "${p.value}" is already a claim of the article`,
  badName: (p) => `${p.cell}: "${p.value}" ${NAME_RULES[p.rule]}`,
  notANumber: (p) => `${p.cell}: "${typed(p.value)}" is not a number`,
  unknownUnit: (p) => `${p.cell}: "${typed(p.value)}" is not one of ClaimCell's units (${p.units.join(', ')})`,
  unknownCompare: (p) => `${p.cell}: "${typed(p.value)}" is not one of ${p.compares.join(', ')}`,
  empty: (p) => `${p.cell}: must not be empty`,
  betweenNeedsUpper: (p) => `${p.cell}: compare "between" needs the upper bound here`,
  negativeTolerance: (p) => `${p.cell}: an approx tolerance must not be negative, got ${p.value}`,
  formula: (p) => `${p.cell} "${p.formula}": ${exprProblem(p.problem)}`,
  missing: (p) => `${p.cell}: is missing`,
  unknownFields: (p) => `${p.cell}: unknown field(s) ${p.fields.join(', ')}`,
  invalid: (p) => `${p.cell ? `${p.cell}: ` : ''}${p.detail}`,
};
