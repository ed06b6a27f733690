import { breakEvenForClaim, StressClaimError } from '../../stress/claims.js';
import { MAX_SAMPLES, monteCarloForClaim } from '../../stress/claim-montecarlo.js';
import { domainError, isDomainError, unknownClaimError } from '../../functions/errors.js';
import type { FunctionResult } from '../../functions/types.js';
import { defineFunction, num, text, valuesParam } from '../../functions/specs/helpers.js';
import { overridesFromValuesArg } from '../values-arg.js';

/** Default Monte Carlo sample count and seed of PROB_HOLDS. */
export const PROB_HOLDS_SAMPLES = 10_000;
export const PROB_HOLDS_SEED = 1;

/** A StressClaimError (unknown claim or input, no inputs, no verdict) as the cell error it stands for. */
function asCellError(error: unknown, id: string): FunctionResult {
  if (error instanceof StressClaimError) {
    if (error.code === 'unknown-claim') return unknownClaimError(id);
    return domainError(error.code === 'bad-option' ? '#NUM!' : '#N/A', error.message);
  }
  if (error instanceof RangeError) return domainError('#NUM!', error.message);
  throw error;
}

// Both functions are pure and deterministic in their arguments; Excel recalculates them often.
const cache = new Map<string, FunctionResult>();
function memo(key: string, compute: () => FunctionResult): FunctionResult {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = compute();
  if (cache.size > 500) cache.clear();
  cache.set(key, value);
  return value;
}

/**
 * Where a claim breaks even in one of its inputs, the others at the article's values, or with
 * `values` (like CHECK) at the workbook's.
 */
export const BREAKEVEN = defineFunction({
  name: 'BREAKEVEN',
  descriptionEn:
    "The value of one input of a claim at which the claim's recomputation reaches target, or without target, at which its verdict flips (others at the article's values).",
  descriptionZh: '某条论断的一个输入取何值时，其重算值达到 target；不给 target 时为判定改变之处（其他输入取文章数值）。',
  params: [
    text('claim_id', 'Claim id as listed in the Claims sheet, e.g. TARIFF_IMPLIED_BASE.', '论断编号，见“Claims”工作表，如 TARIFF_IMPLIED_BASE。'),
    text('input_id', 'Id of a figure the recomputation reads, e.g. AI_CHIP_TARIFF_RATE.', '重算所用数字的编号，如 AI_CHIP_TARIFF_RATE。'),
    num('target', 'Optional: the value of the recomputation to reach, in the claim\'s unit (default: where the verdict flips).', '可选：重算值要达到的目标，按论断的单位（默认：判定改变之处）。', 'any', 'any', {
      optional: true,
      defaultValue: 'flip',
    }),
    valuesParam(),
  ],
  resultUnit: 'any',
  elementwise: false,
  nativeless: 'simulation',
  implementation: (claimId: string, inputId: string, target: number | string, cells: unknown[][]): FunctionResult => {
    const values = overridesFromValuesArg(cells);
    if (isDomainError(values)) return values;
    return memo(`B|${claimId}|${inputId}|${String(target)}|${values.key}`, () => {
      try {
        const r = breakEvenForClaim(claimId, inputId, { ...(typeof target === 'number' ? { target } : {}), overrides: values.overrides });
        return r.found ? r.value! : domainError('#N/A', r.message);
      } catch (error) {
        return asCellError(error, claimId);
      }
    });
  },
  examples: [
    { args: ['TARIFF_IMPLIED_BASE', 'AI_CHIP_TARIFF_RATE'], result: 264 / 791.7, noteEn: 'The tariff rate at which the implied chip flow fits in world chip sales of 2025 (791.7 bn): 264 / 791.7 ≈ 33%.' },
    { args: ['TARIFF_IMPLIED_BASE', 'AI_CHIP_TARIFF_RATE', 1000], result: 0.264, noteEn: 'The rate at which the implied flow is 1,000 bn.' },
    {
      args: ['TARIFF_IMPLIED_BASE', 'AI_CHIP_TARIFF_RATE', 1000, [['TARIFF_REVENUE_TARGET_P1', 300]]],
      result: 0.3,
      noteEn: 'With a revenue goal of 300 bn in the values range, a 1,000 bn flow needs a 30% rate.',
    },
    { args: ['TARIFF_IMPLIED_BASE', 'AI_CHIP_TARIFF_RATE', -5], result: '#N/A', noteEn: 'A target the output never reaches in the searched range answers #N/A with the reason.' },
    { args: ['NV_CHINA_SHARE', 'REF_NVIDIA_REVENUE_FY2025'], result: '#N/A', noteEn: 'Nothing in the article feeds this recomputation, so there is nothing to move.' },
  ],
  claims: [],
});

