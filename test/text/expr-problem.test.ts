import { describe, expect, it } from 'vitest';
import type { ExprRefusal } from '../../src/model/expr/index.js';
import { LANGS, TEXT } from '../../src/text/index.js';
import { englishIn } from './latin.js';

/** One problem of every code: a code added to ExprRefusal without a sample here is a compile error. */
const SAMPLES: { readonly [C in ExprRefusal['code']]: Extract<ExprRefusal, { code: C }> } = {
  empty: { code: 'empty' },
  valueExpected: { code: 'valueExpected' },
  expected: { code: 'expected', char: ')', atEnd: false },
  unsupportedChar: { code: 'unsupportedChar', char: '#' },
  unexpectedChar: { code: 'unexpectedChar', char: ')' },
  unsupportedOperator: { code: 'unsupportedOperator', operator: '<>' },
  text: { code: 'text' },
  rowOrColumnReference: { code: 'rowOrColumnReference' },
  cellReference: { code: 'cellReference', reference: 'B2' },
  qualifiedReference: { code: 'qualifiedReference', name: 'SHEET1', mark: '!' },
  unknownName: { code: 'unknownName', name: 'NOT_A_FIGURE' },
  unknownFunction: { code: 'unknownFunction', name: 'CLAIM.NOPE' },
  unsupportedFunction: { code: 'unsupportedFunction', name: 'SUM' },
  rangeParameter: { code: 'rangeParameter', name: 'CLAIM.PARTS_GAP' },
  arity: { code: 'arity', name: 'CLAIM.RATIO', min: 2, max: 2, got: 1 },
  tooDeep: { code: 'tooDeep', limit: 200 },
};

describe('expression problems in words', () => {
  it('renders every code in both languages, each to its own sentence', () => {
    for (const lang of LANGS) {
      const words = Object.values(SAMPLES).map((p) => TEXT[lang].exprProblem(p));
      expect(words.every((w) => w.length > 0 && !w.includes('undefined')), lang).toBe(true);
      expect(new Set(words).size, lang).toBe(words.length);
    }
  });

  it('renders every code in Chinese with no English word (ids, function names and references stay)', () => {
    const found = Object.values(SAMPLES).flatMap((p) => englishIn(TEXT.zh.exprProblem(p)).map((w) => `${p.code}: ${w}`));
    expect(found).toEqual([]);
  });

  it('puts the fields in the sentence: the end, an argument range, one argument', () => {
    expect(TEXT.en.exprProblem({ code: 'expected', char: ')', atEnd: true })).toBe('expected ")" before the end');
    expect(TEXT.en.exprProblem({ code: 'arity', name: 'CLAIM.X', min: 1, max: 3, got: 0 })).toBe('CLAIM.X takes 1 to 3 arguments, got 0');
    expect(TEXT.en.exprProblem({ code: 'arity', name: 'SQRT', min: 1, max: 1, got: 2 })).toBe('SQRT takes 1 argument, got 2');
    expect(TEXT.zh.exprProblem({ code: 'arity', name: 'SQRT', min: 1, max: 1, got: 2 })).toBe('SQRT 需要 1 个参数，实际为 2 个');
  });
});
