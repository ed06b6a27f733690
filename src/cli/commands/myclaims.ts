/**
 * `myclaims export|import FILE.json --workbook WB.xlsx`: the user's MyFigures and MyClaims tables
 * as JSON, and back. An import is checked whole (schema, names, formulas, clashes) before anything
 * is written: one problem and the workbook stays as it was. Also the user-claim lines `claims --workbook` prints.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { TEXT, type Lang } from '../../text/index.js';
import { userProblemText } from '../../text/messages.js';
import { readClaimCellWorkbook, WorkbookReadError, type SavedWorkbookReading } from '../../export/read-workbook.js';
import { replaceUserTables, UserTablesWriteError } from '../../export/user-tables-xlsx.js';
import { planToXlsxBuffer } from '../../export/xlsx.js';
import { checkXlsxZip, XlsxRefusedError } from '../../export/zip-guard.js';
import { formatValue, VERDICTS } from '../../model/claims/index.js';
import { figureValue, loadFigures } from '../../model/figures/index.js';
import { BASELINE_NAME } from '../../model/scenarios/index.js';
import { auditUserClaims, compileUserTables, FILE_CELLS, fileProblems, userStress, UserTablesSchema, type ReadTables, type UserStress, type UserClaimResult, type UserTableProblem, type UserTables } from '../../model/user/index.js';
import { articlePlanInput, buildWorkbookPlan, RESERVED_PLAN_NAMES, USER_SHEETS } from '../../plan/index.js';
import { parseOptions, UsageError, type CliCommand } from '../command.js';
import { renderTable } from '../format/table.js';

/** The user's claims audited at the values in use, for `claims --workbook`. */
export function auditWorkbookUserClaims(user: ReadTables, overrides: ReadonlyMap<string, number>): UserClaimResult[] {
  return auditUserClaims(compileUserTables(user.tables, { cellOf: user.cellOf, reservedNames: RESERVED_PLAN_NAMES }), overrides);
}

/** The user's claims of a `--workbook` for the stress commands, at the values in use. */
export function workbookUserStress(user: ReadTables, overrides: ReadonlyMap<string, number>): UserStress {
  return userStress(user.tables, overrides, { cellOf: user.cellOf, reservedNames: RESERVED_PLAN_NAMES });
}

/** The "YOUR CLAIMS" block of `claims`: one row per user claim, and the problems of rows the model cannot read, in `lang`. */
export function userClaimsText(user: ReadTables, results: readonly UserClaimResult[], lang: Lang = 'en'): string {
  if (!results.length && !user.problems.length) return '';
  const words = TEXT[lang].cliOutput.myclaims;
  const verdictWord = (v: string): string => (TEXT[lang].verdicts as Record<string, string>)[v] ?? v;
  const rows = results.map((r) => [
    r.id,
    r.audit ? formatValue(r.audit.recomputed, r.audit.unit) : '',
    r.audit ? verdictWord(r.audit.verdict) : words.notAudited,
    r.audit ? (lang === 'zh' ? r.audit.reasonZh : r.audit.reason) : r.problems.map((p) => userProblemText(p, lang)).join(lang === 'zh' ? '；' : '; '),
  ]);
  const counts = VERDICTS.map((v) => `${results.filter((r) => r.audit?.verdict === v).length} ${verdictWord(v)}`).join(lang === 'zh' ? '，' : ', ');
  const problems = user.problems.map((p) => `  - ${userProblemText(p, lang)}\n`).join('');
  return `\n${words.heading(results.length)}\n${rows.length ? renderTable([...words.columns], rows) : ''}${problems ? `${words.rowsLeftOut}\n${problems}` : ''}\n${words.total(results.length, counts)}\n`;
}

