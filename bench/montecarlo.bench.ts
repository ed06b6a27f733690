/**
 * Monte Carlo throughput: ClaimCell's vectorised engine vs squiggle-lang vs a naive per-sample
 * implementation, on two claims, 10^6 samples each:
 *   tariff    revenue = volume × rate,  volume ~ normal(1056, 100), rate ~ uniform(0.2, 0.3)
 *   debtshare share = holdings / gdp,   holdings ~ normal(9360, 200), gdp ~ normal(123580, 1500)
 * End to end = sampling + mean, sd, p5/p50/p95 (ClaimCell's run also does p25/p75, the holds
 * probability and a histogram). "sample" = drawing the input samples only. ClaimCell's e2e is the
 * median of 11 runs after 5 warm-up runs (steady state); `e2e_cold_ms` is its first call. The
 * models declare `holdsRange` (via holdsWithin); `claimcell_holds_fn` runs the same claim through
 * its `holds` predicate alone (one non-inlinable call per sample once several claims have run).
 * If squiggle would take > 60 s at 10^6 samples, it is run at a smaller count, scaled linearly,
 * and the line name says so (".scaled_from_<n>").
 *
 * Every stressable claim of the catalogue, under its default distributions, 10^6 samples:
 *   montecarlo.floor_ms.<ID>          the least work any Monte Carlo of the claim must do: draw the
 *                                     inputs with the same generator, evaluate the claim once per
 *                                     sample in its tight loop (the fused kernel), one selection
 *                                     pass for p5/p50/p95
 *   montecarlo.e2e_ms.claim.<ID>      monteCarloForClaim end to end on this thread (samples, P(holds),
 *                                     mean, sd, five percentiles, histogram, reading)
 *   montecarlo.claim.<ID>.vs_floor    e2e / floor (same run)
 *   montecarlo.claim.<ID>.vs_squiggle squiggle-lang on the same expression and distributions / e2e
 *                                     (median of 5 back-to-back pairs, each a squiggle run between
 *                                     three of ours before and three after)
 *   montecarlo.check.claim.<ID>.mean_z_vs_squiggle  |Δmean| / combined standard error (agreement)
 *   montecarlo.check.claim.<ID>.p50_rel_diff_vs_squiggle
 * The same lines for the worked example's user claim (seeds/my-claims-example.json), as
 * `user.<ID>`: a MyClaims row compiled to a Claim, stressed with the user's figures.
 * Claims whose expression squiggle cannot write (calendar dates: DATE/YEAR/MONTH) get no squiggle lines.
 * `npm run bench -- montecarlo <pattern>` runs only the claims whose id matches the pattern (a
 * regular expression), with the hand-written models and worker lines left out.
 * Workers: montecarlo.workers.e2e_ms.<k> for 1 and 2 Node worker threads (warm pools) at 4·10^6
 * samples, montecarlo.workers.speedup_2_vs_1, and the memory per sample of the 2-worker run.
 */
import { run as runSquiggle } from '@quri/squiggle-lang';
import { performance } from 'node:perf_hooks';
import type { Report } from './run.js';
import { medianMs, medianOf, timesMs } from './timing.js';
import { normal, uniform, sampleInto, type DistSpec } from '../src/model/stress/distributions.js';
import { runMonteCarlo } from '../src/model/stress/montecarlo.js';
import { Rng } from '../src/model/stress/prng.js';
import { claimVectorModel, getClaim } from '../src/model/claims/index.js';
import { stressClaimIds } from '../src/model/stress/claims.js';
import { defaultDistribution } from '../src/model/stress/claim-distributions.js';
import { monteCarloForClaim, type ClaimMonteCarlo } from '../src/model/stress/claim-montecarlo.js';
import { compileUserTables, ownClaimsOf, userOverrides } from '../src/model/user/index.js';
import { exampleUserTables } from '../src/plan/user-sheets.js';
import type { Expr } from '../src/model/expr/index.js';
import { monteCarloForClaimOnWorkers } from '../src/model/stress/claim-workers.js';
import { percentilesInPlace } from '../src/model/stress/stats.js';
import { nodeStressPool } from '../src/cli/stress-pool.js';
import { squiggleOf } from './squiggle-of.js';
import { holdsWithin, type VectorModel } from '../src/model/stress/types.js';

const N = 1_000_000;
/** Back-to-back pairs of the vs_squiggle ratio (its median is reported). */
const PAIRS = 5;

interface Case {
  name: string;
  model: VectorModel;
  dists: Record<string, DistSpec>;
  squiggle: string;
  /** naive per-sample draw of the two inputs and the output */
  naive: (rng: () => number, gauss: () => number) => { a: number; b: number; out: number };
}

