/**
 * Exercises section of the task pane: make a student's exercise in the open workbook, and grade
 * the open workbook. Ships in the add-in bundle: Office.js through `ctx.run` only, no Node, no
 * ExcelJS, no simulated host. The seed typed here is never written into the workbook.
 */
import { fillWorkbook, type FillResult } from '../../excel/fill.js';
import {
  EXERCISE_SHEETS,
  ExerciseError,
  LEVELS,
  buildTaskSet,
  gradeExerciseFile,
  gradebookCsv,
  type Cell,
  type ExerciseFile,
  type Level,
  type StudentGrade,
  type TaskSpec,
} from '../../model/exercises/index.js';
import { exercisePlan } from '../../plan/exercise.js';
import type { ExcelRun, SectionContext, SectionLang } from './context.js';

const STRINGS = {
  en: {
    intro: 'Make a per-student exercise in this workbook, or grade a student’s workbook. The seed is your key: it is never saved in the workbook, and grading needs it.',
    level: 'Tasks',
    levelDefault: 'Default mix (6 tasks)',
    levelEasy: 'Easy: sums and ratios',
    levelMedium: 'Medium: conversions, implied bases, prior values',
    levelHard: 'Hard: dates and break-evens',
    claims: 'Or claim ids (comma-separated; CLAIM@FIGURE for a break-even)',
    seed: 'Seed (keep it secret)',
    student: 'Student id',
    make: 'Make exercise in this workbook',
    grade: 'Grade this workbook',
    needSeed: 'Enter the seed first.',
    needStudent: 'Enter the student id.',
    making: 'Writing the exercise',
    made: (n: number, student: string) => `Exercise with ${n} task(s) written for ${student}.`,
    conflict: (names: string) => `Nothing written: ${names} already exist(s) in this workbook and were not made by ClaimCell.`,
    unchanged: 'The workbook already holds this exercise.',
    grading: 'Reading the answers',
    graded: (total: number, max: number, student: string) => `${student}: ${total} of ${max} point(s).`,
    tampered: (ids: string) => `Edited given figures: ${ids}. Tasks that use them earn no credit.`,
    none: 'No tampered figures.',
    task: 'Task',
    expected: 'Expected',
    given: 'Given',
    tolerance: '±',
    result: 'Result',
    right: 'right',
    partial: 'partial',
    wrong: 'wrong',
    notCounted: 'not counted',
    download: 'Download gradebook (CSV)',
    failed: (m: string) => `Could not do that: ${m}`,
  },
  zh: {
    intro: '在本工作簿中为某位学生生成练习，或为学生的工作簿评分。种子是你的密钥：不会保存在工作簿中，评分时需要它。',
    level: '题目',
    levelDefault: '默认组合（6题）',
    levelEasy: '简单：求和与比值',
    levelMedium: '中等：换算、隐含基数、上期值',
    levelHard: '困难：日期与临界值',
    claims: '或输入说法 id（逗号分隔；临界值题用 CLAIM@FIGURE）',
    seed: '种子（请保密）',
    student: '学生编号',
    make: '在本工作簿中生成练习',
    grade: '为本工作簿评分',
    needSeed: '请先输入种子。',
    needStudent: '请输入学生编号。',
    making: '正在写入练习',
    made: (n: number, student: string) => `已为 ${student} 写入 ${n} 道题。`,
    conflict: (names: string) => `未写入：本工作簿已有 ${names}，且不是 ClaimCell 创建的。`,
    unchanged: '本工作簿已包含此练习。',
    grading: '正在读取答案',
    graded: (total: number, max: number, student: string) => `${student}：${total} / ${max} 分。`,
    tampered: (ids: string) => `给定数字被改动：${ids}。使用这些数字的题目不得分。`,
    none: '给定数字未被改动。',
    task: '题号',
    expected: '标准答案',
    given: '作答',
    tolerance: '±',
    result: '结果',
    right: '正确',
    partial: '部分得分',
    wrong: '错误',
    notCounted: '不计分',
    download: '下载成绩表（CSV）',
    failed: (m: string) => `操作失败：${m}`,
  },
} as const;

type Strings = (typeof STRINGS)[SectionLang];

export interface MakeOptions {
  readonly seed: string;
  readonly studentId: string;
  readonly tasks: readonly TaskSpec[];
  readonly lang?: SectionLang;
}

