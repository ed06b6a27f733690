import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  TASK_COLUMNS,
  answerName,
  defaultTasks,
  exerciseFigureIds,
  levelTasks,
  makeVariant,
  mathOf,
  taskKey,
  type TaskSpec,
} from '../../src/model/exercises/index.js';
import { getClaim } from '../../src/model/claims/index.js';
import { cellAddress } from '../../src/plan/a1.js';
import { gradeOpenWorkbook, makeExerciseInWorkbook, mountExercisesSection, readExerciseWorkbook } from '../../src/taskpane/sections/exercises.js';
import type { SectionMessage } from '../../src/taskpane/sections/context.js';
import { sectionContext } from '../taskpane/section-context.js';
import { createClaimHost } from './host.js';
import { gradeNoteText } from '../../src/text/messages.js';

const SEED = 'simhost-seed-91c0d7e2';
const hard = levelTasks('hard');
const TASKS: TaskSpec[] = [...defaultTasks(), ...hard.filter((t) => t.claim === 'GOLD_STREAK_START')].map((t, i) => ({ ...t, id: `T${i + 1}` }));
const answerCell = (i: number): string => cellAddress(i + 2, TASK_COLUMNS.answer);

/** The task's own arithmetic as an Excel formula over the named figures (what a student would type). */
const studentFormula = (task: TaskSpec): string => `=${mathOf(getClaim(task.claim)!.recomputeExpr).replace(/ × /g, '*').replace(/ ÷ /g, '/').replace(/ /g, '')}`;

