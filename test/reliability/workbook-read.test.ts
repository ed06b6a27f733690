/**
 * Issue 20 applied to `--workbook FILE.xlsx` (claims, stress, exercise): a saved ClaimCell
 * workbook is user input too. The zip is checked before ExcelJS sees it, and a stray far-off
 * cell costs nothing.
 */
import { describe, expect, it } from 'vitest';
import { readClaimCellWorkbook, WorkbookReadError } from '../../src/export/read-workbook.js';
import { planToXlsxBytes } from '../../src/export/xlsx.js';
import { articlePlan, SHEETS } from '../../src/plan/index.js';
import { readZip, writeZip } from './zip.js';

async function claimCellWorkbook(): Promise<Buffer> {
  return Buffer.from(await planToXlsxBytes(articlePlan({ edits: new Map() }, { includeCustomFunctions: false })));
}

/** The zip part of a sheet, found through the workbook's relationships. */
async function withSheetChange(bytes: Buffer, sheet: string, change: (xml: string) => string): Promise<Buffer> {
  const entries = await readZip(bytes);
  const workbook = entries.find((e) => e.name === 'xl/workbook.xml')!.data.toString('utf8');
  const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="(rId\\d+)"`).exec(workbook)![1]!;
  const rels = entries.find((e) => e.name === 'xl/_rels/workbook.xml.rels')!.data.toString('utf8');
  const target = new RegExp(`Id="${rid}"[^>]*Target="/?(?:xl/)?([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="/?(?:xl/)?([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1]!;
  return writeZip(entries.map((e) => (e.name === `xl/${target}` ? { name: e.name, data: Buffer.from(change(e.data.toString('utf8'))) } : e)));
}

const farOffCell = (xml: string) => xml.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>');

describe('readClaimCellWorkbook under hostile files', () => {
  it('reads a workbook with a value at XFD1048576 on the Figures and Scenarios sheets', async () => {
    let bytes = await claimCellWorkbook();
    const clean = await readClaimCellWorkbook(bytes);
    bytes = await withSheetChange(bytes, SHEETS.figures, farOffCell);
    bytes = await withSheetChange(bytes, SHEETS.scenarios, farOffCell);
    const reading = await readClaimCellWorkbook(bytes);
    expect(reading.inUse).toEqual(clean.inUse);
    expect(reading.scenarios.map((s) => s.name)).toEqual(clean.scenarios.map((s) => s.name));
  }, 30_000);

  it('refuses a zip bomb and a path-traversal entry before ExcelJS sees them', async () => {
    const bytes = await claimCellWorkbook();
    const bomb = await withSheetChange(bytes, SHEETS.about, (xml) => `${xml}<!--${'0'.repeat(40 * 1024 * 1024)}-->`);
    await expect(readClaimCellWorkbook(bomb, 'bomb.xlsx')).rejects.toThrow(new WorkbookReadError('bomb.xlsx is not an .xlsx workbook ClaimCell can open: the workbook inflates to more than 32 MB (a zip bomb?)'));
    const traversal = writeZip([...(await readZip(bytes)), { name: '../evil.txt', data: Buffer.from('x') }]);
    await expect(readClaimCellWorkbook(traversal, 't.xlsx')).rejects.toThrow(/t\.xlsx is not an \.xlsx workbook ClaimCell can open: the zip holds an entry named "\.\.\/evil\.txt"/);
  }, 30_000);
});
