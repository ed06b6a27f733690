import { TEXT } from '../../text/index.js';
import { gradeFileProblemText, gradeNoteText } from '../../text/messages.js';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gradebookCsv, type GradeFileProblem, type StudentGrade } from '../../model/exercises/index.js';
import { parseOptions, UsageError, type CliCommand } from '../command.js';
import { renderTable } from '../format/table.js';
import { GRADE_BUDGET, gradeFiles } from '../grade-files.js';
import { writeFileAtomic } from '../output.js';

/** A directory argument stands for the .xlsx files in it (not recursive). */
function expandFiles(args: readonly string[]): string[] {
  return args.flatMap((arg) => {
    try {
      if (statSync(arg).isDirectory()) {
        return readdirSync(arg)
          .filter((f) => f.toLowerCase().endsWith('.xlsx') && !f.startsWith('~$'))
          .sort()
          .map((f) => join(arg, f));
      }
    } catch {
      // not there: reported per file below
    }
    return [arg];
  });
}

const fmt = (v: unknown): string => (v === null || v === undefined || v === '' ? '—' : typeof v === 'number' ? String(Number(v.toPrecision(12))) : String(v));

export const gradeCommand: CliCommand = {
  name: 'grade',
  summary: `grade student exercise workbooks: grade <file.xlsx|dir>… --seed S [--json] [--gradebook out.csv] (each file: at most ${GRADE_BUDGET.seconds} s, ${GRADE_BUDGET.heapMb} MB)`,
  usage: ['grade <FILE.xlsx|DIR>… --seed S [--json] [--gradebook OUT.csv]'],
  notes: (lang) => [TEXT[lang].cli.helpNotes.grade(GRADE_BUDGET.seconds, GRADE_BUDGET.heapMb)],
  async run(args, io) {
    const { positional, flags, values } = parseOptions(args, { flags: ['json'], values: ['seed', 'gradebook'] });
    const seed = values.get('seed');
    if (!seed) throw new UsageError('needs --seed S (the seed the exercise was made with)');
    if (!positional.length) throw new UsageError('needs one or more student workbooks (.xlsx) or a directory of them');
    const started = performance.now();
    const files = expandFiles(positional);
    const graded: (StudentGrade & { file: string })[] = [];
    const errors: { file: string; error: string; problem?: GradeFileProblem }[] = [];
    for (const reply of await gradeFiles(files, seed)) {
      if ('grade' in reply) graded.push({ file: reply.file, ...reply.grade });
      else errors.push(reply);
    }
    // Two files for one student (a copied file keeps its owner's id and code): grade both, warn.
    const warnings: { count: number; student: string; files: string }[] = [];
    const warningText = (lang: 'en' | 'zh', w: (typeof warnings)[number]): string => TEXT[lang].cliOutput.grade.sameStudent(w.count, w.student, w.files);
    const byStudent = new Map<string, string[]>();
    for (const g of graded) byStudent.set(g.student, [...(byStudent.get(g.student) ?? []), g.file]);
    for (const [student, list] of byStudent) if (list.length > 1) warnings.push({ count: list.length, student, files: list.join(', ') });
    const ms = Math.round(performance.now() - started);
    const gradebook = values.get('gradebook');
    if (flags.has('json')) {
      // like `claims --json`'s reason and reasonData: the note in English for reading, and as data (code and numbers)
      const students = graded.map((g) => ({ ...g, tasks: g.tasks.map((t) => ({ ...t, note: gradeNoteText(t.note, 'en'), noteData: t.note })) }));
      const fileErrors = errors.map(({ problem, ...e }) => ({ ...e, ...(problem ? { problemData: problem } : {}) }));
      io.out(`${JSON.stringify({ students, errors: fileErrors, warnings: warnings.map((w) => warningText('en', w)), ms }, null, 2)}\n`);
    } else {
      for (const g of graded) {
        io.out(`${TEXT[io.lang ?? 'en'].cliOutput.grade.student(g.student, g.file, g.total, g.max, g.tamperedFigures.join(', '))}\n`);
        io.out(renderTable([...TEXT[io.lang ?? 'en'].cliOutput.grade.columns], g.tasks.map((t) => [t.task, t.input ? `${t.claim}@${t.input}` : t.claim, fmt(t.expected), fmt(t.given), fmt(t.tolerance), String(t.credit), gradeNoteText(t.note, io.lang ?? 'en')])));
        io.out('\n');
      }
      for (const e of errors) io.err(`${e.file}: ${e.problem ? gradeFileProblemText(e.problem, io.lang ?? 'en') : e.error}\n`);
      for (const w of warnings) io.err(`${TEXT[io.lang ?? 'en'].cliOutput.warning(warningText(io.lang ?? 'en', w))}\n`);
      io.out(`${TEXT[io.lang ?? 'en'].cliOutput.grade.summary(graded.length, files.length, errors.length, ms)}\n`);
    }
    // Results first: a gradebook path that cannot be written must not cost the printed grades.
    if (gradebook) {
      writeFileAtomic(gradebook, gradebookCsv(graded));
      if (!flags.has('json')) io.out(`${TEXT[io.lang ?? 'en'].cliOutput.grade.gradebook(gradebook)}\n`);
    }
    return errors.length ? 1 : 0;
  },
};
