import { describe, expect, it } from 'vitest';
import { answerName, exerciseFigureIds, gradeExerciseFile, makeVariant, taskKey, type TaskSpec } from '../../src/model/exercises/index.js';
import { exercisePlan } from '../../src/plan/exercise.js';
import { cellAddress } from '../../src/plan/index.js';
import { fileFromPlan } from '../model/exercises/helpers.js';
import { englishIn } from '../text/latin.js';

const SEED = 'zh-exercise-seed-0123456789';
const TASKS: TaskSpec[] = [
  { id: 'T1', kind: 'recompute', claim: 'BRICS_OCT_PARTS' },
  { id: 'T2', kind: 'breakeven', claim: 'CN_UST_MONTHS_WITHIN_CUM', input: 'CN_UST_SALE_JUL' },
  { id: 'T3', kind: 'recompute', claim: 'OFFICIAL_UST_GDP_RATIO' },
];

/**
 * Cells of a Chinese exercise kept as they are, and why: the other language's label and question
 * (Figures!C, Tasks!E) for a bilingual class; the task kind (Tasks!B), a code the grader checks;
 * a reference's "where" and series (Figures!G, H), citations of English-language sources.
 */
const kept = (sheet: string, column: number): boolean => (sheet === 'Figures' && [3, 7, 8].includes(column)) || (sheet === 'Tasks' && [2, 5].includes(column));

describe('an exercise in Chinese', () => {
  const plan = exercisePlan({ seed: SEED, studentId: '2025001', tasks: TASKS, lang: 'zh' });

  it('has no English but ids, names, codes and the columns kept for a bilingual class', () => {
    const found = plan.sheets.flatMap((sheet) =>
      sheet.cells.flatMap((row, r) =>
        row.flatMap((cell, c) => (typeof cell.v === 'string' && !kept(sheet.name, c + 1) ? englishIn(cell.v).map((w) => `${sheet.name}!${cellAddress(r + 1, c + 1)}: ${w} in “${cell.v}”`) : [])),
      ),
    );
    expect(found).toEqual([]);
  });

  it('is graded as the English one is: the grader reads the Chinese About labels', () => {
    const variant = makeVariant(SEED, '2025001', exerciseFigureIds(TASKS));
    const answers = Object.fromEntries(TASKS.map((t) => [answerName(t.id), taskKey(t, variant).expected]));
    const graded = gradeExerciseFile(fileFromPlan(plan, answers), SEED);
    expect(graded.student).toBe('2025001');
    expect(graded.total).toBe(graded.max);
  });
});
