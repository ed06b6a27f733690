/**
 * The worker thread that reads and grades one student file at a time for `grade-files.ts`. Runs
 * in its own heap (resource limits set by the parent), so one hostile file cannot exhaust the
 * memory of the whole class's grading, and can be stopped when it runs over its time.
 */
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { readExerciseXlsx } from '../export/read-exercise.js';
import { XlsxRefusedError } from '../export/zip-guard.js';
import { ExerciseFileError, gradeExerciseFile } from '../model/exercises/index.js';
import type { GradeRequest, GradeReply } from './grade-files.js';

async function gradeOne({ file, seed }: GradeRequest): Promise<GradeReply> {
  try {
    return { file, grade: gradeExerciseFile(await readExerciseXlsx(readFileSync(file)), seed) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // why a file is no gradable exercise goes back as data too, for the parent to say in its language
    if (error instanceof ExerciseFileError) return { file, error: message, problem: error.problem };
    const known = error instanceof XlsxRefusedError || (error as NodeJS.ErrnoException)?.code !== undefined;
    return { file, error: known ? message : `not a readable .xlsx workbook (${message})` };
  }
}

parentPort?.on('message', (request: GradeRequest) => {
  void gradeOne(request).then((reply) => parentPort!.postMessage(reply));
});
