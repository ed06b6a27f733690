/**
 * The exported workbook recalculated by a real spreadsheet engine (LibreOffice Calc, headless):
 * every claim's recomputed value and verdict, and every cell of the scenario summary, must equal
 * the TypeScript model (auditAll). LibreOffice is forced to recalculate on load (see soffice.ts),
 * and a deliberately broken copy proves that the comparison fails on a wrong formula.
 *
 * Precision: the CSV carries each cell's input string (not the displayed text), which LibreOffice
 * writes with 15 significant digits, so the export itself adds at most ~5e-15 relative error; the
 * comparison allows 1e-9 relative (plus 1e-12 absolute, because LibreOffice snaps a subtraction
 * whose result is within a few ulps of zero to exactly 0, where JavaScript keeps e.g. 3.5e-15).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { XMLValidator } from 'fast-xml-parser';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planToXlsxBuffer, PORTABLE_FUNCTIONS } from '../../src/export/xlsx.js';
import { auditAll, type ClaimAudit } from '../../src/model/claims/index.js';
import { figureValue, getFigure } from '../../src/model/figures/index.js';
import { loadSeedScenarios } from '../../src/model/scenarios/index.js';
import { articlePlan, CLAIM_COLUMNS, exampleUserTables, type CellPlan, type WorkbookPlan } from '../../src/plan/index.js';
import { auditUserTables } from '../../src/model/user/index.js';
import { convert, CSV_ALL_SHEETS, csvNumber, findSoffice, INSTALL_HINT, readCsv, recalcProfile, type ConvertRun } from './soffice.js';

const SWITCH_TO = 'Published values';
const REL = 1e-9;
const ABS = 1e-12;

const close = (a: number, b: number): boolean => Math.abs(a - b) <= REL * Math.max(Math.abs(a), Math.abs(b)) + ABS;

/** Mismatches between LibreOffice's Claims sheet and the model: [] when every value and verdict agrees. */
function claimsMismatches(rows: string[][], audits: readonly ClaimAudit[]): string[] {
  const problems: string[] = [];
  const byId = new Map(rows.map((r) => [r[CLAIM_COLUMNS.id - 1], r]));
  for (const audit of audits) {
    const row = byId.get(audit.id);
    if (!row) {
      problems.push(`${audit.id}: no row`);
      continue;
    }
    const text = row[CLAIM_COLUMNS.recomputed - 1] ?? '';
    const value = csvNumber(text);
    if (audit.recomputed === null ? !text.startsWith('#') && !text.startsWith('Err:') : value === null || !close(value, audit.recomputed)) {
      problems.push(`${audit.id}: recomputed ${text} in LibreOffice, ${audit.recomputed} in the model`);
    }
    if (row[CLAIM_COLUMNS.verdict - 1] !== audit.verdict) problems.push(`${audit.id}: verdict ${row[CLAIM_COLUMNS.verdict - 1]} in LibreOffice, ${audit.verdict} in the model`);
  }
  return problems;
}

/** The summary's section under the header row whose first cell is `title`: claim id → one cell per scenario. */
function summarySection(rows: string[][], title: string): { scenarios: string[]; byId: Map<string, string[]> } {
  const start = rows.findIndex((r) => r[0] === title);
  expect(start, `section ${title}`).toBeGreaterThanOrEqual(0);
  const scenarios = rows[start]!.slice(1).filter((s) => s !== '');
  const byId = new Map<string, string[]>();
  for (let i = start + 1; i < rows.length && rows[i]![0]; i++) byId.set(rows[i]![0]!, rows[i]!.slice(1, 1 + scenarios.length));
  return { scenarios, byId };
}

/** A copy of the plan with one claim's native recomputation deliberately wrong (×1.001), its cached value left as the model's. */
function mutant(plan: WorkbookPlan, claimRow: number): WorkbookPlan {
  const sheets = plan.sheets.map((sheet) => {
    if (sheet.name !== 'Claims') return sheet;
    const cells = sheet.cells.map((row, r) =>
      r !== claimRow - 1
        ? row
        : row.map((cell, c): CellPlan => (c === CLAIM_COLUMNS.recomputed - 1 ? { ...cell, f: `=(${cell.f!.slice(1)})*1.001` } : cell)),
    );
    return { ...sheet, cells };
  });
  return { ...plan, sheets };
}

