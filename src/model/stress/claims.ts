/**
 * Stress tests of the article's claims, by claim id: the pure engine of this folder (tornado,
 * two-way table, break-even, Monte Carlo) driven on the claim's compiled {@link claimVectorModel}.
 * Every result is plain JSON (no typed arrays) with a one-line reading in English and Chinese.
 * Pure: no Office, no Node imports; the CLI, the custom functions, the Stress sheet and the task
 * pane all call these.
 *
 * Default ranges and distributions (README, "Stress tests"):
 * - tornado: the stated range of an input when the article gives one, else base ± `pct`% (10);
 * - two-way table: the stated range, else base ± 20%; break-even search: the stated range, else
 *   base ± 50%, which the engine widens by up to two range widths each side, never across zero;
 * - Monte Carlo: a stated range → `fromStatedRange` (uniform, or PERT with `shape: 'pert'`);
 *   otherwise normal(base, sd) with **sd = half the article's rounding unit** of that figure
 *   (read off the token as written: "2640亿美元" → 0.1 bn, "9.36万亿美元" → 10 bn, "25%" → 1 pp;
 *   an approximate token — 约/逾/近/超/about — rounds at its last non-zero digit: "约700亿" → 10 bn).
 *   The question it answers: does the verdict survive the article's own rounding? When the token
 *   has no digits to read (e.g. "四个月"), sd = 5% of |base| instead. The rule used is reported
 *   per input (`rule`).
 */
import { getClaim, loadClaims, claimVectorModel, formatValue, type Claim, type ClaimVectorModel, type OtherFigureUnit, type Overrides } from '../claims/index.js';
import { getFigure } from '../figures/index.js';
import { UNITS, type UnitId } from '../units/index.js';
import { breakEven, type BreakEvenResult } from './breakeven.js';
import type { CorrelationSpec } from './correlation.js';
import { fitMetalog3, MetalogFitError } from './metalog.js';
import { constant, fromStatedRange, normal, type DistSpec } from './distributions.js';
import { runMonteCarlo, runMonteCarloAsync, type GeneratorName, type MonteCarloProgress, type MonteCarloResult } from './montecarlo.js';
import type { Seed } from './prng.js';
import { grid, tornado, twoWayTable, type TornadoBar } from './sensitivity.js';
import type { StressInput } from './types.js';

/** Why a stress request cannot run; `known` lists the valid ids for the thing that was wrong. */
export class StressClaimError extends Error {
  override readonly name = 'StressClaimError';
  constructor(
    message: string,
    readonly code: 'unknown-claim' | 'unknown-input' | 'no-inputs' | 'no-verdict' | 'bad-option',
    readonly known: readonly string[] = [],
  ) {
    super(message);
  }
}

export interface Reading {
  readonly en: string;
  readonly zh: string;
}

/** Most samples a caller (custom function, task pane) should ask for; the CLI allows more. */
export const MAX_SAMPLES = 200_000;
/** Half-width of the default range of an input without a stated one, in the two-way table and break-even search. */
export const DEFAULT_RANGE_PCT = 20;
/** sd of the default normal, as a fraction of |base|, when no rounding unit can be read. */
export const FALLBACK_SD_FRACTION = 0.05;

// ---- claims and inputs ------------------------------------------------------------------------

/** Ids of the claims whose recomputation reads at least one (non-date) article figure. */
let stressIds: readonly string[] | undefined;
export function stressClaimIds(): string[] {
  stressIds ??= loadClaims().claims.filter((c) => claimVectorModel(c).inputs.length > 0).map((c) => c.id);
  return [...stressIds];
}

/** The claim the pane's Stress section and the portable workbook's Stress sheet start on: the article's headline base claim, or the first with inputs. */
export function defaultStressClaimId(): string {
  const ids = stressClaimIds();
  return ids.includes('TARIFF_IMPLIED_BASE') ? 'TARIFF_IMPLIED_BASE' : ids[0] ?? '';
}

