import { TEXT } from '../../text/index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { planToXlsxBytes } from '../../export/xlsx.js';
import {
  EXERCISE_SHEETS,
  ExerciseError,
  LEVELS,
  RosterError,
  answerFormat,
  answerUnitOf,
  buildTaskSet,
  parseRoster,
  studentFileNames,
  taskLevel,
  type Level,
  type TaskSpec,
} from '../../model/exercises/index.js';
import { EXERCISE_FILE_DATE, exercisePlan } from '../../plan/exercise.js';
import { parseOptions, UsageError, type CliCommand } from '../command.js';
import { valuesFromOptions, VALUES_OPTIONS, VALUES_USAGE } from '../values-option.js';
import { renderTable } from '../format/table.js';
import { ensureFolder, writeFileAtomic } from '../output.js';

/** Seeds shorter than this can be found by trying seeds against a student's figures: warn. */
const SHORT_SEED = 12;

/**
 * Sets every zip entry's DOS date and time (local and central headers) to 1980-01-01 00:00, so a
 * file's bytes depend only on its content: JSZip stamps entries with the current time otherwise.
 */
export function fixZipTimestamps(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  let eocd = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 65_557); i--) {
    if (out.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return out;
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
  for (let n = 0; n < entries && out.readUInt32LE(p) === 0x02014b50; n++) {
    out.writeUInt16LE(0, p + 12);
    out.writeUInt16LE(DOS_DATE, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) === 0x04034b50) {
      out.writeUInt16LE(0, local + 10);
      out.writeUInt16LE(DOS_DATE, local + 12);
    }
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

/** One student's workbook as .xlsx bytes, through the shared .xlsx writer; same seed + id → same bytes. */
export async function studentWorkbookBuffer(
  seed: string,
  studentId: string,
  tasks: readonly TaskSpec[],
  lang: 'en' | 'zh' = 'en',
  base: ReadonlyMap<string, number> = new Map(),
): Promise<Buffer> {
  return fixZipTimestamps(Buffer.from(await planToXlsxBytes(exercisePlan({ seed, studentId, tasks, lang, base }), EXERCISE_FILE_DATE)));
}

export { readExerciseXlsx } from '../../export/read-exercise.js';

function readRosterFile(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read roster ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return parseRoster(text);
  } catch (error) {
    if (error instanceof RosterError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
}

export const exerciseCommand: CliCommand = {
  name: 'exercise',
  summary: `student exercise workbooks: --seed S --roster roster.csv --out dir/ [--claims ID,ID@FIG…|--level easy|medium|hard] [--lang en|zh] [--json] ${VALUES_USAGE} (figures varied around those values)`,
  usage: [
    `exercise --seed S --roster ROSTER.csv --out DIR/ [--claims ID,ID@FIG…|--level easy|medium|hard] [--lang en|zh] [--json] ${VALUES_USAGE}`,
  ],
  notes: (lang) => [TEXT[lang].cli.helpNotes.exercise],
  async run(args, io) {
    const { positional, flags, values, lists } = parseOptions(args, {
      flags: ['json'],
      values: ['claims', 'level', 'seed', 'roster', 'out', 'lang', ...VALUES_OPTIONS.values],
      repeatable: VALUES_OPTIONS.repeatable,
    });
    if (positional.length) throw new UsageError(`unexpected argument "${positional[0]}"`);
    const seed = values.get('seed');
    if (!seed) throw new UsageError('needs --seed S (a long random string; keep it: grading needs it)');
    const rosterFile = values.get('roster');
    if (!rosterFile) throw new UsageError('needs --roster roster.csv (a student_id column, or one id per line)');
    const out = values.get('out');
    if (!out) throw new UsageError('needs --out dir/ for the student workbooks');
    const level = values.get('level');
    if (level !== undefined && !(LEVELS as readonly string[]).includes(level)) throw new UsageError(`--level must be one of ${LEVELS.join(', ')}, not "${level}"`);
    const lang = values.get('lang') ?? io.lang ?? 'en';
    if (lang !== 'en' && lang !== 'zh') throw new UsageError(`--lang must be en or zh, not "${lang}"`);
    const claims = values.get('claims')?.split(',').map((s) => s.trim()).filter(Boolean);
    if (values.has('claims') && !claims?.length) throw new UsageError('--claims needs at least one claim id');
    const inUse = await valuesFromOptions(values, lists, io.lang ?? 'en');
    for (const w of inUse.warnings) io.err(`${w}\n`);
    let tasks: TaskSpec[];
    try {
      // with --workbook, a claim of the user's own (MyClaims) may be a task too
      tasks = buildTaskSet({ ...(claims ? { claims } : {}), ...(level ? { level: level as Level } : {}), ...(inUse.user ? { mine: inUse.user.tables } : {}) });
    } catch (error) {
      if (error instanceof ExerciseError) throw new UsageError(error.problems.join('; '));
      throw error;
    }
    const base = inUse.values.overrides;
    const students = readRosterFile(rosterFile);
    const files = studentFileNames(students);

    const started = performance.now();
    ensureFolder(out);
    const written: { student: string; file: string }[] = [];
    for (const student of students) {
      const file = join(out, `${files.get(student)!}.xlsx`);
      writeFileAtomic(file, await studentWorkbookBuffer(seed, student, tasks, lang, base));
      written.push({ student, file });
    }
    const ms = Math.round(performance.now() - started);
    const taskRows = tasks.map((t) => {
      const format = answerFormat(answerUnitOf(t));
      return { id: t.id, kind: t.kind, level: taskLevel(t), claim: t.claim, input: t.input ?? '', unit: format.unitEn, rounding: format.roundingEn };
    });
    // the JSON record keeps the English sentence (as its field names); stderr speaks the reader's language
    const warning = seed.length < SHORT_SEED ? TEXT.en.cliOutput.warning(TEXT.en.cliOutput.exercise.shortSeed(SHORT_SEED)) : '';
    if (flags.has('json')) {
      io.out(`${JSON.stringify({ tasks: taskRows, students: written, ms, ...(warning ? { warning } : {}) }, null, 2)}\n`);
    } else {
      const t = TEXT[io.lang ?? 'en'].cliOutput.exercise;
      const zhRows = io.lang === 'zh' ? tasks.map((task) => answerFormat(answerUnitOf(task))) : undefined;
      io.out(renderTable([...t.columns], taskRows.map((r, i) => [r.id, r.kind, r.level, r.claim, r.input, zhRows ? zhRows[i]!.unitZh : r.unit, zhRows ? zhRows[i]!.roundingZh : r.rounding])));
      const sheets = [EXERCISE_SHEETS.about, EXERCISE_SHEETS.tasks, EXERCISE_SHEETS.figures].join(', ');
      io.out(`\n${t.written(written.length, out, ms, sheets, `npm run -s cli -- grade ${join(out, '*.xlsx')} --seed <seed>`)}\n`);
    }
    if (warning) io.err(`${TEXT[io.lang ?? 'en'].cliOutput.warning(TEXT[io.lang ?? 'en'].cliOutput.exercise.shortSeed(SHORT_SEED))}\n`);
    return 0;
  },
};
