/**
 * Issue 20, item 1: one hostile student file must not stop grading for the class. Each file is
 * made at test time (hostile-files.ts). The reader must finish on a far-off cell, refuse a zip
 * bomb and a path-traversal entry before ExcelJS sees them, and the grade command must grade
 * every good file and name every bad one, inside a heap-limited child process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExerciseXlsx } from '../../src/export/read-exercise.js';
import { checkXlsxZip, XLSX_LIMITS, XlsxRefusedError } from '../../src/export/zip-guard.js';
import { gradeExerciseFile } from '../../src/model/exercises/index.js';
import { gradeFiles } from '../../src/cli/grade-files.js';
import { ROOT } from '../paths.js';
import { HOSTILE_SEED, notAZip, studentFile, withFarOffCell, withJunkRows, withTraversalEntry, zipBomb } from './hostile-files.js';

let clean: Buffer;
beforeAll(async () => {
  clean = await studentFile('alice');
});

describe('reading a student file does bounded work', () => {
  it('grades a file with one value at XFD1048576 (it used to walk a million rows per row)', async () => {
    const file = await readExerciseXlsx(await withFarOffCell(clean));
    const grade = gradeExerciseFile(file, HOSTILE_SEED);
    expect(grade.student).toBe('alice');
    expect(grade.tasks.length).toBeGreaterThan(0);
  }, 20_000);

  it('grades a file with a value at A1048576', async () => {
    const grade = gradeExerciseFile(await readExerciseXlsx(await withFarOffCell(clean, 1_048_576, 'A')), HOSTILE_SEED);
    expect(grade.student).toBe('alice');
  }, 20_000);

  it('reads the same answers from a file with a stray far-off cell as from the clean file', async () => {
    const a = gradeExerciseFile(await readExerciseXlsx(clean), HOSTILE_SEED);
    const b = gradeExerciseFile(await readExerciseXlsx(await withFarOffCell(clean, 5000, 'Z')), HOSTILE_SEED);
    expect(b).toEqual(a);
  }, 20_000);
});

describe('a crafted zip is refused before ExcelJS sees it', () => {
  it('refuses a zip bomb by inflating with a limit, not trusting declared sizes', async () => {
    const bomb = await zipBomb(clean, 40);
    expect(bomb.length).toBeLessThan(200_000); // small on disk…
    expect(() => checkXlsxZip(bomb)).toThrow(XlsxRefusedError); // …refused for what it inflates to
    await expect(readExerciseXlsx(bomb)).rejects.toThrow(/inflates to more than 32 MB/);
  });

  it('refuses a bomb whose entry lies about its size', async () => {
    const bomb = await zipBomb(clean, 40);
    // Patch every central-directory "uncompressed size" to 1 byte: the check must not believe it.
    let p = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    while (p >= 0) {
      bomb.writeUInt32LE(1, p + 24);
      p = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p + 4);
    }
    expect(() => checkXlsxZip(bomb)).toThrow(/inflates to more than/);
  });

  it('refuses a file larger than the documented limit on disk', () => {
    expect(() => checkXlsxZip(Buffer.alloc(XLSX_LIMITS.fileBytes + 1))).toThrow(/over the 10 MB limit/);
  });

  it.each(['../../claimcell-escaped.txt', '/etc/claimcell', 'xl/../../x.xml', 'C:/x.xml', 'xl\\..\\x.xml'])('refuses an entry named %s', async (name) => {
    await expect(readExerciseXlsx(await withTraversalEntry(clean, name))).rejects.toThrow(/points outside the workbook/);
  });

  it('refuses something that is not a zip with a sentence', async () => {
    await expect(readExerciseXlsx(notAZip())).rejects.toThrow('not an .xlsx workbook (not a zip file)');
  });

  it('still reads the clean file', async () => {
    expect(() => checkXlsxZip(clean)).not.toThrow();
  });
});

describe('grade on a class holding every hostile file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimcell-hostile-'));
    for (const student of ['alice', 'bob', 'chen']) writeFileSync(join(dir, `${student}.xlsx`), await studentFile(student));
    writeFileSync(join(dir, 'far-off-xfd.xlsx'), await withFarOffCell(await studentFile('dana')));
    writeFileSync(join(dir, 'far-off-a.xlsx'), await withFarOffCell(await studentFile('erin'), 1_048_576, 'A'));
    writeFileSync(join(dir, 'zip-bomb.xlsx'), await zipBomb(await studentFile('fay'), 200));
    writeFileSync(join(dir, 'traversal.xlsx'), await withTraversalEntry(await studentFile('gus')));
    writeFileSync(join(dir, 'junk.xlsx'), await withJunkRows(await studentFile('hal'), 20_000));
    writeFileSync(join(dir, 'not-a-zip.xlsx'), notAZip());
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('grades every good file and names every bad one, in a process with a 256 MB heap', () => {
    const run = spawnSync(process.execPath, ['--max-old-space-size=256', '--import', 'tsx', join(ROOT, 'src/cli/bin.ts'), 'grade', dir, '--seed', HOSTILE_SEED], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.signal, 'grading the class did not finish within 60 s').toBeNull();
    for (const student of ['alice', 'bob', 'chen', 'dana', 'erin', 'hal']) expect(run.stdout).toContain(`${student} (`);
    expect(run.stderr).toMatch(/zip-bomb\.xlsx: the workbook inflates to more than 32 MB/);
    expect(run.stderr).toMatch(/traversal\.xlsx: the zip holds an entry named "\.\.\/\.\.\/claimcell-escaped\.txt"/);
    expect(run.stderr).toMatch(/not-a-zip\.xlsx: not an \.xlsx workbook/);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stdout).toMatch(/graded 6 of 9 file\(s\), 3 could not be graded/);
    expect(run.status).toBe(1);
  }, 90_000);
});

describe('each file has its own time and memory budget', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimcell-budget-'));
    writeFileSync(join(dir, 'junk.xlsx'), await withJunkRows(await studentFile('hal'), 60_000));
    writeFileSync(join(dir, 'alice.xlsx'), await studentFile('alice'));
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a file over the memory budget gets its own error and the next file is graded', async () => {
    const replies = await gradeFiles([join(dir, 'junk.xlsx'), join(dir, 'alice.xlsx')], HOSTILE_SEED, { seconds: 60, heapMb: 32 });
    expect(replies[0]).toEqual({ file: join(dir, 'junk.xlsx'), error: expect.stringMatching(/over the grading budget: reading it needs more than 32 MB of memory/) });
    expect(replies[1]).toMatchObject({ grade: { student: 'alice' } });
  }, 60_000);

  it('a file over the time budget gets its own error and the next file is graded', async () => {
    const replies = await gradeFiles([join(dir, 'junk.xlsx'), join(dir, 'alice.xlsx')], HOSTILE_SEED, { seconds: 0.05, heapMb: 512 });
    expect(replies[0]).toEqual({ file: join(dir, 'junk.xlsx'), error: 'over the grading budget: reading it took more than 0.05 s' });
    expect(replies[1]).toMatchObject({ file: join(dir, 'alice.xlsx') });
  }, 60_000);
});
