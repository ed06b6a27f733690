/**
 * The pane's "Add figure" form: writes one MyFigures row (id, label, value, unit from ClaimCell's
 * closed set, note) and its defined name. `checkFigureForm` checks it against the rows the
 * workbook holds before anything is written; each problem names the field and the value, in the
 * pane's language.
 */
import { appendUserRow } from '../../excel/user-tables.js';
import { UNIT_IDS, UNITS } from '../../model/units/index.js';
import { checkFigureForm, type FigureForm, type UserTableProblem } from '../../model/user/index.js';
import { formProblemText } from './form-problems.js';
import { button, h, select } from '../dom.js';
import { USER_STRINGS, type Lang } from '../i18n.js';
import type { PaneApi } from '../pane.js';

type Field = keyof FigureForm;
const FIELDS: readonly Field[] = ['id', 'label', 'value', 'unit', 'note'];

/** A problem of `checkFigureForm` in the pane's language; the field and the value stay as typed. */
export function figureProblemText(problem: UserTableProblem, lang: Lang): string {
  return formProblemText(problem, lang, USER_STRINGS[lang].figureForm.fieldNames);
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
  private shown: readonly UserTableProblem[] = [];

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
      return { message: (_s, lang) => USER_STRINGS[lang].figureForm.added(address), kind: 'success' };
    });
  }
}
