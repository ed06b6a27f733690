/**
 * What drives a claim's flip (drivers.ts), framed for the claim: figure labels and a one-line
 * reading in English and Chinese. The trials are the first ones of the claim's Monte Carlo with the
 * same seed and default distributions, so the drivers describe that run.
 */
import { getFigure } from '../figures/index.js';
import { StressClaimError } from './claims.js';
import { prepareTrials, type ClaimTrialOptions } from './claim-montecarlo.js';
import type { Reading } from './claim-reading.js';
import { DRIVER_SAMPLES, driversOf, SIGNIFICANT_Z, type DriverRow } from './drivers.js';
import type { Seed } from './prng.js';

export interface ClaimDriverRow extends DriverRow {
  readonly labelEn: string;
  readonly labelZh: string;
}

export interface ClaimDrivers {
  readonly kind: 'drivers';
  readonly claimId: string;
  readonly seed: Seed;
  readonly samples: number;
  readonly failing: number | null;
  readonly rows: readonly ClaimDriverRow[];
  readonly reading: Reading;
}

export interface ClaimDriversOptions extends ClaimTrialOptions {
  /** Trials to compute on (default 65 536, at most 1 000 000: the inputs are kept in memory). */
  readonly samples?: number;
}

/** Most trials the drivers keep in memory. */
export const MAX_DRIVER_SAMPLES = 1_000_000;

const signed = (z: number): string => `${z >= 0 ? '+' : '−'}${Math.abs(z).toFixed(2)}`;

export function driversForClaim(id: string, options: ClaimDriversOptions): ClaimDrivers {
  const n = options.samples ?? DRIVER_SAMPLES;
  if (!Number.isInteger(n) || n < 3 || n > MAX_DRIVER_SAMPLES) throw new StressClaimError(`samples must be a whole number from 3 to ${MAX_DRIVER_SAMPLES}, got ${n}`, 'bad-option');
  const { claim, model, chosen } = prepareTrials(id, n, options);
  const d = driversOf(model, chosen.map((c) => c.spec), options.seed, { samples: n, judged: model.judged, ...(options.correlation ? { correlation: options.correlation } : {}) });
  const rows = d.rows.map((r): ClaimDriverRow => {
    const f = getFigure(r.id);
    return { ...r, labelEn: f?.labelEn ?? r.id, labelZh: f?.labelZh ?? r.id };
  });
  const count = n.toLocaleString('en-US');
  const top = rows.find((r) => r.spearman !== null);
  const followsEn = top ? ` The result follows ${top.id} most (rank correlation ${top.spearman!.toFixed(2)}).` : ' No input varies, so nothing drives the result.';
  const followsZh = top ? `结果与 ${top.id} 的秩相关最强（${top.spearman!.toFixed(2)}）。` : '没有输入变动，因此没有驱动因素。';
  const sig = rows.filter((r) => r.significant);
  let en: string, zh: string;
  if (d.failing === null) {
    en = `The claim has no verdict, so no failing trials to explain.${followsEn}`;
    zh = `该论断无判定，因此没有需要解释的不成立抽样。${followsZh}`;
  } else if (d.failing === 0) {
    en = `The claim holds in all ${count} trials: no failing trial to explain.${followsEn}`;
    zh = `在全部 ${count} 次抽样中论断均成立：没有需要解释的不成立抽样。${followsZh}`;
  } else if (sig.length === 0) {
    en = `In the ${d.failing.toLocaleString('en-US')} failing trials of ${count}, no input's median moves by ${SIGNIFICANT_Z} sd or more.${followsEn}`;
    zh = `在 ${count} 次抽样的 ${d.failing} 次不成立中，没有输入的中位数偏离达 ${SIGNIFICANT_Z} 个标准差。${followsZh}`;
  } else {
    const list = sig.map((r) => `${r.id} ${signed(r.z!)} sd`);
    en = `In the ${d.failing.toLocaleString('en-US')} failing trials of ${count}, the median of ${list.join(', ')} from its overall median.${followsEn}`;
    zh = `在 ${count} 次抽样的 ${d.failing} 次不成立中，各输入中位数相对总体中位数的偏离：${list.join('，').replace(/ sd/g, ' 个标准差')}。${followsZh}`;
  }
  return { kind: 'drivers', claimId: claim.id, seed: options.seed, samples: n, failing: d.failing, rows, reading: { en, zh } };
}
