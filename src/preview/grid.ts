/**
 * A small spreadsheet view of the simulated workbook: sheet tabs, a grid of calculated values,
 * a name box and formula bar for the selected cell, the defined names and the active scenario.
 * Double-click, Enter or F2 edits a cell (cell-editor.ts); Enter commits through `typeIntoCell` (a
 * person typing: the cell's list validation applies, dependents recalculate), Escape cancels. Arrow
 * keys move the selection; grid-render.ts draws the tabs and the table.
 */
import { parseRangeAddress } from '../simhost/address.js';
import { EntryRefusedError, type SimulatedExcel } from '../simhost/index.js';
import type { PreviewText } from '../text/index.js';
import { cellEditor } from './cell-editor.js';
import { parseInput } from './format.js';
import { openListInCell } from './drop-down.js';
import { renderSheetTable, renderSheetTabs } from './grid-render.js';
import { renderNamesList } from './names-list.js';
import { addr, el, viewOf, type Rect, type SheetSnapshot, type SheetView } from './sheet-view.js';

export interface GridElements {
  readonly tabs: HTMLElement;
  readonly grid: HTMLTableElement;
  readonly gridWrap: HTMLElement;
  readonly nameBox: HTMLElement;
  readonly formulaBar: HTMLInputElement;
  readonly names: HTMLElement;
  readonly activeScenario: HTMLElement;
  readonly message: HTMLElement;
}

export class WorkbookGrid {
  private sheet: string;
  private sel: Rect = { r0: 0, c0: 0, r1: 0, c1: 0 };
  private view: SheetView | undefined;
  private editing: HTMLInputElement | HTMLSelectElement | undefined;
  private scheduled = false;
  private knownSheets = new Set<string>();
  private readonly editListeners: (() => void)[] = [];

