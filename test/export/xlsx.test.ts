import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nativeOnlyProblems, planToXlsxBuffer, usesCustomFunction, writePlanToWorkbook, XlsxExportError } from '../../src/export/xlsx.js';
import { auditAll } from '../../src/model/claims/index.js';
import { articlePlan, CLAIM_COLUMNS, type CellPlan, type SheetPlan, type WorkbookPlan } from '../../src/plan/index.js';
import { ROOT } from '../paths.js';

const sheet = (name: string, cells: CellPlan[][], extra: Partial<SheetPlan> = {}): SheetPlan => ({
  name,
  cells,
  columnWidths: [],
  tables: [],
  conditionalFormats: [],
  validations: [],
  charts: [],
  freezeRows: 0,
  ...extra,
});
const tiny = (sheets: SheetPlan[], names: WorkbookPlan['names'] = []): WorkbookPlan => ({ planVersion: 1, hash: 'test', sheets, names });

async function readBack(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

interface LoadedTable {
  table: { name: string; tableRef?: string; ref?: string; columns: { name: string }[] };
}
/** ExcelJS reads date-formatted numbers as Dates; the plan holds Excel serial numbers. */
const EPOCH = Date.UTC(1899, 11, 30);
const plain = (v: unknown): unknown => (v instanceof Date ? (v.getTime() - EPOCH) / 86_400_000 : v);
/** ExcelJS's `value` drops falsy formula results (0, false); `result` keeps them. */
const resultOf = (cell: ExcelJS.Cell): unknown => plain(cell.result);
const conditionalFormatsOf = (ws: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] =>
  (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;

const tablesOf = (ws: ExcelJS.Worksheet): LoadedTable['table'][] => (ws.getTables() as unknown as LoadedTable[]).map((t) => t.table);

describe('xlsx export of the article workbook', () => {
  const plan = articlePlan({ edits: new Map() }, { includeCustomFunctions: false });
  let buffer: Buffer;
  let wb: ExcelJS.Workbook;
  let zip: JSZip;

  beforeAll(async () => {
    buffer = await planToXlsxBuffer(plan);
    wb = await readBack(buffer);
    zip = await JSZip.loadAsync(buffer);
  });

  it('has every sheet in order, and every planned cell', () => {
    expect(wb.worksheets.map((s) => s.name)).toEqual(plan.sheets.map((s) => s.name));
    for (const sp of plan.sheets) {
      const ws = wb.getWorksheet(sp.name)!;
      sp.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          const xl = ws.getCell(r + 1, c + 1);
          const where = `${sp.name}!R${r + 1}C${c + 1}`;
          if (cell.f !== undefined) {
            expect((xl.value as ExcelJS.CellFormulaValue).formula, where).toBe(cell.f.slice(1));
            if (cell.cached === null || cell.cached === undefined) expect(xl.result, where).toBeUndefined();
            else expect(resultOf(xl), where).toEqual(cell.cached);
          } else expect(plain(xl.value), where).toEqual(cell.v ?? null);
          if (cell.fmt) expect(ws.getCell(r + 1, c + 1).numFmt, where).toBe(cell.fmt);
          if (cell.bold) expect(ws.getCell(r + 1, c + 1).font?.bold, where).toBe(true);
        }),
      );
    }
  });

  it('caches the model values: every claim recomputation and verdict as auditAll gives them', () => {
    const claims = wb.getWorksheet('Claims')!;
    auditAll(undefined, { margins: false }).forEach((audit, i) => {
      expect(resultOf(claims.getCell(i + 2, CLAIM_COLUMNS.recomputed)), audit.id).toBe(audit.recomputed);
      expect(resultOf(claims.getCell(i + 2, CLAIM_COLUMNS.verdict)), audit.id).toBe(audit.verdict);
    });
  });

  it('defines every workbook-scoped name at its absolute address', () => {
    const names = new Map(wb.definedNames.model.map((n) => [n.name, n.ranges]));
    expect(names.size).toBe(plan.names.length);
    for (const n of plan.names) expect(names.get(n.name), n.name).toEqual([`${n.sheet}!${n.address}`]);
  });

  it('keeps the scenario drop-down on Scenarios!B1 (a list that shows its arrow)', async () => {
    const validation = wb.getWorksheet('Scenarios')!.getCell('B1').dataValidation;
    expect(validation).toMatchObject({ type: 'list', formulae: ['$C$3:$G$3'], showInputMessage: true, prompt: 'Choose the active scenario' });
    const xml = await zip.file(`xl/worksheets/sheet${plan.sheets.findIndex((s) => s.name === 'Scenarios') + 1}.xml`)!.async('string');
    expect(xml).toContain('<dataValidation type="list"');
    expect(xml).not.toContain('showDropDown'); // showDropDown="1" would hide the arrow
  });

  it('writes every conditional format as an expression rule with its fill', () => {
    for (const sp of plan.sheets) {
      const cfs = conditionalFormatsOf(wb.getWorksheet(sp.name)!);
      expect(cfs.map((cf) => [cf.ref, cf.rules[0]!.type, (cf.rules[0] as ExcelJS.ExpressionRuleType).formulae?.[0]]), sp.name).toEqual(
        sp.conditionalFormats.map((rule) => [rule.range, 'expression', rule.formula.slice(1)]),
      );
      sp.conditionalFormats.forEach((rule, i) => {
        const style = cfs[i]!.rules[0]!.style as { fill?: { bgColor?: { argb?: string } } };
        expect(style.fill?.bgColor?.argb).toBe(`FF${rule.fill.slice(1).toUpperCase()}`);
      });
    }
    expect(plan.sheets.reduce((n, s) => n + s.conditionalFormats.length, 0)).toBeGreaterThan(0);
  });

  it('writes the tables as Excel tables over the planned ranges with their text headers', () => {
    for (const sp of plan.sheets) {
      const tables = tablesOf(wb.getWorksheet(sp.name)!);
      expect(tables.map((t) => [t.name, t.tableRef ?? t.ref]), sp.name).toEqual(sp.tables.map((t) => [t.name, t.range]));
    }
    const figures = wb.getWorksheet('Figures')!;
    expect(tablesOf(figures)[0]!.columns.map((c) => c.name)).toEqual(plan.sheets[1]!.cells[0]!.map((c) => c.v));
    expect(figures.getCell('A1').value).toBe('id');
    expect(figures.getCell('A1').font?.bold).toBe(true);
  });

  it('sets column widths, frozen rows and the workbook properties', async () => {
    for (const sp of plan.sheets) {
      const ws = wb.getWorksheet(sp.name)!;
      sp.columnWidths.forEach((w, i) => expect(ws.getColumn(i + 1).width, `${sp.name} column ${i + 1}`).toBe(w));
      if (sp.freezeRows) expect(ws.views[0], sp.name).toMatchObject({ state: 'frozen', ySplit: sp.freezeRows });
    }
    expect(wb.creator).toBe('ClaimCell');
    expect(await zip.file('xl/workbook.xml')!.async('string')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it('has no CLAIM.* formula anywhere in the file (the add-in text column is plain text)', async () => {
    const formulas: string[] = [];
    for (const [path, file] of Object.entries(zip.files)) {
      if (!path.endsWith('.xml')) continue;
      const xml = await file.async('string');
      for (const m of xml.matchAll(/<(f|formula|formula1|formula2|definedName)\b[^>]*>([^<]*)</g)) formulas.push(m[2]!);
    }
    expect(formulas.length).toBeGreaterThan(500);
    expect(formulas.filter((f) => /CLAIM\./i.test(f))).toEqual([]);
    // The CLAIM.* column of the Claims sheet holds the formulas as text, for users with the add-in.
    expect(await zip.file('xl/sharedStrings.xml')!.async('string')).toContain('CLAIM.DEBT_SHARE(');
  });

  it('uses only functions that Excel 2016+ and LibreOffice 7.4 both calculate, in English and Chinese', () => {
    expect(nativeOnlyProblems(plan)).toEqual([]);
    expect(nativeOnlyProblems(articlePlan({ edits: new Map(), activeScenario: 'Generous rounding' }, { includeCustomFunctions: false, lang: 'zh' }))).toEqual([]);
  });
});

describe('writePlanToWorkbook on any plan', () => {
  it('stays out of the add-in bundles: nothing under src/excel, src/functions or src/taskpane imports it or ExcelJS', () => {
    const files = ['src/excel', 'src/functions', 'src/taskpane'].flatMap((d) => (readdirSync(join(ROOT, d), { recursive: true }) as string[]).map((f) => join(ROOT, d, f)));
    const offenders = files.filter((f) => /\.ts$/.test(f) && /from ['"](exceljs|[^'"]*\/export\/[^'"]*)['"]/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('refuses a plan built with CLAIM.* custom functions, naming the cell', () => {
    const withCustom = articlePlan({ edits: new Map() }, { includeCustomFunctions: true });
    expect(() => writePlanToWorkbook(withCustom)).toThrow(XlsxExportError);
    expect(() => writePlanToWorkbook(withCustom)).toThrow(/Claims![A-Z]+\d+: formula =CLAIM\..*includeCustomFunctions: false/);
  });

  it('writes text that looks like a formula as text', async () => {
    const texts = ['=1+1', '+44 20', '-x', '@cmd', '=CLAIM.X(1)'];
    const wb = await readBack(await planToXlsxBuffer(tiny([sheet('Text', [texts.map((v) => ({ v, fmt: '@' })), texts.map((v) => ({ v }))])])));
    const ws = wb.getWorksheet('Text')!;
    texts.forEach((t, i) => {
      expect(ws.getCell(1, i + 1).value).toBe(t);
      expect(ws.getCell(1, i + 1).type).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell(2, i + 1).value).toBe(t);
    });
  });

  it('quotes sheet names with spaces in defined names, and writes formula results of every type', async () => {
    const buffer = await planToXlsxBuffer(
      tiny(
        [
          sheet('My data', [[{ v: 2 }, { f: '=A1*2', cached: 4 }, { f: '=IF(A1>1,"big","small")', cached: 'big' }, { f: '=A1>1', cached: true }, { f: '=NA()', cached: null }]]),
          sheet('Use', [[{ f: '=TWICE+1', cached: 5 }]]),
        ],
        [{ name: 'TWICE', sheet: 'My data', address: '$B$1', comment: '' }],
      ),
    );
    const xml = await (await JSZip.loadAsync(buffer)).file('xl/workbook.xml')!.async('string');
    expect(xml.replace(/&apos;/g, "'")).toContain(`<definedName name="TWICE">'My data'!$B$1</definedName>`);
    const ws = (await readBack(buffer)).getWorksheet('My data')!;
    expect(['B1', 'C1', 'D1', 'E1'].map((a) => ws.getCell(a).result)).toEqual([4, 'big', true, undefined]);
    expect((ws.getCell('E1').value as ExcelJS.CellFormulaValue).formula).toBe('NA()');
  });

  it('writes a list validation over a range and a colour given as #RGB', async () => {
    const plan = tiny([
      sheet('V', [[{ v: 'a' }, { v: 'b' }], [{ v: 'a' }], [{ v: 'b' }]], {
        validations: [{ range: 'A2:A3', listSource: '=$A$1:$B$1' }],
        conditionalFormats: [{ range: 'A2:A3', formula: '=A2="a"', fill: '#FC0', fontColor: '#000000' }],
      }),
    ]);
    const buffer = await planToXlsxBuffer(plan);
    const xml = await (await JSZip.loadAsync(buffer)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toMatch(/<dataValidation type="list"[^>]*sqref="A2:A3"><formula1>\$A\$1:\$B\$1<\/formula1>/);
    const ws = (await readBack(buffer)).getWorksheet('V')!;
    expect(ws.getCell('A3').dataValidation).toMatchObject({ type: 'list', formulae: ['$A$1:$B$1'] });
    expect((conditionalFormatsOf(ws)[0]!.rules[0]!.style as { fill: { bgColor: { argb: string } } }).fill.bgColor.argb).toBe('FFFFCC00');
  });

  it('stores Excel 2010+ functions with the _xlfn. prefix OOXML requires, outside text', async () => {
    const buffer = await planToXlsxBuffer(tiny([sheet('P', [[{ f: '=IFNA(NA(),"IFNA(")+DAYS(3,1)', cached: null }]])]));
    const xml = await (await JSZip.loadAsync(buffer)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toContain('<f>_xlfn.IFNA(NA(),&quot;IFNA(&quot;)+_xlfn.DAYS(3,1)</f>');
  });

  it('keeps text headers of a table with formulas below them and refuses duplicate headers', async () => {
    const cells: CellPlan[][] = [
      [{ v: 'Name', bold: true }, { v: 'Value', bold: true }, { v: '=Double', bold: true }],
      [{ v: 'a' }, { v: 1, fmt: '0.00' }, { f: '=B2*2', cached: 2 }],
      [{ v: 'b' }, { v: 2, fmt: '0.00' }, { f: '=B3*2', cached: 4 }],
    ];
    const wb = await readBack(await planToXlsxBuffer(tiny([sheet('T', cells, { tables: [{ name: 'Things', range: 'A1:C3' }] })])));
    const ws = wb.getWorksheet('T')!;
    expect(['A1', 'B1', 'C1'].map((a) => ws.getCell(a).value)).toEqual(['Name', 'Value', '=Double']);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('B3').numFmt).toBe('0.00');
    expect((ws.getCell('C3').value as ExcelJS.CellFormulaValue).formula).toBe('B3*2');
    expect(tablesOf(ws).map((t) => t.name)).toEqual(['Things']);

    const dup = cells.map((row, r) => (r === 0 ? [row[0]!, { v: 'name' }, row[2]!] : row));
    expect(() => writePlanToWorkbook(tiny([sheet('T', dup, { tables: [{ name: 'Things', range: 'A1:C3' }] })]))).toThrow(/appears twice/);
  });

  it('writes a planned chart as a native chart part, leaving the cell at its anchor empty', async () => {
    const plan = tiny([
      sheet('Chart', [[{ v: 'x' }, { v: 'y' }], [{ v: 'a' }, { v: 1 }]], {
        charts: [{ name: 'C', type: 'BarClustered', source: 'A1:B2', title: 'My chart', anchor: 'D2' }],
      }),
    ]);
    const buffer = await planToXlsxBuffer(plan);
    const ws = (await readBack(buffer)).getWorksheet('Chart')!;
    expect(ws.getCell('D2').value).toBeNull();
    expect(buffer.includes('xl/charts/chart1.xml')).toBe(true);
  });

  it('nativeOnlyProblems reports newer and custom functions but not text that mentions them', () => {
    const plan = tiny([
      sheet('F', [
        [
          { f: '=XLOOKUP(1,A:A,B:B)' },
          { f: '=LET(x,1,x)' },
          { f: '=CLAIM.DEBT_SHARE(1,2)' },
          { f: '=FOO(1)' },
          { f: '="FILTER(" & SUM(1,2)' },
          { f: "='SORT(x'!A1" },
          { f: '=_xlfn.CONCAT("a","b")' },
          { f: '=TEXTJOIN(",",TRUE,A1:A2)' },
        ],
      ]),
    ]);
    expect(nativeOnlyProblems(plan).map((p) => `${p.cell}:${p.fn}`)).toEqual(['A1:XLOOKUP', 'B1:LET', 'C1:CLAIM.DEBT_SHARE', 'D1:FOO', 'G1:_XLFN.CONCAT', 'H1:TEXTJOIN']);
    expect(usesCustomFunction('="CLAIM.X("&1')).toBe(false);
    expect(usesCustomFunction('=1+claim.x(2)')).toBe(true);
  });
});
