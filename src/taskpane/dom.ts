/** Tiny DOM helpers for the task pane (no framework: the pane must stay small and fast to load). */
export type Attrs = Record<string, string | boolean | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string | null | undefined | false)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}

export function button(text: string, attrs: Attrs, onClick: () => void): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'button', ...attrs }, text);
  b.addEventListener('click', onClick);
  return b;
}

/** A labelled select with options [value, text]. */
export function select(id: string, options: readonly (readonly [string, string])[], value?: string): HTMLSelectElement {
  const s = h('select', { id });
  for (const [v, text] of options) s.append(h('option', { value: v }, text));
  if (value !== undefined && options.some(([v]) => v === value)) s.value = value;
  return s;
}
