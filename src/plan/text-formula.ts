/**
 * A catalogue template (`(a, b) => "… ${a} … ${b} …"`) as a native formula that builds the same
 * text in the cell: the template is rendered once with markers in its slots, and the literal text
 * between the markers becomes string constants joined with `&` to the slots' formula pieces. The
 * cached text is the same template rendered with the values, so formula and cache never drift.
 */

/** Characters no catalogue text contains, marking slot `i` in a rendering. */
const marker = (i: number): string => `\u0000${i}\u0000`;

/** An Excel string constant. */
export const excelString = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/**
 * `template` rendered with `pieces` (formula expressions, e.g. `ROUND(G2,6)`) in its slots, as
 * one Excel expression (no leading `=`).
 */
export function templateFormula<A extends string[]>(template: (...slots: A) => string, pieces: { [K in keyof A]: string }): string {
  const rendered = template(...(pieces.map((_, i) => marker(i)) as A));
  const parts: string[] = [];
  for (const [k, chunk] of rendered.split('\u0000').entries()) {
    if (k % 2 === 1) parts.push(pieces[Number(chunk)]!);
    else if (chunk) parts.push(excelString(chunk));
  }
  return parts.length ? parts.join('&') : '""';
}
