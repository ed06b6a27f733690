/**
 * Swap-out round trip: a workbook full of CLAIM.* formulas (nested, in three sheets, absolute and
 * relative references, defined names, a quoted sheet name, shared formulas) is swapped out, the
 * swapped file is recalculated by LibreOffice (which has no CLAIM.* functions) and read back: no
 * #NAME?, the same values. Swap-in then gives every original formula back exactly.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { swapInXlsx, swapOutXlsx } from '../../src/export/swap-xlsx.js';
import { getArithmeticFunction } from '../../src/model/functions/index.js';
import { SWAP_RECORD_SHEET } from '../../src/model/swap/index.js';
import { cli } from '../cli/run.js';
import { convert, findSoffice, INSTALL_HINT, recalcProfile } from './soffice.js';

const fn = (name: string, ...args: number[]): number => (getArithmeticFunction(name)!.implementation as (...a: number[]) => number)(...args);
const serial = (y: number, m: number, d: number): number => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

const revenue = fn('TARIFF_REVENUE', 1056, 0.25);
const ratio = fn('RATIO', 12, 28.8);
/** Every formula of the original workbook with the value the add-in computed (the cached result). */
const FORMULAS: Record<string, Record<string, [string, number | string]>> = {
  Model: {
    A1: ['CLAIM.TARIFF_REVENUE(VOLUME,RATE)', revenue],
    A2: ['CLAIM.RATIO(Inputs!$B$1,Inputs!B2)', ratio],
    A3: ['ROUND(CLAIM.PCT_CHANGE(A1,CLAIM.TARIFF_REVENUE(VOLUME,RATE)*2),4)', Math.round(fn('PCT_CHANGE', revenue, revenue * 2) * 1e4) / 1e4],
    A4: ['IF(CLAIM.RATIO(A1,A2)>1,"big, (really)","small")', 'big, (really)'],
    A5: ['CLAIM.TROY_OZ_TO_TONNES(74.15*1000000)', fn('TROY_OZ_TO_TONNES', 74.15e6)],
    A6: ['CLAIM.CHECK("TARIFF_IMPLIED_BASE","value")', 1056],
    A7: ['claim.days_between(DATE(2025,1,14),DATE(2026,1,14))', 365],
    A8: ['SUM(A1:A2)', revenue + ratio],
    A9: ['CLAIM.PRIOR_FROM_GROWTH(-CLAIM.CHANGE(Inputs!B1,Inputs!B2)+100,50%)', fn('PRIOR_FROM_GROWTH', -fn('CHANGE', 12, 28.8) + 100, 0.5)],
  },
  'Second sheet': {
    A1: ["CLAIM.CHANGE('Second sheet'!B1,Model!$A$1)", fn('CHANGE', 100, revenue)],
    A2: ['CLAIM.MONTHS_IN_STREAK(Inputs!C1,Inputs!C2)*1', fn('MONTHS_IN_STREAK', serial(2024, 11, 1), serial(2025, 12, 31))],
  },
};
/** Shared formulas (Model!B1:B3), as Excel saves a filled-down column. */
const SHARED = [1, 2, 3].map((r) => ({ address: `B${r}`, formula: `CLAIM.RATIO(A${r},$A$2)`, value: fn('RATIO', Number(FORMULAS.Model![`A${r}`]![1]), ratio) }));

async function originalWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const inputs = wb.addWorksheet('Inputs');
  inputs.getCell('A1').value = 1056;
  inputs.getCell('A2').value = 0.25;
  inputs.getCell('B1').value = 12;
  inputs.getCell('B2').value = 28.8;
  inputs.getCell('C1').value = serial(2024, 11, 1);
  inputs.getCell('C2').value = serial(2025, 12, 31);
  wb.definedNames.add('Inputs!$A$1', 'VOLUME');
  wb.definedNames.add('Inputs!$A$2', 'RATE');
  for (const [sheet, cells] of Object.entries(FORMULAS)) {
    const ws = wb.getWorksheet(sheet) ?? wb.addWorksheet(sheet);
    for (const [address, [formula, result]] of Object.entries(cells)) ws.getCell(address).value = { formula, result } as ExcelJS.CellFormulaValue;
  }
  wb.getWorksheet('Second sheet')!.getCell('B1').value = 100;
  const model = wb.getWorksheet('Model')!;
  model.getCell('B1').value = { formula: SHARED[0]!.formula, result: SHARED[0]!.value, shareType: 'shared', ref: 'B1:B3' } as ExcelJS.CellFormulaValue;
  for (const s of SHARED.slice(1)) model.getCell(s.address).value = { sharedFormula: 'B1', result: s.value } as ExcelJS.CellSharedFormulaValue;
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Every formula cell as `Sheet!A1` → `=formula`. */
function formulasOf(wb: ExcelJS.Workbook): Map<string, string> {
  const out = new Map<string, string>();
  for (const ws of wb.worksheets)
    ws.eachRow((row) => row.eachCell((cell) => void (cell.type === ExcelJS.ValueType.Formula && out.set(`${ws.name}!${cell.address}`, `=${cell.formula}`))));
  return out;
}

const expectedValues = (): Map<string, number | string> =>
  new Map([
    ...Object.entries(FORMULAS).flatMap(([sheet, cells]) => Object.entries(cells).map(([a, [, v]]) => [`${sheet}!${a}`, v] as [string, number | string])),
    ...SHARED.map((s) => [`Model!${s.address}`, s.value] as [string, number]),
  ]);

