/**
 * "Make exercise" in a workbook that ClaimCell filled: the exercise leaves as a new workbook (or a
 * download), and the filled workbook keeps every sheet, name and cell. The new file holds no answer
 * and no seed in any part, and grades with the values it was built on.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readExerciseXlsx } from '../../src/cli/commands/exercise.js';
import { fillArticle } from '../../src/excel/scenario-actions.js';
import { defaultTasks, exerciseFigureIds, gradeExerciseFile, makeVariant, roundTo, taskKey, type TaskSpec } from '../../src/model/exercises/index.js';
import { FIGURE_COLUMNS, SHEETS, cellAddress } from '../../src/plan/index.js';
import { loadFigures } from '../../src/model/figures/index.js';
import { makeExercise } from '../../src/taskpane/sections/exercises.js';
import { createClaimHost } from './host.js';

const SEED = 'filled-workbook-seed-5e1f04c9a7';
const TASKS: TaskSpec[] = defaultTasks();

async function filledHost() {
  const host = createClaimHost();
  await fillArticle(host.run);
  const row = loadFigures().findIndex((f) => f.id === 'INDIA_UST_CUT_OCT') + 2;
  host.setCellValue(SHEETS.figures, cellAddress(row, FIGURE_COLUMNS.base), 150); // an edit the user made
  return host;
}

/** Numbers and texts of every part of the zip, to search for answers and the seed. */
async function partsOf(bytes: Uint8Array): Promise<{ name: string; text: string }[]> {
  const zip = await JSZip.loadAsync(bytes);
  return Promise.all(Object.values(zip.files).filter((f) => !f.dir).map(async (f) => ({ name: f.name, text: await f.async('string') })));
}

describe('Make exercise in a filled workbook', () => {
  it('offers the exercise as a new file and leaves the filled workbook exactly as it was', async () => {
    const host = await filledHost();
    const before = host.snapshotJson();
    const sheetsBefore = host.getSheetNames();
    let file: { bytes: Uint8Array; name: string } | undefined;
    const made = await makeExercise(host.run, { seed: SEED, studentId: 'erin', tasks: TASKS, base: new Map([['INDIA_UST_CUT_OCT', 150]]) }, { download: (bytes, name) => (file = { bytes, name }) });
    expect(made).toEqual({ kind: 'download', fileName: 'exercise-erin.xlsx' });
    expect(host.snapshotJson()).toBe(before);
    expect(host.getSheetNames()).toEqual(sheetsBefore);

    // A real exercise file, varied around the values in use, that grades its own key as correct.
    const exercise = await readExerciseXlsx(Buffer.from(file!.bytes));
    const base = new Map([['INDIA_UST_CUT_OCT', 150]]);
    const variant = makeVariant(SEED, 'erin', exerciseFigureIds(TASKS), base);
    expect(variant).not.toEqual(makeVariant(SEED, 'erin', exerciseFigureIds(TASKS)));
    const keys = TASKS.map((t) => taskKey(t, variant));
    const names = new Map(exercise.names);
    for (const [i, k] of keys.entries()) names.set(`ANSWER_${TASKS[i]!.id}`, k.expected as number);
    const grade = gradeExerciseFile({ ...exercise, names }, SEED);
    expect(grade.tasks.map((t) => t.credit)).toEqual(TASKS.map(() => 1));

    // No answer and no seed anywhere in the file.
    const given = new Set([...variant.values()].map(String));
    const leaks: string[] = [];
    for (const part of await partsOf(file!.bytes)) {
      if (part.text.includes(SEED)) leaks.push(`${part.name}: seed`);
      const values = new Set([...part.text.matchAll(/<v>([^<]*)<\/v>|<t[^>]*>([^<]*)<\/t>/g)].map((m) => (m[1] ?? m[2] ?? '').trim()));
      for (const k of keys) {
        const d = k.format.decimals;
        for (const form of new Set([String(k.exact), ...[d, d + 1, d + 2, 6].map((n) => String(roundTo(k.exact!, n)))])) {
          if (!given.has(form) && values.has(form)) leaks.push(`${part.name}: ${form}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  it('opens it with Excel.createWorkbook where the host has it', async () => {
    const host = await filledHost();
    const before = host.snapshotJson();
    const opened: string[] = [];
    const made = await makeExercise(host.run, { seed: SEED, studentId: 'fay', tasks: TASKS }, { createWorkbook: async (b64) => void opened.push(b64) });
    expect(made.kind).toBe('new-workbook');
    expect(opened).toHaveLength(1);
    expect(Buffer.from(opened[0]!, 'base64').subarray(0, 2).toString()).toBe('PK'); // an .xlsx (zip)
    expect(host.snapshotJson()).toBe(before);
  });

  it('refuses, writing nothing, where it can neither open a workbook nor download', async () => {
    const host = await filledHost();
    const before = host.snapshotJson();
    expect(await makeExercise(host.run, { seed: SEED, studentId: 'gus', tasks: TASKS }, {})).toEqual({ kind: 'refused' });
    expect(host.snapshotJson()).toBe(before);
  });

  it('still writes into an empty workbook', async () => {
    const host = createClaimHost();
    const made = await makeExercise(host.run, { seed: SEED, studentId: 'hal', tasks: TASKS }, {});
    expect(made.kind).toBe('in-place');
    expect(host.getSheetNames()).toEqual(expect.arrayContaining(['About', 'Tasks', 'Figures']));
  });
});
