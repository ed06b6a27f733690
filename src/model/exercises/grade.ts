/**
 * Grading: a student's workbook (as plain cell values, read by the CLI with ExcelJS or by the task
 * pane with Excel.run) against the key regenerated from the seed and the student id.
 *
 * Credit per task:
 * - 1: within the tolerance, half a unit of the asked last decimal (an unrounded answer counts);
 * - 0.5, the right method with a wrong rounding: the exact value rounded (or truncated) to fewer
 *   decimals, a percentage typed as points (7.6 for 7.6%), or anything within 10× the tolerance
 *   (e.g. a rounded intermediate step);
 * - 0 otherwise, or when the task reads a given figure that was edited (see `tamperedFigures`):
 *   the task no longer tests the student's own numbers, so it earns nothing and is flagged for the
 *   instructor to look at.
 */
import { UNITS } from '../units/index.js';
import { roundTo, slackFor } from './answer-format.js';
import { ABOUT_LABELS, aboutLabelVariants, EXERCISE_FIGURE_COLUMNS, EXERCISE_SHEETS, TASK_COLUMNS, exerciseCode, parseBaseValues } from './layout.js';
import { makeVariant } from './perturb.js';
import { parseOwnRows } from './own.js';
import { answerName, exerciseFigureIds, givenFigureIn, taskFigureIds, taskKey, type TaskKey, type TaskKind, type TaskSpec } from './tasks.js';
import { getClaim } from '../claims/index.js';
import type { GradeFileProblem, GradeNote } from './grade-note.js';
import { gradeFileProblemText } from '../../text/messages.js';

export type Cell = number | string | boolean | null;

/** What grading needs from a workbook: its sheets' values (dates as Excel serials) and the values of its defined names. */
export interface ExerciseFile {
  readonly sheets: ReadonlyMap<string, readonly (readonly Cell[])[]>;
  readonly names: ReadonlyMap<string, Cell>;
}

/** The file cannot be graded (not an exercise workbook, wrong seed, edited task list): `problem` says why, as data. */
export class ExerciseFileError extends Error {
  override readonly name = 'ExerciseFileError';
  /** The message is English, for logs and `--json`; readers get `problem` rendered in their language (`gradeFileProblemText`). */
  constructor(readonly problem: GradeFileProblem) {
    super(gradeFileProblemText(problem, 'en'));
  }
}

export interface TaskResult {
  readonly student: string;
  readonly task: string;
  readonly kind: TaskKind;
  readonly claim: string;
  readonly input?: string;
  /** The expected answer at the asked rounding (null when this variant has none; then not counted). */
  readonly expected: number | null;
  readonly given: Cell;
  readonly tolerance: number;
  readonly correct: boolean;
  readonly credit: number;
  readonly counted: boolean;
  /** Why it earned its credit, as data; rendered in the reader's language (`gradeNoteText`). */
  readonly note: GradeNote;
}

export interface StudentGrade {
  readonly student: string;
  readonly tasks: readonly TaskResult[];
  readonly total: number;
  readonly max: number;
  /** Given figures whose value in the file differs from the student's variant (or that are missing). */
  readonly tamperedFigures: readonly string[];
}

const blank = (c: Cell | undefined): boolean => c === null || c === undefined || (typeof c === 'string' && c.trim() === '');

/** A typed-in answer as a number: numbers as they are; text like "7.6%", "1,234.5" parsed; else null. */
export function answerNumber(given: Cell): { value: number; fromText: boolean } | null {
  if (typeof given === 'number') return Number.isFinite(given) ? { value: given, fromText: false } : null;
  if (typeof given !== 'string') return null;
  const text = given.trim().replace(/[,\s]/g, '').replace(/^−/, '-');
  const m = /^([+-]?\d+(?:\.\d*)?|[+-]?\.\d+)(%?)$/.exec(text);
  if (!m) return null;
  return { value: Number(m[1]) / (m[2] ? 100 : 1), fromText: true };
}

const truncTo = (v: number, k: number): number => Math.trunc(v * 10 ** k + Math.sign(v) * 1e-9) / 10 ** k;

