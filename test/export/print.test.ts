/**
 * The portable workbook printed by LibreOffice (headless, PDF): every sheet one page wide, in the
 * orientation the plan's print set-up chose, on few pages. Each sheet is printed from a copy holding
 * only that sheet, so pages are counted per sheet. A sheet whose columns were split across pages
 * would need at least twice the pages its rows need; the bound below allows at most one band.
 */
import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { planToXlsxBuffer } from '../../src/export/xlsx.js';
import { articlePlan, type WorkbookPlan } from '../../src/plan/index.js';
import { printSetupFor } from '../../src/plan/print.js';
import { convert, findSoffice, INSTALL_HINT } from './soffice.js';

/** Fewest plan rows a printed A4 page holds here, wrapped text included (measured: 12 or more). */
const MIN_ROWS_PER_PAGE = 8;

interface PrintedSheet {
  readonly pages: number;
  readonly landscape: boolean;
}

/** Pages of a PDF and whether its first page is landscape (LibreOffice writes one /Type/Page object per page). */
function readPdf(path: string): PrintedSheet {
  const text = readFileSync(path, 'latin1');
  const pages = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
  return { pages, landscape: box ? Number(box[1]) > Number(box[2]) : false };
}

describe('the portable workbook printed (LibreOffice PDF)', () => {
  const soffice = findSoffice();
  const plan: WorkbookPlan = articlePlan({ edits: new Map(), activeScenario: 'Article' }, { includeCustomFunctions: false, lang: 'en' });
  const printed = new Map<string, PrintedSheet>();

  beforeAll(async () => {
    if (!soffice) throw new Error(INSTALL_HINT);
    const dir = mkdtempSync(join(tmpdir(), 'claimcell-print-'));
    const buffer = await planToXlsxBuffer(plan);
    const files: string[] = [];
    for (const [i, sheet] of plan.sheets.entries()) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(buffer as unknown as ArrayBuffer);
      for (const other of [...wb.worksheets]) if (other.name !== sheet.name) wb.removeWorksheet(other.id);
      const file = join(dir, `sheet-${i}.xlsx`);
      writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
      files.push(file);
    }
    const profile = mkdtempSync(join(tmpdir(), 'claimcell-print-profile-'));
    mkdirSync(join(dir, 'pdf'));
    convert(soffice, pathToFileURL(profile).href, files, 'pdf', join(dir, 'pdf'));
    plan.sheets.forEach((sheet, i) => printed.set(sheet.name, readPdf(join(dir, 'pdf', `sheet-${i}.pdf`))));
  }, 240_000);

  it('prints every sheet one page wide, in the planned orientation, on few pages', () => {
    const report = plan.sheets.map((s) => `${s.name}: ${printed.get(s.name)?.pages} page(s)`).join(', ');
    for (const sheet of plan.sheets) {
      const result = printed.get(sheet.name)!;
      const setup = printSetupFor(sheet);
      expect(result.pages, `${sheet.name} (${report})`).toBeGreaterThan(0);
      expect(result.pages, `${sheet.name} (${report})`).toBeLessThanOrEqual(Math.ceil(Math.max(1, sheet.cells.length) / MIN_ROWS_PER_PAGE));
      expect(result.landscape, sheet.name).toBe(setup.orientation === 'landscape');
    }
    expect(printed.get('Claims')!.landscape).toBe(true);
  });

  it('the set-up is in the file: fit to one page wide, print titles, header and footer, wrapped long text', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await planToXlsxBuffer(plan)) as unknown as ArrayBuffer);
    const claims = wb.getWorksheet('Claims')!;
    expect(claims.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
    expect(claims.headerFooter.oddHeader).toContain('&A');
    expect(claims.headerFooter.oddFooter).toContain('&P');
    const wrapped = printSetupFor(plan.sheets.find((s) => s.name === 'Claims')!).wrapColumns;
    expect(wrapped.length).toBeGreaterThan(0);
    expect(claims.getCell(2, wrapped[0]!).alignment?.wrapText).toBe(true);
  });
});
