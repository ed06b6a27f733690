/**
 * The defined-names panel: one button per name, but a single tab stop. Arrow keys, Home and End
 * move between names (a roving tabindex), so 60-odd names do not stand between the grid and the
 * task pane for a keyboard user; Enter or a click goes to the name's range.
 */
import { el } from './sheet-view.js';

export interface NameEntry {
  readonly name: string;
  readonly formula: string;
}

export function renderNamesList(list: HTMLElement, names: readonly NameEntry[], goTo: (formula: string) => void, emptyText: string): void {
  const previous = list.querySelector<HTMLElement>('button[tabindex="0"]')?.dataset['name'];
  const hadFocus = list.contains(document.activeElement);
  const buttons = names.map((n) => {
    const b = el('button', { type: 'button', class: 'name', title: `${n.name} ${n.formula}`, tabindex: '-1', 'data-name': n.name });
    b.append(el('span', { class: 'name__id' }, n.name), el('span', { class: 'name__ref' }, n.formula));
    b.addEventListener('click', () => goTo(n.formula));
    return b;
  });
  const current = buttons.find((b) => b.dataset['name'] === previous) ?? buttons[0];
  current?.setAttribute('tabindex', '0');
  list.onkeydown = (e: KeyboardEvent) => {
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const to = e.key === 'ArrowDown' || e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : undefined;
    if (to === undefined) return;
    e.preventDefault();
    const next = buttons[Math.max(0, Math.min(buttons.length - 1, to))]!;
    for (const b of buttons) b.setAttribute('tabindex', b === next ? '0' : '-1');
    next.focus();
  };
  list.replaceChildren(
    ...buttons.map((b) => {
      const li = el('li');
      li.append(b);
      return li;
    }),
  );
  if (names.length === 0) list.append(el('li', { class: 'muted' }, emptyText));
  if (hadFocus) current?.focus();
}
