/**
 * The stress subcommands that explain a Monte Carlo: `stress drivers`, `stress breakeven
 * --probability` and `stress ptable`. Parsing and printing only; the numbers come from
 * src/model/stress (claim-drivers.ts, claim-pbreakeven.ts).
 */
import { driversForClaim, MAX_DRIVER_SAMPLES } from '../../model/stress/claim-drivers.js';
import { probabilityBreakEvenForClaim, probabilityGridForClaim } from '../../model/stress/claim-pbreakeven.js';
import type { ValuesOption } from '../../model/stress/claims.js';
import { formatProbability } from '../../model/stress/claim-reading.js';
import { CorrelationError, type CorrelationSpec } from '../../model/stress/correlation.js';
import { parseCorrelationPair, userCorrelation, type CorrelationPair } from '../../model/stress/user-correlation.js';
import { numberOption, seedOption, UsageError, type CliIo } from '../command.js';
import { renderTable } from '../format/table.js';
import { TEXT, type Lang } from '../../text/index.js';

export const MORE_USAGE = [
  `stress drivers <CLAIM> --seed S [--samples N] [--shape uniform|pert] [--corr A,B,RHO]… [--quantiles ID=P10,P50,P90]… [--json]`,
  `stress breakeven <CLAIM> <INPUT> --probability P --seed S [--samples N] [--corr A,B,RHO]… [--quantiles ID=P10,P50,P90]… [--json]`,
  `stress ptable <CLAIM> <INPUT1> <INPUT2> --seed S [--steps N] [--samples N] [--corr A,B,RHO]… [--quantiles ID=P10,P50,P90]… [--json]`,
];

export interface MoreArgs {
  readonly positional: readonly string[];
  readonly flags: ReadonlySet<string>;
  readonly values: ReadonlyMap<string, string>;
  /** The values in use, and the user's claims when a workbook has them. */
  readonly valuesOption: ValuesOption;
  readonly label: string;
  readonly correlation?: CorrelationSpec;
  readonly correlationNote?: string;
  readonly quantiles?: Record<string, readonly [number, number, number]>;
}

const p3 = (v: number | null): string => (v === null ? '-' : v.toFixed(3));
const num = (v: number): string => String(Number(v.toPrecision(6)));

function needSeed(values: ReadonlyMap<string, string>, usage: string): number | string {
  const seed = seedOption(values);
  if (seed === undefined) throw new UsageError(`needs --seed S, so the run can be repeated (${usage})`);
  return seed;
}

function shapeOf(values: ReadonlyMap<string, string>): 'uniform' | 'pert' | undefined {
  const shape = values.get('shape');
  if (shape !== undefined && shape !== 'uniform' && shape !== 'pert') throw new UsageError(`--shape must be uniform or pert, got "${shape}"`);
  return shape;
}

function arity(positional: readonly string[], n: number, usage: string): void {
  if (positional.length < n) throw new UsageError(`needs ${n} argument(s): ${usage}`);
  if (positional.length > n) throw new UsageError(`unexpected argument "${positional[n]}" (${usage})`);
}

const json = (io: CliIo, value: unknown): 0 => {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
  return 0;
};

/** The words of these subcommands in the output's language. */
const words = (io: CliIo) => TEXT[io.lang ?? 'en'].cliOutput;
/** A result's reading in the output's language. */
const reading = (io: CliIo, r: { readonly reading: { readonly en: string; readonly zh: string } }): string => (io.lang === 'zh' ? r.reading.zh : r.reading.en);
const count = (n: number): string => n.toLocaleString('en-US');

/** The options every analysis that draws inputs takes: seed, sample count, shape, the values in use, correlation and quantiles. */
function drawOptions(a: MoreArgs, seed: number | string, samples: number | undefined) {
  const shape = shapeOf(a.values);
  return {
    seed,
    ...(samples !== undefined ? { samples } : {}),
    ...(shape ? { shape } : {}),
    ...a.valuesOption,
    ...(a.correlation ? { correlation: a.correlation } : {}),
    ...(a.quantiles ? { quantiles: a.quantiles } : {}),
  };
}

