/**
 * Stress tests of the article's claims, by claim id: which claims can be stressed, their inputs at
 * the values in use, and the deterministic analyses of this folder's engine (tornado, two-way
 * table, break-even) driven on the claim's compiled {@link claimVectorModel}. Monte Carlo is
 * claim-montecarlo.ts, its default distributions claim-distributions.ts. Every result is plain
 * JSON (no typed arrays) with a one-line reading in English and Chinese (claim-reading.ts).
 * Pure: no Office, no Node imports; the CLI, the custom functions, the Stress sheet and the task
 * pane all call these.
 *
 * Default ranges (README, "Stress tests"):
 * - tornado: the stated range of an input when the article gives one, else base ± `pct`% (10);
 * - two-way table: the stated range, else base ± 20%; break-even search: the stated range, else
 *   base ± 50%, which the engine widens by up to two range widths each side, never across zero.
 */
import { getClaim, loadClaims, claimVectorModel, type Claim, type ClaimVectorModel, type OtherFigureUnit, type Overrides } from '../claims/index.js';
import { getFigure } from '../figures/index.js';
import type { UnitId } from '../units/index.js';
import { breakEven, type BreakEvenOutcome, type BreakEvenResult } from './breakeven.js';
import { formatAmount, formatInUnit, type Reading } from './claim-reading.js';
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

/** Half-width of the default range of an input without a stated one, in the two-way table and break-even search. */
export const DEFAULT_RANGE_PCT = 20;

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

/** The input of a stress model by id (any case); throws naming the model's inputs. */
export function inputOf(model: ClaimVectorModel, inputId: string): StressInput {
  const input = model.inputs.find((i) => i.id === inputId.trim().toUpperCase());
  if (!input) {
    const known = model.inputs.map((i) => i.id);
    throw new StressClaimError(`unknown input "${inputId}" for ${model.claimId} (its inputs: ${known.join(', ')})`, 'unknown-input', known);
  }
  return input;
}

/** Stated range, else base ± pct% (a zero base gets ±pct% of 1 so the range is not empty). */
export function defaultRange(input: StressInput, pct = DEFAULT_RANGE_PCT): { lo: number; hi: number; source: 'stated' | 'pct' } {
  if (input.low !== undefined && input.high !== undefined && input.low !== input.high) {
    return { lo: Math.min(input.low, input.high), hi: Math.max(input.low, input.high), source: 'stated' };
  }
  const d = (Math.abs(input.base) || 1) * (pct / 100);
  return { lo: input.base - d, hi: input.base + d, source: 'pct' };
}

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
    `${top.id} moves the result most (swing ${formatAmount(top.swing, claim.unit, false)} over its ${top.source === 'stated' ? 'stated range' : `±${pct}%`})` +
    (model.judged
      ? flips.length
        ? `; moving ${flips.join(', ')} alone flips the verdict.`
        : `; no single input moved over its range flips the verdict (it ${t.holdsAtBase ? 'holds' : 'fails'} throughout).`
      : '; the claim has no check on this value, so there is no verdict to flip.');
  const zh =
    `对结果影响最大的是 ${top.id}（在${top.source === 'stated' ? '文中给出的区间' : `±${pct}%`}内波动 ${formatAmount(top.swing, claim.unit, true)}）` +
    (model.judged
      ? flips.length
        ? `；单独变动 ${flips.join('、')} 即可改变判定。`
        : `；任何单个输入在其区间内变动都不改变判定（始终${t.holdsAtBase ? '成立' : '不成立'}）。`
      : '；该论断对此值没有检验，因此无判定可变。');
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
    `Over ${a.id} × ${b.id} (${steps}×${steps} grid) the result ranges from ${formatInUnit(lo, claim.unit)} to ${formatInUnit(hi, claim.unit)}` +
    (model.judged ? `; the verdict holds in ${held} of ${cells} cells.` : '.');
  const zh =
    `在 ${a.id} × ${b.id}（${steps}×${steps} 网格）上，结果介于 ${formatInUnit(lo, claim.unit)} 与 ${formatInUnit(hi, claim.unit)} 之间` +
    (model.judged ? `；${cells} 个格中有 ${held} 个论断成立。` : '。');
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
  /** The engine's message (e.g. why there is no root in range), in English; `outcome` is the same as data. */
  readonly message: string;
  readonly outcome: BreakEvenOutcome;
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
  const what = target === 'flip' ? 'the verdict flips' : `the result reaches ${formatInUnit(target, claim.unit)}`;
  const whatZh = target === 'flip' ? '判定改变' : `结果达到 ${formatInUnit(target, claim.unit)}`;
  const inUnit = (v: number): string => formatInUnit(v, (input.unit as UnitId) ?? 'ratio');
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
    outcome: res.outcome,
    reading,
  };
}
