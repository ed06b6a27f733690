/**
 * `myclaims import` changes the two tables only: a workbook saved with a sheet of the user's own
 * and an edited cell keeps them, every other part of the file stays as stored, the changed parts
 * are well-formed XML, and LibreOffice recalculates the imported rows as the model does.
 */
import ExcelJS from 'exceljs';
import { XMLValidator } from 'fast-xml-parser';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readZipParts, rewriteZipParts } from '../../src/export/zip-parts.js';
import { auditUserTables, type UserTables } from '../../src/model/user/index.js';
import { MY_CLAIM_COLUMNS, myClaimReasonText, USER_SHEETS, userTableHeaders } from '../../src/plan/index.js';
import { TEXT } from '../../src/text/index.js';
import { convert, CSV_ALL_SHEETS, csvNumber, findSoffice, readCsv, recalcProfile } from '../export/soffice.js';
import { cli } from './run.js';

const mine: UserTables = {
  figures: [
    { id: 'MY_TAKE', label: '=1+1 is a label', value: 120, unit: 'usd_bn' },
    { id: 'MY_RATE', label: 'a rate', value: 0.05, unit: 'percent', note: 'mine' },
  ],
  claims: [
    { id: 'MY_COVER', statement: 'The tariff covers ten Novembers of sales', recompute: '=MY_TAKE', stated: '=CN_UST_SALE_NOV*10', compare: 'atLeast' },
    { id: 'MY_INCOME', statement: 'income', recompute: '=CN_UST_HOLDINGS*MY_RATE', stated: 30, compare: 'between', tolerance: 40 },
    { id: 'MY_SHARE', statement: 'share', recompute: '=CN_UST_HOLDINGS/WORLD_GDP', stated: 0.01, compare: 'approx', tolerance: 0.001 },
  ],
};

describe.each(['en', 'zh'] as const)('myclaims import writes the two tables only (a workbook in %s)', (lang) => {
  const dir = mkdtempSync(join(tmpdir(), `claimcell-myclaims-import-${lang}-`));
  const wb = join(dir, 'wb.xlsx');
  let before: Buffer;
  beforeAll(async () => {
    expect((await cli('workbook', '--out', wb, '--lang', lang)).code).toBe(0);
    // The user's own sheet and an edit of their own, saved by another writer (ExcelJS here).
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(wb);
    book.addWorksheet('Notes').getCell('A1').value = 'my notes';
    book.getWorksheet('About')!.getCell('B30').value = 'kept';
    await book.xlsx.writeFile(wb);
    before = readFileSync(wb);
    writeFileSync(join(dir, 'mine.json'), JSON.stringify(mine));
    const r = await cli('myclaims', 'import', join(dir, 'mine.json'), '--workbook', wb);
    expect(r.code, r.err).toBe(0);
  });

  it('keeps every other part as stored, and the user\'s sheet and edit', async () => {
    const old = readZipParts(before);
    const now = readZipParts(readFileSync(wb));
    const changed = [...old.keys()].filter((name) => now.get(name)?.() !== old.get(name)!());
    // the two sheets, their tables, the names (workbook.xml) and the styles the new rows need
    expect(changed.sort()).toEqual(expect.arrayContaining(['xl/workbook.xml']));
    expect(changed.every((n) => /^xl\/(workbook|styles)\.xml$|^xl\/worksheets\/sheet\d+\.xml$|^xl\/tables\/table\d+\.xml$/.test(n)), changed.join(', ')).toBe(true);
    expect(changed.filter((n) => n.startsWith('xl/worksheets/'))).toHaveLength(2);
    for (const name of changed) expect(XMLValidator.validate(now.get(name)!()), name).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(wb);
    expect(book.getWorksheet('Notes')!.getCell('A1').value).toBe('my notes');
    expect(book.getWorksheet('About')!.getCell('B30').value).toBe('kept');
    expect(book.getWorksheet(USER_SHEETS.figures)!.getCell('B2').value).toBe('=1+1 is a label');
    // the old names of the user's figures are gone, the new ones there
    const names = (book.definedNames.model as { name: string }[]).map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(['MY_TAKE', 'MY_RATE']));
    expect(names).not.toContain('MY_UST_YIELD');
  });

  it('writes ClaimCell\'s words in the workbook\'s language: headers, table columns, the verdict colours with their styles', () => {
    const parts = readZipParts(readFileSync(wb));
    const tablePart = [...parts.keys()].find((n) => /^xl\/tables\/table\d+\.xml$/.test(n) && /\sname="MyClaims"/.test(parts.get(n)!()))!;
    const columns = [...parts.get(tablePart)!().matchAll(/<tableColumn\s[^>]*\sname="([^"]*)"/g)].map((m) => m[1]);
    expect(columns).toEqual(userTableHeaders(lang).claims);
    const sheetXml = [...parts.keys()].filter((n) => n.startsWith('xl/worksheets/sheet')).map((n) => parts.get(n)!()).find((x) => x.includes('>MY_COVER<'))!; // the imported MyClaims sheet (the summary is not rewritten)
    const dxfIds = [...sheetXml.matchAll(/<cfRule\s[^>]*\sdxfId="(\d+)"/g)].map((m) => Number(m[1]));
    expect(dxfIds).toHaveLength(8);
    const dxfs = /<dxfs count="(\d+)">/.exec(parts.get('xl/styles.xml')!())!;
    expect(Math.max(...dxfIds)).toBeLessThan(Number(dxfs[1]));
  });

  it('reads back the same rows and verdicts', async () => {
    expect((await cli('myclaims', 'export', join(dir, 'back.json'), '--workbook', wb)).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'back.json'), 'utf8'))).toEqual(mine);
    const json = JSON.parse((await cli('claims', '--workbook', wb, '--json')).out) as { id: string; owner?: string; verdict: string }[];
    const expected = auditUserTables(mine).results.map((r) => [r.id, r.audit!.verdict]);
    expect(json.filter((c) => c.owner === 'user').map((c) => [c.id, c.verdict])).toEqual(expected);
  });

  it('LibreOffice recalculates every imported row as the model does', () => {
    const soffice = findSoffice();
    if (!soffice) return; // the LibreOffice suite says how to install it
    const out = join(dir, 'csv');
    mkdirSync(out, { recursive: true });
    const profile = recalcProfile();
    convert(soffice, profile.url, [wb], CSV_ALL_SHEETS, out);
    const rows = readCsv(join(out, `wb-${USER_SHEETS.claims}.csv`));
    const results = auditUserTables(mine).results;
    results.forEach((r, i) => {
      const row = rows[i + 1]!;
      expect(row[MY_CLAIM_COLUMNS.id - 1]).toBe(r.id);
      expect(csvNumber(row[MY_CLAIM_COLUMNS.recomputed - 1]!)).toBeCloseTo(r.audit!.recomputed!, 6);
      expect(row[MY_CLAIM_COLUMNS.verdictCode - 1], r.id).toBe(r.audit!.verdict);
      expect(row[MY_CLAIM_COLUMNS.verdict - 1], r.id).toBe(TEXT[lang].verdicts[r.audit!.verdict]);
      expect(row[MY_CLAIM_COLUMNS.reason - 1], r.id).toBe(myClaimReasonText(mine.claims[i]!, r.audit!.recomputed, r.audit!.checks[0]!.stated, lang));
    });
    expect(rows[0]).toEqual(userTableHeaders(lang).claims);
  });
});