/** Formulas with functions the writer stores `_xlfn.`-prefixed, and their results. */
const PREFIXED: readonly [string, number | boolean][] = [
  ['=IFNA(NA(),7)', 7],
  ['=DAYS(10,3)', 7],
  ['=XOR(TRUE,FALSE)', true],
  ['=ISOWEEKNUM(DATE(2025,1,1))', 1],
  ['=STDEV.S(1,2,3)', 1],
  ['=VAR.P(1,2,3)', 2 / 3],
  ['=PERCENTILE.INC({1,2,3,4},0.5)', 2.5],
  ['=RANK.EQ(2,{1,2,3})', 2],
];

/** Every function on the portable list called once (LibreOffice shows #NAME? only for a name it does not know), after the PREFIXED ones. */
function functionsPlan(): WorkbookPlan {
  const cells: CellPlan[][] = [
    ...PREFIXED.map(([f]): CellPlan[] => [{ v: f, fmt: '@' }, { f }]),
    ...[...PORTABLE_FUNCTIONS].map((name): CellPlan[] => [{ v: name, fmt: '@' }, { f: name === 'TRUE' || name === 'FALSE' ? `=${name}()` : `=ISERROR(${name}(1))` }]),
  ];
  return { planVersion: 1, hash: 'functions', names: [], sheets: [{ name: 'Functions', cells, columnWidths: [], tables: [], conditionalFormats: [], validations: [], charts: [], freezeRows: 0 }] };
}

const soffice = findSoffice();