describe('exercise on the simulated host', () => {
  it('makes the exercise in the open workbook (≤3 syncs): names, empty answer cells, no answers', async () => {
    const host = createClaimHost();
    const result = await makeExerciseInWorkbook(host.run, { seed: SEED, studentId: 'alice', tasks: TASKS });
    expect(result.status).toBe('written');
    expect(host.syncCount()).toBeLessThanOrEqual(3);
    expect(host.getSheetNames()).toEqual(expect.arrayContaining(['About', 'Tasks', 'Figures']));
    const names = new Map(host.getNames().map((n) => [n.name, n.formula]));
    TASKS.forEach((t, i) => {
      expect(names.get(answerName(t.id))).toBe(`=Tasks!$I$${i + 2}`);
      expect([null, '']).toContain(host.getCellValue('Tasks', answerCell(i)));
    });
    const variant = makeVariant(SEED, 'alice', exerciseFigureIds(TASKS));
    exerciseFigureIds(TASKS).forEach((id, i) => {
      expect(names.get(id)).toBe(`=Figures!$D$${i + 2}`);
      expect(host.getCellValue('Figures', `D${i + 2}`)).toBe(variant.get(id));
    });
    expect(host.snapshotJson()).not.toContain(SEED);
  });

  it("the task's arithmetic typed as formulas earns full marks; grading reads the workbook in ≤2 syncs", async () => {
    const host = createClaimHost();
    await makeExerciseInWorkbook(host.run, { seed: SEED, studentId: 'bob', tasks: TASKS });
    const variant = makeVariant(SEED, 'bob', exerciseFigureIds(TASKS));
    TASKS.forEach((t, i) => {
      if (t.kind === 'recompute') host.setCellValue('Tasks', answerCell(i), studentFormula(t));
      else host.setCellValue('Tasks', answerCell(i), taskKey(t, variant).expected);
    });
    host.resetSyncCount();
    const grade = await gradeOpenWorkbook(host.run, SEED);
    expect(host.syncCount()).toBeLessThanOrEqual(2);
    expect(grade.tasks.map((t) => `${t.task}:${t.credit}:${gradeNoteText(t.note, 'en')}`)).toEqual(TASKS.map((t) => `${t.id}:1:correct`));
    expect(grade.total).toBe(TASKS.length);
  });

  it('wrong, partial and tampered answers on the host', async () => {
    const host = createClaimHost();
    await makeExerciseInWorkbook(host.run, { seed: SEED, studentId: 'chen', tasks: TASKS });
    const keys = TASKS.map((t) => taskKey(t, makeVariant(SEED, 'chen', exerciseFigureIds(TASKS))));
    keys.forEach((k, i) => host.setCellValue('Tasks', answerCell(i), k.expected));
    host.setCellValue('Tasks', answerCell(0), keys[0]!.exact! + 5); // wrong
    host.setCellValue('Tasks', answerCell(1), keys[1]!.exact! * 100); // percent typed as points: partial
    const figures = (await readExerciseWorkbook(host.run)).sheets.get('Figures')!;
    const row = figures.findIndex((r) => r[0] === 'WORLD_GDP') + 1;
    host.setCellValue('Figures', `D${row}`, 1); // edited figure
    const grade = await gradeOpenWorkbook(host.run, SEED);
    expect(grade.tamperedFigures).toEqual(['WORLD_GDP']);
    expect(grade.tasks[0]!.credit).toBe(0);
    expect(grade.tasks[1]!.credit).toBe(0); // uses WORLD_GDP: no credit even for the partial
    expect(gradeNoteText(grade.tasks[1]!.note, 'en')).toContain('WORLD_GDP');
    host.setCellValue('Figures', `D${row}`, makeVariant(SEED, 'chen', ['WORLD_GDP']).get('WORLD_GDP')!);
    const fixed = await gradeOpenWorkbook(host.run, SEED);
    expect(fixed.tamperedFigures).toEqual([]);
    expect(fixed.tasks.map((t) => t.credit)).toEqual([0, 0.5, ...TASKS.slice(2).map(() => 1)]);
  });

  it('the task pane section makes and grades the exercise, in English and Chinese', async () => {
    const { document } = parseHTML('<!doctype html><html><body><div id="c"></div></body></html>');
    const g = globalThis as unknown as { document?: unknown };
    const before = g.document;
    g.document = document;
    try {
      const host = createClaimHost();
      let lang: 'en' | 'zh' = 'en';
      const listeners: ((l: 'en' | 'zh') => void)[] = [];
      const statuses: { text: string; kind: string; message: string | SectionMessage }[] = [];
      const ctx = sectionContext({
        run: host.run,
        lang: () => lang,
        onLanguageChange: (cb) => listeners.push(cb),
        showStatus: (text, kind) => statuses.push({ text: typeof text === 'function' ? text(lang) : text, kind, message: text }),
      });
      const container = document.getElementById('c') as unknown as HTMLElement;
      mountExercisesSection(container, ctx);
      const input = (id: string) => container.querySelector(`#ex1-${id}`) as unknown as HTMLInputElement;
      const button = (action: string) => container.querySelector(`[data-action="${action}"]`) as unknown as HTMLButtonElement;
      expect(button('make-exercise').textContent).toBe('Make exercise');
      const settle = async (n: number) => {
        for (let i = 0; i < 200 && statuses.length < n; i++) await new Promise((r) => setTimeout(r, 5));
      };
      button('make-exercise').click();
      await settle(1);
      expect(statuses[0]).toMatchObject({ kind: 'error', text: 'Enter the seed first.' });
      input('seed').value = SEED;
      input('student').value = 'dana';
      for (const o of container.querySelectorAll('#ex1-level option')) o.toggleAttribute('selected', o.getAttribute('value') === 'easy');
      button('make-exercise').click();
      await settle(2);
      expect(statuses[1]!.kind).toBe('success');
      const tasks = levelTasks('easy');
      tasks.forEach((t, i) => expect(host.getCellValue('Tasks', cellAddress(i + 2, TASK_COLUMNS.claim))).toBe(t.claim));
      expect(host.getNames().filter((n) => n.name.startsWith('ANSWER_'))).toHaveLength(tasks.length);
      const keys = tasks.map((t) => taskKey(t, makeVariant(SEED, 'dana', exerciseFigureIds(tasks))));
      keys.forEach((k, i) => host.setCellValue('Tasks', answerCell(i), k.expected));
      lang = 'zh';
      listeners.forEach((cb) => cb('zh'));
      expect(button('grade-exercise').textContent).toBe('为本工作簿评分');
      button('grade-exercise').click();
      await settle(3);
      expect(statuses[2]).toMatchObject({ kind: 'success', text: `dana：${tasks.length} / ${tasks.length} 分。` });
      // the status is a message, not a finished string: the pane re-renders it after a language switch
      expect(typeof statuses[2]!.message === 'function' && statuses[2]!.message('en')).toBe(`dana: ${tasks.length} of ${tasks.length} point(s).`);
      expect(container.querySelectorAll('tr[data-task]').length).toBe(tasks.length);
      // each row's note (its tooltip) in the pane's language, and again after a switch
      expect([...container.querySelectorAll('tr[data-task]')].map((r) => r.getAttribute('title'))).toEqual(tasks.map(() => '正确'));
      lang = 'en';
      listeners.forEach((cb) => cb('en'));
      expect([...container.querySelectorAll('tr[data-task]')].map((r) => r.getAttribute('title'))).toEqual(tasks.map(() => 'correct'));
      lang = 'zh';
      listeners.forEach((cb) => cb('zh'));
      expect(container.querySelector('[data-role="gradebook"]')!.textContent).toBe('下载成绩表（CSV）');

      // graded with another seed: refused, saying why in the language shown, and again after a switch
      input('seed').value = 'another-seed';
      button('grade-exercise').click();
      await settle(4);
      expect(statuses[3]).toMatchObject({ kind: 'error', text: '操作失败：dana 的练习校验码不符：评分所用的种子不同，或学生编号、题目列表或基准数值被改动过' });
      expect(typeof statuses[3]!.message === 'function' && statuses[3]!.message('en')).toMatch(/^Could not do that: the exercise code of dana does not match/);
    } finally {
      g.document = before;
    }
  });
});
