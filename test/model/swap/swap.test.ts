import { describe, expect, it } from 'vitest';
import { swapProblemText } from '../../../src/text/messages.js';
import { partsText, type FormulaPart, planSwapIn, planSwapOut, readFormulaCalls, readSwapRecord, SwapError, swapOutFormula, swapRecordRows, type FormulaCell } from '../../../src/model/swap/index.js';

describe('reading the calls of any formula', () => {
  it.each([
    '=CLAIM.RATIO(A1,B1)',
    '=IF(CLAIM.RATIO($A$1,Sheet2!B1)>0.5,"a,b)(",SUM(A1:A3))',
    "='Q1 (draft)'!A1+CLAIM.CHANGE('it''s'!B2, C3)",
    '=SUM({1,2;3,4})+Table1[[#This Row],[Amount]]',
    '=(A1,B1)',
    '=NOW()+ 1.5E3',
  ])('keeps %s exactly', (formula) => {
    expect(`=${partsText(readFormulaCalls(formula))}`).toBe(formula);
  });

  it('finds a call only where "(" follows the name, and not inside strings or quoted sheet names', () => {
    const calls = (f: string): string[] => {
      const out: string[] = [];
      const walk = (parts: readonly FormulaPart[]): void =>
        parts.forEach((p) => {
          if (p.kind === 'call') {
            out.push(p.name);
            p.args.forEach(walk);
          }
        });
      walk(readFormulaCalls(f));
      return out;
    };
    expect(calls('="CLAIM.RATIO(1,2)"&\'CLAIM.X(\'!A1')).toEqual([]);
    expect(calls('=ROUND(CLAIM.RATIO(CLAIM.CHANGE(A1,B1),C1),2)')).toEqual(['ROUND', 'CLAIM.RATIO', 'CLAIM.CHANGE']);
  });

  it('refuses an unclosed string or parenthesis', () => {
    expect(() => readFormulaCalls('=SUM(A1')).toThrow(/unclosed/);
    expect(() => readFormulaCalls('="abc')).toThrow(/unclosed "/);
  });
});

describe('swap-out of one formula', () => {
  it('writes the registry native form, nested calls included, and leaves the rest as written', () => {
    expect(swapOutFormula('=CLAIM.RATIO(A1,B1)')).toEqual({ kind: 'native', formula: '=(A1/B1)' });
    expect(swapOutFormula('=ROUND(claim.ratio(CLAIM.CHANGE($A$1,B1),Sheet2!C1+1),2)')).toEqual({ kind: 'native', formula: '=ROUND(((B1-($A$1))/(Sheet2!C1+1)),2)' });
    expect(swapOutFormula('=_xldudf_CLAIM_TARIFF_REVENUE(VOLUME,RATE)')).toEqual({ kind: 'native', formula: '=(VOLUME*RATE)' });
    expect(swapOutFormula('=SUM(A1:A3)')).toEqual({ kind: 'unchanged' });
    expect(swapOutFormula('="CLAIM.RATIO(1,2)"')).toEqual({ kind: 'unchanged' });
  });

  it('freezes a formula that calls a function with no native form, a wrong arity or a range for a scalar', () => {
    expect(swapOutFormula('=CLAIM.CHECK("TARIFF_IMPLIED_BASE","value")')).toMatchObject({ kind: 'value', reason: expect.stringMatching(/CLAIM.CHECK has no native/) });
    expect(swapOutFormula('=1+CLAIM.RATIO(CLAIM.PROB_HOLDS("X"),2)')).toMatchObject({ kind: 'value', reason: expect.stringMatching(/CLAIM.PROB_HOLDS/) });
    expect(swapOutFormula('=CLAIM.RATIO(A1)')).toMatchObject({ kind: 'value', reason: expect.stringMatching(/1 argument\(s\) where it takes 2/) });
    expect(swapOutFormula('=CLAIM.RATIO(A1:A3,2)')).toMatchObject({ kind: 'value', reason: expect.stringMatching(/range A1:A3/) });
    expect(swapOutFormula('=CLAIM.NO_SUCH(1)')).toMatchObject({ kind: 'value' });
  });
});

describe('swap-out and swap-in of a workbook', () => {
  const cells: FormulaCell[] = [
    { sheet: 'Model', address: 'C1', formula: '=CLAIM.RATIO(A1,B1)', value: 0.5 },
    { sheet: 'Model', address: 'C2', formula: '=A1+B1', value: 3 },
    { sheet: 'Other', address: 'A9', formula: '=CLAIM.CHECK("X","value")', value: 264 },
  ];

  it('records every swapped cell so swap-in restores the original exactly', () => {
    const out = planSwapOut(cells);
    expect(out.writes).toEqual([
      { sheet: 'Model', address: 'C1', formula: '=(A1/B1)' },
      { sheet: 'Other', address: 'A9', value: 264 },
    ]);
    const record = readSwapRecord(swapRecordRows(out.record));
    expect(record).toEqual(out.record);
    const now = new Map([['Model!C1', { formula: '=(A1/B1)', value: 0.5 }], ['Other!A9', { formula: undefined, value: 264 }]]);
    const back = planSwapIn(record, (s, a) => now.get(`${s}!${a}`));
    expect(back.writes).toEqual([
      { sheet: 'Model', address: 'C1', formula: '=CLAIM.RATIO(A1,B1)' },
      { sheet: 'Other', address: 'A9', formula: '=CLAIM.CHECK("X","value")' },
    ]);
    expect(back.kept).toEqual([]);
  });

  it('keeps a swapped cell a colleague changed, and says so', () => {
    const record = planSwapOut(cells).record;
    const back = planSwapIn(record, (s) => (s === 'Model' ? { formula: undefined, value: 7 } : undefined));
    expect(back.writes).toEqual([]);
    expect(back.kept.map((k) => k.reason)).toEqual(['changed since swap-out (now 7), left as it is', 'the sheet is gone']);
  });

  it('counts a record row on the record sheet itself as gone, in any case, whatever the host answers for it', () => {
    const record = [{ sheet: 'claimcell SWAP record', address: 'A1', original: '=CLAIM.RATIO(A1,B1)', written: '=(A1/B1)', kind: 'native' as const, note: '' }];
    const back = planSwapIn(record, () => ({ formula: '=(A1/B1)', value: 0.5 }));
    expect(back.writes).toEqual([]);
    expect(back.kept).toEqual([{ sheet: 'claimcell SWAP record', address: 'A1', reason: 'the sheet is gone' }]);
  });

  it('refuses a workbook already swapped out and a damaged record', () => {
    expect(() => planSwapOut([{ sheet: 'ClaimCell swap record', address: 'A1', formula: '=1', value: 1 }])).toThrow(/already swapped out/);
    expect(() => readSwapRecord([['Sheet']])).toThrow(/header/);
    expect(() => readSwapRecord([[...swapRecordRows([])[0]!], ['Model', 'C0', '=1', '1', 'native', '']])).toThrow(/row 2: Cell "C0"/);
  });

  it('refuses as data (a code, the row, the value), which reads in English or Chinese', () => {
    const refusal = (rows: Parameters<typeof readSwapRecord>[0]): SwapError => {
      try {
        readSwapRecord(rows);
      } catch (error) {
        if (error instanceof SwapError) return error;
      }
      throw new Error('not refused');
    };
    const header = [...swapRecordRows([], 'zh')[0]!];
    const kind = refusal([header, ['Model', 'A1', '=1', '1', '公式', '']]);
    expect(kind.problem).toEqual({ code: 'recordKind', row: 2, value: '公式' });
    expect(kind.code).toBe('badRecord');
    expect(swapProblemText(kind.problem, 'zh')).toBe('工作表 “ClaimCell swap record” 第 2 行：类型“公式”既不是“原生公式”也不是“数值”');
    expect(swapProblemText(kind.problem, 'en')).toBe('"ClaimCell swap record" row 2: Kind "公式" is neither native nor value');
    expect(refusal([['Sheet']]).problem).toEqual({ code: 'recordHeader', found: ['Sheet'] });
  });
});
