/**
 * Excel's in-cell drop-down for a cell with list validation (Scenarios!B1): the allowed entries as
 * a listbox in the cell. Enter, Tab or a click on an entry chooses it, Escape or leaving closes it
 * unchanged. The caller enters the choice as typed text, so the validation still applies.
 */
import { el } from './sheet-view.js';

export function openListInCell(td: HTMLElement, label: string, entries: readonly string[], current: string, done: (chosen: string | null) => void): HTMLSelectElement {
  const list = el('select', { class: 'cell-list', size: String(Math.min(Math.max(entries.length, 2), 8)), 'aria-label': label });
  for (const entry of entries) list.append(el('option', { value: entry }, entry));
  list.value = entries.includes(current) ? current : entries[0] ?? '';
  let open = true;
  const close = (chosen: string | null): void => {
    if (!open) return;
    open = false;
    done(chosen);
  };
  list.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      e.stopPropagation();
      close(e.key === 'Escape' ? null : list.value);
    }
  });
  list.addEventListener('click', (e) => {
    if ((e.target as HTMLElement).tagName === 'OPTION') close(list.value);
  });
  list.addEventListener('blur', () => close(null));
  td.replaceChildren(list);
  list.focus();
  return list;
}
