/**
 * A claim of the instructor's own (MyClaims) as an exercise task: made from a workbook with
 * `--workbook`, graded with the seed alone (the task's row carries the claim's formula and the
 * figures it reads, and the exercise code covers them).
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerName, EXERCISE_SHEETS, TASK_COLUMNS, type StudentGrade } from '../../src/model/exercises/index.js';
import { cli } from './run.js';

const SEED = 'mine-seed-4c1f0e9a77d2b3';
/** The worked example of every fresh workbook: CN_UST_HOLDINGS*MY_UST_YIELD, at least 25. */
const CLAIM = 'MY_UST_INCOME';

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return wb;
}
async function save(wb: ExcelJS.Workbook, file: string): Promise<void> {
  writeFileSync(file, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}
/** The value of a given figure in a student's file, through its defined name. */
function given(wb: ExcelJS.Workbook, name: string): number {
  const [range] = wb.definedNames.getRanges(name).ranges;
  const [sheet, address] = range!.split('!') as [string, string];
  return wb.getWorksheet(sheet)!.getCell(address.replace(/\$/g, '')).value as number;
}
function setName(wb: ExcelJS.Workbook, name: string, value: ExcelJS.CellValue): void {
  const [range] = wb.definedNames.getRanges(name).ranges;
  const [sheet, address] = range!.split('!') as [string, string];
  wb.getWorksheet(sheet)!.getCell(address.replace(/\$/g, '')).value = value;
}

describe('exercise with a claim of the user\'s own', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimcell-exercise-mine-'));
  const wb = join(dir, 'wb.xlsx');
  const out = join(dir, 'out');
  beforeAll(async () => {
    expect((await cli('workbook', '--out', wb)).code).toBe(0);
    writeFileSync(join(dir, 'roster.csv'), 'student_id\nana\nben\n');
  });

  it('is an unknown claim without the workbook that defines it', async () => {
    const r = await cli('exercise', '--seed', SEED, '--roster', join(dir, 'roster.csv'), '--out', out, '--claims', CLAIM);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`unknown claim "${CLAIM}"`);
    const be = await cli('exercise', '--seed', SEED, '--roster', join(dir, 'roster.csv'), '--out', out, '--claims', `${CLAIM}@MY_UST_YIELD`, '--workbook', wb);
    expect(be.code).toBe(2);
    expect(be.err).toContain('it can be a recompute task, not a break-even task');
  });

  it('is made as a recompute task over the varied figures, and a correct answer grades correct', async () => {
    const made = await cli('exercise', '--seed', SEED, '--roster', join(dir, 'roster.csv'), '--out', out, '--claims', `OFFICIAL_UST_GDP_RATIO,${CLAIM}`, '--workbook', wb, '--json');
    expect(made.code, made.err).toBe(0);
    const tasks = (JSON.parse(made.out) as { tasks: { id: string; claim: string; kind: string }[] }).tasks;
    expect(tasks.map((t) => [t.id, t.claim, t.kind])).toEqual([['T1', 'OFFICIAL_UST_GDP_RATIO', 'recompute'], ['T2', CLAIM, 'recompute']]);

    const file = join(out, 'ana.xlsx');
    const book = await load(file);
    const yieldGiven = given(book, 'MY_UST_YIELD');
    expect(yieldGiven).not.toBe(0.04); // varied for the student like an article figure
    const row = book.getWorksheet(EXERCISE_SHEETS.tasks)!.getRow(3);
    expect(String(row.getCell(TASK_COLUMNS.questionEn).value)).toContain('CN_UST_HOLDINGS');
    expect(JSON.parse(String(row.getCell(TASK_COLUMNS.definition).value)).claim.recompute).toBe('=CN_UST_HOLDINGS*MY_UST_YIELD');
    setName(book, answerName('T2'), given(book, 'CN_UST_HOLDINGS') * yieldGiven);
    setName(book, answerName('T1'), 1);
    await save(book, file);

    const graded = await cli('grade', file, '--seed', SEED, '--json');
    expect(graded.code, graded.err).toBe(0);
    const grade = (JSON.parse(graded.out) as { students: StudentGrade[] }).students[0]!;
    expect(grade.tasks.find((t) => t.task === 'T2')).toMatchObject({ claim: CLAIM, correct: true, credit: 1 });
    expect(grade.tasks.find((t) => t.task === 'T1')!.correct).toBe(false);

    // the claim's formula edited in the file: the code no longer matches, nothing is graded
    const edited = await load(file);
    const cell = edited.getWorksheet(EXERCISE_SHEETS.tasks)!.getRow(3).getCell(TASK_COLUMNS.definition);
    cell.value = String(cell.value).replace('CN_UST_HOLDINGS*MY_UST_YIELD', 'MY_UST_YIELD');
    await save(edited, join(dir, 'edited.xlsx'));
    const refused = await cli('grade', join(dir, 'edited.xlsx'), '--seed', SEED, '--json');
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.out).errors[0].error).toMatch(/exercise code of ana does not match/);
  });
});
