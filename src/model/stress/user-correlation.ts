/**
 * Correlations that users set between a claim's inputs (`--corr A,B,0.6` in the CLI, the pane's
 * correlation field): pairs parsed and checked, the matrix built, and, when the pairs are
 * mutually inconsistent (not positive definite), repaired to the nearest consistent matrix
 * (nearest-correlation.ts). Nothing is silently rejected or changed: the note always shows the
 * matrix that is used and says whether it was repaired.
 */
import { correlationFromPairs, CorrelationError, type CorrelationSpec } from './correlation.js';
import { formatMatrix, nearestCorrelation } from './nearest-correlation.js';

export interface CorrelationPair {
  readonly a: string;
  readonly b: string;
  /** Target Spearman rank correlation in [-1, 1]. */
  readonly rho: number;
}

/** Parses "A,B,0.6" (ids case-insensitive); throws a {@link CorrelationError} naming the text. */
export function parseCorrelationPair(text: string): CorrelationPair {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.length !== 3 || !parts[0] || !parts[1] || !parts[2]) throw new CorrelationError(`a correlation is INPUT_A,INPUT_B,RHO (e.g. OFFICIAL_UST_HOLDINGS,WORLD_GDP,0.6), got "${text}"`);
  const rho = Number(parts[2]);
  if (!Number.isFinite(rho) || rho < -1 || rho > 1) throw new CorrelationError(`correlation "${text}": RHO must be a number from -1 to 1, got "${parts[2]}"`);
  const a = parts[0].toUpperCase(), b = parts[1].toUpperCase();
  if (a === b) throw new CorrelationError(`correlation "${text}" pairs ${a} with itself`);
  return { a, b, rho };
}

export interface UserCorrelation {
  readonly spec: CorrelationSpec;
  /** Whether the matrix asked for was inconsistent and repaired. */
  readonly repaired: boolean;
  /** The matrix the pairs asked for (unlisted pairs 0). */
  readonly asked: readonly (readonly number[])[];
  readonly minEigenvalueAsked: number;
  /** What is used and why, always with the matrix. */
  readonly note: { readonly en: string; readonly zh: string };
}

/**
 * The correlation to run with, from pairs. A pair given twice with different values is an error
 * (which one was meant?); `weights` (input id → weight > 0) steer a repair (heavier = kept closer).
 */
export function userCorrelation(pairs: readonly CorrelationPair[], weights?: Readonly<Record<string, number>>): UserCorrelation {
  if (pairs.length === 0) throw new CorrelationError('no correlation pairs given');
  const seen = new Map<string, number>();
  for (const p of pairs) {
    const key = [p.a, p.b].sort().join(',');
    const before = seen.get(key);
    if (before !== undefined && before !== p.rho) throw new CorrelationError(`correlation between ${p.a} and ${p.b} is given twice (${before} and ${p.rho}); give it once`);
    seen.set(key, p.rho);
  }
  const inputs = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
  for (const id of Object.keys(weights ?? {}))
    if (!inputs.includes(id)) throw new CorrelationError(`weight names ${id}, which is in no correlation pair (${inputs.join(', ')})`);
  const asked = correlationFromPairs(inputs, pairs).matrix;
  const near = nearestCorrelation(asked, { names: inputs, ...(weights ? { weights: inputs.map((id) => weights[id] ?? 1) } : {}) });
  const shown = formatMatrix(near.matrix, inputs);
  const note = near.repaired
    ? {
        en: `The correlations given are inconsistent (not positive definite: smallest eigenvalue ${near.minEigenvalueGiven.toFixed(4)}), so no joint distribution has them all. Repaired to the nearest consistent matrix (Higham 2002; distance ${near.distance.toFixed(4)}); used:\n${shown}`,
        zh: `给定的相关系数互相矛盾（非正定：最小特征值 ${near.minEigenvalueGiven.toFixed(4)}），不存在同时满足它们的联合分布。已修正为最接近的一致矩阵（Higham 2002；距离 ${near.distance.toFixed(4)}），实际使用：\n${shown}`,
      }
    : { en: `Rank correlations used, as given:\n${shown}`, zh: `使用的秩相关系数（与给定一致）：\n${shown}` };
  return { spec: { inputs, matrix: near.matrix }, repaired: near.repaired, asked, minEigenvalueAsked: near.minEigenvalueGiven, note };
}
