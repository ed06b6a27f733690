/**
 * The HDR generator and the Simulation sheet (issue 21):
 *   simulation.draw_ms.<default|hdr>.<uniform|normal>   10^6 draws of one input (the default
 *       generator (xoshiro128 star-star, ziggurat normals) vs HDR_2_0 through its inverse CDF, AS 241 for normals)
 *   simulation.draw.hdr_vs_default.<uniform|normal>     the ratio (same run)
 *   simulation.montecarlo_ms.<default|hdr>              a claim (TARIFF_IMPLIED_BASE) end to end, 10^6 samples
 *   simulation.plan_ms.sheet_default                    building the Simulation sheet's plan at the default
 *       1000 trials (the article plan with it, minus without it)
 *   simulation.plan_ms.sheet_full_budget / .cells       the same at 3000 trials, which fills the default
 *       cell budget (every claim, about 246,000 formula cells)
 *   simulation.export_ms / simulation.bytes             the portable workbook with the sheet, written
 *   simulation.libreoffice_recalc_ms                    LibreOffice opening and recalculating that workbook
 *       to CSV, minus the same for the workbook without the sheet (skipped without soffice)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { planToXlsxBuffer } from '../src/export/xlsx.js';
import { monteCarloForClaim } from '../src/model/stress/claim-montecarlo.js';
import { HdrStream, hdrSeedsFor } from '../src/model/stress/hdr.js';
import { Rng } from '../src/model/stress/prng.js';
import { articlePlan, SIM_DEFAULT_SEED, SIM_DEFAULT_TRIALS } from '../src/plan/index.js';
import { convert, CSV_ALL_SHEETS, findSoffice, recalcProfile } from '../test/export/soffice.js';
import type { Report } from './run.js';
import { medianMs } from './timing.js';

const N = 1_000_000;

export async function run(report: Report): Promise<void> {
  const out = new Float64Array(N);
  for (const [kind, spec] of [['uniform', { type: 'uniform', lo: 0.2, hi: 0.3 }], ['normal', { type: 'normal', mean: 1056, sd: 0.5 }]] as const) {
    const fast = await medianMs(() => (kind === 'uniform' ? new Rng(1, 'x').fillUniform(out, 0.2, 0.3) : new Rng(1, 'x').fillNormal(out, 1056, 0.5)), 7, 2);
    const hdr = await medianMs(() => new HdrStream(hdrSeedsFor('X', 1)).fill(spec, out), 7, 2);
    report({ name: `simulation.draw_ms.default.${kind}`, value: fast, unit: 'ms' });
    report({ name: `simulation.draw_ms.hdr.${kind}`, value: hdr, unit: 'ms' });
    report({ name: `simulation.draw.hdr_vs_default.${kind}`, value: hdr / fast, unit: 'x' });
  }
  for (const generator of ['default', 'hdr'] as const) {
    report({ name: `simulation.montecarlo_ms.${generator}`, value: await medianMs(() => monteCarloForClaim('TARIFF_IMPLIED_BASE', { samples: N, seed: 1, generator }), 5, 1), unit: 'ms' });
  }

  const simulation = { trials: SIM_DEFAULT_TRIALS, seed: SIM_DEFAULT_SEED };
  const without = await medianMs(() => articlePlan({ edits: new Map() }, { includeCustomFunctions: false }), 3, 1);
  const withSheet = await medianMs(() => articlePlan({ edits: new Map() }, { includeCustomFunctions: false, simulation }), 3, 1);
  report({ name: 'simulation.plan_ms.sheet_default', value: withSheet - without, unit: 'ms' });
  const full = { trials: 3000, seed: SIM_DEFAULT_SEED };
  const withFull = await medianMs(() => articlePlan({ edits: new Map() }, { includeCustomFunctions: false, simulation: full }), 3, 1);
  report({ name: 'simulation.plan_ms.sheet_full_budget', value: withFull - without, unit: 'ms' });
  const fullSheet = articlePlan({ edits: new Map() }, { includeCustomFunctions: false, simulation: full }).sheets.at(-1)!;
  report({ name: 'simulation.plan.sheet_full_budget.cells', value: fullSheet.cells.reduce((n, row) => n + row.filter((c) => c.f !== undefined).length, 0), unit: 'cells' });
  const plan = articlePlan({ edits: new Map() }, { includeCustomFunctions: false, simulation });
  const start = performance.now();
  const buffer = await planToXlsxBuffer(plan);
  report({ name: 'simulation.export_ms', value: performance.now() - start, unit: 'ms' });
  report({ name: 'simulation.bytes', value: buffer.length, unit: 'bytes' });

  const soffice = findSoffice();
  if (!soffice) return;
  const dir = mkdtempSync(join(tmpdir(), 'claimcell-bench-sim-'));
  const profile = recalcProfile();
  try {
    writeFileSync(join(dir, 'with.xlsx'), buffer);
    writeFileSync(join(dir, 'without.xlsx'), await planToXlsxBuffer(articlePlan({ edits: new Map() }, { includeCustomFunctions: false })));
    convert(soffice, profile.url, [join(dir, 'without.xlsx')], CSV_ALL_SHEETS, join(dir, 'warm'));
    const base = convert(soffice, profile.url, [join(dir, 'without.xlsx')], CSV_ALL_SHEETS, join(dir, 'a')).ms;
    const sim = convert(soffice, profile.url, [join(dir, 'with.xlsx')], CSV_ALL_SHEETS, join(dir, 'b')).ms;
    report({ name: 'simulation.libreoffice_recalc_ms', value: sim - base, unit: 'ms' });
  } finally {
    for (const d of [dir, profile.dir]) rmSync(d, { recursive: true, force: true });
  }
}
