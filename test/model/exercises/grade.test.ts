import { describe, expect, it } from 'vitest';
import {
  ExerciseFileError,
  answerFormat,
  answerName,
  exerciseFigureIds,
  gradeAnswer,
  gradeExerciseFile,
  gradebookCsv,
  makeVariant,
  taskKey,
  type TaskSpec,
} from '../../../src/model/exercises/index.js';
import { exercisePlan } from '../../../src/plan/exercise.js';
import { gradeFileProblemText, gradeNoteText } from '../../../src/text/messages.js';
import { fileFromPlan } from './helpers.js';

const SEED = 'grading-seed-0123456789';
const TASKS: TaskSpec[] = [
  { id: 'T1', kind: 'recompute', claim: 'BRICS_OCT_PARTS' },
  { id: 'T2', kind: 'recompute', claim: 'OFFICIAL_UST_GDP_RATIO' },
  { id: 'T3', kind: 'recompute', claim: 'GOLD_STREAK_START' },
  { id: 'T4', kind: 'breakeven', claim: 'CN_UST_MONTHS_WITHIN_CUM', input: 'CN_UST_SALE_JUL' },
];

const keysFor = (student: string) => {
  const v = makeVariant(SEED, student, exerciseFigureIds(TASKS));
  return TASKS.map((t) => taskKey(t, v));
};

/** A grade with its note rendered in English, as the CLI prints it. */
const inEnglish = (r: ReturnType<typeof gradeAnswer>) => ({ ...r, note: gradeNoteText(r.note, 'en') });

describe('grading an answer', () => {
  const key = keysFor('alice')[0]!; // USD bn, 1 decimal
  const pct = keysFor('alice')[1]!; // percent, 0.1 pp
  it('full credit within half a unit of the asked decimal, rounded or not', () => {
    expect(gradeAnswer(key, key.expected).credit).toBe(1);
    expect(gradeAnswer(key, key.exact).credit).toBe(1);
    expect(gradeAnswer(key, String(key.expected)).credit).toBe(1);
    expect(gradeAnswer(key, key.exact! + 0.049).credit).toBe(1);
  });
  it('half credit for the right method with a wrong rounding', () => {
    const whole = gradeAnswer(key, Math.round(key.exact!));
    expect(whole.credit).toBe(Math.abs(Math.round(key.exact!) - key.exact!) <= 0.05 ? 1 : 0.5);
    expect(inEnglish(gradeAnswer(pct, Math.round(pct.exact! * 100) / 100))).toMatchObject({ credit: 0.5, note: expect.stringContaining('rounded to 0 decimal(s) of a percent') });
    expect(inEnglish(gradeAnswer(pct, pct.exact! * 100))).toMatchObject({ credit: 0.5, note: expect.stringContaining('percentage points') });
    expect(inEnglish(gradeAnswer(key, key.exact! + 0.3))).toMatchObject({ credit: 0.5, note: expect.stringContaining('close') });
  });
  it('no credit for a wrong, empty or non-numeric answer', () => {
    expect(inEnglish(gradeAnswer(key, key.exact! * 2))).toMatchObject({ credit: 0, note: 'wrong' });
    expect(inEnglish(gradeAnswer(key, null))).toMatchObject({ credit: 0, note: 'no answer' });
    expect(inEnglish(gradeAnswer(key, 'about thirty'))).toMatchObject({ credit: 0, note: expect.stringContaining('not a number') });
    expect(gradeAnswer(key, '#DIV/0!').credit).toBe(0);
  });
  it('returns its note as data (a code and its numbers), which reads in English or Chinese', () => {
    const rounded = gradeAnswer(pct, Math.round(pct.exact! * 100) / 100);
    expect(rounded.note).toEqual({ code: 'roundedTo', decimals: 0, asked: 1, ofPercent: true, fromText: false });
    expect(gradeNoteText(rounded.note, 'en')).toBe('right method, rounded to 0 decimal(s) of a percent instead of 1 decimal(s) of a percent');
    expect(gradeNoteText(rounded.note, 'zh')).toBe('方法正确，但保留百分数的 0 位小数（要求百分数的 1 位小数）');
    const typed = gradeAnswer(key, `${key.exact! * 2}`);
    expect(typed.note).toEqual({ code: 'wrong', fromText: true });
    expect(gradeNoteText(typed.note, 'zh')).toBe('错误（从文本读取）');
    expect(gradeNoteText(gradeAnswer(key, null).note, 'zh')).toBe('未作答');
  });
});

