/**
 * The portable workbook (`workbook --stress …`) carries the Stress sheet with both native charts:
 * its tornado and histogram numbers are the stress engine's for the same claim, values and seed, and
 * LibreOffice opens the file and writes both charts back, pointing at the Stress sheet's ranges.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSeedScenario } from '../../src/model/scenarios/index.js';
import { tornadoForClaim } from '../../src/model/stress/claims.js';
import { monteCarloForClaim } from '../../src/model/stress/claim-montecarlo.js';
import { stressRunForClaim, stressSheet } from '../../src/plan/stress-sheet.js';
import { cli } from '../cli/run.js';
import { convert, findSoffice, INSTALL_HINT, recalcProfile } from './soffice.js';

const CLAIM = 'BRICS_OCT_PARTS';
const SCENARIO = 'Published values';
const overrides = findSeedScenario(SCENARIO)!.overrides;

describe('portable workbook with the Stress sheet (LibreOffice)', () => {
  const soffice = findSoffice();
  let dir = '';
  let profileDir = '';
  let sheet: ExcelJS.Worksheet;
  let charts: string[] = [];

  beforeAll(async () => {
    if (!soffice) throw new Error(INSTALL_HINT);
    dir = mkdtempSync(join(tmpdir(), 'claimcell-portable-charts-'));
    const file = join(dir, 'ClaimCell.xlsx');
    const run = await cli('workbook', '--out', file, '--stress', CLAIM.toLowerCase(), '--scenario', SCENARIO, '--samples', '3000', '--seed', '7');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    sheet = wb.getWorksheet('Stress')!;
    const profile = recalcProfile();
    profileDir = profile.dir;
    mkdirSync(join(dir, 'lo'));
    convert(soffice, profile.url, [file], 'xlsx:Calc MS Excel 2007 XML', join(dir, 'lo'));
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'lo', 'ClaimCell.xlsx')));
    charts = await Promise.all(Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).sort().map((f) => zip.file(f)!.async('string')));
  }, 240_000);

  afterAll(() => {
    for (const d of [dir, profileDir]) if (d) rmSync(d, { recursive: true, force: true });
  });

  it('holds the stress engine\'s tornado and histogram for the same claim, scenario values and seed', () => {
    expect(sheet).toBeDefined();
    const tornado = tornadoForClaim(CLAIM, { overrides });
    const mc = monteCarloForClaim(CLAIM, { samples: 3000, seed: 7, overrides });
    // Where the parts are (rows only); the numbers below come from the engine, not from the plan.
    const { layout } = stressSheet(stressRunForClaim(CLAIM, { samples: 10, seed: 7, overrides }));
    tornado.bars.forEach((bar, i) => {
      const row = sheet.getRow(layout.tornadoHeaderRow + 1 + i);
      expect([1, 2, 3, 4, 5].map((c) => row.getCell(c).value), bar.id).toEqual([bar.id, bar.inputLow, bar.inputHigh, bar.outputAtLow, bar.outputAtHigh]);
    });
    const counts = mc.histogram.counts.map((_, k) => sheet.getRow(layout.histogramHeaderRow! + 1 + k).getCell(4).value);
    expect(counts).toEqual([...mc.histogram.counts]);
    expect(counts.reduce((a, b) => Number(a) + Number(b), 0)).toBe(3000);
    const edges = mc.histogram.counts.map((_, k) => sheet.getRow(layout.histogramHeaderRow! + 1 + k).getCell(1).value);
    expect(edges).toEqual(mc.histogram.edges.slice(0, -1));
  });

  it('LibreOffice reads both native charts and writes them back over the Stress sheet\'s ranges', () => {
    expect(charts).toHaveLength(2);
    const bar = charts.find((xml) => /<c:barDir val="bar"\/>/.test(xml))!;
    const col = charts.find((xml) => /<c:barDir val="col"\/>/.test(xml))!;
    expect(bar).toContain(CLAIM);
    expect(col).toContain(CLAIM);
    expect(bar).toMatch(/<c:f>Stress!\$I\$\d+:\$I\$\d+<\/c:f>/);
    expect(col).toMatch(/<c:f>Stress!\$D\$\d+:\$D\$\d+<\/c:f>/);
  });
});
