import { describe, expect, it } from 'vitest';
import { exampleUserTables } from '../../src/plan/index.js';

describe('the worked example of MyFigures / MyClaims in Chinese', () => {
  it('has the same rows, ids, formulas and numbers as the English one; only the words differ', () => {
    const en = exampleUserTables('en');
    const zh = exampleUserTables('zh');
    const shape = (t: typeof en) => ({
      figures: t.figures.map((f) => ({ ...f, label: '', note: '' })),
      claims: t.claims.map((c) => ({ ...c, statement: '' })),
    });
    expect(shape(zh)).toEqual(shape(en));
    expect(zh.claims[0]!.statement).not.toBe(en.claims[0]!.statement);
    expect(zh.figures[0]!.label).toMatch(/[\u4e00-\u9fff]/);
  });
});