/** Writes one student's exercise into the open workbook through the shared plan writer. */
export function makeExerciseInWorkbook(run: ExcelRun, options: MakeOptions, onProgress?: (fraction: number, message: string) => void): Promise<FillResult> {
  return fillWorkbook(run, () => exercisePlan({ seed: options.seed, studentId: options.studentId, tasks: options.tasks, lang: options.lang ?? 'en' }), {
    ...(onProgress ? { onProgress: (p) => onProgress(p.fraction, p.message) } : {}),
  });
}

const plain = (v: unknown): Cell => (v === '' || v === undefined ? null : (v as Cell));

/**
 * Reads what grading needs from the open workbook in two syncs: (1) which exercise sheets and
 * defined names exist; (2) the used range of each sheet and the value of every range name.
 */
export async function readExerciseWorkbook(run: ExcelRun): Promise<ExerciseFile> {
  return run(async (context) => {
    const wb = context.workbook;
    const sheetList = wb.worksheets.load('items/name');
    const nameList = wb.names.load('items/name,items/type');
    await context.sync();
    const present = new Set(sheetList.items.map((s) => s.name));
    const used = Object.values(EXERCISE_SHEETS)
      .filter((name) => present.has(name))
      .map((name) => ({ name, range: wb.worksheets.getItem(name).getUsedRange().load('values,rowIndex,columnIndex') }));
    const named = nameList.items
      .filter((n) => n.type === 'Range')
      .map((n) => ({ name: n.name, range: n.getRangeOrNullObject().load('values') }));
    await context.sync();
    const sheets = new Map<string, Cell[][]>();
    for (const { name, range } of used) {
      // Pad to A1 so the layout's column numbers hold even if the used range starts lower.
      const rows: Cell[][] = Array.from({ length: range.rowIndex }, () => []);
      for (const row of range.values) rows.push([...Array.from({ length: range.columnIndex }, () => null), ...row.map(plain)]);
      sheets.set(name, rows);
    }
    const names = new Map<string, Cell>();
    for (const { name, range } of named) if (!range.isNullObject) names.set(name, plain(range.values[0]?.[0]));
    return { sheets, names };
  });
}

/** Reads and grades the open workbook. */
export async function gradeOpenWorkbook(run: ExcelRun, seed: string): Promise<StudentGrade> {
  return gradeExerciseFile(await readExerciseWorkbook(run), seed);
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, text?: string): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
};

const fmt = (v: unknown): string => (v === null || v === undefined || v === '' ? '—' : typeof v === 'number' ? String(Number(v.toPrecision(10))) : String(v));

let instances = 0;

