/**
 * Grading: a class of 30 returned workbooks through the `grade` path (each file in its budgeted
 * worker), and one file with a single value at XFD1048576 read and graded (issue 20: it used to
 * take minutes; target under 1 s).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gradeFiles } from '../src/cli/grade-files.js';
import { readExerciseXlsx } from '../src/export/read-exercise.js';
import { gradeExerciseFile } from '../src/model/exercises/index.js';
import { HOSTILE_SEED, studentFile, withFarOffCell } from '../test/reliability/hostile-files.js';
import type { Report } from './run.js';
import { medianMs } from './timing.js';

export async function run(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'claimcell-bench-grade-'));
  try {
    const files: string[] = [];
    for (let i = 1; i <= 30; i++) {
      const file = join(dir, `s${i}.xlsx`);
      writeFileSync(file, await studentFile(`s${i}`));
      files.push(file);
    }
    const classMs = await medianMs(async () => {
      const replies = await gradeFiles(files, HOSTILE_SEED);
      if (replies.some((r) => !('grade' in r))) throw new Error('a bench file could not be graded');
    }, 3, 0);
    report({ name: 'grade.ms.class30', value: classMs, unit: 'ms' });

    const farOff = await withFarOffCell(await studentFile('far'));
    const farMs = await medianMs(async () => {
      gradeExerciseFile(await readExerciseXlsx(farOff), HOSTILE_SEED);
    }, 5, 1);
    report({ name: 'grade.ms.far_off_cell_file', value: farMs, unit: 'ms' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
