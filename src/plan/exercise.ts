/**
 * A student's exercise workbook as a WorkbookPlan: About (student id, exercise code, how to work),
 * Figures (the student's perturbed figures, each a defined name = its id) and Tasks (questions in
 * English and Chinese with an empty answer cell named ANSWER_<task>). The plan holds no expected
 * answer and no formula that would compute one, and not the seed: the key exists only at grading.
 */
import {
  ABOUT_LABELS,
  EXERCISE_FIGURE_COLUMNS,
  EXERCISE_FORMAT,
  EXERCISE_SHEETS,
  TASK_COLUMNS,
  answerFormat,
  answerName,
  answerUnitOf,
  baseValuesText,
  exerciseCode,
  exerciseFigureIds,
  givenFigureIn,
  makeVariant,
  ownRowsText,
  taskFigureIds,
  taskText,
  type TaskSpec,
} from '../model/exercises/index.js';
import { UNITS } from '../model/units/index.js';
import { cellAddress } from './a1.js';
import { hashPlan } from './hash.js';
import { PLAN_VERSION, type CellPlan, type NamePlan, type SheetPlan, type WorkbookPlan } from './types.js';

const header = (text: string): CellPlan => ({ v: text, bold: true });
const text = (value: string, bold = false): CellPlan => ({ v: value, fmt: '@', ...(bold ? { bold } : {}) });
const sheet = (name: string, cells: CellPlan[][], columnWidths: number[], freezeRows = 0): SheetPlan => ({
  name,
  cells,
  columnWidths,
  tables: [],
  conditionalFormats: [],
  validations: [],
  charts: [],
  freezeRows,
});

export interface ExercisePlanInput {
  readonly seed: string;
  readonly studentId: string;
  readonly tasks: readonly TaskSpec[];
  /** Language of the primary label column (both languages are always written). */
  readonly lang?: 'en' | 'zh';
  /** Values in use to vary the figures around (a scenario, edited figures); none: the article's. */
  readonly base?: ReadonlyMap<string, number>;
}

/** The plan of one student's workbook. Pure; the seed only feeds the variant and the check code. */
export function exercisePlan(input: ExercisePlanInput): WorkbookPlan {
  const { seed, studentId, tasks } = input;
  if (!seed) throw new RangeError('an exercise needs a seed');
  if (!studentId.trim()) throw new RangeError('an exercise needs a student id');
  const ids = exerciseFigureIds(tasks);
  // Only the given figures' base values matter, and only those are written.
  const base = new Map([...(input.base ?? [])].filter(([id]) => ids.includes(id)));
  const given = givenFigureIn(tasks);
  const variant = makeVariant(seed, studentId, ids, base, given);
  const code = exerciseCode(seed, studentId, tasks, base);

  const about = sheet(
    EXERCISE_SHEETS.about,
    [
      [text('ClaimCell exercise — recompute the numbers of an opinion article', true)],
      [text('ClaimCell 练习——重算一篇评论文章中的数字', true)],
      [],
      [text(ABOUT_LABELS.student, true), text(studentId)],
      [text(ABOUT_LABELS.code, true), text(code)],
      [text(ABOUT_LABELS.format, true), { v: EXERCISE_FORMAT }],
      [text(ABOUT_LABELS.base, true), text(baseValuesText(base))],
      [],
      [text('How to work', true)],
      [text(`1. The Figures sheet gives your own version of ${ids.length} numbers: each value cell is a defined name equal to its id (e.g. =${ids[0] ?? 'FIGURE'} in any formula). Your numbers differ from your neighbours' and from the article's.`)],
      [text(`2. The Tasks sheet asks ${tasks.length} question(s). Put each answer in the Answer cell of its row (column I) (the cell named ANSWER_T1, ANSWER_T2, …): a number or a formula over the named figures. Use the unit and rounding the task asks for.`)],
      [text('3. Do not edit the given figures, the task rows or this sheet: answers that use an edited figure earn no credit, and an edited task list cannot be graded.')],
      [text('1. “Figures”表列出你专属版本的数字：每个数值单元格都有与其 id 同名的定义名称，可直接在公式中引用。你的数字与同学和原文都不同。')],
      [text('2. “Tasks”表列出题目。把答案填入每行的 Answer 单元格（I 列，名为 ANSWER_T1、ANSWER_T2……），可填数字或引用命名数字的公式，并按题目要求的单位和舍入。')],
      [text('3. 请勿修改给定数字、题目行或本表：使用了被改动数字的答案不得分，题目被改动的文件无法评分。')],
    ],
    [28, 120],
  );

  const figureRows: CellPlan[][] = [
    ['id', 'Label', '说明', 'Value', 'Unit', 'Source', 'Where', 'Period / series'].map(header),
  ];
  const names: NamePlan[] = [];
  ids.forEach((id, i) => {
    const g = given(id)!;
    const row = i + 2;
    figureRows.push([
      text(id),
      text(g.labelEn),
      text(g.labelZh),
      { v: variant.get(id)!, fmt: UNITS[g.unit].numberFormat === '@' ? 'General' : UNITS[g.unit].numberFormat },
      text(UNITS[g.unit].labelEn),
      text(g.source === 'article' ? 'article (varied for you)' : g.source === 'user' ? 'your instructor (varied for you)' : 'outside reference (varied for you)'),
      text(g.where),
      text(g.period),
    ]);
    names.push({ name: id, sheet: EXERCISE_SHEETS.figures, address: cellAddress(row, EXERCISE_FIGURE_COLUMNS.value, true), comment: g.labelEn });
  });

  const lang = input.lang ?? 'en';
  const taskRows: CellPlan[][] = [
    ['Task', 'Kind', 'Claim', 'Input', 'Question', '题目', 'Unit', 'Rounding', 'Answer', 'Uses figures', 'Definition'].map(header),
  ];
  tasks.forEach((task, i) => {
    const t = taskText(task);
    const format = answerFormat(answerUnitOf(task));
    taskRows.push([
      text(task.id, true),
      text(task.kind),
      text(task.claim),
      text(task.input ?? ''),
      text(t.en),
      text(t.zh),
      text(lang === 'zh' ? t.unitZh : t.unitEn),
      text(lang === 'zh' ? t.roundingZh : t.roundingEn),
      // The empty answer cell: a number format only, never a value or formula.
      { v: null, ...(format.cellFormat ? { fmt: format.cellFormat } : {}) },
      text(taskFigureIds(task).join(', ')),
      // an instructor's own claim: its rows, which grading reads back (and the exercise code covers)
      ...(task.own ? [text(ownRowsText(task.own))] : []),
    ]);
    names.push({
      name: answerName(task.id),
      sheet: EXERCISE_SHEETS.tasks,
      address: cellAddress(i + 2, TASK_COLUMNS.answer, true),
      comment: `Answer to task ${task.id}`,
    });
  });

  const sheets = [
    about,
    sheet(EXERCISE_SHEETS.tasks, taskRows, [8, 11, 30, 26, 90, 70, 18, 34, 16, 50, 40], 1),
    sheet(EXERCISE_SHEETS.figures, figureRows, [30, 50, 30, 14, 16, 30, 28, 30], 1),
  ];
  const content = { planVersion: PLAN_VERSION, sheets, names };
  return { ...content, hash: hashPlan(content) };
}

/** Fixed creation date written into exercise .xlsx files, so the same seed and id give the same file. */
export const EXERCISE_FILE_DATE = new Date(Date.UTC(2025, 0, 1));