/**
 * The share of Monte Carlo samples in which a claim holds, with its inputs drawn from the default
 * distributions (a stated range → uniform over it; otherwise normal with sd = half the article's
 * rounding unit). Same arguments, same answer.
 */
export const PROB_HOLDS = defineFunction({
  name: 'PROB_HOLDS',
  descriptionEn:
    "The probability that a claim holds when its inputs vary within the article's rounding (or stated range): the share of Monte Carlo samples in which the verdict holds.",
  descriptionZh: '当论断的输入在文章的舍入范围（或文中给出的区间）内变动时，论断成立的概率：蒙特卡洛抽样中判定成立的比例。',
  params: [
    text('claim_id', 'Claim id as listed in the Claims sheet, e.g. BRICS_OCT_PARTS.', '论断编号，见“Claims”工作表，如 BRICS_OCT_PARTS。'),
    num('samples', `Optional: number of samples, 1 to ${MAX_SAMPLES.toLocaleString('en-US')} (default ${PROB_HOLDS_SAMPLES.toLocaleString('en-US')}).`, `可选：抽样次数，1 至 ${MAX_SAMPLES}（默认 ${PROB_HOLDS_SAMPLES}）。`, 'count', 'integer', {
      optional: true,
      defaultValue: PROB_HOLDS_SAMPLES,
    }),
    num('seed', `Optional: random seed, a whole number; the same seed gives the same answer (default ${PROB_HOLDS_SEED}).`, `可选：随机种子（整数），相同种子结果相同（默认 ${PROB_HOLDS_SEED}）。`, 'count', 'integer', {
      optional: true,
      defaultValue: PROB_HOLDS_SEED,
    }),
    valuesParam(),
  ],
  resultUnit: 'percent',
  elementwise: false,
  nativeless: 'simulation',
  implementation: (claimId: string, samples: number, seed: number, cells: unknown[][]): FunctionResult => {
    const values = overridesFromValuesArg(cells);
    if (isDomainError(values)) return values;
    if (samples < 1 || samples > MAX_SAMPLES) {
      return domainError('#NUM!', `samples must be from 1 to ${MAX_SAMPLES.toLocaleString('en-US')} (a cell function must stay fast; use the task pane or the CLI for more), got ${samples}`);
    }
    return memo(`P|${claimId}|${samples}|${seed}|${values.key}`, () => {
      try {
        const r = monteCarloForClaim(claimId, { samples, seed, overrides: values.overrides });
        if (r.probabilityHolds === null) return domainError('#N/A', `claim ${r.claimId} has no check on its recomputation, so it has no verdict to hold`);
        return r.probabilityHolds;
      } catch (error) {
        return asCellError(error, claimId);
      }
    });
  },
  examples: [
    { args: ['TARIFF_IMPLIED_BASE'], result: 0, noteEn: 'The implied chip flow exceeds world chip sales under any rounding of 264 bn and 25%.' },
    { args: ['OFFICIAL_UST_GDP_RATIO', 20000, 7], result: 1, noteEn: 'Rounding 9.36 and 123.58 trillion to their last digit never moves the ratio out of 7.6% ± 0.05 pp.' },
    {
      args: ['TARIFF_IMPLIED_BASE', 10000, 1, [['AI_CHIP_TARIFF_RATE', 0.75]]],
      result: 1,
      noteEn: 'At a 75% rate the implied flow (352 bn) fits in world chip sales under any rounding, so the claim holds in every sample.',
    },
    { args: ['BRICS_OCT_PARTS', 500000], result: '#NUM!', noteEn: `More than ${MAX_SAMPLES.toLocaleString('en-US')} samples answer #NUM!.` },
    { args: ['NO_SUCH_CLAIM'], result: '#N/A', noteEn: 'Unknown claim ids answer #N/A.' },
  ],
  claims: [],
});

export const STRESS_SPECS = [BREAKEVEN, PROB_HOLDS] as const;
