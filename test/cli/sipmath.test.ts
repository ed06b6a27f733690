/** `stress montecarlo --generator hdr` and `stress sipmath export|import` from the command line. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { monteCarloForClaim } from '../../src/model/stress/claim-montecarlo.js';
import { cli } from './run.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'cc-sip-'));

describe('cli stress with the HDR generator and SIPmath files', () => {
  it('--generator hdr gives the engine\'s HDR run; a word as seed exits 2 naming the range', async () => {
    const { code, out } = await cli('stress', 'montecarlo', 'TARIFF_IMPLIED_BASE', '--samples', '2000', '--seed', '11', '--generator', 'hdr', '--workers', '1', '--json');
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.generator).toBe('hdr');
    expect(r.probabilityHolds).toBe(monteCarloForClaim('TARIFF_IMPLIED_BASE', { samples: 2000, seed: 11, generator: 'hdr' }).probabilityHolds);
    expect(r.mean).not.toBe(monteCarloForClaim('TARIFF_IMPLIED_BASE', { samples: 2000, seed: 11 }).mean);
    const bad = await cli('stress', 'montecarlo', 'TARIFF_IMPLIED_BASE', '--samples', '10', '--seed', 'word', '--generator', 'hdr');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/seed must, with the HDR generator, be a whole number from 0 to 9999999/);
    const other = await cli('stress', 'montecarlo', 'TARIFF_IMPLIED_BASE', '--samples', '10', '--seed', '1', '--generator', 'sobol');
    expect(other.code).toBe(2);
    expect(other.err).toMatch(/--generator must be default or hdr, got "sobol"/);
  });

  it('exports a library at the values in use and imports it back', async () => {
    const file = join(tmp(), 'inputs.json');
    const exported = await cli('stress', 'sipmath', 'export', file, '--claim', 'TARIFF_IMPLIED_BASE', '--seed', '11', '--set', 'AI_CHIP_TARIFF_RATE=0.3');
    expect(exported.code).toBe(0);
    expect(exported.out).toMatch(/SIPmath 3\.0 library: 2 inputs, HDR_2_0 seeds \(entity 1, seed3 11\)/);
    expect(JSON.parse(readFileSync(file, 'utf8')).libraryType).toBe('SIPmath_3_0');
    const imported = await cli('stress', 'sipmath', 'import', file, '--json');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out)).toContainEqual({ id: 'AI_CHIP_TARIFF_RATE', distribution: { type: 'normal', mean: 0.3, sd: 0.005 }, seeds: expect.objectContaining({ seed3: 11 }) });
  });

  it('exports an input given by quantiles as a fitted Metalog_1_0 whose quantiles are the given ones, and reads it back', async () => {
    const file = join(tmp(), 'fitted.json');
    const exported = await cli('stress', 'sipmath', 'export', file, '--claim', 'TARIFF_IMPLIED_BASE', '--seed', '3', '--quantiles', 'AI_CHIP_TARIFF_RATE=0.2,0.25,0.32');
    expect(exported.code).toBe(0);
    const sip = JSON.parse(readFileSync(file, 'utf8')).sips.find((s: { name: string }) => s.name === 'AI_CHIP_TARIFF_RATE');
    expect(sip.function).toBe('Metalog_1_0');
    const a = sip.arguments.aCoefficients as number[];
    const quantile = (y: number): number => a[0]! + a[1]! * Math.log(y / (1 - y)) + a[2]! * (y - 0.5) * Math.log(y / (1 - y));
    expect([0.1, 0.5, 0.9].map((y) => quantile(y))).toEqual([0.2, 0.25, 0.32].map((q) => expect.closeTo(q, 12)));
    const imported = await cli('stress', 'sipmath', 'import', file, '--json');
    expect(JSON.parse(imported.out)).toContainEqual(expect.objectContaining({ id: 'AI_CHIP_TARIFF_RATE', distribution: { type: 'metalog', fit: { aCoefficients: a } } }));
    const infeasible = await cli('stress', 'sipmath', 'export', join(tmp(), 'x.json'), '--claim', 'TARIFF_IMPLIED_BASE', '--quantiles', 'AI_CHIP_TARIFF_RATE=0.01,0.02,0.9');
    expect(infeasible.code).toBe(2);
    expect(infeasible.err).toMatch(/--quantiles AI_CHIP_TARIFF_RATE=0\.01,0\.02,0\.9: /);
    const stranger = await cli('stress', 'sipmath', 'export', join(tmp(), 'y.json'), '--claim', 'TARIFF_IMPLIED_BASE', '--quantiles', 'WORLD_GDP=1,2,3');
    expect(stranger.code).toBe(2);
    expect(stranger.err).toMatch(/--quantiles WORLD_GDP: not an input of the exported claims/);
  });

  it.each([
    ['{"name": "x"', /not JSON/],
    ['{"U01": {"rng": []}}', /name: Invalid input/],
    ['{"name": "x", "U01": {"rng": [{"name": "h", "function": "HDR_2_0", "arguments": {"seed3": 2.5}}]}}', /U01\.rng\[0\]\.arguments\.seed3/],
  ])('import exits 2 on invalid JSON naming the field: %s', async (text, message) => {
    const file = join(tmp(), 'bad.json');
    writeFileSync(file, text);
    const { code, err } = await cli('stress', 'sipmath', 'import', file);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  it('refuses a bad seed and a missing action', async () => {
    expect((await cli('stress', 'sipmath', 'export', join(tmp(), 'x.json'), '--seed', '1.5')).err).toMatch(/--seed must be a whole number from 0 to 9999999/);
    expect((await cli('stress', 'sipmath')).err).toMatch(/stress sipmath needs export or import/);
  });
});