export function mountExercisesSection(container: HTMLElement, ctx: SectionContext): void {
  const uid = `ex${++instances}`;
  const t = (): Strings => STRINGS[ctx.lang()];
  const intro = el('p', { class: 'hint' });

  const levelLabel = el('label', { class: 'field', for: `${uid}-level` });
  const level = el('select', { id: `${uid}-level` });
  const claimsLabel = el('label', { class: 'field', for: `${uid}-claims` });
  const claims = el('input', { id: `${uid}-claims`, class: 'input', type: 'text', autocomplete: 'off', spellcheck: 'false' });
  const seedLabel = el('label', { class: 'field', for: `${uid}-seed` });
  const seed = el('input', { id: `${uid}-seed`, class: 'input', type: 'password', autocomplete: 'off', spellcheck: 'false' });
  const studentLabel = el('label', { class: 'field', for: `${uid}-student` });
  const student = el('input', { id: `${uid}-student`, class: 'input', type: 'text', autocomplete: 'off', spellcheck: 'false' });
  const [levelText, claimsText, seedText, studentText] = [el('span'), el('span'), el('span'), el('span')] as const;
  levelLabel.append(levelText, level);
  claimsLabel.append(claimsText, claims);
  seedLabel.append(seedText, seed);
  studentLabel.append(studentText, student);

  const make = el('button', { type: 'button', class: 'button button--primary', 'data-action': 'make-exercise' });
  const grade = el('button', { type: 'button', class: 'button', 'data-action': 'grade-exercise' });
  const results = el('div', { class: 'stack', 'aria-live': 'polite', 'data-role': 'exercise-results' });

  let lastGrade: StudentGrade | null = null;
  let downloadUrl: string | null = null;

  const render = (): void => {
    const s = t();
    intro.textContent = s.intro;
    levelText.textContent = s.level;
    claimsText.textContent = s.claims;
    seedText.textContent = s.seed;
    studentText.textContent = s.student;
    const selected = level.value || 'default';
    level.replaceChildren(
      ...[['default', s.levelDefault], ['easy', s.levelEasy], ['medium', s.levelMedium], ['hard', s.levelHard]].map(([value, label]) => {
        const o = el('option', { value: value! }, label);
        if (value === selected) o.setAttribute('selected', '');
        return o;
      }),
    );
    make.textContent = s.make;
    grade.textContent = s.grade;
    renderResults();
  };

  const renderResults = (): void => {
    results.replaceChildren();
    if (!lastGrade) return;
    const s = t();
    const g = lastGrade;
    results.append(el('p', { 'data-role': 'exercise-score' }, s.graded(g.total, g.max, g.student)));
    results.append(el('p', { class: 'hint', 'data-role': 'exercise-tampered' }, g.tamperedFigures.length ? s.tampered(g.tamperedFigures.join(', ')) : s.none));
    const table = el('table', { class: 'exercise-grades' });
    const head = el('tr');
    for (const h of [s.task, s.expected, s.given, s.tolerance, s.result]) head.append(el('th', { scope: 'col' }, h));
    table.append(head);
    for (const r of g.tasks) {
      const row = el('tr', { 'data-task': r.task });
      const verdict = !r.counted ? s.notCounted : r.correct ? s.right : r.credit > 0 ? `${s.partial} (${r.credit})` : s.wrong;
      for (const c of [r.task, fmt(r.expected), fmt(r.given), fmt(r.tolerance), verdict]) row.append(el('td', {}, c));
      row.title = r.note;
      table.append(row);
    }
    results.append(table);
    if (downloadUrl) URL.revokeObjectURL(downloadUrl);
    downloadUrl = typeof URL.createObjectURL === 'function' ? URL.createObjectURL(new Blob([gradebookCsv([g])], { type: 'text/csv' })) : null;
    const link = el('a', { class: 'button button--small', download: `gradebook-${g.student}.csv`, 'data-role': 'gradebook', ...(downloadUrl ? { href: downloadUrl } : {}) }, s.download);
    results.append(link);
  };

  const busy = (on: boolean): void => {
    make.disabled = on;
    grade.disabled = on;
  };

  const tasksFromControls = (): TaskSpec[] => {
    const ids = claims.value.split(',').map((x) => x.trim()).filter(Boolean);
    const lv = level.value;
    return buildTaskSet({ ...(ids.length ? { claims: ids } : {}), ...((LEVELS as readonly string[]).includes(lv) ? { level: lv as Level } : {}) });
  };

  const fail = (error: unknown): void => {
    const message = error instanceof ExerciseError ? error.problems.join('; ') : error instanceof Error ? error.message : String(error);
    ctx.showStatus(t().failed(message), 'error');
  };

  make.addEventListener('click', () => {
    const s = t();
    if (!seed.value) return ctx.showStatus(s.needSeed, 'error');
    if (!student.value.trim()) return ctx.showStatus(s.needStudent, 'error');
    let tasks: TaskSpec[];
    try {
      tasks = tasksFromControls();
    } catch (error) {
      return fail(error);
    }
    busy(true);
    ctx.progress(0, s.making);
    void makeExerciseInWorkbook(ctx.run, { seed: seed.value, studentId: student.value.trim(), tasks, lang: ctx.lang() }, (f, m) => ctx.progress(f, m))
      .then((result) => {
        const now = t();
        if (result.status === 'conflict') ctx.showStatus(now.conflict(result.conflicts.map((c) => c.name).join(', ')), 'error');
        else if (result.status === 'unchanged') ctx.showStatus(now.unchanged, 'info');
        else ctx.showStatus(now.made(tasks.length, student.value.trim()), 'success');
      }, fail)
      .finally(() => {
        ctx.progress(null);
        busy(false);
      });
  });

  grade.addEventListener('click', () => {
    const s = t();
    if (!seed.value) return ctx.showStatus(s.needSeed, 'error');
    busy(true);
    ctx.progress(0.3, s.grading);
    void gradeOpenWorkbook(ctx.run, seed.value)
      .then((g) => {
        lastGrade = g;
        renderResults();
        ctx.showStatus(t().graded(g.total, g.max, g.student), g.tamperedFigures.length ? 'error' : 'success');
      }, (error: unknown) => {
        lastGrade = null;
        renderResults();
        fail(error);
      })
      .finally(() => {
        ctx.progress(null);
        busy(false);
      });
  });

  const controls = el('div', { class: 'stack' });
  controls.append(levelLabel, claimsLabel, seedLabel, studentLabel, make, grade);
  container.append(intro, controls, results);
  render();
  ctx.onLanguageChange(render);
}
