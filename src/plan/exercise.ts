/**
 * A student's exercise workbook as a WorkbookPlan: About (student id, exercise code, how to work),
 * Figures (the student's perturbed figures, each a defined name = its id) and Tasks (questions in
 * English and Chinese with an empty answer cell named ANSWER_<task>). The plan holds no expected
 * answer and no formula that would compute one, and not the seed: the key exists only at grading.
 */
import {
  aboutLabelsOf,
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
import { TEXT } from '../text/index.js';
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

  const lang = input.lang ?? 'en';
  const zh = lang === 'zh';
  const words = TEXT[lang].sheets.exercise;
  const labels = aboutLabelsOf(lang);
  const about = sheet(
    EXERCISE_SHEETS.about,
    [
      [text(words.title, true)],
      [],
      [text(labels.student, true), text(studentId)],
      [text(labels.code, true), text(code)],
      [text(labels.format, true), { v: EXERCISE_FORMAT }],
      [text(labels.base, true), text(baseValuesText(base))],
      [],
      [text(words.howTo, true)],
      ...words.steps(ids.length, ids[0] ?? 'FIGURE', tasks.length).map((line) => [text(line)]),
    ],
    [28, 120],
  );

  const figureRows: CellPlan[][] = [words.figureColumns.map(header)];
  const names: NamePlan[] = [];
  ids.forEach((id, i) => {
    const g = given(id)!;
    const row = i + 2;
    figureRows.push([
      text(id),
      text(zh ? g.labelZh : g.labelEn),
      text(zh ? g.labelEn : g.labelZh),
      { v: variant.get(id)!, fmt: UNITS[g.unit].numberFormat === '@' ? 'General' : UNITS[g.unit].numberFormat },
      text(zh ? UNITS[g.unit].labelZh : UNITS[g.unit].labelEn),
      text(g.source === 'article' ? words.source.article : g.source === 'user' ? words.source.user : words.source.reference),
      text(g.where),
      text(zh ? g.periodZh : g.period),
    ]);
    names.push({ name: id, sheet: EXERCISE_SHEETS.figures, address: cellAddress(row, EXERCISE_FIGURE_COLUMNS.value, true), comment: zh ? g.labelZh : g.labelEn });
  });

  const taskRows: CellPlan[][] = [words.taskColumns.map(header)];
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
      comment: words.answerComment(task.id),
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
