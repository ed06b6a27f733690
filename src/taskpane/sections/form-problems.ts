/**
 * A problem of the Add figure / Add claim form in the pane's language. The model names the form's
 * field (`unit`); the pane shows it by the word the table's header shows in that language
 * (`fieldNames`), in Chinese with the field's name beside it (`单位（unit）`): the name an English
 * table's header and a myclaims file use.
 */
import type { UserTableProblem } from '../../model/user/index.js';
import type { Lang } from '../../text/index.js';
import { userProblemText } from '../../text/messages.js';

export function formProblemText(problem: UserTableProblem, lang: Lang, fieldNames: Readonly<Record<string, string>>): string {
  const name = Object.hasOwn(fieldNames, problem.cell) ? fieldNames[problem.cell] : undefined;
  const cell = lang === 'zh' && name !== undefined ? `${name}（${problem.cell}）` : problem.cell;
  return userProblemText({ ...problem, cell }, lang);
}
