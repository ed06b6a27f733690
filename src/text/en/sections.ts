/**
 * The English catalogue's pane sections beyond the main pane: Stress, Exercises, your own claims.
 * Their shapes (types/sections.ts) are read off these objects, so the Chinese file must match key for key.
 */

import { sheets } from './sheets.js';

const CLAIM_HEADERS = sheets.myClaims.headers;

export const stressPane = {
  intro: 'How sensitive is a verdict to the article\'s figures? Move each input, or draw them all at random within the article\'s rounding.',
  claim: 'Claim',
  tornado: 'Tornado: each input moved ±10% (or over its stated range), the others fixed',
  chartLabel: (id: string) => `Tornado chart for ${id}. Use the arrow keys to move between bars.`,
  bar: (input: string, low: string, high: string, swing: string) => `${input}: result ${low} at the low end, ${high} at the high end, swing ${swing}`,
  showTable: 'Show as a table',
  cols: ['Input', 'Low', 'High', 'Result at low', 'Result at high', 'Swing'],
  monteCarlo: 'Monte Carlo',
  samples: 'Samples',
  seed: 'Seed',
  run: 'Run',
  cancel: 'Cancel',
  running: (pct: number) => `Running… ${pct}%`,
  cancelled: (kept: string | null) => (kept ? `Monte Carlo run cancelled. The histogram shown (${kept}) is what Write to workbook writes.` : 'Monte Carlo run cancelled. Nothing was run, so Write to workbook writes the tornado and the two-way table only.'),
  runOf: (n: string, seed: string) => `${n} samples, seed ${seed}`,
  result: (unit: string) => `Result (${unit})`,
  baseLabel: 'base',
  samplesAxis: 'Samples',
  onWorkers: (n: number) => `Runs in the background on ${n} worker${n === 1 ? '' : 's'}; the pane stays responsive.`,
  onMainThread: 'Background workers are not available here: runs on the main thread in chunks (slower; the pane may respond late).',
  lastComplete: (n: string, seed: string) => `Result of the run of ${n} samples, seed ${seed}.`,
  keptAfterCancel: (n: string, seed: string) => `Cancelled; shown is the last complete run (${n} samples, seed ${seed}).`,
  done: (ms: number) => `Monte Carlo finished in ${ms} ms.`,
  badSamples: (max: number) => `Samples must be a whole number from 1 to ${max.toLocaleString('en-US')}.`,
  badSeed: 'Enter a seed (a number or a word), so the run can be repeated.',
  histLabel: (id: string, n: string, lo: string, hi: string) => `Histogram of ${id} over ${n} samples, from ${lo} to ${hi}.`,
  stats: (mean: string, p5: string, p95: string) => `Mean ${mean}; 90% of samples between ${p5} and ${p95}.`,
  write: 'Write to workbook',
  written: (sheet: string, replaced: boolean, charts: number, tables: number) => `${replaced ? 'Replaced' : 'Wrote'} the ${sheet} sheet (${charts} charts, ${tables} tables).`,
  writeConflict: (sheet: string) => `A sheet named "${sheet}" already exists and ClaimCell did not create it; rename or remove it, then write again. Nothing was written.`,
  writeNameConflict: (names: string) => `Defined name(s) ${names} already exist and ClaimCell did not create them; rename or remove them, then write again. Nothing was written.`,
  simWritten: (trials: number, seed: number) => `Wrote the Simulation sheet (${trials} trials, seed ${seed}).`,
  writeNotFilled: (sheet: string, missing: string) => `Fill the workbook first: the ${sheet} sheet's formulas read ClaimCell's defined names${missing ? ` (missing: ${missing})` : ''}. Nothing was written.`,
  writeFailed: (m: string) => `Could not write the Stress sheet: ${m}`,
  none: 'No claim has inputs to stress.',
};

export const exercisesPane = {
  intro: 'Make a per-student exercise in this workbook, or grade a student’s workbook. The seed is your key: it is never saved in the workbook, and grading needs it.',
  level: 'Tasks',
  levelDefault: 'Default mix (6 tasks)',
  levelEasy: 'Easy: sums and ratios',
  levelMedium: 'Medium: conversions, implied bases, prior values',
  levelHard: 'Hard: dates and break-evens',
  claims: 'Or claim ids (comma-separated; CLAIM@FIGURE for a break-even)',
  seed: 'Seed (keep it secret)',
  student: 'Student id',
  make: 'Make exercise',
  grade: 'Grade this workbook',
  needSeed: 'Enter the seed first.',
  needStudent: 'Enter the student id.',
  making: 'Writing the exercise',
  made: (n: number, student: string) => `Exercise with ${n} task(s) written for ${student}.`,
  madeNew: (n: number, student: string) => `This workbook holds ClaimCell's sheets, so the exercise for ${student} (${n} task(s)) opened as a new workbook; this one is unchanged.`,
  madeDownload: (n: number, student: string, file: string) => `This workbook holds ClaimCell's sheets, so the exercise for ${student} (${n} task(s)) is offered as a download (${file}); this one is unchanged.`,
  refusedFilled: 'Nothing written: this workbook holds ClaimCell’s sheets and an exercise would overwrite its figures, and this Excel cannot open a new workbook (ExcelApi 1.8). Make the exercise in an empty workbook, or with the CLI’s exercise command.',
  basedOn: (label: string) => `The figures are varied around the values in use (${label}).`,
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
};

export const myClaims = {
  mine: 'Yours',
  notAudited: 'Rows of yours the model does not audit (they still calculate in Excel):',
};

export const myClaimForm = {
  heading: 'Add your own claim',
  id: 'Id (an Excel name, e.g. MY_CLAIM)',
  statement: 'Statement',
  recompute: 'Recompute (a formula over figure names)',
  stated: 'Stated value (a number or a formula)',
  compare: 'Comparison',
  tolerance: 'Tolerance (for between: the upper bound)',
  add: 'Add claim',
  added: (address: string) => `Added your claim at ${address}.`,
  /** Field names in a problem message: the words MyClaims' header shows, so a problem names the column as the sheet does. */
  fieldNames: { id: 'id', statement: CLAIM_HEADERS.statement, recompute: CLAIM_HEADERS.recompute, stated: CLAIM_HEADERS.stated, compare: CLAIM_HEADERS.compare, tolerance: CLAIM_HEADERS.tolerance },
  problems: 'Nothing was written:',
};