function claimOf(id: string, mine?: OwnClaims): Claim {
  const key = id.trim().toUpperCase();
  const claim = getClaim(key) ?? mine?.claims.find((c) => c.id.toUpperCase() === key);
  if (!claim) {
    const known = [...stressClaimIds(), ...(mine?.claims.map((c) => c.id) ?? [])];
    throw new StressClaimError(`unknown claim id "${id}" (claims with inputs: ${known.join(', ')})`, 'unknown-claim', known);
  }
  return claim;
}

/**
 * Figure values in use that replace the article's (a scenario, edited cells, `--set`): every
 * analysis centres on them, so a stress test follows the workbook. Absent = the article's values.
 */
export interface ValuesOption {
  readonly overrides?: Overrides;
  /** The user's own claims and figures (`model/user`), stressed like the article's. */
  readonly mine?: OwnClaims;
}

/** Claims beyond the catalogue, and the unit of each figure beyond the article's that they read. */
export interface OwnClaims {
  readonly claims: readonly Claim[];
  readonly unitOf: OtherFigureUnit;
}

/** The claim compiled as a stress model at the values in use; throws when nothing in the article feeds its recomputation. */
export function stressModelFor(id: string, overrides?: Overrides, mine?: OwnClaims): { claim: Claim; model: ClaimVectorModel } {
  const claim = claimOf(id, mine);
  const model = claimVectorModel(claim, overrides, mine?.unitOf);
  if (model.inputs.length === 0) {
    throw new StressClaimError(
      `${claim.id} cannot be stress-tested: nothing in the article feeds this recomputation (it reads only outside reference data or dates), so there is no input to move`,
      'no-inputs',
      stressClaimIds(),
    );
  }
  return { claim, model };
}

function inputOf(model: ClaimVectorModel, inputId: string): StressInput {
  const input = model.inputs.find((i) => i.id === inputId.trim().toUpperCase());
  if (!input) {
    const known = model.inputs.map((i) => i.id);
    throw new StressClaimError(`unknown input "${inputId}" for ${model.claimId} (its inputs: ${known.join(', ')})`, 'unknown-input', known);
  }
  return input;
}

/** The inputs of a claim with their labels, for pickers. */
export function stressInputsFor(id: string, overrides?: Overrides): { id: string; base: number; unit?: string; labelEn: string; labelZh: string; low?: number; high?: number }[] {
  return stressModelFor(id, overrides).model.inputs.map((i) => {
    const f = getFigure(i.id);
    return { ...i, labelEn: f?.labelEn ?? i.id, labelZh: f?.labelZh ?? i.id };
  });
}

/** Stated range, else base ± pct% (a zero base gets ±pct% of 1 so the range is not empty). */
export function defaultRange(input: StressInput, pct = DEFAULT_RANGE_PCT): { lo: number; hi: number; source: 'stated' | 'pct' } {
  if (input.low !== undefined && input.high !== undefined && input.low !== input.high) {
    return { lo: Math.min(input.low, input.high), hi: Math.max(input.low, input.high), source: 'stated' };
  }
  const d = (Math.abs(input.base) || 1) * (pct / 100);
  return { lo: input.base - d, hi: input.base + d, source: 'pct' };
}

// ---- rounding unit and default distribution ---------------------------------------------------

const APPROX = /约|逾|近|超|左右|多|about|around|over|nearly|more than/i;

/**
 * The rounding unit of a figure as the article writes it, in the figure's own unit: the place of
 * the last written digit (of the last non-zero digit for an approximate token) times the scale
 * from the written number to the stored value. Undefined when the token has no usable number.
 */
export function roundingUnitOf(figureId: string): number | undefined {
  const figure = getFigure(figureId);
  if (!figure || typeof figure.value !== 'number' || figure.value === 0) return undefined;
  const value = Math.abs(figure.value);
  const approx = APPROX.test(figure.asWritten);
  for (const m of figure.asWritten.matchAll(/\d+(?:\.\d+)?/g)) {
    const token = m[0];
    const written = Number(token);
    if (!(written > 0)) continue;
    const scale = value / written;
    const log = Math.log10(scale);
    // the token that is the figure: the stored value is the written one times a power of ten
    if (Math.abs(log - Math.round(log)) > 1e-9) continue;
    const dot = token.indexOf('.');
    let place = 0;
    if (dot >= 0) place = -(token.length - dot - 1);
    else if (approx) place = token.length - token.replace(/0+$/, '').length;
    return 10 ** place * 10 ** Math.round(log);
  }
  return undefined;
}

