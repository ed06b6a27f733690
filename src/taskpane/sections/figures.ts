/** Figures: search the catalogue, see provenance (paragraph, number as written), edit / reset base values (Figures!E). */
import { formatValue } from '../../model/claims/format.js';
import { figureValue, loadFigures, type Figure } from '../../model/figures/index.js';
import { serialToIso, UNITS } from '../../model/units/index.js';
import { parseFigureValue } from '../../model/values/index.js';
import { button, h } from '../dom.js';
import type { Strings } from '../i18n.js';
import type { PaneApi } from '../pane.js';
import { writeBaseValue } from '../workbook.js';

/** The text a user edits for a value: 25% for fractions, ISO dates, plain numbers otherwise. */
export function editText(figure: Figure, value: number): string {
  if (figure.unit === 'date') return serialToIso(value);
  if (UNITS[figure.unit].isFraction) return `${Number((value * 100).toPrecision(12))}%`;
  return String(Number(value.toPrecision(12)));
}

/** Parses what the user typed for a figure; a number, or a problem sentence. */
export function parseFigureInput(figure: Figure, text: string, s: Strings, lang: 'en' | 'zh' = 'en'): number | string {
  const parsed = parseFigureValue(figure, text);
  if ('value' in parsed) return parsed.value;
  if (parsed.problem === 'rejected') return `${figure.id}: ${parsed.reason}`;
  return s.badNumber(figure.id, text, UNITS[figure.unit][lang === 'zh' ? 'labelZh' : 'labelEn']);
}

export class FiguresSection {
  private readonly search: HTMLInputElement;
  private readonly searchLabel = h('label', { for: 'figure-search' });
  private readonly count = h('p', { class: 'hint', id: 'figures-count', 'aria-live': 'polite' });
  private readonly list = h('ul', { class: 'figures', id: 'figures-list' });

  constructor(
    container: HTMLElement,
    private readonly pane: PaneApi,
  ) {
    this.search = h('input', { id: 'figure-search', type: 'search', class: 'input', autocomplete: 'off', spellcheck: 'false' });
    this.search.addEventListener('input', () => this.filter());
    container.append(h('div', { class: 'field' }, this.searchLabel, this.search), this.count, this.list);
  }

  private matches(figure: Figure, q: string): boolean {
    if (!q) return true;
    const hay = `${figure.id} ${figure.labelEn} ${figure.labelZh} ${figure.asWritten} ${figure.period}`.toLowerCase();
    return q
      .toLowerCase()
      .split(/\s+/)
      .every((word) => hay.includes(word));
  }

  private filter(): void {
    const q = this.search.value.trim();
    let shown = 0;
    for (const li of this.list.querySelectorAll<HTMLElement>('li[data-figure]')) {
      const figure = loadFigures().find((f) => f.id === li.dataset['figure']);
      const visible = figure !== undefined && this.matches(figure, q);
      li.hidden = !visible;
      if (visible) shown++;
    }
    this.count.textContent = this.pane.strings().figuresCount(shown, loadFigures().length);
  }

  render(): void {
    const s = this.pane.strings();
    const zh = this.pane.lang() === 'zh';
    const view = this.pane.view();
    const canEdit = view.filled && this.pane.run() !== undefined;
    this.searchLabel.textContent = s.searchLabel;
    this.search.placeholder = s.searchPlaceholder;
    this.list.replaceChildren(
      ...loadFigures().map((figure) => {
        const cells = view.figures.get(figure.id);
        const article = figureValue(figure);
        const base = cells?.base ?? article;
        const inUse = cells?.inUse ?? base;
        const edited = Math.abs(base - article) > 1e-12 * Math.max(1, Math.abs(article));
        const inputId = `base-${figure.id}`;
        const input = h('input', { id: inputId, class: 'input input--value', type: 'text', inputmode: figure.unit === 'date' ? 'text' : 'decimal', autocomplete: 'off', 'aria-label': s.baseValueLabel(figure.id) });
        input.value = editText(figure, base);
        input.disabled = !canEdit;
        const apply = (): void => {
          const value = parseFigureInput(figure, input.value, s, this.pane.lang());
          if (typeof value === 'string') {
            this.pane.status(() => value, 'error');
            input.setAttribute('aria-invalid', 'true');
            input.focus();
            return;
          }
          input.removeAttribute('aria-invalid');
          if (!cells) return;
          void this.pane.task(async (run) => {
            const address = await writeBaseValue(run, cells.row, value);
            return { message: (t) => t.baseWritten(figure.id, address), kind: 'success' };
          });
        };
        input.addEventListener('keydown', (e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            apply();
          }
        });
        const set = button(s.setBase, { id: `set-${figure.id}`, class: 'button button--small', 'aria-label': s.setBaseLabel(figure.id), 'data-action': 'set-base' }, apply);
        const reset = button(s.resetBase, { id: `reset-${figure.id}`, class: 'button button--subtle button--small', 'aria-label': s.resetBaseLabel(figure.id), 'data-action': 'reset-base', 'data-then-focus': inputId }, () => {
          if (!cells) return;
          void this.pane.task(async (run) => {
            await writeBaseValue(run, cells.row, article);
            return { message: (t) => t.baseReset(figure.id), kind: 'success' };
          });
        });
        set.disabled = !canEdit;
        reset.disabled = !canEdit || !edited;
        const unit = UNITS[figure.unit][zh ? 'labelZh' : 'labelEn'];
        return h(
          'li',
          { class: `figure${edited ? ' figure--edited' : ''}`, 'data-figure': figure.id },
          h('div', { class: 'figure__head' }, h('span', { class: 'figure__label' }, zh ? figure.labelZh : figure.labelEn), edited ? h('span', { class: 'tag' }, s.edited) : null),
          h('div', { class: 'figure__meta' }, h('code', {}, figure.id), ` · ${s.asWritten(figure.paragraph, figure.asWritten)}`),
          h(
            'div',
            { class: 'figure__values' },
            `${s.articleValue}: ${formatValue(article, figure.unit)} · ${s.inUseValue}: `,
            h('strong', { 'data-role': 'in-use' }, formatValue(inUse, figure.unit)),
            ` ${UNITS[figure.unit].isFraction || figure.unit === 'date' ? '' : unit}`,
          ),
          h('div', { class: 'figure__edit' }, input, set, reset),
        );
      }),
    );
    this.filter();
  }
}
