import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerName,
  defaultTasks,
  levelTasks,
  mathOf,
  exerciseFigureIds,
  makeVariant,
  roundTo,
  taskKey,
  type StudentGrade,
} from '../../src/model/exercises/index.js';
import { getClaim } from '../../src/model/claims/index.js';
import { readExerciseXlsx, studentWorkbookBuffer } from '../../src/cli/commands/exercise.js';
import { ROOT } from '../paths.js';
import { findSoffice, recalcProfile } from '../export/soffice.js';
import { cli } from './run.js';
import { englishIn } from '../text/latin.js';

const SEED = 'cli-seed-7f3a9d2c41e8';
const STUDENTS = ['alice', 'bob', '陈晨', 's-004'];
let dir: string;
let out: string;

const keysOf = (student: string) => {
  const tasks = defaultTasks();
  const v = makeVariant(SEED, student, exerciseFigureIds(tasks));
  return { variant: v, keys: tasks.map((t) => taskKey(t, v)) };
};

/** Types answers (and optional figure edits) into a student's file, as Excel would save them. */
async function answer(file: string, values: Record<string, ExcelJS.CellValue>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  for (const [name, value] of Object.entries(values)) {
    const [range] = wb.definedNames.getRanges(name).ranges;
    const [sheet, address] = range!.split('!') as [string, string];
    wb.getWorksheet(sheet)!.getCell(address.replace(/\$/g, '')).value = value;
  }
  writeFileSync(file, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

/** Every place an expected answer (at several roundings) or the seed appears in any part of the .xlsx zip. */
async function leaks(bytes: Buffer, student: string): Promise<string[]> {
  const found: string[] = [];
  const zip = await JSZip.loadAsync(bytes);
  const parts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map(async (f) => ({ name: f.name, text: await f.async('string') })));
  expect(parts.map((p) => p.name)).toEqual(expect.arrayContaining(['xl/workbook.xml', 'xl/sharedStrings.xml', 'docProps/core.xml', 'docProps/app.xml']));
  const { variant, keys } = keysOf(student);
  const given = new Set([...variant.values()].map(String));
  for (const part of parts) {
    if (part.text.includes(SEED)) found.push(`${part.name}: the seed`);
    // Short forms (fewer than 3 digits) are looked for as whole values: numeric cells (a t="s"
    // cell's <v> is a shared-string index), strings, defined names and document properties.
    const values = [
      ...[...part.text.matchAll(/<c\b([^>]*)>(?:<f[^>]*>[^<]*<\/f>)?<v>([^<]*)<\/v>/g)].filter((m) => !/\bt="s"/.test(m[1]!)).map((m) => m[2]!),
      ...[...part.text.matchAll(/<(t|definedName|dc:[a-z]+|dcterms:[a-z]+|cp:[a-zA-Z]+|vt:[a-z0-9]+|property)\b[^>]*>([^<]*)</g)].map((m) => m[2]!.trim()),
    ];
    for (const key of keys) {
      const exact = key.exact!;
      const d = key.format.decimals;
      const forms = new Set<string>([String(exact), ...[d, d + 1, d + 2, d + 3, 6, 10].map((k) => String(roundTo(exact, k)))]);
      if (key.unit === 'percent') for (const k of [1, 2, 3]) forms.add(String(roundTo(exact * 100, k)));
      for (const form of forms) {
        if (given.has(form)) continue; // a given figure equal to an answer is not a leak
        const digits = form.replace(/[-.]/g, '').replace(/^0+/, '');
        if (digits.length >= 3 ? part.text.includes(form) : values.includes(form)) found.push(`${part.name}: ${form} (${key.task.id})`);
      }
    }
  }
  return found;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'claimcell-exercise-'));
  out = join(dir, 'out');
  writeFileSync(join(dir, 'roster.csv'), `student_id,name\n${STUDENTS.map((s) => ` ${s} ,x`).join('\n')}\n`);
  const made = await cli('exercise', '--seed', SEED, '--roster', join(dir, 'roster.csv'), '--out', out);
  expect(made.err).toBe('');
  expect(made.code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cli exercise', () => {
  it('writes one workbook per student and prints a summary', async () => {
    expect(readdirSync(out).sort()).toEqual(['alice.xlsx', 'bob.xlsx', 's-004.xlsx', '陈晨.xlsx']);
    const again = await cli('exercise', '--seed', SEED, '--roster', join(dir, 'roster.csv'), '--out', join(dir, 'json'), '--json');
    const summary = JSON.parse(again.out) as { tasks: { id: string; level: string }[]; students: { student: string }[] };
    expect(summary.tasks.map((t) => t.level)).toEqual(['easy', 'easy', 'medium', 'medium', 'hard', 'hard']);
    expect(summary.students.map((s) => s.student)).toEqual(STUDENTS);
  });

  it('no part of a student file holds an expected answer or the seed (and the search does find a planted one)', async () => {
    for (const student of STUDENTS) {
      expect(await leaks(readFileSync(join(out, `${student}.xlsx`)), student)).toEqual([]);
    }
    // control: the same search on a file with the answers typed in finds them
    const planted = join(dir, 'planted.xlsx');
    writeFileSync(planted, readFileSync(join(out, 'alice.xlsx')));
    await answer(planted, Object.fromEntries(keysOf('alice').keys.map((k) => [answerName(k.task.id), k.expected])));
    expect((await leaks(readFileSync(planted), 'alice')).length).toBeGreaterThanOrEqual(6);
  });

  it('same seed and student id → the same bytes, even seconds apart; another student → another file', async () => {
    const tasks = defaultTasks();
    const a = await studentWorkbookBuffer(SEED, 'alice', tasks);
    await new Promise((r) => setTimeout(r, 2100)); // zip entry times have a 2-second resolution
    const b = await studentWorkbookBuffer(SEED, 'alice', tasks);
    expect(a.equals(b)).toBe(true);
    expect(a.equals(readFileSync(join(out, 'alice.xlsx')))).toBe(true);
    expect(a.equals(await studentWorkbookBuffer(SEED, 'bob', tasks))).toBe(false);
  });

  it('answers bad command lines with exit code 2', async () => {
    const roster = join(dir, 'roster.csv');
    expect((await cli('exercise', '--roster', roster, '--out', out)).code).toBe(2);
    expect((await cli('exercise', '--seed', SEED, '--roster', roster, '--out', out, '--level', 'extreme')).code).toBe(2);
    const unknown = await cli('exercise', '--seed', SEED, '--roster', roster, '--out', out, '--claims', 'NOPE');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown claim "NOPE"');
    writeFileSync(join(dir, 'dup.csv'), 'student_id\na\na\n');
    const dup = await cli('exercise', '--seed', SEED, '--roster', join(dir, 'dup.csv'), '--out', out);
    expect(dup.code).toBe(2);
    expect(dup.err).toContain('line 3: duplicate student id "a"');
    expect((await cli('grade', out)).code).toBe(2);
    expect((await cli('grade', '--seed', SEED)).code).toBe(2);
  });

  it('warns about a short seed', async () => {
    const short = await cli('exercise', '--seed', 'abc', '--roster', join(dir, 'roster.csv'), '--out', join(dir, 'short'), '--level', 'easy');
    expect(short.code).toBe(0);
    expect(short.err).toContain('shorter than');
  });
});

