import { TARIFF_RATE_MAX } from '../../../src/model/units/index.js';
import { describe, expect, it } from 'vitest';
import { auditClaim, getClaim } from '../../../src/model/claims/index.js';
import { excelNameProblem } from '../../../src/model/figures/index.js';
import {
  ExerciseError,
  answerName,
  breakEven,
  buildTaskSet,
  defaultTasks,
  exerciseFigureIds,
  levelOf,
  levelTasks,
  makeVariant,
  parseTaskList,
  recomputeCandidates,
  taskKey,
  taskLevel,
  taskText,
  type TaskSpec,
} from '../../../src/model/exercises/index.js';

const claim = (id: string) => getClaim(id)!;

describe('task selection', () => {
  it('classifies claims by difficulty', () => {
    expect(levelOf(claim('BRICS_OCT_PARTS'))).toBe('easy'); // a sum
    expect(levelOf(claim('OFFICIAL_UST_GDP_RATIO'))).toBe('easy'); // a ratio
    expect(levelOf(claim('CN_UST_RMB_CONVERSION'))).toBe('medium'); // a conversion
    expect(levelOf(claim('TARIFF_IMPLIED_BASE'))).toBe('medium'); // an implied base
    expect(levelOf(claim('DEFICIT_IMPLIED_PRIOR'))).toBe('medium'); // a prior value
    expect(levelOf(claim('GOLD_STREAK_START'))).toBe('hard'); // dates
    expect(levelOf(claim('TARIFF_IMPLIED_BASE'), 'breakeven')).toBe('hard');
  });

  it('leaves out echoes and claims the wording cannot spell out', () => {
    const ids = recomputeCandidates().map((c) => c.claim.id);
    for (const echo of ['TARIFF_TARGET_REPEATED', 'CN_UST_LOW_SINCE_2008', 'PBOC_YEAR_END_STOCK', 'US_SEMI_CAPEX_DROP', 'LONG_YIELD_HIGH', 'PBOC_GOLD_STREAK_COUNT']) expect(ids).not.toContain(echo);
    expect(() => parseTaskList(['CN_UST_LOW_SINCE_2008'])).toThrow(/only echoes/);
  });

  it('default set: six tasks across the three levels, with one break-even', () => {
    const tasks = defaultTasks();
    expect(tasks).toHaveLength(6);
    expect(tasks.map((t) => t.id)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6']);
    expect(tasks.map(taskLevel)).toEqual(['easy', 'easy', 'medium', 'medium', 'hard', 'hard']);
    expect(tasks.filter((t) => t.kind === 'breakeven')).toHaveLength(1);
    expect(new Set(tasks.map((t) => `${t.claim}@${t.input ?? ''}`)).size).toBe(6);
  });

  it('a level gives up to six tasks of that level', () => {
    for (const level of ['easy', 'medium', 'hard'] as const) {
      const tasks = levelTasks(level);
      expect(tasks.length).toBeGreaterThan(0);
      expect(tasks.length).toBeLessThanOrEqual(6);
      expect(tasks.every((t) => taskLevel(t) === level)).toBe(true);
    }
    expect(levelTasks('hard').some((t) => t.kind === 'breakeven')).toBe(true);
  });

  it('explicit claims: recompute and CLAIM@FIGURE break-evens; errors name the problem', () => {
    expect(buildTaskSet({ claims: ['brics_oct_parts', 'CN_UST_MONTHS_WITHIN_CUM@CN_UST_SALE_JUL'] })).toEqual([
      { id: 'T1', kind: 'recompute', claim: 'BRICS_OCT_PARTS' },
      { id: 'T2', kind: 'breakeven', claim: 'CN_UST_MONTHS_WITHIN_CUM', input: 'CN_UST_SALE_JUL' },
    ]);
    expect(() => buildTaskSet({ claims: ['NOPE'] })).toThrow(ExerciseError);
    expect(() => buildTaskSet({ claims: ['BRICS_OCT_PARTS@WORLD_GDP'] })).toThrow(/not a numeric input/);
    expect(() => buildTaskSet({ claims: ['SEA_EU_INVEST_GAP@SEA_SEMI_INVEST_GROWTH'] })).toThrow(/no check/);
    expect(() => buildTaskSet({ claims: ['BRICS_OCT_PARTS', 'BRICS_OCT_PARTS'] })).toThrow(/twice/);
  });

  it('answer cells are valid Excel names', () => {
    for (const t of [...defaultTasks(), ...levelTasks('hard')]) expect(excelNameProblem(answerName(t.id))).toBeNull();
  });
});

describe('task wording', () => {
  it('names the unit, the rounding and the answer cell in both languages, with no figure values', () => {
    const tasks = [...defaultTasks(), ...levelTasks('hard'), ...levelTasks('medium')];
    for (const t of tasks) {
      const text = taskText(t);
      expect(text.en).toContain(answerName(t.id));
      expect(text.zh).toContain(answerName(t.id));
      expect(text.en).toContain(text.roundingEn);
      expect(text.zh).toContain(text.roundingZh);
      expect(text.zh).toMatch(/[\u4e00-\u9fff]/);
      // not the catalogue's sentences (the article paraphrase)
      expect(text.en).not.toContain(claim(t.claim).statementEn);
      expect(text.zh).not.toContain(claim(t.claim).statementZh);
    }
    expect(taskText({ id: 'T1', kind: 'recompute', claim: 'BRICS_OCT_PARTS' }).en).toContain('INDIA_UST_CUT_OCT + BRAZIL_UST_CUT_OCT + CHINA_UST_CUT_OCT');
    expect(taskText({ id: 'T1', kind: 'recompute', claim: 'BRICS_OCT_PARTS' }).en).toContain('in USD bn, to 1 decimal');
  });
});

describe('answer keys', () => {
  it("recompute: the claim's recomputation on the student's figures, rounded as asked", () => {
    const task = { id: 'T1', kind: 'recompute' as const, claim: 'BRICS_OCT_PARTS' };
    const v = makeVariant('k', 'alice', exerciseFigureIds([task]));
    const key = taskKey(task, v);
    const sum = v.get('INDIA_UST_CUT_OCT')! + v.get('BRAZIL_UST_CUT_OCT')! + v.get('CHINA_UST_CUT_OCT')!;
    expect(key.exact).toBeCloseTo(sum, 12);
    expect(key.expected).toBe(Math.round(sum * 10) / 10);
    expect(key.tolerance).toBe(0.05);
  });

  it('break-even: the bisection finds where the verdict flips, and it matches the algebra', () => {
    const c = claim('CN_UST_MONTHS_WITHIN_CUM');
    const at = breakEven(c, 'CN_UST_SALE_JUL', new Map())!;
    expect(at.value).toBeCloseTo(70 - 11.8 - 6.1, 9);
    expect(at.from).toBe('consistent');
    expect(at.to).toBe('inconsistent');
    // just below / above the break-even the verdicts differ
    expect(auditClaim(c, new Map([['CN_UST_SALE_JUL', at.value - 1e-6]]), { margins: false }).verdict).toBe('consistent');
    expect(auditClaim(c, new Map([['CN_UST_SALE_JUL', at.value + 1e-6]]), { margins: false }).verdict).toBe('inconsistent');
    // a tariff rate: base = revenue ÷ rate ≤ world chip sales ⇒ rate = revenue ÷ sales
    const rate = breakEven(claim('TARIFF_IMPLIED_BASE'), 'AI_CHIP_TARIFF_RATE', new Map())!;
    expect(rate.value).toBeCloseTo(264 / 791.7, 9);
    // on a student's variant, the value moves with the figures
    const task = { id: 'T1', kind: 'breakeven' as const, claim: 'CN_UST_MONTHS_WITHIN_CUM', input: 'CN_UST_SALE_JUL' };
    const v = makeVariant('k', 'bob', exerciseFigureIds([task]));
    expect(taskKey(task, v).exact).toBeCloseTo(v.get('CN_UST_CUM_REDUCTION')! - v.get('CHINA_UST_CUT_OCT')! - v.get('CN_UST_SALE_NOV')!, 9);
  });

  it('a tariff rate may pass 100% (145% in 2025): the ratio check flips inside the plausible bound, not at 100%', () => {
    // TAXABLE_BASE takes rates up to TARIFF_RATE_MAX (issue 17, item 12); beyond it the domain edge is no flip.
    const found = breakEven(claim('TARIFF_BASE_VS_NVIDIA'), 'AI_CHIP_TARIFF_RATE', new Map());
    expect(found?.value).toBeGreaterThan(1);
    expect(found?.value).toBeLessThanOrEqual(TARIFF_RATE_MAX);
  });
});

describe('every offered task has an answer on every variant (property)', () => {
  it('recompute and break-even candidates stay numeric under perturbation', async () => {
    const fc = (await import('fast-check')).default;
    const { breakEvenCandidates } = await import('../../../src/model/exercises/index.js');
    const tasks: TaskSpec[] = [
      ...recomputeCandidates().map((c, i) => ({ id: `T${i + 1}`, kind: 'recompute' as const, claim: c.claim.id })),
      ...breakEvenCandidates().map((c, i) => ({ id: `B${i + 1}`, kind: 'breakeven' as const, claim: c.claim.id, input: c.input })),
    ];
    const ids = exerciseFigureIds(tasks);
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), fc.string({ minLength: 1, maxLength: 20 }), (seed, student) => {
        const v = makeVariant(seed, student, ids);
        for (const t of tasks) {
          const key = taskKey(t, v);
          expect(key.exact, `${t.claim}${t.input ? `@${t.input}` : ''} for ${JSON.stringify([seed, student])}`).not.toBeNull();
          expect(Number.isFinite(key.expected)).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });
});
