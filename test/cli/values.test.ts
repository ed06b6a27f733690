/** The CLI at the values in use: --set, --scenario and --workbook give the same answers as the model. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFigures } from '../../src/model/figures/index.js';
import { tornadoForClaim } from '../../src/model/stress/claims.js';
import { FIGURE_COLUMNS, SHEETS, ACTIVE_SCENARIO_ADDRESS } from '../../src/plan/index.js';
import { cli } from './run.js';

let dir: string;
let exported: string;

/** Loads the export, lets `edit` change it as a user would, saves it under `name`. */
async function edited(name: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(exported);
  edit(wb);
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}
/** The article's claims of `claims --json` (a workbook adds its MyClaims rows, marked owner "user", after them). */
const articleClaims = (out: string): string => `${JSON.stringify(JSON.parse(out).filter((c: { owner?: string }) => c.owner !== 'user'), null, 2)}\n`;

const rowOf = (id: string): number => loadFigures().findIndex((f) => f.id === id) + 2;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'claimcell-values-'));
  exported = join(dir, 'ClaimCell.xlsx');
  expect((await cli('workbook', '--out', exported)).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CLI values options', () => {
  it('--set and a workbook whose tariff cell was changed to 30% give the same tornado (base 880)', async () => {
    const bySet = await cli('stress', 'tornado', 'TARIFF_IMPLIED_BASE', '--set', 'AI_CHIP_TARIFF_RATE=0.3', '--json');
    expect(bySet.code).toBe(0);
    const set = JSON.parse(bySet.out);
    expect(set.baseOutput).toBeCloseTo(880, 9);
    expect(set).toEqual(JSON.parse(JSON.stringify(tornadoForClaim('TARIFF_IMPLIED_BASE', { overrides: new Map([['AI_CHIP_TARIFF_RATE', 0.3]]) }))));
    const file = await edited('tariff30.xlsx', (wb) => {
      wb.getWorksheet(SHEETS.figures)!.getCell(rowOf('AI_CHIP_TARIFF_RATE'), FIGURE_COLUMNS.base).value = 0.3;
    });
    const byFile = await cli('stress', 'tornado', 'TARIFF_IMPLIED_BASE', '--workbook', file, '--json');
    expect(byFile.err).toBe('');
    expect(JSON.parse(byFile.out)).toEqual(set);
    // "30%" as a person types it is the same value
    expect(JSON.parse((await cli('stress', 'tornado', 'TARIFF_IMPLIED_BASE', '--set', 'AI_CHIP_TARIFF_RATE=30%', '--json')).out)).toEqual(set);
  });

  it('claims --workbook on an unchanged export prints exactly what claims prints', async () => {
    const plain = await cli('claims');
    const fromFile = await cli('claims', '--workbook', exported);
    expect({ ...fromFile, out: fromFile.out.slice(0, plain.out.length) }).toEqual(plain);
    // After the article's claims, the workbook's own: its MyClaims worked example.
    expect(fromFile.out.slice(plain.out.length)).toMatch(/^\nYOUR CLAIMS \(1, from MyClaims\)\n[\s\S]*MY_UST_INCOME/);
    expect(articleClaims((await cli('claims', '--json', '--workbook', exported)).out)).toBe((await cli('claims', '--json')).out);
  });

  it("reads the workbook's active scenario, and --scenario picks another of its scenarios", async () => {
    const high = await edited('high.xlsx', (wb) => {
      wb.getWorksheet(SHEETS.scenarios)!.getCell(ACTIVE_SCENARIO_ADDRESS.address).value = 'Stated ranges: high ends';
    });
    const scenarioNames = (await cli('scenarios', 'list')).out;
    expect(scenarioNames).toContain('Stated ranges: high ends');
    const fromFile = await cli('claims', '--json', '--workbook', high);
    expect(articleClaims(fromFile.out)).toBe((await cli('claims', '--json', '--scenario', 'Stated ranges: high ends')).out);
    expect(articleClaims(fromFile.out)).not.toBe((await cli('claims', '--json')).out);
    expect((await cli('claim', 'BRICS_OCT_PARTS', '--workbook', high)).out).toContain('values: scenario "Stated ranges: high ends"');
    expect(articleClaims((await cli('claims', '--json', '--workbook', high, '--scenario', 'Article')).out)).toBe((await cli('claims', '--json')).out);
  });

  it('a scenario cell naming no scenario: the base values, with a warning', async () => {
    const bad = await edited('bad-scenario.xlsx', (wb) => {
      wb.getWorksheet(SHEETS.scenarios)!.getCell(ACTIVE_SCENARIO_ADDRESS.address).value = 'Hihg';
    });
    const r = await cli('claims', '--json', '--workbook', bad);
    expect(r.code).toBe(0);
    expect(r.err).toContain('"Hihg", which is no scenario');
    expect(articleClaims(r.out)).toBe((await cli('claims', '--json')).out);
  });

  it('answers bad values options with one line and exit 2', async () => {
    const notXlsx = join(dir, 'notes.xlsx');
    writeFileSync(notXlsx, 'just text');
    const other = await edited('other.xlsx', (wb) => {
      wb.removeWorksheet(wb.getWorksheet(SHEETS.figures)!.id);
    });
    const cases: [string[], RegExp][] = [
      [['claims', '--set', 'NO_SUCH=1'], /unknown figure "NO_SUCH"/],
      [['claims', '--set', 'AI_CHIP_TARIFF_RATE=25'], /25 looks like a percent/],
      [['claims', '--set', 'AI_CHIP_TARIFF_RATE'], /needs ID=VALUE/],
      [['claims', '--set', 'WORLD_GDP=lots'], /"lots" is not a value for WORLD_GDP/],
      [['stress', 'tornado', 'TARIFF_IMPLIED_BASE', '--scenario', 'Nope'], /unknown scenario "Nope"/],
      [['claims', '--workbook', join(dir, 'missing.xlsx')], /cannot read --workbook .*missing\.xlsx: ENOENT/],
      [['claims', '--workbook', notXlsx], /not an \.xlsx workbook ClaimCell can open/],
      [['claims', '--workbook', other], /not a ClaimCell workbook: it has no "Figures" sheet/],
      [['claims', '--scenario', 'A', '--scenario', 'B'], /--scenario is given twice/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toMatch(message);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });

  it('exercise --set varies the figures around the values given', async () => {
    const roster = join(dir, 'roster.csv');
    writeFileSync(roster, 'student_id\nivy\n');
    const a = await cli('exercise', '--seed', 'values-test-seed-1234', '--roster', roster, '--out', join(dir, 'ex-a'), '--json');
    const b = await cli('exercise', '--seed', 'values-test-seed-1234', '--roster', roster, '--out', join(dir, 'ex-b'), '--json', '--set', 'WORLD_GDP=100000');
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    const { readExerciseXlsx } = await import('../../src/cli/commands/exercise.js');
    const { readFileSync } = await import('node:fs');
    const figuresOf = async (d: string) => (await readExerciseXlsx(readFileSync(join(dir, d, 'ivy.xlsx')))).names.get('WORLD_GDP');
    const gdpA = await figuresOf('ex-a');
    const gdpB = await figuresOf('ex-b');
    // Varied by the same factor around 123,580 and around 100,000.
    expect(typeof gdpA).toBe('number');
    expect((gdpB as number) / 100000).toBeCloseTo((gdpA as number) / 123580, 2);
    const graded = await cli('grade', join(dir, 'ex-b'), '--seed', 'values-test-seed-1234', '--json');
    expect(graded.code).toBe(0);
    expect(graded.out).toContain('"student": "ivy"');
  });
});