/** `--samples` of the common-trial analyses (break-even by probability, P(holds) table). */
const commonSamples = (values: ReadonlyMap<string, string>): number | undefined =>
  numberOption(values, 'samples', (v) => Number.isInteger(v) && v >= 100 && v <= 1_000_000, 'a whole number from 100 to 1000000');

/** The JSON record, with the correlation note when a correlation applied. */
const withNote = (a: MoreArgs, r: object): object => (a.correlationNote ? { ...r, correlationNote: a.correlationNote } : r);

export function runDrivers(io: CliIo, a: MoreArgs): number {
  arity(a.positional, 1, MORE_USAGE[0]!);
  const seed = needSeed(a.values, MORE_USAGE[0]!);
  const samples = numberOption(a.values, 'samples', (v) => Number.isInteger(v) && v >= 3 && v <= MAX_DRIVER_SAMPLES, `a whole number from 3 to ${MAX_DRIVER_SAMPLES}`);
  const r = driversForClaim(a.positional[0]!, drawOptions(a, seed, samples));
  if (a.flags.has('json')) return json(io, withNote(a, r));
  const t = words(io).stress.drivers;
  io.out(`${t.head(r.claimId, count(r.samples), String(r.seed), a.label)}\n`);
  if (a.correlationNote) io.out(`${a.correlationNote}\n`);
  io.out(`${t.failing(r.failing === null ? null : count(r.failing))}\n\n`);
  io.out(
    renderTable(
      [...t.columns],
      r.rows.map((row) => [row.id, p3(row.spearman), num(row.median), row.medianFailing === null ? '-' : num(row.medianFailing), p3(row.z), row.significant ? t.yes : t.no]),
    ),
  );
  io.out(`\n${reading(io, r)}\n`);
  return 0;
}

export function runProbabilityBreakEven(io: CliIo, a: MoreArgs): number {
  arity(a.positional, 2, MORE_USAGE[1]!);
  const probability = numberOption(a.values, 'probability', (v) => v > 0 && v < 1, 'a probability above 0 and below 1 (e.g. 0.5)')!;
  const seed = needSeed(a.values, MORE_USAGE[1]!);
  const r = probabilityBreakEvenForClaim(a.positional[0]!, a.positional[1]!, { probability, ...drawOptions(a, seed, commonSamples(a.values)) });
  if (a.flags.has('json')) return json(io, withNote(a, r));
  const { field, stress } = words(io);
  const t = stress.probabilityBreakEven;
  io.out(`${t.head(r.claimId, formatProbability(r.probability), r.inputId, count(r.samples), String(r.seed), a.label)}\n`);
  if (a.correlationNote) io.out(`${a.correlationNote}\n`);
  if (r.found) io.out(`${field(t.value, String(r.value))}\n${field(t.bracket, r.bracket!.map((b) => `${num(b.value)} → ${formatProbability(b.p)}`).join(', '))}\n`);
  io.out(`${field(t.searched, `[${r.searched[0]}, ${r.searched[1]}]`)}\n\n${reading(io, r)}\n`);
  return 0;
}

export function runProbabilityTable(io: CliIo, a: MoreArgs): number {
  arity(a.positional, 3, MORE_USAGE[2]!);
  const seed = needSeed(a.values, MORE_USAGE[2]!);
  const steps = numberOption(a.values, 'steps', (v) => Number.isInteger(v) && v >= 2 && v <= 21, 'a whole number from 2 to 21');
  const r = probabilityGridForClaim(a.positional[0]!, a.positional[1]!, a.positional[2]!, { ...(steps !== undefined ? { steps } : {}), ...drawOptions(a, seed, commonSamples(a.values)) });
  if (a.flags.has('json')) return json(io, withNote(a, r));
  io.out(`${words(io).stress.probabilityTable.head(r.claimId, r.inputA, r.inputB, count(r.samples), String(r.seed), a.label)}\n`);
  if (a.correlationNote) io.out(`${a.correlationNote}\n`);
  io.out('\n');
  io.out(renderTable([`${r.inputA} \\ ${r.inputB}`, ...r.gridB.map(num)], r.rows.map((row, i) => [num(r.gridA[i]!), ...row.map(formatProbability)])));
  io.out(`\n${reading(io, r)}\n`);
  return 0;
}

