/**
 * Monte Carlo that stops on precision: run until the 95% confidence half-width of P(holds) (and/or
 * of the mean) is at most a target, up to a sample cap.
 *
 * Why stages of whole runs: a run of N samples is, bit for bit, the same whatever the number of
 * workers (parts.ts). So the driver runs stages of fixed sizes from one schedule, 4 096 · 2^k
 * samples (and the cap), each a complete run through the engine's public entry points; after each
 * stage it checks the target and either stops, with that stage's result, or picks the next size
 * from the same schedule. Every decision depends only on earlier stages' results, which depend only
 * on the seed: the stop point, and the result, are the same on one thread or on any number of
 * workers. The price is the earlier stages: at most 2× the final run (a geometric schedule), and
 * usually far less because the next size is predicted from the half-width already reached.
 *
 * The half-width of P(holds) is the Wilson score interval's (half its length), not the normal
 * approximation's: with no failing sample the normal one says ±0, which would stop any run at once.
 * The mean's is z·sd/√(finite samples).
 */
/** z of a two-sided 95% interval. */
export const Z95 = 1.959963984540054;
/** Smallest stage, and the unit of the schedule. */
export const FIRST_STAGE = 4096;
/** Default target half-width of P(holds): ±0.5 percentage points. */
export const DEFAULT_PRECISION = 0.005;

