/**
 * The pane's "Add figure" form: writes one MyFigures row (id, label, value, unit from ClaimCell's
 * closed set, note) and its defined name. `checkFigureForm` checks it against the rows the
 * workbook holds before anything is written; each problem names the field and the value, in the
 * pane's language.
 */
import { appendUserRow } from '../../excel/user-tables.js';
import { UNIT_IDS, UNITS } from '../../model/units/index.js';
import { checkFigureForm, type FigureForm } from '../../model/user/index.js';
import { button, h, select } from '../dom.js';
import { STRINGS, USER_STRINGS, type Lang } from '../i18n.js';
import type { PaneApi } from '../pane.js';

type Field = keyof FigureForm;
const FIELDS: readonly Field[] = ['id', 'label', 'value', 'unit', 'note'];

/** A problem of `checkFigureForm` ("field: what is wrong") in the pane's language; the field and the value stay as typed. */
export function figureProblemText(problem: string, lang: Lang): string {
  if (lang === 'en') return problem;
  const t = USER_STRINGS.zh.figureForm.fieldNames;
  const field = /^(\w+):/.exec(problem)?.[1] as Field | undefined;
  const rest = field ? problem.slice(field.length + 1).trim() : problem;
  const known: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^"(.*)" is not one of ClaimCell's units \((.*)\)$/, (m) => `“${m[1]}”不是 ClaimCell 的单位（${m[2]}）`],
    [/^"(.*)" is not a number$/, (m) => `“${m[1]}”不是数字`],
    [/^"(.*)" is already a figure of the article or a reference$/, (m) => `“${m[1]}”已是文章的数字或参考数据`],
    [/^"(.*)" is a name ClaimCell already uses$/, (m) => `“${m[1]}”是 ClaimCell 已使用的名称`],
    [/^"(.*)" is used by an earlier row$/, (m) => `“${m[1]}”已被前面的行使用`],
    [/^"(.*)" would be read by Excel as a cell reference$/, (m) => `“${m[1]}”会被 Excel 当作单元格引用`],
    [/^"(.*)" is empty$/, () => '不能为空'],
    [/^"(.*)" must start with a letter/, (m) => `“${m[1]}”须以字母或下划线开头，只含字母、数字、“_”和“.”`],
  ];
  for (const [re, say] of known) {
    const m = re.exec(rest);
    if (m) return `${field ? `${t[field]}（${field}）：` : ''}${say(m)}`;
  }
  return `${field ? `${t[field]}（${field}）：` : ''}${rest}`;
}

export class AddFigureForm {
  private readonly fields = {
    id: h('input', { id: 'my-figure-id', autocomplete: 'off' }),
    label: h('input', { id: 'my-figure-label' }),
    value: h('input', { id: 'my-figure-value', inputmode: 'decimal', autocomplete: 'off' }),
    unit: select('my-figure-unit', UNIT_IDS.map((u) => [u, u] as const), 'usd_bn'),
    note: h('input', { id: 'my-figure-note' }),
  };
  private readonly labels = new Map<Field, HTMLLabelElement>();
  private readonly heading = h('h3', { class: 'subheading' });
  private readonly problems = h('ul', { class: 'warning', id: 'my-figure-problems', role: 'alert' });
  private readonly submit: HTMLButtonElement;
  private shown: readonly string[] = [];

  constructor(
    container: HTMLElement,
    private readonly pane: PaneApi,
  ) {
    this.submit = button('', { id: 'my-figure-add', class: 'button button--small' }, () => this.add());
    const rows = FIELDS.map((key) => {
      const label = h('label', { for: this.fields[key].id });
      this.labels.set(key, label);
      return h('div', { class: 'field' }, label, this.fields[key]);
    });
    this.problems.hidden = true;
    const form = h('form', { class: 'my-claim-form', id: 'my-figure-form' }, this.heading, ...rows, this.problems, this.submit);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.add();
    });
    container.append(form);
  }

  render(): void {
    const lang = this.pane.lang();
    const t = USER_STRINGS[lang].figureForm;
    this.heading.textContent = t.heading;
    for (const [key, label] of this.labels) label.textContent = t[key];
    // the unit drop-down: ClaimCell's closed set, each named in the pane's language
    for (const option of this.fields.unit.options) {
      const label = UNITS[option.value as keyof typeof UNITS][lang === 'zh' ? 'labelZh' : 'labelEn'];
      option.textContent = label === option.value ? label : `${option.value} · ${label}`;
    }
    this.submit.textContent = t.add;
    this.submit.disabled = this.pane.run() === undefined || !this.pane.view().filled;
    this.renderProblems();
  }

  private renderProblems(): void {
    const lang = this.pane.lang();
    this.problems.hidden = this.shown.length === 0;
    this.problems.replaceChildren(...(this.shown.length ? [h('li', {}, USER_STRINGS[lang].figureForm.problems), ...this.shown.map((p) => h('li', {}, figureProblemText(p, lang)))] : []));
  }

  private add(): void {
    const form: FigureForm = {
      id: this.fields.id.value,
      label: this.fields.label.value,
      value: this.fields.value.value,
      unit: this.fields.unit.value,
      note: this.fields.note.value,
    };
    const checked = checkFigureForm(form, this.pane.view().mine.tables);
    this.shown = 'problems' in checked ? checked.problems : [];
    this.renderProblems();
    if ('problems' in checked) return;
    void this.pane.task(async (run) => {
      const address = await appendUserRow(run, checked);
      return { message: (s) => USER_STRINGS[s === STRINGS.zh ? 'zh' : 'en'].figureForm.added(address), kind: 'success' };
    });
  }
}