describe('cli grade', () => {
  it('grades a batch: full marks, partial credit, tampering, and unreadable files reported per file', async () => {
    const grading = join(dir, 'grading');
    await cli('exercise', '--seed', SEED, '--roster', join(dir, 'roster.csv'), '--out', grading);
    const alice = keysOf('alice').keys;
    // alice: all right, one as a formula with the result Excel saved
    await answer(join(grading, 'alice.xlsx'), Object.fromEntries(alice.map((k, i) => [answerName(k.task.id), i === 0 ? ({ formula: 'INDIA_UST_CUT_OCT+BRAZIL_UST_CUT_OCT+CHINA_UST_CUT_OCT', result: k.exact } as ExcelJS.CellFormulaValue) : k.expected])));
    // bob: T1 wrong, T2 to a whole percent (right method, wrong rounding), the rest right
    const bob = keysOf('bob').keys;
    const bobT2 = roundTo(bob[1]!.exact!, 2);
    await answer(join(grading, 'bob.xlsx'), Object.fromEntries(bob.map((k, i) => [answerName(k.task.id), i === 0 ? k.exact! * 3 : i === 1 ? bobT2 : k.expected])));
    // 陈晨: right answers, but INDIA_UST_CUT_OCT edited to make T1 easier
    const chen = keysOf('陈晨');
    await answer(join(grading, '陈晨.xlsx'), { ...Object.fromEntries(chen.keys.map((k) => [answerName(k.task.id), k.expected])), INDIA_UST_CUT_OCT: 10 });
    // s-004 hands in nothing; plus a foreign file and a non-xlsx
    writeFileSync(join(grading, 'notes.xlsx'), 'not a zip');
    const foreign = new ExcelJS.Workbook();
    foreign.addWorksheet('Budget').getCell('A1').value = 1;
    writeFileSync(join(grading, 'budget.xlsx'), Buffer.from((await foreign.xlsx.writeBuffer()) as ArrayBuffer));

    const gradebook = join(dir, 'gradebook.csv');
    const run = await cli('grade', grading, '--seed', SEED, '--json', '--gradebook', gradebook);
    expect(run.code, 'two files could not be graded: the exit code says so (issue 20)').toBe(1);
    const result = JSON.parse(run.out) as { students: (StudentGrade & { file: string })[]; errors: { file: string; error: string }[] };
    const by = new Map(result.students.map((s) => [s.student, s]));
    expect(by.get('alice')!.total).toBe(6);
    expect(by.get('alice')!.tasks.every((t) => t.correct)).toBe(true);
    const bobGrade = by.get('bob')!;
    expect(bobGrade.tasks[0]).toMatchObject({ student: 'bob', task: 'T1', credit: 0, correct: false, note: 'wrong' });
    expect(bobGrade.tasks[1]!.credit).toBe(Math.abs(bobT2 - bob[1]!.exact!) <= 0.0005 ? 1 : 0.5);
    expect(bobGrade.total).toBe(4 + bobGrade.tasks[1]!.credit);
    for (const t of bobGrade.tasks) expect(Object.keys(t)).toEqual(expect.arrayContaining(['student', 'task', 'expected', 'given', 'tolerance', 'correct', 'credit', 'note']));
    expect(by.get('陈晨')!.tamperedFigures).toEqual(['INDIA_UST_CUT_OCT']);
    expect(by.get('陈晨')!.tasks[0]!.credit).toBe(0);
    expect(by.get('陈晨')!.total).toBe(5);
    expect(by.get('s-004')!.total).toBe(0);
    expect(result.errors.map((e) => e.file.split('/').pop()).sort()).toEqual(['budget.xlsx', 'notes.xlsx']);
    expect(result.errors.find((e) => e.file.endsWith('budget.xlsx'))!.error).toContain('not a ClaimCell exercise workbook');

    const csv = readFileSync(gradebook, 'utf8').trim().split('\r\n');
    expect(csv[0]).toBe('student,T1,T2,T3,T4,T5,T6,total,max,tampered_figures');
    expect(csv).toContain('alice,1,1,1,1,1,1,6,6,');
    expect(csv.find((l) => l.startsWith('陈晨'))).toBe('陈晨,0,1,1,1,1,1,5,6,INDIA_UST_CUT_OCT');

    writeFileSync(join(dir, 'copy-of-bob.xlsx'), readFileSync(join(grading, 'bob.xlsx')));
    const text = await cli('grade', join(grading, 'bob.xlsx'), join(grading, 'missing.xlsx'), join(dir, 'copy-of-bob.xlsx'), '--seed', SEED);
    expect(text.err).toContain('warning: 2 files belong to student bob');
    expect(text.code, 'missing.xlsx could not be graded').toBe(1);
    expect(text.out).toContain(`bob (${join(grading, 'bob.xlsx')}): ${bobGrade.total} / 6`);
    expect(text.err).toContain('missing.xlsx');

    // the note as data in --json, and the table's notes in the language asked for
    expect((bobGrade.tasks[0] as unknown as { noteData: unknown }).noteData).toEqual({ code: 'wrong', fromText: false });
    const zh = await cli('grade', join(grading, 'bob.xlsx'), join(grading, '陈晨.xlsx'), join(grading, 'budget.xlsx'), '--seed', SEED, '--lang', 'zh');
    // a file that is no exercise says why in Chinese too; --json gave the reason as data
    expect(zh.err).toContain(`${join(grading, 'budget.xlsx')}: 不是 ClaimCell 练习工作簿：没有工作表 “About”`);
    expect((result.errors.find((e) => e.file.endsWith('budget.xlsx')) as unknown as { problemData: unknown }).problemData).toEqual({ code: 'noSheet', sheet: 'About' });
    const taskRows = zh.out.split('\n').filter((line) => /^T\d/.test(line));
    expect(taskRows).toHaveLength(12);
    expect(taskRows[0]).toMatch(/^T1 .* 0 +错误$/);
    expect(taskRows[6]).toMatch(/^T1 .* 0 +不得分：使用了被改动的给定数字 INDIA_UST_CUT_OCT$/);
    expect(taskRows.flatMap((line) => englishIn(line))).toEqual([]);
  });

  it('grades date answers typed as dates, and break-even answers', async () => {
    const dates = join(dir, 'dates');
    writeFileSync(join(dir, 'one.csv'), 'erin\n');
    const made = await cli('exercise', '--seed', SEED, '--roster', join(dir, 'one.csv'), '--out', dates, '--claims', 'GOLD_STREAK_START,ORDER_AFTER_INAUGURATION,TARIFF_IMPLIED_BASE@AI_CHIP_TARIFF_RATE');
    expect(made.code).toBe(0);
    const tasks = [
      { id: 'T1', kind: 'recompute' as const, claim: 'GOLD_STREAK_START' },
      { id: 'T2', kind: 'recompute' as const, claim: 'ORDER_AFTER_INAUGURATION' },
      { id: 'T3', kind: 'breakeven' as const, claim: 'TARIFF_IMPLIED_BASE', input: 'AI_CHIP_TARIFF_RATE' },
    ];
    const v = makeVariant(SEED, 'erin', exerciseFigureIds(tasks));
    const keys = tasks.map((t) => taskKey(t, v));
    const asDate = new Date(Date.UTC(1899, 11, 30) + keys[0]!.expected! * 86_400_000);
    expect(asDate.getUTCDate()).toBe(1); // a streak starts on the first of a month
    await answer(join(dates, 'erin.xlsx'), { ANSWER_T1: asDate, ANSWER_T2: keys[1]!.expected, ANSWER_T3: keys[2]!.expected });
    const graded = JSON.parse((await cli('grade', join(dates, 'erin.xlsx'), '--seed', SEED, '--json')).out) as { students: StudentGrade[] };
    expect(graded.students[0]!.tasks.map((t) => t.credit)).toEqual([1, 1, 1]);
    // the break-even rate is where the implied base meets world chip sales
    expect(keys[2]!.exact).toBeCloseTo(v.get('TARIFF_REVENUE_TARGET_P1')! / v.get('REF_SEMI_SALES_2025')!, 9);
  });

  it('reads the file back as grading sees it: figures by name, dates as serials', async () => {
    const file = await readExerciseXlsx(readFileSync(join(out, 'alice.xlsx')));
    const { variant } = keysOf('alice');
    for (const [id, value] of variant) expect(file.names.get(id), id).toBeCloseTo(value, 9);
  });

  it('runs through npm', () => {
    const printed = execFileSync('npm', ['run', '-s', 'cli', '--', 'grade', join(out, 'alice.xlsx'), '--seed', SEED, '--json'], { cwd: ROOT, encoding: 'utf8' });
    expect((JSON.parse(printed) as { students: StudentGrade[] }).students[0]!.total).toBe(0);
  });
});

