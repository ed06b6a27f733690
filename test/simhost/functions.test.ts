import { describe, expect, it } from 'vitest';
import { createSimulatedExcel, type SimFunctionSpec } from '../../src/simhost/index.js';

const calls: unknown[][] = [];

const fakes: SimFunctionSpec[] = [
  {
    name: 'TEST_SHARE',
    params: [{ dimensionality: 'scalar' }, { dimensionality: 'scalar' }],
    invoke([part, whole]) {
      calls.push([part, whole]);
      if (typeof part !== 'number' || typeof whole !== 'number') return { kind: 'error', code: '#VALUE!', message: 'part and whole must be numbers' };
      if (whole === 0) return { kind: 'error', code: '#DIV/0!', message: 'whole is zero' };
      if (part < 0) return { kind: 'error', code: '#NUM!', message: 'part is negative' };
      return part / whole;
    },
  },
  {
    name: 'CLAIM.TEST_LOOKUP',
    params: [{ dimensionality: 'scalar' }],
    invoke: ([key]) => (key === 'known' ? 'found' : { kind: 'error', code: '#N/A', message: `no entry ${String(key)}` }),
  },
  {
    name: 'TEST_TOTAL',
    params: [{ dimensionality: 'matrix' }, { dimensionality: 'scalar', optional: true }],
    invoke([m, scale]) {
      const matrix = m as unknown[][];
      calls.push(['TOTAL', matrix]);
      const sum = matrix.flat().reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
      return sum * (scale === null || scale === undefined ? 1 : (scale as number));
    },
  },
  {
    name: 'TEST_TIMES10',
    params: [{ dimensionality: 'matrix' }],
    invoke: ([m]) => (m as number[][]).map((row) => row.map((v) => v * 10)),
    resultSize: ([a]) => a!,
  },
  {
    name: 'TEST_THROWS',
    params: [],
    invoke() {
      throw new Error('boom');
    },
  },
];

describe('simulated host: custom functions (HyperFormula FunctionPlugin)', () => {
  it('computes a registered CLAIM.* function and maps DomainError codes to Excel errors', async () => {
    const xl = createSimulatedExcel();
    expect(xl.registerFunctions(fakes)).toEqual(['CLAIM.TEST_SHARE', 'CLAIM.TEST_LOOKUP', 'CLAIM.TEST_TOTAL', 'CLAIM.TEST_TIMES10', 'CLAIM.TEST_THROWS']);
    await xl.run(async (context) => {
      const s = context.workbook.worksheets.getItem('Sheet1');
      s.getRange('A1:B1').values = [[30, 120]];
      s.getRange('C1:C8').formulas = [
        ['=CLAIM.TEST_SHARE(A1,B1)'],
        ['=CLAIM.TEST_SHARE(A1,0)'],
        ['=CLAIM.TEST_SHARE(-1,B1)'],
        ['=CLAIM.TEST_SHARE("x",B1)'],
        ['=claim.test_lookup("nope")'],
        ['=CLAIM.TEST_LOOKUP("known")'],
        ['=CLAIM.TEST_SHARE(1/0,B1)'],
        ['=CLAIM.TEST_THROWS()'],
      ];
      await context.sync();
    });
    const col = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8'].map((a) => xl.getCellValue('Sheet1', a));
    expect(col).toEqual([0.25, '#DIV/0!', '#NUM!', '#VALUE!', '#N/A', 'found', '#DIV/0!', '#VALUE!']);
    // Excel shows a custom message only with #VALUE! and #N/A; it drops the message of #DIV/0! and #NUM!.
    expect(xl.getCellErrorMessage('Sheet1', 'C2')).toBeUndefined();
    expect(xl.getCellErrorMessage('Sheet1', 'C3')).toBeUndefined();
    expect(xl.getCellErrorMessage('Sheet1', 'C4')).toBe('part and whole must be numbers');
    expect(xl.getCellErrorMessage('Sheet1', 'C5')).toBe('no entry nope');
    expect(xl.getCellErrorMessage('Sheet1', 'C8')).toBe('boom');
    expect(xl.getCellErrorMessage('Sheet1', 'C1')).toBeUndefined();
    xl.setCellValue('Sheet1', 'B1', 60);
    expect(xl.getCellValue('Sheet1', 'C1')).toBe(0.5);
  });

  it('passes matrix parameters as 2-D arrays, optional ones as null, and spills a sized matrix result', async () => {
    const xl = createSimulatedExcel({ functions: fakes });
    calls.length = 0;
    await xl.run(async (context) => {
      const s = context.workbook.worksheets.getItem('Sheet1');
      s.getRange('A1:B2').values = [
        [1, 2],
        [3, 4],
      ];
      s.getRange('D1:D2').formulas = [['=CLAIM.TEST_TOTAL(A1:B2)'], ['=CLAIM.TEST_TOTAL(A1:B2, 10)']];
      s.getRange('A4').formulas = [['=CLAIM.TEST_TIMES10(A1:B2)']];
      await context.sync();
    });
    expect(calls).toContainEqual(['TOTAL', [[1, 2], [3, 4]]]);
    expect(xl.getCellValue('Sheet1', 'D1')).toBe(10);
    expect(xl.getCellValue('Sheet1', 'D2')).toBe(100);
    expect(['A4', 'B4', 'A5', 'B5'].map((a) => xl.getCellValue('Sheet1', a))).toEqual([10, 20, 30, 40]);
    expect(['A4', 'B5'].map((a) => xl.getCellFormula('Sheet1', a))).toEqual(['=CLAIM.TEST_TIMES10(A1:B2)', 40]);
  });

  it('broadcasts a scalar-parameter function over a range (dynamic-array lifting)', async () => {
    const xl = createSimulatedExcel({ functions: fakes });
    await xl.run(async (context) => {
      const s = context.workbook.worksheets.getItem('Sheet1');
      s.getRange('A1:A3').values = [[1], [2], [3]];
      s.getRange('B1').formulas = [['=CLAIM.TEST_SHARE(A1:A3, 4)']];
      await context.sync();
    });
    expect(['B1', 'B2', 'B3'].map((a) => xl.getCellValue('Sheet1', a))).toEqual([0.25, 0.5, 0.75]);
  });

  it('functions registered after the formulas were written recalculate them', async () => {
    const xl = createSimulatedExcel();
    await xl.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').formulas = [['=CLAIM.LATE_ONE(2)']];
      await context.sync();
    });
    expect(xl.getCellValue('Sheet1', 'A1')).toBe('#NAME?');
    xl.registerFunctions([{ name: 'LATE_ONE', params: [{ dimensionality: 'scalar' }], invoke: ([x]) => (x as number) + 1 }]);
    expect(xl.getCellValue('Sheet1', 'A1')).toBe(3);
  });
});