  constructor(
    private readonly host: SimulatedExcel,
    private readonly ui: GridElements,
    /** The preview's chrome in Office's display language. */
    private readonly text: PreviewText,
  ) {
    this.sheet = host.getSheetNames()[0] ?? 'Sheet1';
    ui.grid.addEventListener('click', (e) => {
      const td = (e.target as HTMLElement).closest('td[data-addr]') as HTMLElement | null;
      if (td) this.selectCell(Number(td.dataset['r']), Number(td.dataset['c']));
    });
    ui.grid.addEventListener('dblclick', (e) => {
      const td = (e.target as HTMLElement).closest('td[data-addr]') as HTMLElement | null;
      if (td) {
        this.selectCell(Number(td.dataset['r']), Number(td.dataset['c']));
        this.startEdit();
      }
    });
    ui.grid.addEventListener('keydown', (e) => this.onKey(e));
    ui.formulaBar.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        this.commit(this.sel.r0, this.sel.c0, ui.formulaBar.value, true);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        this.updateFormulaBar();
        this.focusCell();
      }
    });
  }

  /** Called after every change (task pane batch, user edit): re-render once per frame. */
  invalidate(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      // redrawing would take the cell editor away mid-edit; ending the edit redraws anyway
      if (!this.editing) this.render();
    });
  }

  onUserEdit(cb: () => void): void {
    this.editListeners.push(cb);
  }

  activateSheet(name: string): void {
    if (!this.host.getSheetNames().includes(name)) return;
    this.sheet = name;
    this.sel = { r0: 0, c0: 0, r1: 0, c1: 0 };
    this.invalidate();
  }

  selectRange(sheet: string, rect: Rect): void {
    this.sheet = sheet;
    this.sel = { ...rect };
    this.render();
    if (rect.c0 === 0) this.ui.gridWrap.scrollLeft = 0;
    this.ui.grid.querySelector<HTMLElement>(`td[data-addr="${addr(rect.r0, rect.c0)}"]`)?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }

  get activeSheet(): string {
    return this.sheet;
  }

  /** The sheets with a tab: Excel shows no tab for a hidden sheet (the swap record). */
  private tabSheets: string[] = [];

  render(): void {
    const snap = this.host.snapshot() as { sheets: SheetSnapshot[] };
    const names = snap.sheets.filter((s) => (s.visibility ?? 'Visible') === 'Visible').map((s) => s.name);
    this.tabSheets = names;
    // The first fill adds ClaimCell's sheets: show the Claims sheet rather than the empty Sheet1.
    const current = snap.sheets.find((s) => s.name === this.sheet);
    if (this.knownSheets.size && names.includes('Claims') && !this.knownSheets.has('Claims') && (!current || current.cells.length === 0)) {
      this.sheet = 'Claims';
      this.sel = { r0: 0, c0: 0, r1: 0, c1: 0 };
    }
    this.knownSheets = new Set(names);
    if (!names.includes(this.sheet)) this.sheet = names[0] ?? this.sheet;
    const sheet = snap.sheets.find((s) => s.name === this.sheet);
    this.renderTabs(names);
    if (sheet) this.renderGrid(viewOf(sheet));
    this.renderNames();
    this.renderActiveScenario(names);
    this.updateFormulaBar();
  }

  /** The sheet `delta` tabs away from the shown one, wrapping (Ctrl+PgDn / Ctrl+PgUp). */
  private stepSheet(delta: number): string | undefined {
    const names = this.tabSheets;
    const i = names.indexOf(this.sheet);
    return names.length ? names[(i + delta + names.length) % names.length] : undefined;
  }

  private renderTabs(names: string[]): void {
    renderSheetTabs(this.ui.tabs, names, this.sheet, () => this.tabSheets, (name) => this.activateSheet(name));
  }

  private renderGrid(view: SheetView): void {
    this.view = view;
    const hadFocus = this.ui.grid.contains(document.activeElement) && !this.editing;
    renderSheetTable(this.ui.grid, this.sheet, view, this.sel, this.text);
    this.showDropDownButton();
    if (hadFocus) this.focusCell();
  }

  private renderNames(): void {
    renderNamesList(this.ui.names, this.host.getNames(), (formula) => this.goToName(formula), this.text.noNames);
  }

  private goToName(formula: string): void {
    const m = /^=(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(formula);
    if (!m) return;
    const sheet = (m[1] ?? m[2] ?? '').replace(/''/g, "'");
    const rect = parseRangeAddress(m[3]!.replace(/\$/g, ''));
    if (rect && this.host.getSheetNames().includes(sheet)) {
      this.selectRange(sheet, rect);
      this.focusCell();
    }
  }

  private renderActiveScenario(names: string[]): void {
    let text = '—';
    if (names.includes('Scenarios')) {
      const v = this.host.getCellValue('Scenarios', 'B1');
      if (typeof v === 'string' && v) text = v;
    }
    this.ui.activeScenario.textContent = text;
  }

  private updateFormulaBar(): void {
    const a = addr(this.sel.r0, this.sel.c0);
    this.ui.nameBox.textContent = this.sel.r0 === this.sel.r1 && this.sel.c0 === this.sel.c1 ? a : `${a}:${addr(this.sel.r1, this.sel.c1)}`;
    let content = '';
    if (this.host.getSheetNames().includes(this.sheet)) {
      const f = this.host.getCellFormula(this.sheet, a);
      content = f === undefined || f === null ? '' : String(f);
    }
    if (document.activeElement !== this.ui.formulaBar) this.ui.formulaBar.value = content;
  }

  private cellEl(r: number, c: number): HTMLElement | null {
    return this.ui.grid.querySelector<HTMLElement>(`td[data-addr="${addr(r, c)}"]`);
  }

  private focusCell(): void {
    this.cellEl(this.sel.r0, this.sel.c0)?.focus({ preventScroll: false });
  }

  private selectCell(r: number, c: number): void {
    const view = this.view;
    if (!view) return;
    r = Math.max(0, Math.min(view.rows - 1, r));
    c = Math.max(0, Math.min(view.cols - 1, c));
    const prev = this.cellEl(this.sel.r0, this.sel.c0);
    for (const td of this.ui.grid.querySelectorAll('td[aria-selected="true"]')) td.setAttribute('aria-selected', 'false');
    for (const th of this.ui.grid.querySelectorAll('th.hl')) th.classList.remove('hl');
    prev?.setAttribute('tabindex', '-1');
    this.sel = { r0: r, c0: c, r1: r, c1: c };
    const td = this.cellEl(r, c);
    if (td) {
      td.setAttribute('tabindex', '0');
      td.setAttribute('aria-selected', 'true');
      td.focus();
    }
    this.showDropDownButton();
    this.ui.grid.querySelectorAll('thead th')[c + 1]?.classList.add('hl');
    this.ui.grid.querySelectorAll('tbody tr')[r]?.querySelector('th')?.classList.add('hl');
    this.updateFormulaBar();
  }

  private onKey(e: KeyboardEvent): void {
    if (this.editing) return;
    const { r0, c0 } = this.sel;
    if (e.ctrlKey && (e.key === 'PageDown' || e.key === 'PageUp')) {
      e.preventDefault();
      const next = this.stepSheet(e.key === 'PageDown' ? 1 : -1);
      if (next) this.activateSheet(next);
      return;
    }
    if (e.altKey && e.key === 'ArrowDown' && this.dropDown()) {
      e.preventDefault();
      this.openDropDown();
      return;
    }
    // A printable key on a selected cell starts an edit that replaces its content, as in Excel.
    if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      this.startEdit(e.key);
      return;
    }
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      this.selectCell(r0 + move[0], c0 + move[1]);
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      this.startEdit();
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      this.commit(r0, c0, '', false);
    }
  }

  /** The entries of the active cell's list validation (Scenarios!B1), if it has one. */
  private dropDown(): string[] | undefined {
    if (!this.host.getSheetNames().includes(this.sheet)) return undefined;
    return this.host.dropDownEntries(this.sheet, addr(this.sel.r0, this.sel.c0));
  }

  /** Excel's in-cell drop-down arrow beside the active cell when it has a list (opened also by Alt+Down). */
  private showDropDownButton(): void {
    for (const old of this.ui.grid.querySelectorAll('.cell-dropdown')) old.remove();
    const td = this.cellEl(this.sel.r0, this.sel.c0);
    if (!td || !this.dropDown()) return;
    const b = el('button', { type: 'button', class: 'cell-dropdown', tabindex: '-1', 'aria-label': this.text.chooseValue(`${this.sheet}!${addr(this.sel.r0, this.sel.c0)}`) }, '▾');
    b.addEventListener('click', (e) => {
      e.stopPropagation();
      this.openDropDown();
    });
    td.setAttribute('aria-haspopup', 'listbox');
    td.append(b);
  }

  private openDropDown(): void {
    const entries = this.dropDown();
    const { r0, c0 } = this.sel;
    const td = this.cellEl(r0, c0);
    if (!entries || !td) return;
    const a = addr(r0, c0);
    const current = String(this.host.getCellValue(this.sheet, a) ?? '');
    this.editing = openListInCell(td, this.text.allowedValues(`${this.sheet}!${a}`), entries, current, (chosen) => {
      this.editing = undefined;
      if (chosen !== null) this.commit(r0, c0, chosen, false);
      else {
        this.render();
        this.focusCell();
      }
    });
  }

  /** Starts editing the active cell: its formula to change (F2, Enter, double-click), or `typed` replacing it. */
  private startEdit(typed?: string): void {
    const { r0, c0 } = this.sel;
    const td = this.cellEl(r0, c0);
    if (!td) return;
    const formula = this.host.getSheetNames().includes(this.sheet) ? this.host.getCellFormula(this.sheet, addr(r0, c0)) : '';
    const input = cellEditor(this.text.editCell(`${this.sheet}!${addr(r0, c0)}`), typed ?? (formula === undefined || formula === null ? '' : String(formula)), (end) => {
      if (end === null) {
        this.editing = undefined;
        this.host.setCellEditMode(false);
        this.render();
        this.focusCell();
      } else if (end.via !== 'blur') {
        this.editing = undefined;
        this.commit(r0, c0, end.text, true, end.via === 'Tab' ? [0, 1] : [1, 0]);
      } else if (this.editing === input) {
        this.editing = undefined;
        this.commit(r0, c0, end.text, false);
      }
    });
    td.replaceChildren(input);
    this.editing = input;
    // Excel's cell-edit mode: the task pane's batches wait (delayForCellEdit) or fail until it ends.
    this.host.setCellEditMode(true);
    input.focus();
    if (typed === undefined) input.select();
    else input.setSelectionRange(typed.length, typed.length);
  }

  private commit(r: number, c: number, text: string, move: boolean, step: [number, number] = [1, 0]): void {
    const a = addr(r, c);
    this.host.setCellEditMode(false);
    try {
      this.host.typeIntoCell(this.sheet, a, parseInput(text));
      this.ui.message.textContent = this.text.cellUpdated(`${this.sheet}!${a}`);
      this.ui.message.dataset['kind'] = 'info';
    } catch (err) {
      const why = err instanceof EntryRefusedError ? this.text.refusal(err.refusal) : err instanceof Error ? err.message : String(err);
      this.ui.message.textContent = this.text.cellRefused(`${this.sheet}!${a}`, why);
      this.ui.message.dataset['kind'] = 'error';
    }
    this.render();
    if (move) this.selectCell(r + step[0], c + step[1]);
    else this.focusCell();
    for (const cb of this.editListeners) {
      try {
        cb();
      } catch {
        /* a task pane that was reloaded since it subscribed */
      }
    }
  }
}
