/**
 * The status box sticks to the top of the pane so a message is always visible; it must never cover
 * the control that has the keyboard focus. The scroll container's padding follows the box's height
 * (so focus() scrolls below it); a focus that lands under the box anyway scrolls it clear, and so
 * does a new message that makes the box taller over the control still in use.
 */
export function keepFocusClearOf(doc: Document, status: HTMLElement): void {
  const view = doc.defaultView;
  const scroller = (): HTMLElement => {
    for (let e = status.parentElement; e; e = e.parentElement) {
      const overflow = view?.getComputedStyle(e).overflowY ?? '';
      if ((overflow === 'auto' || overflow === 'scroll') && e.scrollHeight > e.clientHeight) return e;
    }
    return (doc.scrollingElement as HTMLElement | null) ?? doc.documentElement;
  };
  const clear = (target: Element | null): void => {
    if (!target || target === doc.body || status.contains(target) || typeof target.getBoundingClientRect !== 'function') return;
    const box = status.getBoundingClientRect();
    const rect = target.getBoundingClientRect();
    // Only a control that is under the box (not one above it, before the box has stuck).
    if (rect.bottom > box.top && rect.top < box.bottom) scroller().scrollTop -= box.bottom + 4 - rect.top;
  };
  const update = (): void => {
    scroller().style.scrollPaddingTop = `${Math.ceil(status.getBoundingClientRect().height) + 8}px`;
    clear(doc.activeElement);
  };
  update();
  if (typeof ResizeObserver !== 'undefined') new ResizeObserver(update).observe(status);
  doc.addEventListener('focusin', (e) => clear(e.target as Element | null));
}