describe.skipIf(!findSoffice())('student workbook in LibreOffice', () => {
  it("opens, the task's arithmetic over the named figures recalculates, and the result grades full marks", async () => {
    const seed = 'lo-seed-12345678901';
    const tasks = [...defaultTasks(), ...levelTasks('hard').filter((t) => t.claim === 'GOLD_STREAK_START' || t.claim === 'GOLD_STREAK_PREDATES_ORDER'), ...levelTasks('medium')].map((t, i) => ({ ...t, id: `T${i + 1}` }));
    const v = makeVariant(seed, 'zoe', exerciseFigureIds(tasks));
    const src = join(dir, 'lo', 'zoe.xlsx');
    rmSync(join(dir, 'lo'), { recursive: true, force: true });
    mkdirSync(join(dir, 'lo'), { recursive: true });
    // formulas without cached results: only a recalculating engine can answer them
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await studentWorkbookBuffer(seed, 'zoe', tasks)) as unknown as ArrayBuffer);
    for (const t of tasks) {
      const [range] = wb.definedNames.getRanges(answerName(t.id)).ranges;
      const [sheet, address] = range!.split('!') as [string, string];
      const formula = mathOf(getClaim(t.claim)!.recomputeExpr).replace(/ × /g, '*').replace(/ ÷ /g, '/').replace(/ /g, '');
      wb.getWorksheet(sheet)!.getCell(address.replace(/\$/g, '')).value = t.kind === 'recompute' ? ({ formula } as ExcelJS.CellFormulaValue) : taskKey(t, v).expected;
    }
    writeFileSync(src, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const profile = recalcProfile();
    execFileSync(findSoffice()!, [`-env:UserInstallation=${profile.url}`, '--headless', '--convert-to', 'xlsx', '--outdir', join(dir, 'lo', 'recalculated'), src], { stdio: 'pipe', timeout: 120_000 });
    rmSync(profile.dir, { recursive: true, force: true });
    const graded = JSON.parse((await cli('grade', join(dir, 'lo', 'recalculated', 'zoe.xlsx'), '--seed', seed, '--json')).out) as { students: StudentGrade[] };
    const zoe = graded.students[0]!;
    expect(zoe.tamperedFigures).toEqual([]);
    expect(zoe.tasks.filter((t) => t.credit !== 1).map((t) => `${t.task} ${t.claim}: ${t.note}`)).toEqual([]);
    expect(zoe.total).toBe(tasks.length);
  });
});
