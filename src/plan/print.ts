/**
 * How every sheet prints, derived from its plan so the Office.js writer and the .xlsx export apply
 * one rule: landscape where the columns are wider than a portrait page; fitted to as few pages
 * wide as keep the text at a readable scale, with the id column repeated at the left of every page
 * so no column is printed away from its row ids, and pages numbered across before down so a row's
 * continuation is the next page; the header rows repeated on every page, a header naming the sheet
 * and the article, page numbers in the footer, and long text wrapped.
 */
import type { SheetPlan } from './types.js';

/** Widest total of column widths (characters) from which a sheet prints landscape. */
const PORTRAIT_CHARACTERS = 95;
/**
 * Column-width characters an A4 page holds at 100%, as LibreOffice prints them (measured: the
 * 368-character Claims sheet fitted to one landscape page printed at 25%, the 254-character Figures
 * sheet at 40%; about 90 either way).
 */
const PAGE_CHARACTERS = { landscape: 90, portrait: 62 } as const;
/** The smallest scale a sheet is planned to print at: 11-point text stays at 6.6 points or more. */
export const READABLE_SCALE = 0.6;
/** A column this wide (characters) or wider holds running text and is wrapped rather than cut. */
export const WRAP_FROM_CHARACTERS = 35;
/** What the article is called in page headers (the seed's own title is Chinese; ids stay ASCII). */
const ARTICLE_HEADER = 'ClaimCell: figures and claims of the article';

export interface PrintSetup {
  readonly orientation: 'portrait' | 'landscape';
  /** Pages the columns are fitted across; 0 pages tall means "as many as the rows need". */
  readonly fitToPagesWide: number;
  readonly fitToPagesTall: 0;
  /** Rows repeated at the top of every page (1-based, inclusive), or null when the sheet has no header row. */
  readonly titleRows: readonly [number, number] | null;
  /** Columns repeated at the left of every page (1-based, inclusive): the ids, when the sheet spans pages. */
  readonly titleColumns: readonly [number, number] | null;
  /** Across, then down: the page after a row's first columns holds its next columns. */
  readonly pageOrder: 'overThenDown';
  /** Header and footer texts in Excel's codes: &A the sheet's name, &P the page, &N the page count. */
  readonly header: { readonly left: string; readonly right: string };
  readonly footer: { readonly center: string };
  /** 1-based columns whose cells wrap; the header rows (1 to `titleRows[1]`) wrap in every column. */
  readonly wrapColumns: readonly number[];
  /** Lines each row needs once wrapped (1-based row → lines, only rows over one line): LibreOffice keeps stored heights, so the writer sets them. */
  readonly rowLines: ReadonlyMap<number, number>;
}

/** Display width of text in characters of the default font: CJK counts double. */
const textWidth = (text: string): number => [...text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);

/**
 * Lines `text` takes wrapped at spaces in a column `width` characters wide (a word longer than a
 * line breaks anywhere), as Excel wraps. A width counts digits; running text fits about 12% more
 * characters (measured in LibreOffice's PDF: 55 in a 48-wide column), less 2 for the cell's margins.
 */
function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, Math.floor(width * 1.12) - 2);
  return text.split('\n').reduce((total, paragraph) => {
    let lines = 1;
    let used = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const w = textWidth(word);
      if (w > room) {
        lines += (used > 0 ? 1 : 0) + Math.ceil(w / room) - 1;
        used = w % room || room;
        continue;
      }
      const needed = used === 0 ? w : used + 1 + w;
      if (needed > room) {
        lines++;
        used = w;
      } else used = needed;
    }
    return total + lines;
  }, 0);
}

/** Lines of the tallest wrapped cell per row (header rows wrap in every column). */
function wrappedRowLines(plan: SheetPlan, wrapColumns: readonly number[], headerRows: number): Map<number, number> {
  const lines = new Map<number, number>();
  plan.cells.forEach((row, r) => {
    let most = 1;
    row.forEach((cell, c) => {
      if (typeof cell?.v !== 'string' || (r >= headerRows && !wrapColumns.includes(c + 1))) return;
      most = Math.max(most, wrappedLines(cell.v, plan.columnWidths[c] ?? 8));
    });
    if (most > 1) lines.set(r + 1, most);
  });
  return lines;
}

export function printSetupFor(plan: SheetPlan): PrintSetup {
  const wrapColumns = plan.columnWidths.flatMap((w, i) => (w >= WRAP_FROM_CHARACTERS ? [i + 1] : []));
  const width = plan.columnWidths.reduce((a, b) => a + b, 0);
  const titleRows: readonly [number, number] | null = plan.freezeRows > 0 ? [1, plan.freezeRows] : null;
  const orientation = width > PORTRAIT_CHARACTERS ? 'landscape' : 'portrait';
  const pageWidth = PAGE_CHARACTERS[orientation] / READABLE_SCALE;
  // The id column (A) is repeated on every page after the first, so each of those holds less.
  const idWidth = plan.columnWidths[0] ?? 0;
  let pagesWide = 1;
  while (pagesWide * pageWidth < width + (pagesWide - 1) * idWidth && pagesWide < plan.columnWidths.length) pagesWide++;
  return {
    orientation,
    fitToPagesWide: pagesWide,
    fitToPagesTall: 0,
    titleRows,
    titleColumns: pagesWide > 1 ? [1, 1] : null,
    pageOrder: 'overThenDown',
    header: { left: '&A', right: ARTICLE_HEADER },
    footer: { center: 'Page &P of &N' },
    wrapColumns,
    rowLines: wrappedRowLines(plan, wrapColumns, plan.freezeRows),
  };
}
