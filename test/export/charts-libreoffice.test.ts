/**
 * The Stress sheet's tornado and histogram as native charts in the .xlsx: LibreOffice opens the file
 * and writes both charts back (converted .xlsx → .xlsx), with their type, title and data ranges, and
 * draws them when it prints the sheet (the PDF, rendered by pdftoppm, has coloured bars where the same
 * sheet printed without charts has none: its text is black); ExcelJS still reads every cell.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planToXlsxBuffer } from '../../src/export/xlsx.js';
import type { WorkbookPlan } from '../../src/plan/index.js';
import { stressRunForClaim, stressSheet } from '../../src/plan/stress-sheet.js';
import { colouredPixels, convert, findSoffice, INSTALL_HINT, recalcProfile } from './soffice.js';

const { sheet } = stressSheet(stressRunForClaim('TARIFF_IMPLIED_BASE', { samples: 2000, seed: 3 }));
const plan: WorkbookPlan = { planVersion: 1, hash: 'charts', sheets: [sheet], names: [] };

describe('native charts in the .xlsx (LibreOffice)', () => {
  const soffice = findSoffice();
  let dir = '';
  let profileDir = '';
  let written: Buffer;
  let charts: string[] = [];

  beforeAll(async () => {
    if (!soffice) throw new Error(INSTALL_HINT);
    dir = mkdtempSync(join(tmpdir(), 'claimcell-charts-'));
    written = await planToXlsxBuffer(plan);
    writeFileSync(join(dir, 'stress.xlsx'), written);
    writeFileSync(join(dir, 'plain.xlsx'), await planToXlsxBuffer({ ...plan, sheets: [{ ...sheet, charts: [] }] }));
    const profile = recalcProfile();
    profileDir = profile.dir;
    mkdirSync(join(dir, 'lo'));
    convert(soffice, profile.url, [join(dir, 'stress.xlsx')], 'xlsx:Calc MS Excel 2007 XML', join(dir, 'lo'));
    convert(soffice, profile.url, [join(dir, 'stress.xlsx'), join(dir, 'plain.xlsx')], 'pdf', join(dir, 'lo'));
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'lo', 'stress.xlsx')));
    charts = await Promise.all(Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).sort().map((f) => zip.file(f)!.async('string')));
  }, 180_000);

  afterAll(() => {
    for (const d of [dir, profileDir]) if (d) rmSync(d, { recursive: true, force: true });
  });

  it('plans two charts: the tornado (bars) and the histogram (columns)', () => {
    expect(sheet.charts.map((c) => c.type)).toEqual(['BarClustered', 'ColumnClustered']);
  });

  it('LibreOffice reads both charts and writes them back with their type, title and data', () => {
    expect(charts).toHaveLength(2);
    const [tornado, histogram] = sheet.charts;
    const byTitle = (title: string) => charts.find((xml) => xml.includes(title.split(':')[0]!) && xml.includes(title.split(': ')[1]!.slice(0, 20)));
    const bar = byTitle(tornado!.title)!;
    const col = byTitle(histogram!.title)!;
    expect(bar).toMatch(/<c:barDir val="bar"\/>/);
    expect(col).toMatch(/<c:barDir val="col"\/>/);
    expect(bar).toContain(`$H$`);
    expect(col).toContain(`$D$`);
    expect((bar.match(/<c:ser>/g) ?? []).length).toBe(2);
  });

  it('LibreOffice draws the charts when it prints the sheet, and ExcelJS reads every cell', async () => {
    expect(colouredPixels(join(dir, 'lo', 'plain.pdf'))).toBeLessThan(20);
    expect(colouredPixels(join(dir, 'lo', 'stress.pdf'))).toBeGreaterThan(500);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(written as unknown as ArrayBuffer);
    expect(wb.getWorksheet(sheet.name)!.getCell('A1').value).toBe(sheet.cells[0]![0]!.v);
  });
});