export type DistributionRule = 'stated-range' | 'rounding' | 'pct' | 'exact' | 'quantiles';

/** The default distribution of one input and the rule that chose it (see the module comment). */
export function defaultDistribution(input: StressInput, shape: 'uniform' | 'pert' = 'uniform'): { spec: DistSpec; rule: DistributionRule; roundingUnit?: number } {
  if (input.low !== undefined && input.high !== undefined && input.low !== input.high) {
    return { spec: fromStatedRange(input.low, input.high, shape), rule: 'stated-range' };
  }
  // a count ("第13个月") or a calendar year is exact, not rounded: it stays at its value
  const figure = getFigure(input.id);
  if (figure && (figure.kind === 'count' || figure.unit === 'year')) return { spec: constant(input.base), rule: 'exact' };
  const unit = roundingUnitOf(input.id);
  if (unit !== undefined && unit > 0) return { spec: normal(input.base, unit / 2), rule: 'rounding', roundingUnit: unit };
  const sd = Math.abs(input.base) * FALLBACK_SD_FRACTION;
  return { spec: sd > 0 ? normal(input.base, sd) : constant(input.base), rule: 'pct' };
}

// ---- formatting for readings ------------------------------------------------------------------

const fmtCount = (n: number): string => n.toLocaleString('en-US');

/** A probability as a percentage that never rounds a non-certain value to 0% or 100%. */
export function formatProbability(p: number): string {
  if (p === 0 || p === 1) return `${p * 100}%`;
  const pct = p * 100;
  const r = Math.round(pct);
  if (r > 0 && r < 100) return `${r}%`;
  const digits = pct < 1 ? Math.max(1, -Math.floor(Math.log10(pct)) + 1) : Math.max(1, -Math.floor(Math.log10(100 - pct)) + 1);
  return `${Number(pct.toFixed(Math.min(digits, 6)))}%`;
}

/** An output amount (e.g. a swing) in the claim's unit: fractions as percentage points. */
function amount(v: number, unit: UnitId, zh: boolean): string {
  if (!Number.isFinite(v)) return 'n/a';
  if (UNITS[unit].isFraction) return `${formatValue(v * 100, 'ratio')} ${zh ? '个百分点' : 'pp'}`;
  if (unit === 'date') return `${formatValue(v, 'days')} ${zh ? '天' : 'days'}`;
  return `${formatValue(v, unit)} ${zh ? UNITS[unit].labelZh : UNITS[unit].labelEn}`;
}

const value = (v: number, unit: UnitId): string => formatValue(Number.isFinite(v) ? v : null, unit);

// ---- tornado ----------------------------------------------------------------------------------

/** An engine tornado bar, minus the min/max over intermediate points, plus the figure's labels. */
export interface ClaimTornadoBar extends Omit<TornadoBar, 'outputMin' | 'outputMax'> {
  readonly labelEn: string;
  readonly labelZh: string;
}

export interface ClaimTornado {
  readonly kind: 'tornado';
  readonly claimId: string;
  readonly unit: UnitId;
  readonly pct: number;
  readonly baseOutput: number;
  /** Null when the claim has no check on its recomputation (no verdict to hold). */
  readonly holdsAtBase: boolean | null;
  readonly bars: readonly ClaimTornadoBar[];
  readonly reading: Reading;
}

