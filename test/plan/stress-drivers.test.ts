import { describe, expect, it } from 'vitest';
import { stressRunForClaim, stressSheet } from '../../src/plan/stress-sheet.js';
import { driversForClaim } from '../../src/model/stress/claim-drivers.js';
import { monteCarloToPrecision } from '../../src/model/stress/claim-precision.js';
import { holdsHalfWidth } from '../../src/model/stress/convergence.js';

describe('Stress sheet: precision, convergence and drivers', () => {
  const id = 'OFFICIAL_UST_NEAR_10TN';
  const drivers = driversForClaim(id, { seed: 2, samples: 4000 });
  const monteCarlo = monteCarloToPrecision(id, { seed: 2, precision: 0.01, maxSamples: 100_000 });
  const { sheet, layout } = stressSheet(stressRunForClaim(id, { monteCarlo, drivers }));
  const texts = sheet.cells.flat().map((c) => c.v).filter((v): v is string => typeof v === 'string');

  it('the Monte Carlo line shows P(holds) with its 95% half-width, and how the run stopped', () => {
    const hw = holdsHalfWidth(monteCarlo.probabilityHolds!, monteCarlo.samples);
    expect(texts.some((t) => t.includes(`P(holds) = ${monteCarlo.probabilityHolds} (±${Number((hw * 100).toPrecision(2))} pp, 95%)`))).toBe(true);
    expect(texts.some((t) => t.startsWith('Stopped on precision at'))).toBe(true);
  });

  it('writes one drivers row per input under its header, with the engine’s numbers', () => {
    const header = sheet.cells[layout.driversHeaderRow! - 1]!.map((c) => c.v);
    expect(header).toEqual(['Input', 'Rank correlation (Spearman)', 'Median', 'Median when failing', 'z (sd)', 'Significant']);
    drivers.rows.forEach((r, i) => {
      const row = sheet.cells[layout.driversHeaderRow! + i]!;
      expect(row[0]!.v).toBe(r.id);
      expect(row[1]!.v).toBe(r.spearman);
      expect(row[4]!.v).toBe(r.z);
    });
    expect(texts).toContain(drivers.reading.en);
  });

  it('leaves the block out without a drivers run, or for another claim', () => {
    expect(stressSheet(stressRunForClaim(id, { monteCarlo: null })).layout.driversHeaderRow).toBeUndefined();
    expect(stressSheet(stressRunForClaim('TARIFF_IMPLIED_BASE', { monteCarlo: null, drivers })).layout.driversHeaderRow).toBeUndefined();
  });
});