describe('myclaims import into a workbook whose MyClaims table is narrower (written before the verdict code column)', () => {
  it('gives the table the generated range and columns, one per header', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimcell-myclaims-narrow-'));
    const wb = join(dir, 'wb.xlsx');
    expect((await cli('workbook', '--out', wb, '--lang', 'zh')).code).toBe(0);
    const parts = readZipParts(readFileSync(wb));
    const tablePart = [...parts.keys()].find((n) => /^xl\/tables\/table\d+\.xml$/.test(n) && /\sname="MyClaims"/.test(parts.get(n)!()))!;
    const narrow = parts
      .get(tablePart)!()
      .replace(/ref="A1:J2"/g, 'ref="A1:I2"')
      .replace(/<filterColumn colId="9"[^>]*\/>/, '')
      .replace(/<tableColumns count="10">/, '<tableColumns count="9">')
      .replace(/<tableColumn id="10"[^>]*\/>/, '');
    expect(narrow).not.toBe(parts.get(tablePart)!());
    writeFileSync(wb, rewriteZipParts(readFileSync(wb), new Map([[tablePart, narrow]])));
    writeFileSync(join(dir, 'mine.json'), JSON.stringify(mine));
    const r = await cli('myclaims', 'import', join(dir, 'mine.json'), '--workbook', wb);
    expect(r.code, r.err).toBe(0);
    const table = readZipParts(readFileSync(wb)).get(tablePart)!();
    expect([...table.matchAll(/<tableColumn\s[^>]*\sname="([^"]*)"/g)].map((m) => m[1])).toEqual(userTableHeaders('zh').claims);
    expect(/<table\s[^>]*\sref="([^"]*)"/.exec(table)![1]).toBe(`A1:J${mine.claims.length + 1}`);
    expect(XMLValidator.validate(table)).toBe(true);
  });
});