const cases: Case[] = [
  {
    name: 'tariff',
    model: {
      inputs: [{ id: 'volume', base: 1056 }, { id: 'rate', base: 0.25, low: 0.2, high: 0.3 }],
      evaluate(c, n, out) {
        const v = c[0]!, r = c[1]!;
        for (let k = 0; k < n; k++) out[k] = v[k]! * r[k]!;
      },
      ...holdsWithin(264, 13.2), // the claim "264" within ±5%
    },
    dists: { volume: normal(1056, 100), rate: uniform(0.2, 0.3) },
    squiggle: 'd = normal(1056, 100) * uniform(0.2, 0.3)',
    naive: (u, g) => {
      const a = 1056 + 100 * g();
      const b = 0.2 + 0.1 * u();
      return { a, b, out: a * b };
    },
  },
  {
    name: 'debtshare',
    model: {
      inputs: [{ id: 'holdings', base: 9360 }, { id: 'gdp', base: 123580 }],
      evaluate(c, n, out) {
        const h = c[0]!, g = c[1]!;
        for (let k = 0; k < n; k++) out[k] = h[k]! / g[k]!;
      },
      ...holdsWithin(0.076, 0.0005), // the claim "7.6%" to the stated precision
    },
    dists: { holdings: normal(9360, 200), gdp: normal(123580, 1500) },
    squiggle: 'd = normal(9360, 200) / normal(123580, 1500)',
    naive: (_u, g) => {
      const a = 9360 + 200 * g();
      const b = 123580 + 1500 * g();
      return { a, b, out: a / b };
    },
  },
];

/** Naive baseline: seeded mulberry32 + Box–Muller per sample, an array of objects, Array.sort. */
function naiveRun(c: Case, n: number, seed: number): { mean: number; sd: number; p5: number; p50: number; p95: number } {
  let s = seed >>> 0;
  const u = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  const g = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const rows: { a: number; b: number; out: number }[] = [];
  for (let k = 0; k < n; k++) rows.push(c.naive(u, g));
  let sum = 0;
  for (const r of rows) sum += r.out;
  const mean = sum / n;
  let ss = 0;
  for (const r of rows) ss += (r.out - mean) ** 2;
  rows.sort((x, y) => x.out - y.out);
  const q = (p: number) => {
    const h = (n - 1) * p, k = Math.floor(h);
    return k + 1 < n ? rows[k]!.out + (h - k) * (rows[k + 1]!.out - rows[k]!.out) : rows[k]!.out;
  };
  return { mean, sd: Math.sqrt(ss / (n - 1)), p5: q(0.05), p50: q(0.5), p95: q(0.95) };
}

async function squiggleRun(code: string, n: number): Promise<Record<string, number>> {
  const out = await runSquiggle(`${code}\n{mean: mean(d), sd: stdev(d), p5: quantile(d, 0.05), p50: quantile(d, 0.5), p95: quantile(d, 0.95)}`, {
    environment: { sampleCount: n, xyPointLength: 1000, seed: 'claimcell-bench' },
  });
  if (!out.result.ok) throw new Error(`squiggle failed: ${out.result.value.toString()}`);
  return (out.result.value.result.asJS() as { value: Record<string, number> }).value;
}

async function squiggleSampleOnly(code: string, n: number): Promise<void> {
  const out = await runSquiggle(`${code}\n1`, { environment: { sampleCount: n, xyPointLength: 1000, seed: 'claimcell-bench' } });
  if (!out.result.ok) throw new Error(`squiggle failed: ${out.result.value.toString()}`);
}

/**
 * The floor of a claim's Monte Carlo: the inputs drawn with the same generator through one
 * 16 384-sample buffer each, the claim's fused kernel once per sample, one selection pass.
 */
function floorRun(model: VectorModel, specs: readonly DistSpec[], n: number): number[] {
  const chunk = 16384;
  const columns = specs.map((s) => (s.type === 'constant' ? new Float64Array(chunk).fill(s.value) : new Float64Array(chunk)));
  const rngs = specs.map((s, i) => (s.type === 'constant' ? null : new Rng('bench', model.inputs[i]!.id)));
  const out = new Float64Array(n);
  for (let o = 0; o < n; o += chunk) {
    const len = Math.min(chunk, n - o);
    rngs.forEach((rng, i) => rng && sampleInto(specs[i]!, rng, columns[i]!.subarray(0, len)));
    model.evaluate(columns, len, out.subarray(o, o + len));
  }
  return percentilesInPlace(out, n, [0.05, 0.5, 0.95]);
}

