/**
 * The runner's range path against one runner call per cell, for DEBT_SHARE over a 1000×1000 block of
 * holdings divided by a 1000×1 column of GDPs (10^6 cells, broadcast along the rows).
 * Target: range path ≤ 20 ms, and ≥ 5× faster than the naive path.
 */
import { getFunction, invokeFunction } from '../src/model/registry/index.js';
import type { Report } from './run.js';
import { medianMs } from './timing.js';

const N = 1000;

export async function run(report: Report): Promise<void> {
  const spec = getFunction('DEBT_SHARE')!;
  const holdings: number[][] = [];
  const gdp: number[][] = [];
  for (let i = 0; i < N; i++) {
    const row: number[] = [];
    for (let j = 0; j < N; j++) row.push(1 + ((i * 31 + j * 17) % 1000));
    holdings.push(row);
    gdp.push([20_000 + i]);
  }
  let sink = 0;
  const rangeMs = await medianMs(() => {
    const out = invokeFunction(spec, [holdings, gdp]) as number[][];
    sink += out[N - 1]![N - 1]!;
  }, 7, 2);
  const naiveMs = await medianMs(() => {
    for (let i = 0; i < N; i++) {
      const h = holdings[i]!;
      const g = gdp[i]![0]!;
      for (let j = 0; j < N; j++) sink += invokeFunction(spec, [h[j]!, g]) as number;
    }
  }, 3, 1);
  // The same block with one blank and one text cell: mixed ranges stay on the range path (issue 20).
  const mixed = holdings.map((row) => row.slice());
  mixed[N / 2]![N / 2] = null as unknown as number;
  mixed[N - 1]![0] = 'n/a' as unknown as number;
  const mixedMs = await medianMs(() => {
    const out = invokeFunction(spec, [mixed, gdp]) as number[][];
    sink += out[0]![0]!;
  }, 5, 1);
  if (!Number.isFinite(sink)) throw new Error('bench produced a non-finite checksum');
  report({ name: 'functions.debt_share.mixed_range_ms.1000x1000', value: mixedMs, unit: 'ms' });
  report({ name: 'functions.debt_share.range_ms.1000x1000', value: rangeMs, unit: 'ms' });
  report({ name: 'functions.debt_share.naive_ms.1000x1000', value: naiveMs, unit: 'ms' });
  report({ name: 'functions.debt_share.range_vs_naive', value: naiveMs / rangeMs, unit: 'x' });
}