/** Repeatable options of the analyses that draw inputs: `--corr A,B,RHO`, `--corr-weight ID=W`, `--quantiles ID=P10,P50,P90`. */
export const CORRELATION_OPTIONS = ['corr', 'corr-weight', 'quantiles'] as const;

/** `--quantiles ID=P10,P50,P90` (repeatable) as input id → quantiles; undefined when not given. */
export function quantilesFromOptions(lists: ReadonlyMap<string, readonly string[]>): Record<string, readonly [number, number, number]> | undefined {
  const texts = lists.get('quantiles') ?? [];
  if (texts.length === 0) return undefined;
  const out: Record<string, readonly [number, number, number]> = {};
  for (const text of texts) {
    const m = /^\s*([A-Za-z0-9_]+)\s*=\s*([^,]+),([^,]+),([^,]+)$/.exec(text);
    const q = m ? [Number(m[2]), Number(m[3]), Number(m[4])] : [];
    if (!m || !q.every(Number.isFinite)) throw new UsageError(`--quantiles must be INPUT=P10,P50,P90 with three numbers, got "${text}"`);
    const id = m[1]!.toUpperCase();
    if (out[id]) throw new UsageError(`--quantiles gives ${id} twice`);
    out[id] = [q[0]!, q[1]!, q[2]!];
  }
  return out;
}

/** Lines saying which quantiles were refused (an infeasible metalog) and which rule stood in. */
export function refusedLines(inputs: readonly { readonly refused?: string }[], lang: Lang): string {
  return inputs.filter((i) => i.refused).map((i) => `${TEXT[lang].cliOutput.stress.quantilesRefused(i.refused!)}\n`).join('');
}

/**
 * The correlation of `--corr` pairs (repaired to the nearest consistent matrix when inconsistent)
 * with the note that shows the matrix used; undefined without `--corr`.
 */
export function correlationFromOptions(
  lists: ReadonlyMap<string, readonly string[]>,
  lang: Lang,
  scenario?: { readonly name: string; readonly pairs: readonly CorrelationPair[] },
): { correlation: CorrelationSpec; note: string } | undefined {
  const texts = lists.get('corr') ?? [];
  const weightTexts = lists.get('corr-weight') ?? [];
  const fromScenario = texts.length === 0 && scenario && scenario.pairs.length > 0;
  if (texts.length === 0 && !fromScenario) {
    if (weightTexts.length) throw new UsageError(`--corr-weight ${weightTexts[0]} needs --corr pairs to weigh`);
    return undefined;
  }
  try {
    const pairs = fromScenario ? scenario.pairs : texts.map(parseCorrelationPair);
    let weights: Record<string, number> | undefined;
    for (const text of weightTexts) {
      const m = /^\s*([A-Za-z0-9_]+)\s*=\s*(\S+)\s*$/.exec(text);
      const w = m ? Number(m[2]) : NaN;
      if (!m || !(w > 0 && Number.isFinite(w))) throw new UsageError(`--corr-weight must be INPUT=W with W a number above 0, got "${text}"`);
      (weights ??= {})[m[1]!.toUpperCase()] = w;
    }
    const c = userCorrelation(pairs, weights);
    const from = fromScenario ? `${TEXT[lang].cliOutput.stress.scenarioCorrelations(scenario.name)}\n` : '';
    return { correlation: c.spec, note: `${from}${c.note[lang]}` };
  } catch (error) {
    if (error instanceof CorrelationError) throw new UsageError(`--corr: ${error.message}`);
    throw error;
  }
}
