import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MY_CLAIM_COLUMNS, USER_SHEETS } from '../../src/plan/index.js';
import { cli } from './run.js';
import { englishIn } from '../text/latin.js';

const mine = {
  figures: [{ id: 'MY_TAKE', label: '=1+1 is a label', value: 120, unit: 'usd_bn' }],
  claims: [
    { id: 'MY_COVER', statement: 'The tariff covers ten Novembers of sales', recompute: '=MY_TAKE', stated: '=CN_UST_SALE_NOV*10', compare: 'atLeast' },
    { id: 'MY_SHARE', statement: 'share', recompute: '=CN_UST_HOLDINGS/WORLD_GDP', stated: 0.01, compare: 'approx', tolerance: 0.001 },
  ],
};

describe('myclaims export|import and claims --workbook', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimcell-myclaims-'));
  const wb = join(dir, 'wb.xlsx');
  beforeAll(async () => {
    expect((await cli('workbook', '--out', wb)).code).toBe(0);
  });

  it('exports the worked example of a fresh workbook', async () => {
    const r = await cli('myclaims', 'export', join(dir, 'example.json'), '--workbook', wb);
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'example.json'), 'utf8'));
    expect(json.claims.map((c: { id: string }) => c.id)).toEqual(['MY_UST_INCOME']);
  });

  it('rejects a bad import whole, naming every problem, and leaves the workbook as it was', async () => {
    const before = readFileSync(wb);
    const bad = {
      figures: [{ id: 'WORLD_GDP', label: 'clash', value: 1, unit: 'usd_bn' }, { id: 'OK_ONE', label: 'x', value: 1, unit: 'furlongs' }],
      claims: [{ id: 'A1', statement: 's', recompute: '=1', stated: 1, compare: 'approx' }],
    };
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
    const r = await cli('myclaims', 'import', join(dir, 'bad.json'), '--workbook', wb);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/was not imported/);
    expect(r.err).toMatch(/figures\[1\] \(OK_ONE\)\.unit/);
    expect(r.err).toMatch(/claims\[0\] \(A1\)\.id: "A1" would be read by Excel as a cell reference/);
    expect(readFileSync(wb).equals(before)).toBe(true);

    const semantic = { figures: [{ id: 'WORLD_GDP', label: 'clash', value: 1, unit: 'usd_bn' }], claims: [{ id: 'MY_X', statement: 's', recompute: '=SUM(NOPE)', stated: 1, compare: 'atMost' }] };
    writeFileSync(join(dir, 'semantic.json'), JSON.stringify(semantic));
    const s = await cli('myclaims', 'import', join(dir, 'semantic.json'), '--workbook', wb);
    expect(s.code).toBe(2);
    expect(s.err).toContain('figures[0].id: "WORLD_GDP" is already a figure of the article or a reference');
    expect(s.err).toContain('claims[0].recompute "=SUM(NOPE)": unsupported function SUM');
    expect(readFileSync(wb).equals(before)).toBe(true);
  });

  it('imports, round-trips through export, and lists the user claims with their verdicts', async () => {
    writeFileSync(join(dir, 'mine.json'), JSON.stringify(mine));
    expect((await cli('myclaims', 'import', join(dir, 'mine.json'), '--workbook', wb)).code).toBe(0);
    const label = (await new ExcelJS.Workbook().xlsx.readFile(wb)).getWorksheet(USER_SHEETS.figures)!.getCell('B2').value;
    expect(label).toBe('=1+1 is a label');
    expect((await cli('myclaims', 'export', join(dir, 'back.json'), '--workbook', wb)).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'back.json'), 'utf8'))).toEqual(mine);
    const listed = await cli('claims', '--workbook', wb);
    expect(listed.out).toMatch(/YOUR CLAIMS \(2, from MyClaims\)/);
    expect(listed.out).toMatch(/MY_COVER\s+120\s+consistent/);
    expect(listed.out).toMatch(/MY_SHARE\s+.*inconsistent/);
    const json = JSON.parse((await cli('claims', '--workbook', wb, '--json')).out) as { id: string; owner?: string; verdict: string }[];
    expect(json.filter((c) => c.owner === 'user').map((c) => [c.id, c.verdict])).toEqual([
      ['MY_COVER', 'consistent'],
      ['MY_SHARE', 'inconsistent'],
    ]);
  });
  it('says every problem of an import, and of the rows `claims` lists, in Chinese with --lang zh', async () => {
    const before = readFileSync(wb);
    const bad = {
      figures: [{ id: 'WORLD_GDP', label: 'clash', value: 1, unit: 'furlongs' }, { id: 'MY_A', label: 'x', value: 1, unit: 'usd_bn' }, { id: 'MY_A', label: 'y', value: 2, unit: 'usd_bn' }],
      claims: [{ id: 'MY_X', statement: 's', recompute: '=SUM(NOPE)', stated: 1, compare: 'between' }],
    };
    writeFileSync(join(dir, 'bad-zh.json'), JSON.stringify(bad));
    const shape = await cli('myclaims', 'import', join(dir, 'bad-zh.json'), '--workbook', wb, '--lang', 'zh');
    expect(shape.code).toBe(2);
    expect(shape.err).toContain(`${join(dir, 'bad-zh.json')} 未导入；${wb} 未改动：`);
    expect(shape.err).toMatch(/figures\[0\] \(WORLD_GDP\)\.unit：“furlongs”不是 ClaimCell 的单位（usd_bn、/);

    bad.figures[0]!.unit = 'usd_bn';
    writeFileSync(join(dir, 'bad-zh.json'), JSON.stringify(bad));
    const r = await cli('myclaims', 'import', join(dir, 'bad-zh.json'), '--workbook', wb, '--lang', 'zh');
    expect(r.code).toBe(2);
    const problems = r.err.split('\n').filter((line) => line.startsWith('  - '));
    expect(problems).toEqual([
      '  - figures[0].id：“WORLD_GDP”已是文章的数字或参考数据',
      '  - figures[2].id：“MY_A”已被前面的行使用',
      '  - claims[0].recompute “=SUM(NOPE)”：不支持函数 SUM',
      '  - claims[0].tolerance：比较方式 between 需要在此填写上限',
    ]);
    expect(problems.flatMap((line) => englishIn(line))).toEqual([]);
    // the same import in English names the same problems in English
    const en = await cli('myclaims', 'import', join(dir, 'bad-zh.json'), '--workbook', wb);
    expect(en.err).toContain('claims[0].tolerance: compare "between" needs the upper bound here');
    expect(readFileSync(wb).equals(before)).toBe(true);

    // a row of the workbook the model cannot read: `claims --workbook` lists it, in Chinese
    const book = await new ExcelJS.Workbook().xlsx.readFile(wb);
    book.getWorksheet(USER_SHEETS.claims)!.getCell(`${String.fromCharCode(64 + MY_CLAIM_COLUMNS.recompute)}2`).value = { formula: 'SUM(B2:B9)' } as ExcelJS.CellFormulaValue;
    const broken = join(dir, 'broken.xlsx');
    await book.xlsx.writeFile(broken);
    const listed = await cli('claims', '--workbook', broken, '--lang', 'zh');
    expect(listed.code).toBe(0);
    const block = listed.out.slice(listed.out.indexOf('你的论断（'));
    expect(block).toMatch(/^你的论断（\d+ 个，来自 MyClaims）$/m);
    expect(block).toMatch(/ 未核查 +MyClaims!C2 “=SUM\(B2:B9\)”：不支持函数 SUM$/m);
    expect(block.split('\n').flatMap((line) => englishIn(line))).toEqual([]);
  });
});
