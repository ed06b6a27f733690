/**
 * Exercises section of the task pane: make a student's exercise in the open workbook, and grade
 * the open workbook. Ships in the add-in bundle: Office.js through `ctx.run` only, no Node, no
 * ExcelJS, no simulated host. The seed typed here is never written into the workbook.
 */
import { fillWorkbook, type FillResult } from '../../excel/fill.js';
import {
  EXERCISE_SHEETS,
  ExerciseError,
  ExerciseFileError,
  LEVELS,
  buildTaskSet,
  gradeExerciseFile,
  gradebookCsv,
  studentFileNames,
  type Cell,
  type ExerciseFile,
  type Level,
  type StudentGrade,
  type TaskSpec,
} from '../../model/exercises/index.js';
import { EXERCISE_FILE_DATE, exercisePlan } from '../../plan/exercise.js';
import { SHEETS } from '../../plan/index.js';
import type { ExcelRun, SectionContext, SectionLang } from './context.js';
import { mountOwnClaimPicker } from './own-claim-picker.js';
import { TEXT } from '../../text/index.js';
import { gradeFileProblemText, gradeNoteText } from '../../text/messages.js';

const STRINGS = { en: TEXT.en.exercisesPane, zh: TEXT.zh.exercisesPane };


type Strings = (typeof STRINGS)[SectionLang];

export interface MakeOptions {
  readonly seed: string;
  readonly studentId: string;
  readonly tasks: readonly TaskSpec[];
  readonly lang?: SectionLang;
  /** Values to vary the figures around (the values in use); none: the article's. */
  readonly base?: ReadonlyMap<string, number>;
}

const planOf = (options: MakeOptions) =>
  exercisePlan({ seed: options.seed, studentId: options.studentId, tasks: options.tasks, lang: options.lang ?? 'en', ...(options.base ? { base: options.base } : {}) });

/** Writes one student's exercise into the open workbook through the shared plan writer. */
export function makeExerciseInWorkbook(run: ExcelRun, options: MakeOptions, onProgress?: (fraction: number, message: string) => void): Promise<FillResult> {
  return fillWorkbook(run, () => planOf(options), {
    ...(onProgress ? { onProgress: (p) => onProgress(p.fraction, p.message) } : {}),
  });
}

/** Where an exercise can go besides the open workbook. */
export interface ExerciseOutlets {
  /** Opens .xlsx bytes (base64) as a new workbook: `Excel.createWorkbook` (ExcelApi 1.8). */
  readonly createWorkbook?: (base64: string) => Promise<void>;
  /** Offers .xlsx bytes as a file download (the preview, a browser). */
  readonly download?: (bytes: Uint8Array, fileName: string) => void;
}

export type MadeExercise =
  | { readonly kind: 'in-place'; readonly result: FillResult }
  | { readonly kind: 'new-workbook' }
  | { readonly kind: 'download'; readonly fileName: string }
  | { readonly kind: 'refused' };

/** True when the open workbook holds ClaimCell's article sheets (an exercise there would damage them). */
export async function holdsArticleSheets(run: ExcelRun): Promise<boolean> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets.load('items/name');
    await context.sync();
    const article: readonly string[] = [SHEETS.claims, SHEETS.scenarios, SHEETS.summary, SHEETS.references];
    return sheets.items.some((s) => article.includes(s.name));
  });
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Makes one student's exercise without ever damaging a filled workbook: into the open workbook only
 * when it holds none of ClaimCell's article sheets; otherwise as a new workbook, else a download,
 * else refused before anything is written.
 */
export async function makeExercise(run: ExcelRun, options: MakeOptions, outlets: ExerciseOutlets, onProgress?: (fraction: number, message: string) => void): Promise<MadeExercise> {
  if (!(await holdsArticleSheets(run))) return { kind: 'in-place', result: await makeExerciseInWorkbook(run, options, onProgress) };
  if (!outlets.createWorkbook && !outlets.download) return { kind: 'refused' };
  onProgress?.(0.3, 'Building the exercise workbook');
  // ExcelJS only loads when an exercise leaves the open workbook (its own chunk).
  const { planToXlsxBytes } = await import(/* webpackChunkName: "xlsx" */ '../../export/xlsx.js');
  const bytes = await planToXlsxBytes(planOf(options), EXERCISE_FILE_DATE);
  if (outlets.createWorkbook) {
    onProgress?.(0.8, 'Opening it as a new workbook');
    await outlets.createWorkbook(toBase64(bytes));
    return { kind: 'new-workbook' };
  }
  // the CLI's rule: letters of any script stay (a Chinese class has Chinese names)
  const fileName = `exercise-${studentFileNames([options.studentId]).get(options.studentId)!}.xlsx`;
  outlets.download!(bytes, fileName);
  return { kind: 'download', fileName };
}

