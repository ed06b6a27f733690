import { describe, expect, it } from 'vitest';
import {
  EXERCISE_SHEETS,
  TASK_COLUMNS,
  answerName,
  defaultTasks,
  exerciseFigureIds,
  levelTasks,
  makeVariant,
  taskKey,
} from '../../src/model/exercises/index.js';
import { excelNameProblem } from '../../src/model/figures/index.js';
import { exercisePlan } from '../../src/plan/exercise.js';

const SEED = 'plan-seed-5b1f0c2a9e';
const tasks = [...defaultTasks(), ...levelTasks('hard').filter((t) => !defaultTasks().some((d) => d.claim === t.claim && d.input === t.input))].map((t, i) => ({ ...t, id: `T${i + 1}` }));

describe('student exercise plan', () => {
  const plan = exercisePlan({ seed: SEED, studentId: 'alice', tasks });

  it('has About, Tasks and Figures; every figure and answer cell is a valid workbook-scoped name', () => {
    expect(plan.sheets.map((s) => s.name)).toEqual([EXERCISE_SHEETS.about, EXERCISE_SHEETS.tasks, EXERCISE_SHEETS.figures]);
    const ids = exerciseFigureIds(tasks);
    expect(plan.names.map((n) => n.name)).toEqual([...ids, ...tasks.map((t) => answerName(t.id))]);
    for (const n of plan.names) expect(excelNameProblem(n.name), n.name).toBeNull();
    const variant = makeVariant(SEED, 'alice', ids);
    const figures = plan.sheets.find((s) => s.name === 'Figures')!;
    ids.forEach((id, i) => {
      expect(figures.cells[i + 1]![0]!.v).toBe(id);
      expect(figures.cells[i + 1]![3]!.v).toBe(variant.get(id));
      expect(plan.names.find((n) => n.name === id)!.address).toBe(`$D$${i + 2}`);
    });
  });

  it('holds no formulas, no cached results, no answers and not the seed', () => {
    for (const sheet of plan.sheets) {
      for (const row of sheet.cells) for (const cell of row) {
        expect(cell.f, sheet.name).toBeUndefined();
        expect(cell.cached, sheet.name).toBeUndefined();
      }
      expect(sheet.conditionalFormats).toEqual([]);
      expect(sheet.validations).toEqual([]);
    }
    const taskSheet = plan.sheets.find((s) => s.name === 'Tasks')!;
    tasks.forEach((_, i) => expect(taskSheet.cells[i + 1]![TASK_COLUMNS.answer - 1]!.v).toBeNull());
    expect(JSON.stringify(plan)).not.toContain(SEED);
    const variant = makeVariant(SEED, 'alice', exerciseFigureIds(tasks));
    const givenValues = new Set(variant.values());
    const numbers = plan.sheets.flatMap((s) => s.cells.flatMap((r) => r.map((c) => c.v).filter((v): v is number => typeof v === 'number')));
    for (const t of tasks) {
      const key = taskKey(t, variant);
      if (key.exact === null || givenValues.has(key.expected!)) continue; // a given figure is not a leak
      for (const v of numbers) expect(Math.abs(v - key.exact) > 1e-9 || Number.isInteger(v), `${t.id}`).toBe(true);
    }
  });

  it('same seed and id → the same plan; another student → other figures', () => {
    expect(JSON.stringify(exercisePlan({ seed: SEED, studentId: 'alice', tasks }))).toBe(JSON.stringify(plan));
    const bob = exercisePlan({ seed: SEED, studentId: 'bob', tasks });
    expect(bob.hash).not.toBe(plan.hash);
    const values = (p: typeof plan) => p.sheets.find((s) => s.name === 'Figures')!.cells.slice(1).map((r) => r[3]!.v);
    expect(values(bob)).not.toEqual(values(plan));
  });

  it('asks in both languages and pre-formats percent and date answer cells', () => {
    const taskSheet = plan.sheets.find((s) => s.name === 'Tasks')!;
    for (const row of taskSheet.cells.slice(1)) {
      expect(String(row[TASK_COLUMNS.questionEn - 1]!.v)).toMatch(/Answer/);
      expect(String(row[TASK_COLUMNS.questionZh - 1]!.v)).toMatch(/答案/);
    }
    const pctRow = taskSheet.cells.find((r) => r[2]!.v === 'OFFICIAL_UST_GDP_RATIO');
    expect(pctRow?.[TASK_COLUMNS.answer - 1]!.fmt).toBe('0.0%');
  });

  it('rejects a missing seed or student id', () => {
    expect(() => exercisePlan({ seed: '', studentId: 'a', tasks })).toThrow(/seed/);
    expect(() => exercisePlan({ seed: 's', studentId: '  ', tasks })).toThrow(/student/);
  });
});
