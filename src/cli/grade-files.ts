/**
 * Grades student files one after another, each in a worker thread with its own time and memory
 * budget. A file over budget (a pasted million rows, a crafted zip) gets a per-file error; the
 * worker is replaced and the rest of the class is still graded.
 */
import { Worker } from 'node:worker_threads';
import type { GradeFileProblem, StudentGrade } from '../model/exercises/index.js';

/** Documented per-file budget: an honest exercise file takes well under a second and a few MB. */
export const GRADE_BUDGET = { seconds: 20, heapMb: 512 } as const;

/** Starts every over-budget message; such a worker is replaced before the next file. */
const OVER_BUDGET = 'over the grading budget';

export interface GradeRequest {
  readonly file: string;
  readonly seed: string;
}
/** A file's grade, or why it has none: `error` in English, and `problem` as data when the file is no gradable exercise. */
export type GradeReply = { readonly file: string; readonly grade: StudentGrade } | { readonly file: string; readonly error: string; readonly problem?: GradeFileProblem };

/** A reply for every file, in the order given. */
export async function gradeFiles(files: readonly string[], seed: string, budget: { readonly seconds: number; readonly heapMb: number } = GRADE_BUDGET): Promise<GradeReply[]> {
  const replies: GradeReply[] = [];
  let worker: Worker | undefined;
  try {
    for (const file of files) {
      worker ??= startWorker(budget.heapMb);
      const reply = await gradeIn(worker, { file, seed }, budget);
      if (!('grade' in reply) && reply.error.startsWith(OVER_BUDGET)) {
        await worker.terminate();
        worker = undefined;
      }
      replies.push(reply);
    }
  } finally {
    await worker?.terminate();
  }
  return replies;
}

/**
 * The worker runs the TypeScript sources as the CLI does, through tsx: `grade-worker-boot.mjs`
 * registers it in the worker, which does not inherit the parent's module hooks.
 */
function startWorker(heapMb: number): Worker {
  return new Worker(new URL('./grade-worker-boot.mjs', import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.min(64, heapMb / 4) },
  });
}

function gradeIn(worker: Worker, request: GradeRequest, budget: { readonly seconds: number; readonly heapMb: number }): Promise<GradeReply> {
  return new Promise((resolve) => {
    const done = (reply: GradeReply): void => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve(reply);
    };
    const onMessage = (reply: GradeReply): void => done(reply);
    const onError = (error: Error): void =>
      done({
        file: request.file,
        error:
          (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? `${OVER_BUDGET}: reading it needs more than ${budget.heapMb} MB of memory`
            : `${OVER_BUDGET}: the reader stopped (${error.message})`,
      });
    const onExit = (code: number): void => done({ file: request.file, error: `${OVER_BUDGET}: the reader stopped (exit code ${code})` });
    const timer = setTimeout(() => done({ file: request.file, error: `${OVER_BUDGET}: reading it took more than ${budget.seconds} s` }), budget.seconds * 1000);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(request);
  });
}