export function tornadoForClaim(id: string, options: { pct?: number } & ValuesOption = {}): ClaimTornado {
  const { claim, model } = stressModelFor(id, options.overrides, options.mine);
  const pct = options.pct ?? 10;
  if (!(pct > 0) || !Number.isFinite(pct)) throw new StressClaimError(`pct must be a number > 0, got ${pct}`, 'bad-option');
  const t = tornado(model, { pct });
  const bars = t.bars.map((b): ClaimTornadoBar => {
    const f = getFigure(b.id);
    return {
      id: b.id,
      labelEn: f?.labelEn ?? b.id,
      labelZh: f?.labelZh ?? b.id,
      ...(b.unit !== undefined ? { unit: b.unit } : {}),
      source: b.source,
      inputLow: b.inputLow,
      inputHigh: b.inputHigh,
      outputAtLow: b.outputAtLow,
      outputAtHigh: b.outputAtHigh,
      swing: b.swing,
      holdsAtLow: b.holdsAtLow,
      holdsAtHigh: b.holdsAtHigh,
    };
  });
  const top = bars.find((b) => Number.isFinite(b.swing)) ?? bars[0]!;
  const flips = model.judged ? bars.filter((b) => b.holdsAtLow !== t.holdsAtBase || b.holdsAtHigh !== t.holdsAtBase).map((b) => b.id) : [];
  const en =
    `${top.id} moves the result most (swing ${amount(top.swing, claim.unit, false)} over its ${top.source === 'stated' ? 'stated range' : `±${pct}%`})` +
    (model.judged
      ? flips.length
        ? `; moving ${flips.join(', ')} alone flips the verdict.`
        : `; no single input moved over its range flips the verdict (it ${t.holdsAtBase ? 'holds' : 'fails'} throughout).`
      : '; the claim has no check on this value, so there is no verdict to flip.');
  const zh =
    `对结果影响最大的是 ${top.id}（在${top.source === 'stated' ? '文中给出的区间' : `±${pct}%`}内波动 ${amount(top.swing, claim.unit, true)}）` +
    (model.judged
      ? flips.length
        ? `；单独变动 ${flips.join('、')} 即可改变判定。`
        : `；任何单个输入在其区间内变动都不改变判定（始终${t.holdsAtBase ? '成立' : '不成立'}）。`
      : '；该结论对此值没有检验，因此无判定可变。');
  return {
    kind: 'tornado',
    claimId: claim.id,
    unit: claim.unit,
    pct,
    baseOutput: t.baseOutput,
    holdsAtBase: model.judged ? t.holdsAtBase : null,
    bars,
    reading: { en, zh },
  };
}

// ---- two-way table ----------------------------------------------------------------------------

export interface ClaimTwoWay {
  readonly kind: 'two-way';
  readonly claimId: string;
  readonly unit: UnitId;
  readonly inputA: string;
  readonly inputB: string;
  readonly gridA: readonly number[];
  readonly gridB: readonly number[];
  /** rows[i][j] = output with inputA = gridA[i], inputB = gridB[j], the others at base. */
  readonly rows: readonly (readonly number[])[];
  /** Whether the claim holds in each cell (all null when it has no verdict). */
  readonly holds: readonly (readonly (boolean | null)[])[];
  readonly baseOutput: number;
  readonly reading: Reading;
}

export function twoWayForClaim(id: string, inputA: string, inputB: string, options: { steps?: number } & ValuesOption = {}): ClaimTwoWay {
  const { claim, model } = stressModelFor(id, options.overrides, options.mine);
  const a = inputOf(model, inputA);
  const b = inputOf(model, inputB);
  if (a.id === b.id) throw new StressClaimError(`a two-way table needs two different inputs, got ${a.id} twice`, 'bad-option', model.inputs.map((i) => i.id));
  const steps = options.steps ?? 5;
  if (!Number.isInteger(steps) || steps < 2 || steps > 101) throw new StressClaimError(`steps must be an integer from 2 to 101, got ${steps}`, 'bad-option');
  const ra = defaultRange(a);
  const rb = defaultRange(b);
  const t = twoWayTable(model, a.id, grid(ra.lo, ra.hi, steps), b.id, grid(rb.lo, rb.hi, steps));
  const rows = t.rows.map((r) => Array.from(r));
  const holds = rows.map((r) => r.map((v) => (model.judged ? model.holds(v) : null)));
  const cells = steps * steps;
  const held = holds.flat().filter((h) => h === true).length;
  const base = model.inputs.map((i) => new Float64Array([i.base]));
  const out = new Float64Array(1);
  model.evaluate(base, 1, out);
  const flat = rows.flat().filter(Number.isFinite);
  const lo = Math.min(...flat), hi = Math.max(...flat);
  const en =
    `Over ${a.id} × ${b.id} (${steps}×${steps} grid) the result ranges from ${value(lo, claim.unit)} to ${value(hi, claim.unit)}` +
    (model.judged ? `; the verdict holds in ${held} of ${cells} cells.` : '.');
  const zh =
    `在 ${a.id} × ${b.id}（${steps}×${steps} 网格）上，结果介于 ${value(lo, claim.unit)} 与 ${value(hi, claim.unit)} 之间` +
    (model.judged ? `；${cells} 个格中有 ${held} 个结论成立。` : '。');
  return { kind: 'two-way', claimId: claim.id, unit: claim.unit, inputA: a.id, inputB: b.id, gridA: Array.from(t.gridA), gridB: Array.from(t.gridB), rows, holds, baseOutput: out[0]!, reading: { en, zh } };
}