/** Credit for one answer against one key (tampering aside). */
export function gradeAnswer(key: TaskKey, given: Cell): { credit: number; correct: boolean; note: GradeNote } {
  if (key.exact === null) return { credit: 0, correct: false, note: { code: 'notCounted' } };
  if (blank(given)) return { credit: 0, correct: false, note: { code: 'noAnswer' } };
  const parsed = answerNumber(given);
  if (!parsed) return { credit: 0, correct: false, note: { code: 'notANumber', given: given as string | boolean } };
  const g = parsed.value;
  const exact = key.exact;
  const d = key.format.decimals;
  const eps = slackFor(exact);
  const tol = key.tolerance + eps;
  const fromText = parsed.fromText;
  if (Math.abs(g - exact) <= tol) return { credit: 1, correct: true, note: { code: 'correct', fromText } };
  const fraction = UNITS[key.unit].isFraction;
  if (fraction && Math.abs(g / 100 - exact) <= tol) {
    return { credit: 0.5, correct: false, note: { code: 'percentPoints', given: g, fromText } };
  }
  // decimals as the student sees them: of the percent for a fraction (0.076 to 3 places is 7.6%)
  const shown = (k: number): number => (fraction ? Math.max(0, k - 2) : k);
  for (let k = 0; k < d; k++) {
    if (Math.abs(g - roundTo(exact, k)) <= eps) return { credit: 0.5, correct: false, note: { code: 'roundedTo', decimals: shown(k), asked: shown(d), ofPercent: fraction, fromText } };
  }
  for (let k = 0; k <= d; k++) {
    if (Math.abs(g - truncTo(exact, k)) <= eps) return { credit: 0.5, correct: false, note: { code: 'cutOff', decimals: shown(k), ofPercent: fraction, fromText } };
  }
  if (Math.abs(g - exact) <= 10 * key.tolerance + eps) {
    return { credit: 0.5, correct: false, note: { code: 'close', off: roundTo(Math.abs(g - exact), d + 2), tolerance: key.tolerance, fromText } };
  }
  return { credit: 0, correct: false, note: { code: 'wrong', fromText } };
}

function sheetOf(file: ExerciseFile, name: string): readonly (readonly Cell[])[] {
  const sheet = file.sheets.get(name);
  if (!sheet) throw new ExerciseFileError({ code: 'noSheet', sheet: name });
  return sheet;
}

const cellText = (c: Cell | undefined): string => (c === null || c === undefined ? '' : String(c).trim());

/** Student id and exercise code from the About sheet. */
export function readAbout(file: ExerciseFile): { student: string; code: string; base: Map<string, number> } {
  const about = sheetOf(file, EXERCISE_SHEETS.about);
  const find = (key: keyof typeof ABOUT_LABELS): string => {
    const labels = aboutLabelVariants(key);
    return cellText(about.find((row) => labels.includes(cellText(row[0])))?.[1]);
  };
  const student = find('student');
  const code = find('code');
  if (!student || !code) throw new ExerciseFileError({ code: 'noStudentOrCode' });
  const baseText = find('base');
  const base = parseBaseValues(baseText);
  if (!base) throw new ExerciseFileError({ code: 'baseEdited', text: baseText });
  return { student, code, base };
}

/** The task list from the Tasks sheet (row per task, ids T1, T2, …). */
export function readTasks(file: ExerciseFile): { tasks: TaskSpec[]; answerCells: Map<string, Cell> } {
  const rows = sheetOf(file, EXERCISE_SHEETS.tasks);
  const tasks: TaskSpec[] = [];
  const answerCells = new Map<string, Cell>();
  for (const row of rows.slice(1)) {
    const id = cellText(row[TASK_COLUMNS.id - 1]);
    if (!/^T\d+$/.test(id)) continue;
    const kind = cellText(row[TASK_COLUMNS.kind - 1]);
    const claim = cellText(row[TASK_COLUMNS.claim - 1]);
    const input = cellText(row[TASK_COLUMNS.input - 1]);
    // a claim of the instructor's own carries its MyClaims/MyFigures rows in the Definition cell
    const definition = cellText(row[TASK_COLUMNS.definition - 1]);
    const own = definition ? parseOwnRows(definition) : undefined;
    if (typeof own === 'string') throw new ExerciseFileError({ code: 'taskEdited', task: id, kind, claim, detail: own });
    const known = own ? own.claim.id === claim && kind === 'recompute' : getClaim(claim) !== undefined;
    if ((kind !== 'recompute' && kind !== 'breakeven') || !known || (kind === 'breakeven' && !input)) {
      throw new ExerciseFileError({ code: 'taskEdited', task: id, kind, claim });
    }
    tasks.push({ id, kind, claim, ...(kind === 'breakeven' ? { input } : {}), ...(own ? { own } : {}) });
    answerCells.set(id, row[TASK_COLUMNS.answer - 1] ?? null);
  }
  if (!tasks.length) throw new ExerciseFileError({ code: 'noTasks' });
  return { tasks, answerCells };
}

