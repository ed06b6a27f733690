/** Claims: verdict badges (colour + icon + text), reason, margin to flip, and "go to cell". */
import { auditAll, describeMarginIn, type ClaimAudit } from '../../model/claims/index.js';
import { valuesKey } from '../../model/values/index.js';
import { button, h } from '../dom.js';
import { valuesLabel } from '../i18n.js';
import type { PaneApi } from '../pane.js';
import { selectClaimRow } from '../workbook.js';
import { AddFigureForm } from './my-figures.js';
import { AddClaimForm, MY_STRINGS, renderRowProblems, userAudits, userRowsKey, type UserAudits } from './my-claims.js';

const ICONS: Record<string, string> = { consistent: '✓', inconsistent: '✗', implausible: '!', unverifiable: '?' };


export class ClaimsSection {
  private audits: ClaimAudit[] = [];
  private auditKey = '';
  private readonly summary = h('p', { class: 'hint', id: 'claims-summary' });
  private readonly warning = h('p', { class: 'warning', id: 'values-warning', role: 'alert' });
  private readonly list = h('ul', { class: 'claims', id: 'claims-list' });
  private readonly refreshButton: HTMLButtonElement;

  constructor(
    container: HTMLElement,
    private readonly pane: PaneApi,
    refresh: () => void,
  ) {
    this.refreshButton = button('', { id: 'refresh', class: 'button button--subtle button--small' }, refresh);
    container.append(this.warning, h('div', { class: 'row row--between' }, this.summary, this.refreshButton), this.list);
    this.rowProblems.hidden = true;
    container.append(this.rowProblems);
    this.figureForm = new AddFigureForm(container, pane);
    this.form = new AddClaimForm(container, pane);
  }

  private readonly figureForm: AddFigureForm;
  private readonly form: AddClaimForm;
  private readonly rowProblems = h('ul', { class: 'warning', id: 'my-claims-problems' });

  private mine: UserAudits | undefined;

  /** Audits are recomputed only when the values in use (or the user's own rows) change; the user's claims follow the article's. */
  private currentAudits(): ClaimAudit[] {
    const view = this.pane.view();
    const key = `${valuesKey(view.values)}|${userRowsKey(view.mine)}`;
    if (key !== this.auditKey || this.audits.length === 0) {
      this.mine = userAudits(view.mine, view.values.overrides);
      this.audits = [...auditAll(view.values.overrides), ...this.mine.audits];
      this.auditKey = key;
    }
    return this.audits;
  }

  /** The user's claims at the values in use (for the stress section). */
  userAudits(): UserAudits {
    this.currentAudits();
    return this.mine!;
  }

  /** Verdict by claim id, for tests and other sections. */
  verdicts(): Map<string, string> {
    return new Map(this.currentAudits().map((a) => [a.id, a.verdict]));
  }

  render(): void {
    const s = this.pane.strings();
    const zh = this.pane.lang() === 'zh';
    const view = this.pane.view();
    const audits = this.currentAudits();
    const counts = new Map<string, number>();
    for (const a of audits) counts.set(a.verdict, (counts.get(a.verdict) ?? 0) + 1);
    this.summary.textContent = `${valuesLabel(view.values, view.scenarios.scenarios, zh ? 'zh' : 'en')}${zh ? '。' : '. '}${s.claimsSummary([...counts].map(([v, n]) => `${n} ${s.verdict(v)}`).join(zh ? '，' : ', '))}`;
    this.summary.dataset['values'] = valuesKey(view.values);
    this.warning.hidden = view.values.unknownScenario === undefined;
    this.warning.textContent = view.values.unknownScenario === undefined ? '' : s.unknownScenario(view.values.unknownScenario, view.values.scenario);
    this.refreshButton.textContent = s.refresh;
    this.figureForm.render();
    this.form.render();
    renderRowProblems(this.rowProblems, this.mine?.problems ?? [], zh ? 'zh' : 'en');
    this.refreshButton.disabled = this.pane.run() === undefined;
    this.list.replaceChildren(
      ...audits.map((a) => {
        const row = view.claimRows.get(a.id);
        const go = button(s.goToCell, { id: `goto-${a.id}`, class: 'button button--subtle button--small', 'aria-label': s.goToCellLabel(a.id), 'data-claim': a.id }, () => {
          const run = this.pane.run();
          if (!run || row === undefined) {
            this.pane.status((t) => t.notFilled, 'error');
            return;
          }
          void this.pane.task(async (r) => {
            const address = await selectClaimRow(r, row);
            return { message: (t) => t.wentTo(address), kind: 'info' };
          });
        });
        go.disabled = row === undefined || this.pane.run() === undefined;
        const margins = a.margins.length ? a.margins.map((m) => describeMarginIn(m, zh ? 'zh' : 'en')).join(zh ? '；' : '; ') : s.marginNone;
        return h(
          'li',
          { class: 'claim', 'data-claim': a.id, 'data-verdict': a.verdict },
          h(
            'div',
            { class: 'claim__head' },
            h('span', { class: `badge badge--${a.verdict}` }, h('span', { 'aria-hidden': 'true' }, ICONS[a.verdict] ?? ''), ` ${s.verdict(a.verdict)}`),
            h('span', { class: 'claim__id' }, a.id),
            this.mine?.ids.has(a.id) ? h('span', { class: 'claim__mine', 'data-mine': 'true' }, MY_STRINGS[zh ? 'zh' : 'en'].mine) : h('span', { class: 'claim__para' }, s.paragraphShort(a.paragraphs.join(', '))),
          ),
          h('p', { class: 'claim__statement' }, zh ? a.statementZh : a.statementEn),
          h('p', { class: 'claim__reason' }, h('strong', {}, `${s.reasonLabel}: `), zh ? a.reasonZh : a.reason),
          h('p', { class: 'claim__margin' }, h('strong', {}, `${s.marginLabel}: `), margins),
          go,
        );
      }),
    );
  }
}