// ---- break-even -------------------------------------------------------------------------------

export interface ClaimBreakEven {
  readonly kind: 'break-even';
  readonly claimId: string;
  readonly unit: UnitId;
  readonly inputId: string;
  readonly base: number;
  readonly target: number | 'flip';
  readonly found: boolean;
  /** The break-even value of the input nearest its base value (when found). */
  readonly value?: number;
  readonly output?: number;
  /** Every break-even found in the searched range, each refined, ascending. */
  readonly crossings: readonly number[];
  readonly searched: readonly [number, number];
  /** The engine's message (e.g. why there is no root in range). */
  readonly message: string;
  readonly reading: Reading;
}

export function breakEvenForClaim(id: string, inputId: string, options: { target?: number; lo?: number; hi?: number } & ValuesOption = {}): ClaimBreakEven {
  const { claim, model } = stressModelFor(id, options.overrides, options.mine);
  const input = inputOf(model, inputId);
  const target = options.target ?? 'flip';
  if (target !== 'flip' && !Number.isFinite(target)) throw new StressClaimError(`target must be a finite number, got ${target}`, 'bad-option');
  if (target === 'flip' && !model.judged) {
    throw new StressClaimError(`${claim.id} has no check on its recomputation, so there is no verdict to flip; give a target value instead`, 'no-verdict');
  }
  const r = defaultRange(input, 50);
  const lo = options.lo ?? r.lo;
  const hi = options.hi ?? r.hi;
  if (!(lo < hi)) throw new StressClaimError(`the search range needs lo < hi, got [${lo}, ${hi}]`, 'bad-option');
  const res: BreakEvenResult = breakEven(model, input.id, target, { lo, hi });
  const crossings: number[] = [];
  if (res.found) {
    crossings.push(res.value);
    // refine the other sign changes of the scan too (the engine reports them as bracket midpoints)
    // by searching the same range again from a model whose base value sits at that crossing
    for (const x of res.otherCrossings) {
      const near = { ...model, inputs: model.inputs.map((i) => (i.id === input.id ? { ...i, base: x } : i)) };
      const [a, b] = res.searched;
      const again = breakEven(near, input.id, target, { lo: a, hi: b, limits: { min: a, max: b } });
      crossings.push(again.found ? again.value : x);
    }
    crossings.sort((p, q) => p - q);
  }
  const what = target === 'flip' ? 'the verdict flips' : `the result reaches ${value(target, claim.unit)}`;
  const whatZh = target === 'flip' ? '判定改变' : `结果达到 ${value(target, claim.unit)}`;
  const inUnit = (v: number): string => value(v, (input.unit as UnitId) ?? 'ratio');
  const reading: Reading = res.found
    ? {
        en: `${what[0]!.toUpperCase()}${what.slice(1)} when ${input.id} is ${inUnit(res.value)} (${options.overrides?.has(input.id) ? 'in use' : 'the article has'} ${inUnit(input.base)})${crossings.length > 1 ? `; all break-evens: ${crossings.map(inUnit).join(', ')}` : ''}.`,
        zh: `当 ${input.id} 为 ${inUnit(res.value)} 时${whatZh}（${options.overrides?.has(input.id) ? '当前取值' : '文中为'} ${inUnit(input.base)}）${crossings.length > 1 ? `；全部临界值：${crossings.map(inUnit).join('、')}` : ''}。`,
      }
    : {
        en: `No break-even: ${res.message}.`,
        zh: `在 ${input.id} 的搜索区间 [${inUnit(res.searched[0])}, ${inUnit(res.searched[1])}] 内找不到使${whatZh}的值。`,
      };
  return {
    kind: 'break-even',
    claimId: claim.id,
    unit: claim.unit,
    inputId: input.id,
    base: input.base,
    target,
    found: res.found,
    ...(res.found ? { value: res.value, output: res.output } : {}),
    crossings,
    searched: [res.searched[0], res.searched[1]],
    message: res.message,
    reading,
  };
}