const soffice = findSoffice();

describe('swap-out and swap-in of a workbook full of CLAIM.* formulas', () => {
  let dir = '';
  let profileDir = '';
  let original: Uint8Array;
  let swapped: Awaited<ReturnType<typeof swapOutXlsx>>;
  let recalculated: ExcelJS.Workbook;

  beforeAll(async () => {
    if (!soffice) throw new Error(INSTALL_HINT);
    dir = mkdtempSync(join(tmpdir(), 'claimcell-swap-'));
    original = await originalWorkbook();
    swapped = await swapOutXlsx(original);
    writeFileSync(join(dir, 'swapped.xlsx'), swapped.bytes);
    const profile = recalcProfile();
    profileDir = profile.dir;
    convert(soffice, profile.url, [join(dir, 'swapped.xlsx')], 'xlsx:Calc MS Excel 2007 XML', join(dir, 'lo'));
    recalculated = await load(readFileSync(join(dir, 'lo', 'swapped.xlsx')));
  }, 180_000);

  afterAll(() => {
    for (const d of [dir, profileDir]) if (d) rmSync(d, { recursive: true, force: true });
  });

  it('leaves no CLAIM.* call in the swapped file, and keeps every cached value', async () => {
    const wb = await load(swapped.bytes);
    const formulas = formulasOf(wb);
    expect([...formulas.values()].filter((f) => /CLAIM/i.test(f))).toEqual([]);
    for (const [where, value] of expectedValues()) {
      const [sheet, address] = where.split('!') as [string, string];
      const cell = wb.getWorksheet(sheet)!.getCell(address);
      const kept = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
      expect(kept, where).toEqual(value);
    }
    expect(wb.getWorksheet(SWAP_RECORD_SHEET)!.state).toBe('hidden');
    expect(String(wb.getWorksheet('Model')!.getCell('A6').note)).toMatch(/CLAIM.CHECK has no native Excel form/);
    expect(swapped.plan.record.map((r) => `${r.sheet}!${r.address} ${r.kind}`).sort()).toEqual(
      [...expectedValues().keys()].filter((k) => k !== 'Model!A8').map((k) => `${k} ${k === 'Model!A6' ? 'value' : 'native'}`).sort(),
    );
  });

  it('recalculates in LibreOffice with no #NAME? and the same values', () => {
    const errors: string[] = [];
    recalculated.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
          if (v && typeof v === 'object' && 'error' in v) errors.push(`${ws.name}!${cell.address} ${String(v.error)}`);
        }),
      ),
    );
    expect(errors).toEqual([]);
    const mismatches: string[] = [];
    for (const [where, value] of expectedValues()) {
      const [sheet, address] = where.split('!') as [string, string];
      const cell = recalculated.getWorksheet(sheet)!.getCell(address);
      const got = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
      const same = typeof value === 'number' ? typeof got === 'number' && Math.abs(got - value) <= 1e-9 * Math.max(1, Math.abs(value)) : got === value;
      if (!same) mismatches.push(`${where}: ${JSON.stringify(got)} (expected ${value}; ${cell.type === ExcelJS.ValueType.Formula ? `=${cell.formula}` : 'a value'})`);
    }
    expect(mismatches).toEqual([]);
  });

  it('swaps in to exactly the original formulas, and drops the record sheet', async () => {
    const back = await swapInXlsx(swapped.bytes);
    expect(back.plan.kept).toEqual([]);
    const restored = await load(back.bytes);
    expect(restored.getWorksheet(SWAP_RECORD_SHEET)).toBeUndefined();
    expect(Object.fromEntries(formulasOf(restored))).toEqual(Object.fromEntries(formulasOf(await load(original))));
    expect(restored.getWorksheet('Model')!.getCell('A6').note).toBeUndefined();
  });

  it('portable writes the swapped file and --restore the original formulas; bad input exits 2 with one line', async () => {
    writeFileSync(join(dir, 'in.xlsx'), original);
    const out = await cli('portable', join(dir, 'in.xlsx'), join(dir, 'out.xlsx'));
    expect(out.err).toBe('');
    expect(out.code).toBe(0);
    expect(out.out).toMatch(/12 formula\(s\) swapped to native Excel, 1 replaced by their value/);
    const again = await cli('portable', join(dir, 'out.xlsx'), join(dir, 'twice.xlsx'));
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already swapped out/);
    expect(again.err.trim().split('\n')).toHaveLength(1);
    const restored = await cli('portable', '--restore', join(dir, 'out.xlsx'), join(dir, 'back.xlsx'));
    expect(restored.code).toBe(0);
    expect(Object.fromEntries(formulasOf(await load(readFileSync(join(dir, 'back.xlsx')))))).toEqual(Object.fromEntries(formulasOf(await load(original))));
    for (const bad of [['portable', join(dir, 'missing.xlsx'), join(dir, 'x.xlsx')], ['portable', join(dir, 'in.xlsx')], ['portable', '--restore', join(dir, 'in.xlsx'), join(dir, 'x.xlsx')]]) {
      const r = await cli(...bad);
      expect(r.code, bad.join(' ')).toBe(2);
      expect(r.err.trim().split('\n'), bad.join(' ')).toHaveLength(1);
    }
    writeFileSync(join(dir, 'not.xlsx'), 'plain text');
    expect((await cli('portable', join(dir, 'not.xlsx'), join(dir, 'x.xlsx'))).err).toMatch(/not an .xlsx workbook/);
  });
});
