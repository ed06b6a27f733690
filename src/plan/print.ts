/**
 * How every sheet prints, derived from its plan so the Office.js writer and the .xlsx export apply
 * one rule: landscape where the columns are wider than a portrait page, always one page wide (rows
 * flow onto further pages, never a column away from its row ids), the header rows repeated on every
 * page, a header naming the sheet and the article, page numbers in the footer, and long text wrapped.
 */
import type { SheetPlan } from './types.js';

/** Widest total of column widths (characters) that fits a portrait A4 page at 100%. */
const PORTRAIT_CHARACTERS = 95;
/** A column this wide (characters) or wider holds running text and is wrapped rather than cut. */
export const WRAP_FROM_CHARACTERS = 40;
/** What the article is called in page headers (the seed's own title is Chinese; ids stay ASCII). */
const ARTICLE_HEADER = 'ClaimCell: figures and claims of the article';

export interface PrintSetup {
  readonly orientation: 'portrait' | 'landscape';
  /** Always 1: every column on one page width; 0 pages tall means "as many as the rows need". */
  readonly fitToPagesWide: 1;
  readonly fitToPagesTall: 0;
  /** Rows repeated at the top of every page (1-based, inclusive), or null when the sheet has no header row. */
  readonly titleRows: readonly [number, number] | null;
  /** Header and footer texts in Excel's codes: &A the sheet's name, &P the page, &N the page count. */
  readonly header: { readonly left: string; readonly right: string };
  readonly footer: { readonly center: string };
  /** 1-based columns whose cells wrap. */
  readonly wrapColumns: readonly number[];
  /** Lines each row needs once wrapped (1-based row → lines, only rows over one line): LibreOffice keeps stored heights, so the writer sets them. */
  readonly rowLines: ReadonlyMap<number, number>;
}

/** Lines of the longest wrapped cell per row, at the column's width in characters (CJK counts double). */
function wrappedRowLines(plan: SheetPlan, wrapColumns: readonly number[]): Map<number, number> {
  const lines = new Map<number, number>();
  plan.cells.forEach((row, r) => {
    let most = 1;
    for (const column of wrapColumns) {
      const v = row[column - 1]?.v;
      if (typeof v !== 'string') continue;
      const width = [...v].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
      most = Math.max(most, Math.ceil(width / Math.max(1, plan.columnWidths[column - 1]! - 2)));
    }
    if (most > 1) lines.set(r + 1, most);
  });
  return lines;
}

export function printSetupFor(plan: SheetPlan): PrintSetup {
  const wrapColumns = plan.columnWidths.flatMap((w, i) => (w >= WRAP_FROM_CHARACTERS ? [i + 1] : []));
  const width = plan.columnWidths.reduce((a, b) => a + b, 0);
  const titleRows: readonly [number, number] | null = plan.freezeRows > 0 ? [1, plan.freezeRows] : null;
  return {
    orientation: width > PORTRAIT_CHARACTERS ? 'landscape' : 'portrait',
    fitToPagesWide: 1,
    fitToPagesTall: 0,
    titleRows,
    header: { left: '&A', right: ARTICLE_HEADER },
    footer: { center: 'Page &P of &N' },
    wrapColumns,
    rowLines: wrappedRowLines(plan, wrapColumns),
  };
}