/** Grades one student's workbook. Throws ExerciseFileError when the file cannot be graded at all. */
export function gradeExerciseFile(file: ExerciseFile, seed: string): StudentGrade {
  const { student, code, base } = readAbout(file);
  const { tasks, answerCells } = readTasks(file);
  if (exerciseCode(seed, student, tasks, base) !== code) {
    throw new ExerciseFileError({ code: 'codeMismatch', student });
  }
  const ids = exerciseFigureIds(tasks);
  const variant = makeVariant(seed, student, ids, base, givenFigureIn(tasks));

  // Given figures as the file has them: the defined name's cell first, else the Figures row.
  const figureRows = new Map<string, Cell>();
  for (const row of sheetOf(file, EXERCISE_SHEETS.figures).slice(1)) {
    const id = cellText(row[EXERCISE_FIGURE_COLUMNS.id - 1]);
    if (id) figureRows.set(id, row[EXERCISE_FIGURE_COLUMNS.value - 1] ?? null);
  }
  const tampered = ids.filter((id) => {
    const inFile = file.names.has(id) ? file.names.get(id) : figureRows.get(id);
    const want = variant.get(id)!;
    return typeof inFile !== 'number' || Math.abs(inFile - want) > 1e-9 * Math.max(1, Math.abs(want));
  });

  const results = tasks.map((task): TaskResult => {
    const key = taskKey(task, variant);
    const given = file.names.has(answerName(task.id)) ? file.names.get(answerName(task.id))! : answerCells.get(task.id) ?? null;
    const edited = taskFigureIds(task).filter((id) => tampered.includes(id));
    const graded = edited.length
      ? { credit: 0, correct: false, note: { code: 'editedFigures', figures: edited } satisfies GradeNote }
      : gradeAnswer(key, given);
    return {
      student,
      task: task.id,
      kind: task.kind,
      claim: task.claim,
      ...(task.input ? { input: task.input } : {}),
      expected: key.expected,
      given,
      tolerance: key.tolerance,
      correct: graded.correct,
      credit: graded.credit,
      counted: key.exact !== null,
      note: graded.note,
    };
  });
  return {
    student,
    tasks: results,
    total: results.reduce((s, r) => s + r.credit, 0),
    max: results.filter((r) => r.counted).length,
    tamperedFigures: tampered,
  };
}

/** CSV field quoting (RFC 4180), with a leading apostrophe for text a spreadsheet would run as a formula. */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Gradebook CSV: one row per student, a credit column per task id (union over the files), total, max, tampered figures. */
export function gradebookCsv(grades: readonly StudentGrade[]): string {
  const taskIds: string[] = [];
  for (const g of grades) for (const t of g.tasks) if (!taskIds.includes(t.task)) taskIds.push(t.task);
  taskIds.sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  const lines = [['student', ...taskIds, 'total', 'max', 'tampered_figures'].map(csvField).join(',')];
  for (const g of grades) {
    const byTask = new Map(g.tasks.map((t) => [t.task, t]));
    lines.push(
      [g.student, ...taskIds.map((id) => (byTask.has(id) ? (byTask.get(id)!.counted ? byTask.get(id)!.credit : 'n/a') : '')), g.total, g.max, g.tamperedFigures.join(' ')]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
