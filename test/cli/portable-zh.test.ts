/**
 * `portable` in Chinese (`--lang zh`): what it prints, the record sheet's header, kinds and notes,
 * and the notes on frozen cells carry no English; a record written in Chinese swaps back in (in
 * either language), and the English one still reads as before.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SWAP_RECORD_SHEET } from '../../src/model/swap/index.js';
import { englishIn } from '../text/latin.js';
import { cli } from './run.js';

const FORMULAS: Readonly<Record<string, [string, number]>> = {
  A1: ['CLAIM.RATIO(B1,B2)', 0.5],
  A2: ['CLAIM.CHECK("TARIFF_IMPLIED_BASE","value")', 1056],
  A3: ['CLAIM.RATIO(B1)', 7],
};

async function claimWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('我的表');
  ws.getCell('B1').value = 1;
  ws.getCell('B2').value = 2;
  for (const [address, [formula, result]] of Object.entries(FORMULAS)) ws.getCell(address).value = { formula, result };
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
}

async function open(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return wb;
}

const noteOf = (cell: ExcelJS.Cell): string => {
  const note = cell.note as string | { texts?: { text: string }[] } | undefined;
  return typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
};

/** Every line with English in it, with the words found. */
const english = (texts: readonly string[]): string[] => texts.flatMap((t) => t.split('\n')).flatMap((line) => (englishIn(line.trim()).length ? [`${englishIn(line.trim()).join(', ')} in “${line}”`] : []));

describe('portable --lang zh', () => {
  it('prints, records and notes in Chinese only, and swaps back in from a Chinese record', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-portable-zh-'));
    const [input, swapped, back] = ['in.xlsx', 'swapped.xlsx', 'back.xlsx'].map((f) => join(dir, f)) as [string, string, string];
    await claimWorkbook(input);

    const out = await cli('--lang', 'zh', 'portable', input, swapped);
    expect(out.code).toBe(0);
    expect(out.out).toContain('换成了 Excel 原生公式');
    // Paths are the test's, not the CLI's words.
    expect(english([out.out.replaceAll(swapped, ''), out.err])).toEqual([]);

    const wb = await open(swapped);
    const record = wb.getWorksheet(SWAP_RECORD_SHEET)!;
    const recordText: string[] = [];
    record.eachRow((row, r) => {
      // Columns 1–4 are the user's sheet, cell and formulas; 5 and 6 are ClaimCell's words.
      if (r === 1) recordText.push(...[1, 2, 3, 4, 5, 6].map((c) => String(row.getCell(c).value)));
      else recordText.push(String(row.getCell(5).value), String(row.getCell(6).value ?? ''));
    });
    expect(recordText.slice(0, 6)).toEqual(['工作表', '单元格', '原公式', '写入内容', '类型', '说明']);
    const notes = ['A2', 'A3'].map((a) => noteOf(wb.getWorksheet('我的表')!.getCell(a)).replace(/=CLAIM\.[A-Z_]+\([^)]*\)/g, ''));
    expect(notes.every((n) => n.startsWith('ClaimCell 换出：'))).toBe(true);
    expect(english([...recordText, ...notes])).toEqual([]);

    const again = await cli('--lang', 'zh', 'portable', swapped, join(dir, 'twice.xlsx'));
    expect(again.code).toBe(2);
    expect(english([again.err.replaceAll(swapped, '')])).toEqual([]);

    const restore = await cli('--lang', 'zh', 'portable', '--restore', swapped, back);
    expect(restore.code).toBe(0);
    expect(english([restore.out.replaceAll(back, '')])).toEqual([]);
    const restored = (await open(back)).getWorksheet('我的表')!;
    for (const [address, [formula]] of Object.entries(FORMULAS)) expect(restored.getCell(address).formula, address).toBe(formula);
    // The Chinese record reads back in an English run too.
    expect((await cli('portable', '--restore', swapped, join(dir, 'back-en.xlsx'))).code).toBe(0);

    // A record a colleague damaged: refused, naming the row and the value, in Chinese
    const damaged = await open(swapped);
    damaged.getWorksheet(SWAP_RECORD_SHEET)!.getCell('B2').value = 'C0';
    const damagedPath = join(dir, 'damaged.xlsx');
    writeFileSync(damagedPath, Buffer.from(await damaged.xlsx.writeBuffer()));
    const refused = await cli('--lang', 'zh', 'portable', '--restore', damagedPath, join(dir, 'never.xlsx'));
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('工作表 “ClaimCell swap record” 第 2 行：“C0”不是 A1 形式的单元格地址');
    expect(english([refused.err.replaceAll(damagedPath, '')])).toEqual([]);
    expect((await cli('portable', '--restore', damagedPath, join(dir, 'never.xlsx'))).err).toContain('"ClaimCell swap record" row 2: Cell "C0" is not an A1 address');
  });

  it('prints its help in Chinese', async () => {
    const help = await cli('--lang', 'zh', 'portable', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('换回');
    expect(english([help.out])).toEqual([]);
  });

  it('still writes the English record by default', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-portable-en-'));
    await claimWorkbook(join(dir, 'in.xlsx'));
    const out = await cli('portable', join(dir, 'in.xlsx'), join(dir, 'out.xlsx'));
    expect(out.out).toMatch(/1 formula\(s\) swapped to native Excel, 2 replaced by their value:/);
    const header = (await open(join(dir, 'out.xlsx'))).getWorksheet(SWAP_RECORD_SHEET)!.getRow(1).values;
    expect(header).toEqual([undefined, 'Sheet', 'Cell', 'Original formula', 'Written', 'Kind', 'Note']);
  });
});
