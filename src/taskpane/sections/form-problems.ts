/**
 * A problem of the Add figure / Add claim form in the pane's language. The model names the form's
 * field (`unit`); the pane shows it as the form labels it, with the field as typed in the table
 * beside it in Chinese (`单位（unit）`), so the reader can find the column.
 */
import type { UserTableProblem } from '../../model/user/index.js';
import type { Lang } from '../../text/index.js';
import { userProblemText } from '../../text/messages.js';

export function formProblemText(problem: UserTableProblem, lang: Lang, fieldNames: Readonly<Record<string, string>>): string {
  const name = Object.hasOwn(fieldNames, problem.cell) ? fieldNames[problem.cell] : undefined;
  const cell = lang === 'zh' && name !== undefined ? `${name}（${problem.cell}）` : problem.cell;
  return userProblemText({ ...problem, cell }, lang);
}