/** The outlets this host offers: Excel.createWorkbook where the API is there, a download in a browser. */
export function hostOutlets(): ExerciseOutlets {
  const g = globalThis as { Excel?: { createWorkbook?: (base64: string) => Promise<void> }; Office?: typeof Office; document?: Document };
  const requirements = g.Office?.context?.requirements;
  const create = g.Excel?.createWorkbook;
  const canCreate = typeof create === 'function' && (requirements ? requirements.isSetSupported('ExcelApi', '1.8') : false);
  const canDownload = typeof g.document?.createElement === 'function' && typeof URL.createObjectURL === 'function';
  return {
    ...(canCreate ? { createWorkbook: (base64: string) => create!(base64) } : {}),
    ...(canDownload
      ? {
          download: (bytes: Uint8Array, fileName: string) => {
            const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
            const link = g.document!.createElement('a');
            link.href = url;
            link.download = fileName;
            link.dataset['role'] = 'exercise-download';
            link.click();
            setTimeout(() => URL.revokeObjectURL(url), 60_000);
          },
        }
      : {}),
  };
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

export function mountExercisesSection(container: HTMLElement, ctx: SectionContext, outlets: () => ExerciseOutlets = hostOutlets): void {
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
      row.title = gradeNoteText(r.note, ctx.lang());
      table.append(row);
    }
    results.append(table);
    if (downloadUrl) URL.revokeObjectURL(downloadUrl);
    downloadUrl = typeof URL.createObjectURL === 'function' ? URL.createObjectURL(new Blob([gradebookCsv([g])], { type: 'text/csv' })) : null;
    const link = el('a', { class: 'button button--small', download: `gradebook-${g.student}.csv`, 'data-role': 'gradebook', ...(downloadUrl ? { href: downloadUrl } : {}) }, s.download);
    results.append(link);
  };

  // aria-disabled, not disabled, while working: a disabled button drops the keyboard focus to the page
  let working = false;
  const busy = (on: boolean): void => {
    working = on;
    for (const b of [make, grade]) {
      if (on) b.setAttribute('aria-disabled', 'true');
      else b.removeAttribute('aria-disabled');
    }
  };

  const tasksFromControls = (): TaskSpec[] => {
    const ids = claims.value.split(',').map((x) => x.trim()).filter(Boolean);
    const lv = level.value;
    // a claim of the user's own (MyClaims) may be a task; its rows travel with it
    return buildTaskSet({ ...(ids.length ? { claims: ids } : {}), ...((LEVELS as readonly string[]).includes(lv) ? { level: lv as Level } : {}), mine: ctx.mine().tables });
  };

  // Statuses go out as messages (language → text), so a language switch re-renders them.
  const fail = (error: unknown): void => {
    // a workbook that cannot be graded says why in the language shown, now and after a switch
    if (error instanceof ExerciseFileError) return ctx.showStatus((l) => STRINGS[l].failed(gradeFileProblemText(error.problem, l)), 'error');
    const message = error instanceof ExerciseError ? error.problems.join('; ') : error instanceof Error ? error.message : String(error);
    ctx.showStatus((l) => STRINGS[l].failed(message), 'error');
  };

  make.addEventListener('click', () => {
    if (working) return;
    const s = t();
    if (!seed.value) return ctx.showStatus((l) => STRINGS[l].needSeed, 'error');
    if (!student.value.trim()) return ctx.showStatus((l) => STRINGS[l].needStudent, 'error');
    let tasks: TaskSpec[];
    try {
      tasks = tasksFromControls();
    } catch (error) {
      return fail(error);
    }
    busy(true);
    ctx.progress(0, s.making);
    const id = student.value.trim();
    const values = ctx.values();
    // the values the exercise was built on, labelled now in both languages (they may change before a switch)
    const labels = { en: ctx.valuesLabel('en'), zh: ctx.valuesLabel('zh') };
    const based = (l: SectionLang): string => (values.overrides.size ? ` ${STRINGS[l].basedOn(labels[l])}` : '');
    void makeExercise(ctx.run, { seed: seed.value, studentId: id, tasks, lang: ctx.lang(), base: values.overrides }, outlets(), (f, m) => ctx.progress(f, m))
      .then((made) => {
        if (made.kind === 'refused') return ctx.showStatus((l) => STRINGS[l].refusedFilled, 'error');
        if (made.kind === 'new-workbook') return ctx.showStatus((l) => STRINGS[l].madeNew(tasks.length, id) + based(l), 'success');
        if (made.kind === 'download') return ctx.showStatus((l) => STRINGS[l].madeDownload(tasks.length, id, made.fileName) + based(l), 'success');
        const result = made.result;
        if (result.status === 'conflict') {
          const names = result.conflicts.map((c) => c.name).join(', ');
          ctx.showStatus((l) => STRINGS[l].conflict(names), 'error');
        } else if (result.status === 'unchanged') ctx.showStatus((l) => STRINGS[l].unchanged, 'info');
        else ctx.showStatus((l) => STRINGS[l].made(tasks.length, id) + based(l), 'success');
      }, fail)
      .finally(() => {
        ctx.progress(null);
        busy(false);
      });
  });

  grade.addEventListener('click', () => {
    if (working) return;
    const s = t();
    if (!seed.value) return ctx.showStatus((l) => STRINGS[l].needSeed, 'error');
    busy(true);
    ctx.progress(0.3, s.grading);
    void gradeOpenWorkbook(ctx.run, seed.value)
      .then((g) => {
        lastGrade = g;
        renderResults();
        ctx.showStatus((l) => STRINGS[l].graded(g.total, g.max, g.student), g.tamperedFigures.length ? 'error' : 'success');
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
  const ownClaims = el('div');
  controls.append(levelLabel, claimsLabel, ownClaims, seedLabel, studentLabel, make, grade);
  container.append(intro, controls, results);
  const renderOwnClaims = mountOwnClaimPicker(ownClaims, ctx, claims);
  render();
  renderOwnClaims();
  ctx.onLanguageChange(render);
  ctx.onLanguageChange(renderOwnClaims);
}
