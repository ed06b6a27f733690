/**
 * The portable workbook printed by LibreOffice (headless, PDF), read back with poppler's
 * `pdftotext -bbox`: every sheet in the orientation its print set-up chose, at a readable scale
 * (the text's height against a reference printed at 100%), with its row ids on every page (the id
 * column repeats on each page of a sheet that spans pages, so no column prints away from its ids),
 * and on a number of pages bounded by the lines it holds. Each sheet is printed from a copy holding
 * only that sheet, so pages are counted per sheet.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { planToXlsxBuffer } from '../../src/export/xlsx.js';
import { articlePlan, type SheetPlan, type WorkbookPlan } from '../../src/plan/index.js';
import { printSetupFor } from '../../src/plan/print.js';
import { convert, findSoffice, INSTALL_HINT } from './soffice.js';

/** The smallest print scale accepted as readable: 11-point text at 6.6 points. */
const MIN_SCALE = 0.6;
/** Fewest planned lines (15-point rows) a printed A4 page holds at any scale down to 100% (measured: 33). */
const MIN_LINES_PER_PAGE = 28;

interface PrintedPage {
  readonly words: readonly { readonly text: string; readonly height: number }[];
  readonly landscape: boolean;
}

/** The pages of a PDF with their words and word heights (poppler's pdftotext -bbox). */
function readPdf(path: string): PrintedPage[] {
  const html = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8' });
  return html
    .split('<page ')
    .slice(1)
    .map((page) => {
      const size = /width="([\d.]+)" height="([\d.]+)"/.exec(page)!;
      const words = [...page.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        text: m[3]!.replace(/&amp;/g, '&'),
        height: Number(m[2]) - Number(m[1]),
      }));
      return { words, landscape: Number(size[1]) > Number(size[2]) };
    });
}

/** The most common word height of some pages (the body text; headers and footers are few). */
function bodyHeight(pages: readonly PrintedPage[]): number {
  const counts = new Map<string, number>();
  for (const p of pages) for (const w of p.words) counts.set(w.height.toFixed(1), (counts.get(w.height.toFixed(1)) ?? 0) + 1);
  return Number([...counts].sort((a, b) => b[1] - a[1])[0]![0]);
}

/** The lines a sheet's rows take as planned (a wrapped row counts its lines). */
function plannedLines(sheet: SheetPlan): number {
  const lines = printSetupFor(sheet).rowLines;
  return sheet.cells.reduce((n, _, r) => n + (lines.get(r + 1) ?? 1), 0);
}

/** Words of column A (ids, or labels where a sheet has no ids): one of them must be on every page. */
function idWords(sheet: SheetPlan): Set<string> {
  return new Set(sheet.cells.flatMap((row) => (typeof row[0]?.v === 'string' && row[0].v.trim() ? [row[0].v.trim().split(/\s+/)[0]!] : [])));
}

describe('the portable workbook printed (LibreOffice PDF)', () => {
  const soffice = findSoffice();
  const plan: WorkbookPlan = articlePlan({ edits: new Map(), activeScenario: 'Article' }, { includeCustomFunctions: false, lang: 'en' });
  const printed = new Map<string, PrintedPage[]>();
  let fullSize = 0;

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
    // The reference: default text printed at 100%.
    const reference = new ExcelJS.Workbook();
    const ws = reference.addWorksheet('Reference');
    for (let r = 1; r <= 20; r++) ws.getCell(r, 1).value = `Reference text line ${r}`;
    ws.pageSetup = { ...ws.pageSetup, scale: 100, paperSize: 9 };
    writeFileSync(join(dir, 'reference.xlsx'), Buffer.from(await reference.xlsx.writeBuffer()));
    files.push(join(dir, 'reference.xlsx'));
    const profile = mkdtempSync(join(tmpdir(), 'claimcell-print-profile-'));
    mkdirSync(join(dir, 'pdf'));
    convert(soffice, pathToFileURL(profile).href, files, 'pdf', join(dir, 'pdf'));
    plan.sheets.forEach((sheet, i) => printed.set(sheet.name, readPdf(join(dir, 'pdf', `sheet-${i}.pdf`))));
    fullSize = bodyHeight(readPdf(join(dir, 'pdf', 'reference.pdf')));
  }, 240_000);

  it('prints every sheet in the planned orientation, at a readable scale, on pages bounded by its lines', () => {
    const report = plan.sheets.map((s) => `${s.name}: ${printed.get(s.name)?.length} page(s) at ${Math.round((bodyHeight(printed.get(s.name)!) / fullSize) * 100)}%`).join(', ');
    expect(fullSize).toBeGreaterThan(8);
    for (const sheet of plan.sheets) {
      const pages = printed.get(sheet.name)!;
      const setup = printSetupFor(sheet);
      expect(pages.length, `${sheet.name} (${report})`).toBeGreaterThan(0);
      expect(pages.length, `${sheet.name} (${report})`).toBeLessThanOrEqual(setup.fitToPagesWide * Math.ceil(plannedLines(sheet) / MIN_LINES_PER_PAGE));
      expect(bodyHeight(pages) / fullSize, `${sheet.name} (${report})`).toBeGreaterThanOrEqual(MIN_SCALE);
      expect(pages.every((p) => p.landscape === (setup.orientation === 'landscape')), sheet.name).toBe(true);
    }
  });

  it('keeps every column with its row ids: each page of a sheet shows ids of its rows', () => {
    const missing: string[] = [];
    for (const sheet of plan.sheets) {
      const ids = idWords(sheet);
      printed.get(sheet.name)!.forEach((page, i) => {
        if (ids.size && !page.words.some((w) => ids.has(w.text))) missing.push(`${sheet.name} page ${i + 1}`);
      });
    }
    expect(missing).toEqual([]);
    // The Claims sheet spans two pages across: the first claim's id is on both, its verdict's reason on the second.
    const claims = printed.get('Claims')!;
    expect(printSetupFor(plan.sheets.find((s) => s.name === 'Claims')!).fitToPagesWide).toBe(2);
    expect(claims[0]!.words.some((w) => w.text === 'BRICS_OCT_PARTS')).toBe(true);
    expect(claims[1]!.words.some((w) => w.text === 'BRICS_OCT_PARTS')).toBe(true);
    expect(claims[1]!.words.some((w) => w.text === 'Reason')).toBe(true);
  });

  it('the set-up is in the file: fit to pages wide, print titles, page order, header and footer, wrapped long text', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await planToXlsxBuffer(plan)) as unknown as ArrayBuffer);
    const claims = wb.getWorksheet('Claims')!;
    expect(claims.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 2, fitToHeight: 0, printTitlesRow: '1:1', printTitlesColumn: 'A:A', pageOrder: 'overThenDown' });
    expect(claims.headerFooter.oddHeader).toContain('&A');
    expect(claims.headerFooter.oddFooter).toContain('&P');
    const wrapped = printSetupFor(plan.sheets.find((s) => s.name === 'Claims')!).wrapColumns;
    expect(wrapped.length).toBeGreaterThan(0);
    expect(claims.getCell(2, wrapped[0]!).alignment?.wrapText).toBe(true);
    expect(claims.getCell(1, 5).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
  });
});