/** A claim to measure: its compiled model and its end-to-end run (the catalogue's, or a user's). */
interface ClaimCase {
  readonly id: string;
  readonly expr: Expr;
  readonly model: VectorModel;
  readonly run: () => ClaimMonteCarlo;
}

function catalogueCases(only?: RegExp): ClaimCase[] {
  return stressClaimIds()
    .filter((id) => !only || only.test(id))
    .map((id) => ({ id, expr: getClaim(id)!.recomputeExpr, model: claimVectorModel(getClaim(id)!), run: () => monteCarloForClaim(id, { samples: N, seed: 'bench' }) }));
}

/** The worked example's user claim (seeds/my-claims-example.json: one user figure, one article figure), as the pane stresses it. */
function userCase(): ClaimCase {
  const compiled = compileUserTables(exampleUserTables());
  const mine = ownClaimsOf(compiled);
  const overrides = userOverrides(compiled);
  const claim = mine.claims[0]!;
  return {
    id: `user.${claim.id}`,
    expr: claim.recomputeExpr,
    model: claimVectorModel(claim, overrides, mine.unitOf),
    run: () => monteCarloForClaim(claim.id, { samples: N, seed: 'bench', overrides, mine }),
  };
}

async function claimLines(report: Report, cases: readonly ClaimCase[]): Promise<void> {
  for (const { id, expr, model, run } of cases) {
    const specs = model.inputs.map((input) => defaultDistribution(input).spec);
    const floor = await medianMs(() => floorRun(model, specs, N), 11, 5);
    const e2e = await medianMs(run, 11, 5);
    report({ name: `montecarlo.floor_ms.${id}`, value: floor, unit: 'ms' });
    report({ name: `montecarlo.e2e_ms.claim.${id}`, value: e2e, unit: 'ms' });
    report({ name: `montecarlo.claim.${id}.vs_floor`, value: e2e / floor, unit: 'x' });
    const code = squiggleOf(expr, model, specs);
    if (!code) continue;
    const probe = await medianMs(() => squiggleRun(code, 100_000), 1, 0);
    const sqN = (probe * N) / 100_000 > 60_000 ? 100_000 : N;
    const suffix = sqN === N ? '' : `.scaled_from_${sqN}`;
    // squiggle's warm-up at the count it is timed at (ours had five above)
    await squiggleRun(code, sqN);
    // The ratio of back-to-back pairs, median of 5 pairs: in each, one squiggle run between three
    // runs of ours before and three after (ours: the median of the six), so that the load of a
    // shared machine weighs on both sides of each ratio alike.
    let sq: Record<string, number> = {};
    const ratios: number[] = [];
    for (let pair = 0; pair < PAIRS; pair++) {
      const before = await timesMs(run, 3);
      const theirs = await medianMs(async () => (sq = await squiggleRun(code, sqN)), 1, 0);
      const after = await timesMs(run, 3);
      ratios.push((theirs * (N / sqN)) / medianOf([...before, ...after]));
    }
    ratios.sort((a, b) => a - b);
    report({ name: `montecarlo.claim.${id}.vs_squiggle${suffix}`, value: ratios[PAIRS >> 1]!, unit: 'x' });
    const r = run();
    const se = Math.hypot(r.sd / Math.sqrt(N), sq['sd']! / Math.sqrt(sqN));
    report({ name: `montecarlo.check.claim.${id}.mean_z_vs_squiggle`, value: se > 0 ? Math.abs(r.mean - sq['mean']!) / se : Math.abs(r.mean - sq['mean']!), unit: '1' });
    report({ name: `montecarlo.check.claim.${id}.p50_rel_diff_vs_squiggle`, value: Math.abs(r.percentiles.p50 - sq['p50']!) / Math.max(1e-300, Math.abs(sq['p50']!)), unit: '1' });
  }
}

/** 1 and 2 worker threads on the same claim and samples, pools started and warmed before timing. */
async function workerLines(report: Report): Promise<void> {
  const request = { claimId: 'BRICS_OCT_PARTS', samples: 4 * N, seed: 'bench' };
  const times = new Map<number, number>();
  for (const workers of [1, 2]) {
    const pool = nodeStressPool(workers);
    try {
      let bytes = 0;
      const ms = await medianMs(async () => (bytes = (await monteCarloForClaimOnWorkers(request, pool.links)).workingBytes), 5, 2);
      times.set(workers, ms);
      report({ name: `montecarlo.workers.e2e_ms.${workers}`, value: ms, unit: 'ms' });
      if (workers === 2) report({ name: 'montecarlo.bytes_per_sample.workers_2', value: bytes / request.samples, unit: 'B' });
    } finally {
      await pool.close();
    }
  }
  report({ name: 'montecarlo.workers.speedup_2_vs_1', value: times.get(1)! / times.get(2)!, unit: 'x' });
}

