/**
 * Issue 20, item 4: scenario files that validated but broke the workbook. Every case is a file
 * the old validation accepted (or a message that named nothing); now each is rejected with a
 * sentence naming scenario, field and value, before anything is written.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importScenarios, parseScenarioJson } from '../../src/excel/scenario-actions.js';
import { fillArticle } from '../../src/excel/scenario-actions.js';
import { loadFigures, figureValue } from '../../src/model/figures/index.js';
import {
  createScenario,
  loadSeedScenarios,
  parseScenarioFile,
  parseScenarioText,
  SCENARIO_FORMAT,
  SCENARIO_LIMITS,
  ScenarioError,
  type Scenario,
} from '../../src/model/scenarios/index.js';
import { articlePlan, cellAddress, SCENARIO_NAMES, SHEETS } from '../../src/plan/index.js';
import { cli } from '../cli/run.js';
import { createClaimHost } from '../excel/host.js';

const record = (name: string, overrides: Record<string, unknown> = {}) => ({ name, createdAt: '', updatedAt: '', overrides });
const file = (...scenarios: unknown[]) => ({ format: SCENARIO_FORMAT, version: 1, scenarios });
const problemsOf = (data: unknown): readonly string[] => {
  try {
    parseScenarioFile(data, 'f.json');
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems;
    throw error;
  }
  return [];
};
const textProblems = (text: string): readonly string[] => {
  try {
    parseScenarioText(text, 'f.json');
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems;
    throw error;
  }
  return [];
};

describe('limits that fit the grid and a 5 MB request', () => {
  it.each([SCENARIO_LIMITS.scenarios + 1, 16_400, 20_000])('rejects %i scenarios before any fill', (n) => {
    const many = file(...Array.from({ length: n }, (_, i) => record(`S${i}`)));
    expect(problemsOf(many)).toEqual([`f.json: scenarios: at most ${SCENARIO_LIMITS.scenarios} scenarios fit a workbook`]);
  });

  it('accepts exactly the limit', () => {
    expect(problemsOf(file(...Array.from({ length: SCENARIO_LIMITS.scenarios }, (_, i) => record(`S${i}`))))).toEqual([]);
  });

  it('a set at every limit makes a plan inside the grid and well under 5 MB', () => {
    const figures = loadFigures();
    const scenarios: Scenario[] = Array.from({ length: SCENARIO_LIMITS.scenarios }, (_, i) => ({
      name: `S${i}`.padEnd(SCENARIO_LIMITS.nameLength, 'x'),
      description: 'd'.repeat(SCENARIO_LIMITS.descriptionLength),
      author: 'a'.repeat(SCENARIO_LIMITS.authorLength),
      createdAt: '2026-11-26',
      updatedAt: '2026-11-26',
      overrides: new Map(figures.map((f) => [f.id, figureValue(f)])),
    }));
    const plan = articlePlan({ edits: new Map(), scenarios, activeScenario: 'Article' });
    for (const sheet of plan.sheets) expect(Math.max(0, ...sheet.cells.map((r) => r.length)), sheet.name).toBeLessThanOrEqual(16_384);
    // 4 MB: a fifth of the 5 MB left for the request envelope and the stored scenario metadata.
    expect(JSON.stringify(plan).length).toBeLessThan(4 * 1024 * 1024);
  });

  it('rejects more overrides than there are figures', () => {
    const overrides = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`X${i}`, 1]));
    expect(problemsOf(file(record('Many', overrides)))[0]).toBe(`f.json: scenarios[0] "Many".overrides: 60 overrides, but there are only ${loadFigures().length} figures (one override each at most)`);
  });

  it('rejects a file over the size limit with a sentence', () => {
    expect(textProblems(' '.repeat(SCENARIO_LIMITS.fileBytes + 1))[0]).toMatch(/a scenario file holds at most 1024 KB/);
  });
});

describe('names', () => {
  it.each(['Ar?icle', 'High*', '~Low', 'a~*b'])('rejects the wildcard name %s', (name) => {
    expect(problemsOf(file(record(name)))[0]).toMatch(/\.name: must not contain "[*?~]": the workbook's lookup of the active scenario reads \* \? ~ as wildcards/);
    expect(() => createScenario({ scenarios: [], active: 'Article' }, name, '2026-11-26')).toThrow(/must not contain/);
  });

  it.each(['id', 'ID', 'Label', 'LABEL', 'in use', 'In Use', 'article'])('rejects the reserved name %s', (name) => {
    expect(problemsOf(file(record(name)))[0]).toMatch(/\.name: "[^"]+" is (a column header of the Scenarios table|the baseline)/);
    expect(() => createScenario({ scenarios: [], active: 'Article' }, name, '2026-11-26')).toThrow(ScenarioError);
  });

  it("writes a name with a leading apostrophe so that it reads back exactly ('=1+1)", async () => {
    const host = createClaimHost();
    await fillArticle(host.run);
    const result = await importScenarios(host.run, JSON.stringify(file(record("'=1+1", { WORLD_GDP: 110000 }))));
    expect(result.status).toBe('written');
    // The first scenario's name cell: right of the Article column in the names row.
    expect(host.getCellValue(SHEETS.scenarios, cellAddress(SCENARIO_NAMES.row, SCENARIO_NAMES.firstColumn + 1))).toBe("'=1+1");
  });
});

describe('overrides', () => {
  it('reports "__proto__" as an unknown figure, not silently dropped', () => {
    const text = `{"format":"${SCENARIO_FORMAT}","version":1,"scenarios":[{"name":"P","createdAt":"","updatedAt":"","overrides":{"__proto__":{"WORLD_GDP":1}}}]}`;
    expect(textProblems(text)).toEqual(['f.json: scenarios[0] "P".overrides.__proto__: unknown figure id']);
  });

  it.each([
    ['0001-01-01'],
    ['0099-12-31'],
    ['1899-12-01'],
    ['1900-01-01'],
    ['1900-02-28'],
  ])('rejects the date %s, which Excel cannot hold with the right serial', (date) => {
    expect(problemsOf(file(record('D', { ORDER_DATE_P1: date })))[0]).toBe(`f.json: scenarios[0] "D".overrides.ORDER_DATE_P1: needs a date as text, YYYY-MM-DD from 1900-03-01 to 9999-12-31, got "${date}"`);
  });

  it('accepts the first and last date Excel holds', () => {
    const [s] = parseScenarioFile(file(record('D', { ORDER_DATE_P1: '1900-03-01', CN_UST_ASOF: '9999-12-31' })));
    expect(s!.overrides.get('ORDER_DATE_P1')).toBe(61);
    expect(s!.overrides.get('CN_UST_ASOF')).toBe(2_958_465);
  });

  it.each([
    [true, 'true (a boolean)'],
    [{ a: 1 }, 'an object {...}'],
    [[1], 'a list [...]'],
    [null, 'null'],
  ])('a value of the wrong type (%j) is named with the type expected', (value, shown) => {
    expect(problemsOf(file(record('T', { WORLD_GDP: value })))[0]).toBe(`f.json: scenarios[0] "T".overrides.WORLD_GDP: needs a number in USD bn, got ${shown}`);
  });

  it.each([5e-324, 1e-308, 1e308, -1e308])('rejects %s, which no cell holds (found by the schema property)', (v) => {
    expect(problemsOf(file(record('T', { WORLD_GDP: v })))[0]).toBe(`f.json: scenarios[0] "T".overrides.WORLD_GDP: ${v} is outside the numbers a cell holds (0, or 2.2251e-308 to 9.99999999999999e+307 either side of 0)`);
  });

  it('1e400 (Infinity once parsed) is named as too large', () => {
    const text = JSON.stringify(file(record('T', { WORLD_GDP: 1 }))).replace('"WORLD_GDP":1', '"WORLD_GDP":1e400');
    expect(textProblems(text)[0]).toBe('f.json: scenarios[0] "T".overrides.WORLD_GDP: needs a number in USD bn, got a number too large to hold (it reads as Infinity)');
  });

  it('a name of the wrong type names the value too', () => {
    expect(problemsOf(file({ ...record('x'), name: true }))[0]).toMatch(/scenarios\[0\]\.name: .*string.*\(got true \(a boolean\)\)/);
  });
});

describe('encodings', () => {
  const good = JSON.stringify({ format: SCENARIO_FORMAT, version: 1, scenarios: [record('Half GDP', { WORLD_GDP: 61790 })] });
  const dir = mkdtempSync(join(tmpdir(), 'claimcell-enc-'));

  it('accepts a UTF-8 byte-order mark in the CLI and in the pane', async () => {
    const path = join(dir, 'bom.json');
    writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(good)]));
    const run = await cli('scenarios', 'import', path);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(parseScenarioJson(`\uFEFF${good}`).map((s) => s.name)).toEqual(['Half GDP']);
  });

  it('gives UTF-16 a readable message in the CLI and in the pane', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good, 'utf16le')]);
    const path = join(dir, 'utf16.json');
    writeFileSync(path, utf16);
    const run = await cli('scenarios', 'import', path);
    expect(run.code).toBe(1);
    expect(run.err).toContain('is saved as UTF-16; save it as UTF-8');
    // The pane reads the file as UTF-8 text (File.text()).
    expect(() => parseScenarioJson(new TextDecoder().decode(utf16), 'utf16.json')).toThrow(/utf16\.json is saved as UTF-16/);
    expect(() => parseScenarioJson(new TextDecoder().decode(Buffer.from(good, 'utf16le')), 'utf16.json')).toThrow(/is saved as UTF-16/);
  });
});

it('the shipped scenarios still pass every rule', () => {
  expect(loadSeedScenarios().length).toBeGreaterThan(0);
});