describe('grading a workbook', () => {
  const plan = exercisePlan({ seed: SEED, studentId: 'alice', tasks: TASKS });
  const keys = keysFor('alice');
  const right = Object.fromEntries(keys.map((k) => [answerName(k.task.id), k.expected]));

  it('all right answers → full marks', () => {
    const grade = gradeExerciseFile(fileFromPlan(plan, right), SEED);
    expect(grade.student).toBe('alice');
    expect(grade.total).toBe(4);
    expect(grade.max).toBe(4);
    expect(grade.tamperedFigures).toEqual([]);
    expect(grade.tasks.every((t) => t.correct && t.credit === 1)).toBe(true);
  });

  it('an empty workbook → 0, wrong and partial answers → the right partial score', () => {
    expect(gradeExerciseFile(fileFromPlan(plan), SEED).total).toBe(0);
    const mixed = {
      ...right,
      [answerName('T1')]: keys[0]!.exact! + 7, // wrong
      [answerName('T2')]: Math.round(keys[1]!.exact! * 100) / 100, // whole percent: wrong rounding
    };
    const grade = gradeExerciseFile(fileFromPlan(plan, mixed), SEED);
    expect(grade.tasks.map((t) => t.credit)).toEqual([0, 0.5, 1, 1]);
    expect(grade.total).toBe(2.5);
  });

  it('flags an edited given figure and gives no credit to the tasks that use it', () => {
    const v = makeVariant(SEED, 'alice', exerciseFigureIds(TASKS));
    const grade = gradeExerciseFile(fileFromPlan(plan, right, { INDIA_UST_CUT_OCT: v.get('INDIA_UST_CUT_OCT')! + 1 }), SEED);
    expect(grade.tamperedFigures).toEqual(['INDIA_UST_CUT_OCT']);
    expect(grade.tasks.map((t) => t.credit)).toEqual([0, 1, 1, 1]);
    expect(grade.tasks[0]!.note).toEqual({ code: 'editedFigures', figures: ['INDIA_UST_CUT_OCT'] });
    expect(gradeNoteText(grade.tasks[0]!.note, 'en')).toBe('no credit: uses edited given figure(s) INDIA_UST_CUT_OCT');
  });

  it("someone else's answers earn little: a neighbour's variant has other keys", () => {
    const bobKeys = keysFor('bob');
    const bobsAnswers = Object.fromEntries(bobKeys.map((k) => [answerName(k.task.id), k.expected]));
    expect(gradeExerciseFile(fileFromPlan(plan, bobsAnswers), SEED).total).toBeLessThan(2);
  });

  it('a wrong seed or an edited task list is an error for that file, not a grade', () => {
    expect(() => gradeExerciseFile(fileFromPlan(plan, right), 'another-seed')).toThrow(ExerciseFileError);
    // why, as data, which reads in either language
    const refusal = (() => {
      try {
        gradeExerciseFile(fileFromPlan(plan, right), 'another-seed');
      } catch (error) {
        return error instanceof ExerciseFileError ? error : undefined;
      }
    })();
    expect(refusal?.problem).toEqual({ code: 'codeMismatch', student: 'alice' });
    expect(refusal?.message).toMatch(/^the exercise code of alice does not match/);
    expect(gradeFileProblemText(refusal!.problem, 'zh')).toBe('alice 的练习校验码不符：评分所用的种子不同，或学生编号、题目列表或基准数值被改动过');
    const file = fileFromPlan(plan, right);
    const tasks = file.sheets.get('Tasks')!.map((r) => [...r]);
    tasks[1]![2] = 'DEFICIT_LEVEL';
    expect(() => gradeExerciseFile({ ...file, sheets: new Map([...file.sheets, ['Tasks', tasks]]) }, SEED)).toThrow(/exercise code/);
    expect(() => gradeExerciseFile({ sheets: new Map(), names: new Map() }, SEED)).toThrow(/not a ClaimCell exercise workbook/);
  });

  it('writes a gradebook CSV', () => {
    const a = gradeExerciseFile(fileFromPlan(plan, right), SEED);
    const csv = gradebookCsv([a, { ...a, student: '=cmd|x', total: 0 }]);
    expect(csv.split('\r\n')[0]).toBe('student,T1,T2,T3,T4,total,max,tampered_figures');
    expect(csv.split('\r\n')[1]).toBe('alice,1,1,1,1,4,4,');
    expect(csv).toContain("'=cmd|x");
  });

  it('answer formats: percent and date cells are pre-formatted', () => {
    expect(answerFormat('percent').cellFormat).toBe('0.0%');
    expect(answerFormat('date').cellFormat).toBe('yyyy-mm-dd');
  });
});

describe('grading properties', () => {
  it('the key typed in always earns full marks, for any seed and student (property)', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s.length > 0), (seed, student) => {
        const v = makeVariant(seed, student, exerciseFigureIds(TASKS));
        const keys = TASKS.map((t) => taskKey(t, v));
        const plan = exercisePlan({ seed, studentId: student, tasks: TASKS });
        const grade = gradeExerciseFile(fileFromPlan(plan, Object.fromEntries(keys.map((k) => [answerName(k.task.id), k.expected]))), seed);
        expect(grade.total).toBe(TASKS.length);
      }),
      { numRuns: 30 },
    );
  });
});