// ---- Monte Carlo ------------------------------------------------------------------------------

export interface ClaimMonteCarloOptions extends ValuesOption {
  readonly samples: number;
  readonly seed: Seed;
  /** Shape for inputs with a stated range (default uniform). */
  readonly shape?: 'uniform' | 'pert';
  /** 'default' or 'hdr' (the SIPmath HDR generator, the stream of the workbook's Simulation sheet). */
  readonly generator?: GeneratorName;
  readonly histogramBins?: number;
  /** Rank correlations between inputs (user-correlation.ts builds one from pairs, repaired if need be). */
  readonly correlation?: CorrelationSpec;
  /**
   * P10/P50/P90 of inputs (input id → [p10, p50, p90]): a 3-term metalog through them replaces the
   * default distribution; an infeasible fit falls back to the default and says why (`refused`).
   */
  readonly quantiles?: Readonly<Record<string, readonly [number, number, number]>>;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: MonteCarloProgress) => void;
}

/** The engine's summary statistics, plus the claim's own framing (inputs, rules, reading). */
export interface ClaimMonteCarlo extends Pick<MonteCarloResult, 'samples' | 'mean' | 'sd' | 'standardError' | 'min' | 'max' | 'percentiles' | 'nonFinite'> {
  readonly kind: 'monte-carlo';
  readonly claimId: string;
  readonly unit: UnitId;
  readonly seed: Seed;
  readonly generator: GeneratorName;
  readonly inputs: readonly {
    readonly id: string;
    readonly base: number;
    readonly rule: DistributionRule;
    readonly roundingUnit?: number;
    readonly distribution: DistSpec;
    /** Why quantiles given for this input were not used (an infeasible metalog fit). */
    readonly refused?: string;
  }[];
  readonly baseOutput: number;
  /** Null when the claim has no check on its recomputation. */
  readonly probabilityHolds: number | null;
  readonly probabilityHoldsStandardError: number | null;
  /** Bins over [min, max]; when every sample is the same number, one bin [v, v] holding them all. */
  readonly histogram: { readonly edges: readonly number[]; readonly counts: readonly number[] };
  /** The input that moves the result most (tornado at ±10%, or its stated range). */
  readonly topInput: { readonly id: string; readonly swing: number };
  readonly reading: Reading;
}

