/**
 * `myclaims export|import FILE.json --workbook WB.xlsx`: the user's MyFigures and MyClaims tables
 * as JSON, and back. An import is checked whole (schema, names, formulas, clashes) before anything
 * is written: one problem and the workbook stays as it was. Also the user-claim lines `claims --workbook` prints.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { TEXT } from '../../text/index.js';
import { readClaimCellWorkbook, WorkbookReadError, type SavedWorkbookReading } from '../../export/read-workbook.js';
import { replaceUserTables, UserTablesWriteError } from '../../export/user-tables-xlsx.js';
import { planToXlsxBuffer } from '../../export/xlsx.js';
import { checkXlsxZip, XlsxRefusedError } from '../../export/zip-guard.js';
import { formatValue, VERDICTS } from '../../model/claims/index.js';
import { figureValue, loadFigures } from '../../model/figures/index.js';
import { BASELINE_NAME } from '../../model/scenarios/index.js';
import { auditUserClaims, compileUserTables, FILE_CELLS, userStress, UserTablesSchema, type ReadTables, type UserStress, type UserClaimResult, type UserTables } from '../../model/user/index.js';
import { describeIssues } from '../../model/validation/index.js';
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

/** The "YOUR CLAIMS" block of `claims`: one row per user claim, and the problems of rows the model cannot read. */
export function userClaimsText(user: ReadTables, results: readonly UserClaimResult[]): string {
  if (!results.length && !user.problems.length) return '';
  const rows = results.map((r) => [r.id, r.audit ? formatValue(r.audit.recomputed, r.audit.unit) : '', r.audit?.verdict ?? 'not audited', r.audit ? r.audit.reason : r.problems.join('; ')]);
  const counts = VERDICTS.map((v) => `${results.filter((r) => r.audit?.verdict === v).length} ${v}`).join(', ');
  const problems = user.problems.map((p) => `  - ${p}\n`).join('');
  return `\nYOUR CLAIMS (${results.length}, from MyClaims)\n${rows.length ? renderTable(['claim', 'value', 'verdict', 'reason'], rows) : ''}${problems ? `rows left out:\n${problems}` : ''}\n${results.length} of your claims: ${counts}\n`;
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
export function importProblems(data: unknown): { tables?: UserTables; problems: string[] } {
  const parsed = UserTablesSchema.safeParse(data);
  if (!parsed.success) return { problems: describeIssues(parsed.error.issues, data) };
  const compiled = compileUserTables(parsed.data, { cellOf: FILE_CELLS, reservedNames: RESERVED_PLAN_NAMES });
  return { tables: parsed.data, problems: [...compiled.allProblems] };
}

export const myclaimsCommand: CliCommand = {
  name: 'myclaims',
  summary: 'your own figures and claims as JSON: myclaims export|import FILE.json --workbook WB.xlsx',
  usage: ['myclaims export <FILE.json> --workbook <WB.xlsx>', 'myclaims import <FILE.json> --workbook <WB.xlsx>   (rejected whole on any problem; the workbook is left as it was)'],
  async run(args, io) {
    const { positional, values } = parseOptions(args, { values: ['workbook'] });
    const [action, file, extra] = positional;
    if (action !== 'export' && action !== 'import') throw new UsageError(`needs "export" or "import", got ${action === undefined ? 'nothing' : `"${action}"`}`);
    if (!file) throw new UsageError(`myclaims ${action} needs a FILE.json`);
    if (extra) throw new UsageError(`unexpected argument "${extra}"`);
    const { file: wbFile, bytes, reading } = await readWorkbook(values.get('workbook'));
    if (action === 'export') {
      for (const p of reading.user.problems) io.err(`warning: left out: ${p}\n`);
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
    if (!tables || problems.length) throw new UsageError(`${file} was not imported; ${wbFile} is unchanged:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    // The plan's rows for the imported tables, at the workbook's values (its edits, scenarios and
    // active scenario), written into the two tables only: every other part stays as it was.
    const edits = new Map<string, number>();
    for (const f of loadFigures()) {
      const v = reading.base.get(f.id);
      if (typeof v === 'number' && v !== figureValue(f)) edits.set(f.id, v);
    }
    const active = typeof reading.activeScenarioCell === 'string' && reading.scenarios.some((s) => s.name === reading.activeScenarioCell) ? reading.activeScenarioCell : BASELINE_NAME;
    const input = articlePlanInput({ includeCustomFunctions: false, baseValues: edits, scenarios: reading.scenarios, activeScenario: active });
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
