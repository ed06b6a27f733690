/**
 * The user's own claims in the pane: audited at the values in use through the same code as the
 * article's (`model/user`), marked as the user's in the claim list, counted with the others, and
 * offered to the stress section.
 */
import { appendUserRow } from '../../excel/user-tables.js';
import { COMPARES, type ClaimAudit } from '../../model/claims/index.js';
import { loadFigures } from '../../model/figures/index.js';
import type { OwnClaims } from '../../model/stress/claims.js';
import { auditUserClaims, checkClaimForm, compileUserTables, ownClaimsOf, userOverrides, userStressOf, type ClaimForm, type ReadTables, type UserStress, type UserTableProblem } from '../../model/user/index.js';
import { RESERVED_PLAN_NAMES } from '../../plan/index.js';
import { button, h, select } from '../dom.js';
import { TEXT } from '../../text/index.js';
import { userProblemText } from '../../text/messages.js';
import { formProblemText } from './form-problems.js';

/** This feature's words, from the one catalogue. */
export const MY_STRINGS = { en: TEXT.en.myClaims, zh: TEXT.zh.myClaims };
const FORM_STRINGS = { en: TEXT.en.myClaimForm, zh: TEXT.zh.myClaimForm };
import type { PaneApi } from '../pane.js';


export interface UserAudits {
  readonly audits: readonly ClaimAudit[];
  /** Ids of the user's claims (to mark them in the list). */
  readonly ids: ReadonlySet<string>;
  /** Rows the model cannot read, each naming the cell, the formula and the part (data, rendered in the pane's language). */
  readonly problems: readonly UserTableProblem[];
  /** For the stress functions: the user's claims and the overrides that hold the user's figures. */
  readonly stress: { readonly mine: OwnClaims; readonly overrides: ReadonlyMap<string, number> };
}

/** The list of the user's rows the model cannot read, each naming the cell, the formula and the part; hidden when there are none. */
export function renderRowProblems(list: HTMLElement, problems: readonly UserTableProblem[], lang: 'en' | 'zh'): void {
  list.hidden = problems.length === 0;
  list.replaceChildren(...(problems.length ? [h('li', {}, MY_STRINGS[lang].notAudited), ...problems.map((p) => h('li', {}, userProblemText(p, lang)))] : []));
}

/** A key that changes when the user's rows do (so an edit in the grid re-audits on the next refresh). */
export const userRowsKey = (mine: ReadTables): string => JSON.stringify(mine.tables);

/** The user's rows read as the pane reads them: cells named as the grid names them, the plan's own names reserved. */
const compileRows = (mine: ReadTables) => compileUserTables(mine.tables, { cellOf: mine.cellOf, reservedNames: RESERVED_PLAN_NAMES });

/** The user's claims for the stress functions, at the values in use. */
export function userStressFor(mine: ReadTables, overrides: ReadonlyMap<string, number>): UserStress {
  return userStressOf(compileRows(mine), overrides);
}

/** The user's claims audited at the values in use. */
export function userAudits(mine: ReadTables, overrides: ReadonlyMap<string, number>): UserAudits {
  const compiled = compileRows(mine);
  const results = auditUserClaims(compiled, overrides);
  return {
    audits: results.flatMap((r) => (r.audit ? [r.audit] : [])),
    ids: new Set(results.map((r) => r.id)),
    problems: [...mine.problems, ...compiled.allProblems],
    stress: { mine: ownClaimsOf(compiled), overrides: userOverrides(compiled, overrides) },
  };
}


/**
 * The "Add claim" form: fields with name completion over every figure name, checked by
 * `checkClaimForm` against the rows the workbook holds; only a clean row is appended to MyClaims.
 */
export class AddClaimForm {
  private readonly fields = {
    id: h('input', { id: 'my-claim-id', autocomplete: 'off' }),
    statement: h('input', { id: 'my-claim-statement' }),
    recompute: h('input', { id: 'my-claim-recompute', list: 'my-claim-names', autocomplete: 'off' }),
    stated: h('input', { id: 'my-claim-stated', list: 'my-claim-names', autocomplete: 'off' }),
    compare: select('my-claim-compare', COMPARES.map((c) => [c, c] as const), 'approx'),
    tolerance: h('input', { id: 'my-claim-tolerance', inputmode: 'decimal' }),
  };
  private readonly names = h('datalist', { id: 'my-claim-names' });
  private readonly labels = new Map<keyof AddClaimForm['fields'], HTMLLabelElement>();
  private readonly heading = h('h3', { class: 'subheading' });
  private readonly problems = h('ul', { class: 'warning', id: 'my-claim-problems', role: 'alert' });
  private readonly submit: HTMLButtonElement;
  /** The last check's problems, as data: re-rendered in the pane's language after a switch. */
  private shown: readonly UserTableProblem[] = [];

  constructor(
    container: HTMLElement,
    private readonly pane: PaneApi,
  ) {
    this.submit = button('', { id: 'my-claim-add', class: 'button button--small' }, () => this.add());
    const rows = (Object.keys(this.fields) as (keyof AddClaimForm['fields'])[]).map((key) => {
      const label = h('label', { for: this.fields[key].id });
      this.labels.set(key, label);
      return h('div', { class: 'field' }, label, this.fields[key]);
    });
    this.problems.hidden = true;
    const form = h('form', { class: 'my-claim-form', id: 'my-claim-form' }, this.heading, ...rows, this.names, this.problems, this.submit);
    // Enter in a field adds the claim; the form never navigates.
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.add();
    });
    container.append(form);
  }

  render(): void {
    const t = FORM_STRINGS[this.pane.lang()];
    this.heading.textContent = t.heading;
    for (const [key, label] of this.labels) label.textContent = t[key];
    this.submit.textContent = t.add;
    this.submit.disabled = this.pane.run() === undefined || !this.pane.view().filled;
    const ids = [...loadFigures().map((f) => f.id), ...this.pane.view().mine.tables.figures.map((f) => f.id)];
    if (this.names.childElementCount !== ids.length) this.names.replaceChildren(...ids.map((id) => h('option', { value: id })));
    this.renderProblems();
  }

  private renderProblems(): void {
    const lang = this.pane.lang();
    const t = FORM_STRINGS[lang];
    this.problems.hidden = this.shown.length === 0;
    this.problems.replaceChildren(...(this.shown.length ? [h('li', {}, t.problems), ...this.shown.map((p) => h('li', {}, formProblemText(p, lang, t.fieldNames)))] : []));
  }

  private add(): void {
    const form: ClaimForm = {
      id: this.fields.id.value,
      statement: this.fields.statement.value,
      recompute: this.fields.recompute.value,
      stated: this.fields.stated.value,
      compare: this.fields.compare.value,
      tolerance: this.fields.tolerance.value,
    };
    const checked = checkClaimForm(form, this.pane.view().mine.tables);
    this.shown = 'problems' in checked ? checked.problems : [];
    this.renderProblems();
    if ('problems' in checked) return;
    void this.pane.task(async (run) => {
      const address = await appendUserRow(run, checked);
      return { message: (_s, lang) => FORM_STRINGS[lang].added(address), kind: 'success' };
    });
  }
}