export async function run(report: Report): Promise<void> {
  const pattern = process.argv[3];
  if (pattern) return claimLines(report, [...catalogueCases(new RegExp(pattern)), userCase()].filter((c) => new RegExp(pattern).test(c.id)));
  const squiggleE2e = new Map<string, { ms: number; suffix: string }>();
  for (const c of cases) {
    const opts = { samples: N, seed: 'bench', distributions: c.dists };
    // first call in this process (includes JIT warm-up), then the steady state
    const coldStart = performance.now();
    runMonteCarlo(c.model, opts);
    const ccCold = performance.now() - coldStart;
    const ccE2e = await medianMs(() => runMonteCarlo(c.model, opts), 11, 5);
    // the same claim through its `holds` predicate only (no declared holdsRange): one call per sample
    const holdsOnly: VectorModel = { inputs: c.model.inputs, evaluate: c.model.evaluate, holds: c.model.holds };
    const ccHoldsFn = await medianMs(() => runMonteCarlo(holdsOnly, opts), 11, 5);
    // sampling alone, as the engine does it: N draws per input through one 65 536-sample buffer
    const chunk = new Float64Array(65536);
    const ccSample = await medianMs(() => {
      for (const inp of c.model.inputs) {
        const rng = new Rng('bench', inp.id);
        for (let s = 0; s < N; s += chunk.length) sampleInto(c.dists[inp.id]!, rng, chunk.subarray(0, Math.min(chunk.length, N - s)));
      }
    }, 11, 5);
    const r = runMonteCarlo(c.model, opts);

    // squiggle: probe at 10^5 to decide whether 10^6 fits in 60 s
    const probe = await medianMs(() => squiggleRun(c.squiggle, 100_000), 1, 1);
    let sqN = N;
    if ((probe * N) / 100_000 > 60_000) sqN = 100_000;
    const sqE2e = await medianMs(() => squiggleRun(c.squiggle, sqN), 3, 1);
    const sqSample = await medianMs(() => squiggleSampleOnly(c.squiggle, sqN), 3, 1);
    const scale = N / sqN;
    const suffix = sqN === N ? '' : `.scaled_from_${sqN}`;
    const sq = await squiggleRun(c.squiggle, sqN);

    const naiveE2e = await medianMs(() => naiveRun(c, N, 12345), 3, 1);
    const nv = naiveRun(c, N, 12345);

    squiggleE2e.set(c.name, { ms: sqE2e * scale, suffix });
    report({ name: `montecarlo.e2e_ms.${c.name}.claimcell`, value: ccE2e, unit: 'ms' });
    report({ name: `montecarlo.e2e_cold_ms.${c.name}.claimcell`, value: ccCold, unit: 'ms' });
    report({ name: `montecarlo.e2e_ms.${c.name}.claimcell_holds_fn`, value: ccHoldsFn, unit: 'ms' });
    report({ name: `montecarlo.e2e_ms.${c.name}.squiggle${suffix}`, value: sqE2e * scale, unit: 'ms' });
    report({ name: `montecarlo.e2e_ms.${c.name}.naive`, value: naiveE2e, unit: 'ms' });
    report({ name: `montecarlo.sample_ms.${c.name}.claimcell`, value: ccSample, unit: 'ms' });
    report({ name: `montecarlo.sample_ms.${c.name}.squiggle${suffix}`, value: sqSample * scale, unit: 'ms' });
    report({ name: `montecarlo.e2e.vs_squiggle.${c.name}${suffix}`, value: (sqE2e * scale) / ccE2e, unit: 'x' });
    report({ name: `montecarlo.e2e.vs_naive.${c.name}`, value: naiveE2e / ccE2e, unit: 'x' });
    // agreement of the three (relative difference of the means and medians; all within Monte Carlo noise)
    report({ name: `montecarlo.check.${c.name}.mean_rel_diff_vs_squiggle`, value: Math.abs(r.mean - sq['mean']!) / Math.abs(sq['mean']!), unit: '1' });
    report({ name: `montecarlo.check.${c.name}.p50_rel_diff_vs_squiggle`, value: Math.abs(r.percentiles.p50 - sq['p50']!) / Math.abs(sq['p50']!), unit: '1' });
    report({ name: `montecarlo.check.${c.name}.sd_rel_diff_vs_naive`, value: Math.abs(r.sd - nv.sd) / nv.sd, unit: '1' });
    if (c.name === 'tariff') report({ name: 'montecarlo.bytes_per_sample.claimcell', value: r.workingBytes / N, unit: 'B' });
  }
  await claimLines(report, [...catalogueCases(), userCase()]);
  await workerLines(report);
}
