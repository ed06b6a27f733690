/**
 * The plan's print set-up (src/plan/print.ts) through Office.js, as the .xlsx export applies it.
 * Wrapping, top alignment and row heights need only ExcelApi 1.1; the page layout (orientation,
 * fit to pages, print titles, page order, header and footer) needs ExcelApi 1.9, so it is applied
 * only where `isSetSupported('ExcelApi', '1.9')` says the host has it: the add-in still loads and
 * fills on an ExcelApi 1.8 host (the manifest asks for 1.8), without the page layout.
 * `scripts/api-sets.ts` counts the uses inside that guard as optional, not as required sets.
 */
import { cellAddress, columnLetter } from '../plan/a1.js';
import { printSetupFor } from '../plan/print.js';
import type { SheetPlan } from '../plan/types.js';

/** A host's requirement-set check: `Office.context.requirements` in Office, the simulated host's own in tests. */
export interface Requirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** Office's requirement check; outside Office none is supported (the page layout is then left out). */
export function officeRequirements(): Requirements {
  const office = (globalThis as { Office?: { context?: { requirements?: Requirements } } }).Office;
  return office?.context?.requirements ?? { isSetSupported: () => false };
}

/** One line of the default 11-point font, in points, as the .xlsx writer sets row heights. */
const LINE_POINTS = 15;

/**
 * Queues the print set-up of one sheet already queued by `queueSheet`. Returns true when the page
 * layout was applied, false when the host lacks ExcelApi 1.9 (wrapping and row heights still are).
 */
export function queuePrintSetup(sheet: Excel.Worksheet, plan: SheetPlan, requirements: Requirements): boolean {
  const print = printSetupFor(plan);
  const width = Math.max(1, ...plan.cells.map((row) => row.length));
  const height = plan.cells.length;
  if (height > 0) {
    // Top-aligned, so a row's id and numbers stand level with the first line of its wrapped text.
    sheet.getRange(`A1:${cellAddress(height, width)}`).format.verticalAlignment = 'Top';
    for (const column of print.wrapColumns) sheet.getRange(`${columnLetter(column)}1:${columnLetter(column)}${height}`).format.wrapText = true;
    if (print.titleRows) sheet.getRange(`A1:${cellAddress(print.titleRows[1], width)}`).format.wrapText = true;
    for (const [row, lines] of print.rowLines) sheet.getRange(`A${row}`).format.rowHeight = LINE_POINTS * lines;
  }
  if (requirements.isSetSupported('ExcelApi', '1.9')) {
    const layout = sheet.pageLayout;
    layout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    layout.paperSize = 'A4';
    layout.printOrder = 'OverThenDown';
    // A whole object, as Excel requires (x.zoom = {...}, never x.zoom.scale = ...).
    layout.zoom = { horizontalFitToPages: print.fitToPagesWide };
    if (print.titleRows) layout.setPrintTitleRows(`$${print.titleRows[0]}:$${print.titleRows[1]}`);
    if (print.titleColumns) layout.setPrintTitleColumns(`$${columnLetter(print.titleColumns[0])}:$${columnLetter(print.titleColumns[1])}`);
    const pages = layout.headersFooters.defaultForAllPages;
    pages.leftHeader = print.header.left;
    pages.rightHeader = print.header.right;
    pages.centerFooter = print.footer.center;
    return true;
  }
  return false;
}
