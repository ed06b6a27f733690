/**
 * The text box that edits a cell in place, as Excel's cell-edit mode does: Enter or Tab ends the
 * edit with the text, leaving the box (a click elsewhere) too, Escape ends it unchanged. The caller
 * puts the box into the cell, focuses it and enters the text, so the cell's validation still applies.
 */
import { el } from './sheet-view.js';

/** How an edit ended: with the text typed, and the key (or `blur`) that ended it; null = cancelled. */
export type CellEditEnd = { readonly text: string; readonly via: 'Enter' | 'Tab' | 'blur' } | null;

export function cellEditor(label: string, text: string, done: (end: CellEditEnd) => void): HTMLInputElement {
  const input = el('input', { type: 'text', class: 'cell-editor', 'aria-label': label, autocomplete: 'off', spellcheck: 'false' });
  input.value = text;
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === 'Tab' || e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      done(e.key === 'Escape' ? null : { text: input.value, via: e.key });
    }
  });
  input.addEventListener('blur', () => done({ text: input.value, via: 'blur' }));
  return input;
}