/** Half the length of the 95% Wilson score interval of a proportion p̂ of n. */
export function holdsHalfWidth(p: number, n: number, z = Z95): number {
  if (!(n > 0) || !(p >= 0 && p <= 1)) return NaN;
  const z2 = z * z;
  return (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
}

/** Half-width of the 95% normal interval of a mean: z·sd/√n. */
export function meanHalfWidth(sd: number, finite: number, z = Z95): number {
  return finite > 1 ? (z * sd) / Math.sqrt(finite) : NaN;
}

export interface ConvergenceTarget {
  /** Target half-width of P(holds) (a probability, e.g. 0.005 = ±0.5 pp). */
  readonly precision?: number;
  /** Target half-width of the mean, in the result's own unit. */
  readonly meanPrecision?: number;
  /** Sample cap: the run stops here if the targets are not met (integer ≥ 1). */
  readonly maxSamples: number;
}

/** What a stage reports to the driver: its size and the statistics the targets are about. */
export interface StageStats {
  readonly samples: number;
  /** Null when the claim has no verdict. */
  readonly probabilityHolds: number | null;
  readonly sd: number;
  readonly finite: number;
}

/** How a run that stops on precision ended, and the precision it reached. */
export interface Convergence {
  readonly stoppedBy: 'converged' | 'cap' | 'cancelled';
  readonly precision: number | null;
  readonly meanPrecision: number | null;
  readonly maxSamples: number;
  /** Samples of the reported result (its last complete stage). */
  readonly samples: number;
  /** Samples drawn over all stages, the reported one included. */
  readonly samplesDrawn: number;
  /** Stage sizes, in order. */
  readonly stages: readonly number[];
  /** 95% half-width of P(holds) reached (null without a verdict). */
  readonly holdsHalfWidth: number | null;
  /** 95% half-width of the mean reached. */
  readonly meanHalfWidth: number;
}

/** Validates a target; throws a RangeError naming the field and value. */
export function checkTarget(t: ConvergenceTarget): void {
  if (!Number.isInteger(t.maxSamples) || t.maxSamples < 1) throw new RangeError(`maxSamples must be a whole number ≥ 1, got ${t.maxSamples}`);
  if (t.precision !== undefined && !(t.precision > 0 && t.precision < 0.5)) throw new RangeError(`precision must be a probability above 0 and below 0.5 (e.g. 0.005 for ±0.5 pp), got ${t.precision}`);
  if (t.meanPrecision !== undefined && !(t.meanPrecision > 0 && Number.isFinite(t.meanPrecision))) throw new RangeError(`meanPrecision must be a number above 0, got ${t.meanPrecision}`);
}

/** The smallest schedule size (4096·2^k) that is ≥ want, capped at maxSamples. */
function scheduleAtLeast(want: number, maxSamples: number): number {
  let n = FIRST_STAGE;
  while (n < want && n < maxSamples) n *= 2;
  return Math.min(n, maxSamples);
}

/**
 * The stages as a generator: yields the size of the next stage, receives its statistics, returns
 * how the run ended (without 'cancelled': the drivers below add that). Pure decision logic, shared
 * by the sync and async drivers.
 */
export function* stagePlan(target: ConvergenceTarget): Generator<number, Omit<Convergence, 'stoppedBy'> & { stoppedBy: 'converged' | 'cap' }, StageStats> {
  checkTarget(target);
  const precision = target.precision ?? (target.meanPrecision === undefined ? DEFAULT_PRECISION : undefined);
  const stages: number[] = [];
  let size = Math.min(FIRST_STAGE, target.maxSamples);
  for (;;) {
    stages.push(size);
    const s: StageStats = yield size;
    const hwP = s.probabilityHolds === null ? null : holdsHalfWidth(s.probabilityHolds, s.samples);
    const hwM = meanHalfWidth(s.sd, s.finite);
    if (precision !== undefined && hwP === null && target.meanPrecision === undefined)
      throw new RangeError('this claim has no verdict, so P(holds) has no precision: give a target for the mean (meanPrecision) instead');
    // no verdict: only the mean's target counts (the line above refused a P(holds) target alone);
    // a mean of fewer than two finite samples has a NaN half-width, which meets no target
    const okP = precision === undefined || hwP === null || hwP <= precision;
    const okM = target.meanPrecision === undefined || hwM <= target.meanPrecision;
    const met = okP && okM;
    const end = (stoppedBy: 'converged' | 'cap') => ({
      stoppedBy,
      precision: precision ?? null,
      meanPrecision: target.meanPrecision ?? null,
      maxSamples: target.maxSamples,
      samples: size,
      samplesDrawn: stages.reduce((a, b) => a + b, 0),
      stages,
      holdsHalfWidth: hwP,
      meanHalfWidth: hwM,
    });
    if (met) return end('converged');
    if (size >= target.maxSamples) return end('cap');
    // predicted need: the half-width shrinks as 1/√n
    let want = 2 * size;
    if (precision !== undefined && hwP !== null && hwP > precision) want = Math.max(want, size * (hwP / precision) ** 2 * 1.05);
    if (target.meanPrecision !== undefined && Number.isFinite(hwM) && hwM > target.meanPrecision) want = Math.max(want, size * (hwM / target.meanPrecision) ** 2 * 1.05);
    size = scheduleAtLeast(want, target.maxSamples);
  }
}

const isAbort = (e: unknown): boolean => e instanceof Error && e.name === 'AbortError';

/** Runs stages synchronously; returns the last stage's result and how the run ended. */
export function runToPrecision<R extends StageStats>(target: ConvergenceTarget, stage: (samples: number) => R): { result: R; convergence: Convergence } {
  const plan = stagePlan(target);
  let step = plan.next();
  let result: R | undefined;
  while (!step.done) {
    result = stage(step.value);
    step = plan.next(result);
  }
  return { result: result!, convergence: step.value };
}

/**
 * Runs stages asynchronously (workers, the pane). When a stage is cancelled (AbortError) after at
 * least one stage completed, returns the last complete stage with `stoppedBy: 'cancelled'`;
 * otherwise the error propagates.
 */
export async function runToPrecisionAsync<R extends StageStats>(target: ConvergenceTarget, stage: (samples: number) => Promise<R>): Promise<{ result: R; convergence: Convergence }> {
  const plan = stagePlan(target);
  let step = plan.next();
  let result: R | undefined;
  const stages: number[] = [];
  while (!step.done) {
    try {
      const r = await stage(step.value);
      stages.push(step.value);
      result = r;
    } catch (error) {
      if (!isAbort(error) || !result) throw error;
      const hw = result.probabilityHolds === null ? null : holdsHalfWidth(result.probabilityHolds, result.samples);
      return {
        result,
        convergence: {
          stoppedBy: 'cancelled',
          precision: target.precision ?? (target.meanPrecision === undefined ? DEFAULT_PRECISION : null),
          meanPrecision: target.meanPrecision ?? null,
          maxSamples: target.maxSamples,
          samples: result.samples,
          samplesDrawn: stages.reduce((a, b) => a + b, 0),
          stages,
          holdsHalfWidth: hw,
          meanHalfWidth: meanHalfWidth(result.sd, result.finite),
        },
      };
    }
    step = plan.next(result);
  }
  return { result: result!, convergence: step.value };
}

/** "±0.42 pp": a half-width of a probability in percentage points, two significant digits. */
export function formatHalfWidth(hw: number | null, lang: 'en' | 'zh' = 'en'): string {
  if (hw === null || !Number.isFinite(hw)) return lang === 'zh' ? '不适用' : 'n/a';
  return `±${Number((hw * 100).toPrecision(2))}${lang === 'zh' ? '个百分点' : ' pp'}`;
}
