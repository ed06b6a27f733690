/**
 * Synthetic figure catalogues for benchmarks: the article's real figures first (so every claim
 * still finds its inputs and stays valid), then generated ones up to `n`, deterministic run to run.
 */
import { excelNameProblem, FigureSchema, loadFigures, type Figure } from '../src/model/figures/index.js';

const UNITS = ['usd_bn', 'rmb_100m', 'percent'] as const;

/** `n` figures (at least the article's own): the real ones, then `SYNTH_FIGURE_00001`, … with seeded values. */
export function syntheticFigures(n: number): Figure[] {
  const real = loadFigures();
  const out: Figure[] = [...real];
  let state = 0x2545f491;
  const next = (): number => {
    // xorshift32: cheap, deterministic
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
  for (let i = 1; out.length < n; i++) {
    const unit = UNITS[i % UNITS.length]!;
    const id = `SYNTH_FIGURE_${String(i).padStart(5, '0')}`;
    out.push({
      id,
      value: unit === 'percent' ? Math.round(next() * 1000) / 10_000 : Math.round(next() * 1_000_000) / 100,
      unit,
      kind: unit === 'percent' ? 'share' : 'level',
      period: '2025',
      periodZh: '2025年',
      paragraph: 1 + (i % 30),
      asWritten: `synthetic ${i}`,
      labelEn: `Synthetic figure ${i}`,
      labelZh: `合成数字${i}`,
    });
  }
  return out;
}

/** Throws unless every synthetic figure passes the catalogue schema (used once by the bench, cheap insurance). */
export function assertValidFigures(figures: readonly Figure[]): void {
  const ids = new Set<string>();
  for (const figure of figures) {
    FigureSchema.parse(figure);
    if (excelNameProblem(figure.id)) throw new Error(`${figure.id}: ${excelNameProblem(figure.id)}`);
    if (ids.has(figure.id)) throw new Error(`duplicate id ${figure.id}`);
    ids.add(figure.id);
  }
}