describe('LibreOffice recalculates the exported workbook', () => {
  let dir = '';
  let profileDir = '';
  let csvRun: ConvertRun;
  let xlsxRun: ConvertRun;
  const sheetCsv = (file: string, sheet: string): string[][] => readCsv(join(dir, 'csv', `${file}-${sheet}.csv`));
  const scenarioOverrides = (name: string): ReadonlyMap<string, number> | undefined => loadSeedScenarios().find((s) => s.name === name)?.overrides;
  const plan = articlePlan({ edits: new Map() }, { includeCustomFunctions: false });
  const mutantRow = 3; // the second claim: a ratio, so ×1.001 is far outside 1e-9

  beforeAll(async () => {
    if (!soffice) throw new Error(INSTALL_HINT);
    dir = mkdtempSync(join(tmpdir(), 'claimcell-lo-'));
    const article = join(dir, 'article.xlsx');
    writeFileSync(article, await planToXlsxBuffer(plan));

    // The same file with B1 switched by editing the .xlsx; cached results stay stale (the Article's),
    // so only a real recalculation can produce the other scenario's numbers.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(article);
    wb.getWorksheet('Scenarios')!.getCell('B1').value = SWITCH_TO;
    await wb.xlsx.writeFile(join(dir, 'switched.xlsx'));

    writeFileSync(join(dir, 'mutant.xlsx'), await planToXlsxBuffer(mutant(plan, mutantRow)));
    writeFileSync(join(dir, 'functions.xlsx'), await planToXlsxBuffer(functionsPlan()));

    const profile = recalcProfile();
    profileDir = profile.dir;
    const files = ['article', 'switched', 'mutant', 'functions'].map((f) => join(dir, `${f}.xlsx`));
    csvRun = convert(soffice, profile.url, files, CSV_ALL_SHEETS, join(dir, 'csv'));
    // Open-and-save as .xlsx: LibreOffice must accept the file as is; its copy shows what it imported.
    xlsxRun = convert(soffice, profile.url, [article], 'xlsx:Calc MS Excel 2007 XML', join(dir, 'xlsx'));
    console.info(`LibreOffice: ${files.length} files to CSV in ${csvRun.ms.toFixed(0)} ms; xlsx round trip in ${xlsxRun.ms.toFixed(0)} ms\n  soffice ${csvRun.args.join(' ')}`);
  });

  afterAll(() => {
    for (const d of [dir, profileDir]) if (d && !process.env.CLAIMCELL_KEEP_LO) rmSync(d, { recursive: true, force: true });
  });

  it('exports every sheet of every file', () => {
    for (const file of ['article', 'switched', 'mutant']) {
      for (const sheet of plan.sheets) expect(existsSync(join(dir, 'csv', `${file}-${sheet.name}.csv`)), `${file}-${sheet.name}.csv`).toBe(true);
    }
  });

  it('recalculates every formula cell of every sheet to the value the model cached (Stress tables included)', () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const sheet of plan.sheets) {
      const rows = sheetCsv('article', sheet.name);
      sheet.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (!cell.f || cell.cached === null || cell.cached === undefined) return;
          const shown = rows[r]?.[c] ?? '';
          checked++;
          if (typeof cell.cached === 'number') {
            const got = csvNumber(shown);
            const ok = got !== null && Math.abs(got - cell.cached) <= 1e-9 * Math.max(1, Math.abs(cell.cached)) + 1e-12;
            if (!ok) mismatches.push(`${sheet.name}!R${r + 1}C${c + 1}: LibreOffice ${shown}, model ${cell.cached}`);
          } else if (String(cell.cached) !== shown && !(typeof cell.cached === 'boolean' && shown.toUpperCase() === String(cell.cached).toUpperCase())) {
            mismatches.push(`${sheet.name}!R${r + 1}C${c + 1}: LibreOffice ${shown}, model ${String(cell.cached)}`);
          }
        }),
      );
    }
    expect(plan.sheets.some((s) => s.name === 'Stress tables')).toBe(true);
    expect(checked).toBeGreaterThan(500);
    expect(mismatches).toEqual([]);
  });

  it('recomputes every claim value and verdict as the model does (Article active)', () => {
    const rows = sheetCsv('article', 'Claims');
    const audits = auditAll(undefined, { margins: false });
    expect(rows.length).toBe(audits.length + 1);
    expect(claimsMismatches(rows, audits)).toEqual([]);
  });

  it('recomputes every cell of the scenario summary as the model does', () => {
    const rows = sheetCsv('article', 'Scenario summary');
    const recomputed = summarySection(rows, 'Recomputed');
    const verdicts = summarySection(rows, 'Verdict');
    expect(recomputed.scenarios).toEqual(['Article', ...loadSeedScenarios().map((s) => s.name)]);
    const problems: string[] = [];
    recomputed.scenarios.forEach((name, k) => {
      const audits = auditAll(scenarioOverrides(name), { margins: false });
      for (const audit of audits) {
        const text = recomputed.byId.get(audit.id)?.[k] ?? '';
        const value = csvNumber(text);
        if (audit.recomputed === null ? !text.startsWith('#') : value === null || !close(value, audit.recomputed)) problems.push(`${name}/${audit.id}: ${text} vs ${audit.recomputed}`);
        const verdict = verdicts.byId.get(audit.id)?.[k];
        if (verdict !== audit.verdict) problems.push(`${name}/${audit.id}: verdict ${verdict} vs ${audit.verdict}`);
      }
    });
    // The changing inputs: each scenario's value of every figure some scenario overrides.
    const inputs = summarySection(rows, 'Changing inputs');
    expect(inputs.byId.size).toBeGreaterThan(0);
    inputs.scenarios.forEach((name, k) => {
      for (const [id, cells] of inputs.byId) {
        const expected = scenarioOverrides(name)?.get(id) ?? figureValue(getFigure(id)!);
        const value = csvNumber(cells[k] ?? '');
        if (value === null || !close(value, expected)) problems.push(`${name}/${id}: input ${cells[k]} vs ${expected}`);
      }
    });
    // the user's claims (the worked example), under their own heading, with their figures under each scenario
    recomputed.scenarios.forEach((name, k) => {
      for (const { audit } of auditUserTables(exampleUserTables(), scenarioOverrides(name)).results) {
        const value = csvNumber(recomputed.byId.get(audit!.id)?.[k] ?? '');
        if (value === null || !close(value, audit!.recomputed!)) problems.push(`${name}/${audit!.id}: ${value} vs ${audit!.recomputed}`);
        if (verdicts.byId.get(audit!.id)?.[k] !== audit!.verdict) problems.push(`${name}/${audit!.id}: verdict ${verdicts.byId.get(audit!.id)?.[k]} vs ${audit!.verdict}`);
      }
    });
    expect(problems).toEqual([]);
    expect(recomputed.byId.size).toBe(auditAll(undefined, { margins: false }).length + 1 + exampleUserTables().claims.length);
  });

  it(`recalculates the Claims sheet for "${SWITCH_TO}" after B1 is changed in the file`, () => {
    const audits = auditAll(scenarioOverrides(SWITCH_TO), { margins: false });
    const article = auditAll(undefined, { margins: false });
    // The switch must matter, or this test would prove nothing.
    expect(audits.filter((a, i) => a.verdict !== article[i]!.verdict).length).toBeGreaterThan(0);
    const rows = sheetCsv('switched', 'Claims');
    expect(claimsMismatches(rows, audits)).toEqual([]);
    expect(claimsMismatches(rows, article).length).toBeGreaterThan(0);
    expect(sheetCsv('switched', 'Scenarios')[0]![1]).toBe(SWITCH_TO);
  });

  it('fails on a wrong formula: the broken copy is recalculated, not read from its cache', () => {
    const audits = auditAll(undefined, { margins: false });
    const problems = claimsMismatches(sheetCsv('mutant', 'Claims'), audits);
    const broken = plan.sheets.find((s) => s.name === 'Claims')!.cells[mutantRow - 1]![0]!.v as string;
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toContain(`${broken}: recomputed`);
  });

  it('knows every function on the portable list, and reads the _xlfn.-prefixed ones the writer stores', () => {
    const rows = sheetCsv('functions', 'Functions');
    expect(rows.filter((r) => r[1] === '#NAME?').map((r) => r[0])).toEqual([]);
    PREFIXED.forEach(([formula, expected], i) => {
      const got = rows[i]![1]!;
      if (typeof expected === 'boolean') expect(got, formula).toBe(expected ? 'TRUE' : 'FALSE');
      else expect(close(csvNumber(got)!, expected), `${formula} = ${got}`).toBe(true);
    });
    expect(rows.length).toBe(PREFIXED.length + PORTABLE_FUNCTIONS.size);
  });

  it('shows no #NAME? (or other LibreOffice error) anywhere', () => {
    const errors: string[] = [];
    for (const file of readdirSync(join(dir, 'csv')).filter((f) => f.startsWith('article-') || f.startsWith('switched-'))) {
      readCsv(join(dir, 'csv', file)).forEach((row, r) =>
        row.forEach((cell, c) => {
          if (/^#(NAME\?|REF!|VALUE!|DIV\/0!|NUM!|N\/A|NULL!)|^Err:\d+/.test(cell)) errors.push(`${file} R${r + 1}C${c + 1}: ${cell}`);
        }),
      );
    }
    expect(errors).toEqual([]);
  });

  it('opens without repair and keeps the defined names, validation and tables as native objects', async () => {
    const saved = join(dir, 'xlsx', 'article.xlsx');
    expect(existsSync(saved) && statSync(saved).size > 0).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    expect(wb.worksheets.map((s) => s.name)).toEqual(plan.sheets.map((s) => s.name));
    const names = new Map(wb.definedNames.model.map((n) => [n.name, n.ranges]));
    for (const name of plan.names) expect(names.get(name.name), name.name).toEqual([`${name.sheet}!${name.address}`]);
    const validation = wb.getWorksheet('Scenarios')!.getCell('B1').dataValidation;
    expect(validation.type).toBe('list');
    expect(validation.formulae?.[0]).toBe('$C$3:$G$3');
    // LibreOffice writes back the values it calculated: the Claims verdicts as the model's.
    const claims = wb.getWorksheet('Claims')!;
    const audits = auditAll(undefined, { margins: false });
    audits.forEach((audit, i) => {
      const cell = claims.getCell(i + 2, CLAIM_COLUMNS.verdict).value as ExcelJS.CellFormulaValue;
      expect(cell.result, audit.id).toBe(audit.verdict);
    });
    const zip = await JSZip.loadAsync(readFileSync(saved));
    expect(Object.keys(zip.files).some((f) => f.startsWith('xl/tables/'))).toBe(true);
  });

  it('writes well-formed XML in every part of the exported file', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'article.xlsx')));
    const parts = Object.keys(zip.files).filter((f) => /\.(xml|rels)$/.test(f));
    expect(parts.length).toBeGreaterThan(10);
    for (const part of parts) expect(XMLValidator.validate(await zip.file(part)!.async('string')), part).toBe(true);
  });
});