/** The claim's model, default distributions and engine options of a run (shared with the worker pools, claim-workers.ts). */
export function prepareMonteCarlo(id: string, options: ClaimMonteCarloOptions) {
  const { claim, model } = stressModelFor(id, options.overrides, options.mine);
  const n = options.samples;
  if (!Number.isInteger(n) || n < 1) throw new StressClaimError(`samples must be a whole number ≥ 1, got ${n}`, 'bad-option');
  for (const qid of Object.keys(options.quantiles ?? {}))
    if (!model.inputs.some((i) => i.id === qid)) inputOf(model, qid); // throws, naming the known inputs
  const chosen = model.inputs.map((i): { input: StressInput; spec: DistSpec; rule: DistributionRule; roundingUnit?: number; refused?: string } => {
    const q = options.quantiles?.[i.id];
    const fallback = { input: i, ...defaultDistribution(i, options.shape) };
    if (!q) return fallback;
    try {
      const a = fitMetalog3([{ p: 0.1, q: q[0] }, { p: 0.5, q: q[1] }, { p: 0.9, q: q[2] }]);
      return { input: i, spec: { type: 'metalog', a }, rule: 'quantiles' };
    } catch (error) {
      if (!(error instanceof MetalogFitError)) throw error;
      return { ...fallback, refused: `${i.id}: ${error.message}; used the ${fallback.rule} rule instead` };
    }
  });
  const distributions = Object.fromEntries(chosen.map((c) => [c.input.id, c.spec]));
  // The same engine options for the sync and async runs, so their results are bit-identical.
  const engineOptions = {
    samples: n,
    seed: options.seed,
    distributions,
    histogramBins: options.histogramBins ?? 20,
    ...(options.generator ? { generator: options.generator } : {}),
    ...(options.correlation ? { correlation: options.correlation } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
  return { claim, model, chosen, engineOptions };
}

/** A run's engine result framed for the claim (inputs, rules, reading). */
export function summarise(claim: Claim, model: ClaimVectorModel, chosen: ReturnType<typeof prepareMonteCarlo>['chosen'], options: ClaimMonteCarloOptions, r: MonteCarloResult): ClaimMonteCarlo {
  const t = tornado(model, { pct: 10 });
  const top = t.bars.find((b) => Number.isFinite(b.swing)) ?? t.bars[0]!;
  const p = model.judged ? r.probabilityHolds : null;
  const n = fmtCount(r.samples);
  const topEn = `${top.id} moves the result most (swing ${amount(top.swing, claim.unit, false)})`;
  const topZh = `对结果影响最大的是 ${top.id}（波动 ${amount(top.swing, claim.unit, true)}）`;
  const range90 = `${value(r.percentiles.p5, claim.unit)}–${value(r.percentiles.p95, claim.unit)}`;
  const reading: Reading =
    p === null
      ? {
          en: `The claim has no check on this value, so no verdict; 90% of ${n} samples fall in ${range90}; ${topEn}.`,
          zh: `该结论对此值没有检验，因此无判定；${n} 次抽样中 90% 落在 ${range90}；${topZh}。`,
        }
      : {
          en: `The verdict holds in ${formatProbability(p)} of ${n} samples; ${topEn}.`,
          zh: `在 ${n} 次抽样中，结论成立的比例为 ${formatProbability(p)}；${topZh}。`,
        };
  return {
    kind: 'monte-carlo',
    claimId: claim.id,
    unit: claim.unit,
    samples: r.samples,
    seed: options.seed,
    generator: options.generator ?? 'default',
    inputs: chosen.map((c) => ({
      id: c.input.id,
      base: c.input.base,
      rule: c.rule,
      ...(c.roundingUnit !== undefined ? { roundingUnit: c.roundingUnit } : {}),
      distribution: c.spec,
      ...(c.refused ? { refused: c.refused } : {}),
    })),
    baseOutput: t.baseOutput,
    mean: r.mean,
    sd: r.sd,
    standardError: r.standardError,
    min: r.min,
    max: r.max,
    percentiles: r.percentiles,
    probabilityHolds: p,
    probabilityHoldsStandardError: p === null ? null : r.probabilityHoldsStandardError,
    histogram: r.min === r.max && r.samples - r.nonFinite > 0 ? { edges: [r.min, r.max], counts: [r.samples - r.nonFinite] } : { edges: Array.from(r.histogram.edges), counts: Array.from(r.histogram.counts) },
    nonFinite: r.nonFinite,
    topInput: { id: top.id, swing: top.swing },
    reading,
  };
}

/** Monte Carlo under the default distributions (module comment); same seed → identical result. */
export function monteCarloForClaim(id: string, options: ClaimMonteCarloOptions): ClaimMonteCarlo {
  const { claim, model, chosen, engineOptions } = prepareMonteCarlo(id, options);
  return summarise(claim, model, chosen, options, runMonteCarlo(model, engineOptions));
}

/** The same run, chunked and cancellable, for the task pane; bit-identical to {@link monteCarloForClaim}. */
export async function monteCarloForClaimAsync(id: string, options: ClaimMonteCarloOptions): Promise<ClaimMonteCarlo> {
  const { claim, model, chosen, engineOptions } = prepareMonteCarlo(id, options);
  return summarise(claim, model, chosen, options, await runMonteCarloAsync(model, engineOptions));
}
