/**
 * Drawing the preview's grid: the sheet tabs and the table of one sheet's calculated values, with
 * the selection highlighted. No state of its own: WorkbookGrid (grid.ts) keeps the selection and
 * handles the keys and edits, and draws again through these after every change.
 */
import { VERDICT_STYLES } from '../plan/index.js';
import { colToLetters } from '../simhost/address.js';
import { LANGS, TEXT, type PreviewText } from '../text/index.js';
import { formatCell } from './format.js';
import { addr, el, type Rect, type SheetView } from './sheet-view.js';

/**
 * The preview colours verdict cells by their text (it does not evaluate conditional formats): the
 * codes and the words of every language, so a Chinese workbook is coloured as an English one.
 */
const VERDICT_CELL_STYLES: ReadonlyMap<string, { fill: string; fontColor: string }> = new Map(
  Object.entries(VERDICT_STYLES).flatMap(([code, style]) => [[code, style] as const, ...LANGS.map((lang) => [(TEXT[lang].verdicts as Record<string, string>)[code]!, style] as const)]),
);

/**
 * The tab strip: one tab per sheet, `current` selected. A click or the arrow keys (Ctrl+PgDn /
 * Ctrl+PgUp too) on a tab `activate` another sheet, read from the live `sheetNames()`.
 */
export function renderSheetTabs(tabs: HTMLElement, names: readonly string[], current: string, sheetNames: () => string[], activate: (name: string) => void): void {
  const hadFocus = tabs.contains(document.activeElement);
  const shown = [...tabs.querySelectorAll<HTMLElement>('[data-sheet]')];
  // Same sheets: update the tabs in place, so a click that ends an edit (whose commit re-renders)
  // still lands on the tab it was aimed at.
  if (shown.length === names.length && shown.every((b, i) => b.dataset['sheet'] === names[i])) {
    for (const b of shown) {
      const isCurrent = b.dataset['sheet'] === current;
      b.setAttribute('aria-selected', String(isCurrent));
      b.setAttribute('tabindex', isCurrent ? '0' : '-1');
    }
    if (hadFocus) tabs.querySelector<HTMLElement>('[aria-selected="true"]')?.focus();
    return;
  }
  tabs.replaceChildren(
    ...names.map((name) => {
      const b = el('button', { type: 'button', role: 'tab', 'aria-selected': String(name === current), tabindex: name === current ? '0' : '-1', 'data-sheet': name }, name);
      b.addEventListener('click', () => activate(name));
      b.addEventListener('keydown', (e) => {
        const sheets = sheetNames();
        const i = sheets.indexOf(name);
        const pageKey = e.ctrlKey && (e.key === 'PageDown' || e.key === 'PageUp');
        const forward = e.key === 'ArrowRight' || (pageKey && e.key === 'PageDown');
        const back = e.key === 'ArrowLeft' || (pageKey && e.key === 'PageUp');
        const next = forward ? sheets[(i + 1) % sheets.length] : back ? sheets[(i - 1 + sheets.length) % sheets.length] : undefined;
        if (next) {
          e.preventDefault();
          activate(next);
          requestAnimationFrame(() => tabs.querySelector<HTMLElement>(`[data-sheet="${CSS.escape(next)}"]`)?.focus());
        }
      });
      return b;
    }),
  );
  if (hadFocus) tabs.querySelector<HTMLElement>('[aria-selected="true"]')?.focus();
}

/** The table of one sheet: column widths, headers, a cell per value, the selection `sel` marked; `text`: the chrome's words. */
export function renderSheetTable(grid: HTMLTableElement, sheetName: string, view: SheetView, sel: Rect, text: PreviewText): void {
  grid.setAttribute('aria-label', text.sheetGridLabel(sheetName));
  grid.setAttribute('aria-rowcount', String(view.rows + 1));
  const colgroup = el('colgroup');
  colgroup.append(el('col', { style: 'width:44px' }));
  let total = 44;
  for (let c = 0; c < view.cols; c++) {
    const w = view.widths.get(c);
    // Excel column widths are in points; shown a little narrower (1.1 px per point), capped for long text.
    const px = w ? Math.round(Math.min(Math.max(w * 1.1, 40), 240)) : 72;
    total += px;
    colgroup.append(el('col', { style: `width:${px}px` }));
  }
  grid.style.width = `${total}px`;
  const head = el('thead');
  const hr = el('tr', { role: 'row' });
  hr.append(el('th', { role: 'columnheader', class: 'corner', 'aria-label': text.rowHeaderLabel }));
  for (let c = 0; c < view.cols; c++) hr.append(el('th', { role: 'columnheader', scope: 'col', class: c >= sel.c0 && c <= sel.c1 ? 'hl' : '' }, colToLetters(c)));
  head.append(hr);
  const body = el('tbody');
  for (let r = 0; r < view.rows; r++) {
    const tr = el('tr', { role: 'row' });
    tr.append(el('th', { role: 'rowheader', scope: 'row', class: r >= sel.r0 && r <= sel.r1 ? 'hl' : '' }, String(r + 1)));
    for (let c = 0; c < view.cols; c++) {
      const a = addr(r, c);
      const value = view.values.get(a);
      const text = formatCell(value, view.formats.get(a));
      const inSel = r >= sel.r0 && r <= sel.r1 && c >= sel.c0 && c <= sel.c1;
      const isActive = r === sel.r0 && c === sel.c0;
      const td = el('td', {
        role: 'gridcell',
        'data-addr': a,
        'data-r': String(r),
        'data-c': String(c),
        tabindex: isActive ? '0' : '-1',
        'aria-selected': String(inSel),
      }, text);
      if (typeof value === 'number') td.classList.add('num');
      if (typeof value === 'string' && value.startsWith('#')) td.classList.add('err');
      const style = typeof value === 'string' ? VERDICT_CELL_STYLES.get(value) : undefined;
      if (style) {
        td.style.background = style.fill;
        td.style.color = style.fontColor;
        td.classList.add('verdict');
      }
      if (text.length > 12) td.title = text;
      tr.append(td);
    }
    body.append(tr);
  }
  grid.replaceChildren(colgroup, head, body);
}