async function readWorkbook(file: string | undefined): Promise<{ file: string; bytes: Buffer; reading: SavedWorkbookReading }> {
  if (!file) throw new UsageError('needs --workbook FILE.xlsx (a ClaimCell workbook)');
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UsageError(`cannot read --workbook ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    return { file, bytes, reading: await readClaimCellWorkbook(bytes, file) };
  } catch (error) {
    if (error instanceof WorkbookReadError) throw new UsageError(error.message);
    throw error;
  }
}

/** Every problem of an import: its shape, then its names, formulas and clashes, each naming the row and field. */
export function importProblems(data: unknown): { tables?: UserTables; problems: UserTableProblem[] } {
  const parsed = UserTablesSchema.safeParse(data);
  if (!parsed.success) return { problems: fileProblems(parsed.error.issues, data) };
  const compiled = compileUserTables(parsed.data, { cellOf: FILE_CELLS, reservedNames: RESERVED_PLAN_NAMES });
  return { tables: parsed.data, problems: [...compiled.allProblems] };
}

export const myclaimsCommand: CliCommand = {
  name: 'myclaims',
  summary: 'your own figures and claims as JSON: myclaims export|import FILE.json --workbook WB.xlsx',
  usage: ['myclaims export <FILE.json> --workbook <WB.xlsx>', 'myclaims import <FILE.json> --workbook <WB.xlsx>'],
  notes: (lang) => [TEXT[lang].cli.helpNotes.myclaims],
  async run(args, io) {
    const { positional, values } = parseOptions(args, { values: ['workbook'] });
    const [action, file, extra] = positional;
    if (action !== 'export' && action !== 'import') throw new UsageError(`needs "export" or "import", got ${action === undefined ? 'nothing' : `"${action}"`}`);
    if (!file) throw new UsageError(`myclaims ${action} needs a FILE.json`);
    if (extra) throw new UsageError(`unexpected argument "${extra}"`);
    const { file: wbFile, bytes, reading } = await readWorkbook(values.get('workbook'));
    if (action === 'export') {
      for (const p of reading.user.problems) io.err(`${TEXT[io.lang ?? 'en'].cliOutput.myclaims.leftOut(userProblemText(p, io.lang ?? 'en'))}\n`);
      writeFileSync(file, `${JSON.stringify(reading.user.tables, null, 2)}\n`);
      io.out(`${TEXT[io.lang ?? 'en'].cliOutput.myclaims.exported(file, reading.user.tables.figures.length, reading.user.tables.claims.length, wbFile)}\n`);
      return 0;
    }
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new UsageError(`cannot read ${file} as JSON: ${(error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error))}`);
    }
    const { tables, problems } = importProblems(data);
    if (!tables || problems.length) {
      const lang = io.lang ?? 'en';
      throw new UsageError(`${TEXT[lang].cliOutput.myclaims.notImported(file, wbFile)}\n${problems.map((p) => `  - ${userProblemText(p, lang)}`).join('\n')}`);
    }
    // The plan's rows for the imported tables, at the workbook's values (its edits, scenarios and
    // active scenario), written into the two tables only: every other part stays as it was.
    const edits = new Map<string, number>();
    for (const f of loadFigures()) {
      const v = reading.base.get(f.id);
      if (typeof v === 'number' && v !== figureValue(f)) edits.set(f.id, v);
    }
    const active = typeof reading.activeScenarioCell === 'string' && reading.scenarios.some((s) => s.name === reading.activeScenarioCell) ? reading.activeScenarioCell : BASELINE_NAME;
    // ClaimCell's words in the tables stay in the language the workbook has them in.
    const input = articlePlanInput({ includeCustomFunctions: false, baseValues: edits, scenarios: reading.scenarios, activeScenario: active, lang: reading.userLang });
    const generated = await planToXlsxBuffer(buildWorkbookPlan({ ...input, userTables: tables }, input.articleName));
    let buffer: Buffer;
    try {
      checkXlsxZip(bytes); // its parts are inflated next: sizes and names checked first
      buffer = replaceUserTables(bytes, Buffer.from(generated), USER_SHEETS);
    } catch (error) {
      if (error instanceof UserTablesWriteError || error instanceof XlsxRefusedError) throw new UsageError(`${file} was not imported; ${wbFile} is unchanged: ${error.message}`);
      throw error;
    }
    const temp = `${wbFile}.claimcell-import`;
    writeFileSync(temp, buffer);
    renameSync(temp, wbFile);
    io.out(`${TEXT[io.lang ?? 'en'].cliOutput.myclaims.imported(wbFile, tables.figures.length, tables.claims.length, file)}\n`);
    return 0;
  },
};
