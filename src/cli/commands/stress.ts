import { TEXT } from '../../text/index.js';
import {
  breakEvenForClaim,
  StressClaimError,
  tornadoForClaim,
  twoWayForClaim,
} from '../../model/stress/claims.js';
import { monteCarloForClaim, type ClaimMonteCarlo } from '../../model/stress/claim-montecarlo.js';
import { formatValue } from '../../model/claims/index.js';
import type { UnitId } from '../../model/units/index.js';
import { numberOption, parseOptions, seedOption, UsageError, type CliCommand, type CliIo } from '../command.js';
import { valuesFromOptions, valuesLine, VALUES_OPTIONS, VALUES_USAGE } from '../values-option.js';
import { renderTable } from '../format/table.js';
import { describeDistribution } from '../format/distribution.js';
import { monteCarloForClaimOnWorkers } from '../../model/stress/claim-workers.js';
import { defaultWorkers, nodeStressPool } from '../stress-pool.js';
import { SIPMATH_USAGE, sipmathExport, sipmathImport } from './sipmath.js';
import { GENERATORS, type GeneratorName } from '../../model/stress/montecarlo.js';
import { performance } from 'node:perf_hooks';
import type { OwnClaims } from '../../model/stress/claims.js';
import type { UserTables } from '../../model/user/index.js';
import { workbookUserStress } from './myclaims.js';
import { loadSeedScenarios, scenarioDisplayName } from '../../model/scenarios/index.js';
import { convergenceReading, monteCarloToPrecision, monteCarloToPrecisionAsync, precisionOf, type ClaimConvergedMonteCarlo } from '../../model/stress/claim-precision.js';
import { formatHalfWidth, type ConvergenceTarget } from '../../model/stress/convergence.js';
import { CorrelationError, type CorrelationSpec } from '../../model/stress/correlation.js';
import { formatEngineNumber } from '../../model/stress/breakeven.js';
import { scenarioPairsFor, scenarioWithoutCorrelations } from '../../model/stress/scenario-correlation.js';
import { CORRELATION_OPTIONS, correlationFromOptions, quantilesFromOptions, refusedLines, MORE_USAGE, runDrivers, runProbabilityBreakEven, runProbabilityTable } from './stress-more.js';

const USAGE = [
  `stress tornado <CLAIM> [--pct P] [--json] ${VALUES_USAGE}`,
  `stress table <CLAIM> <INPUT1> <INPUT2> [--steps N] [--json] ${VALUES_USAGE}`,
  `stress breakeven <CLAIM> <INPUT> [--target T] [--json] ${VALUES_USAGE}`,
  `stress montecarlo <CLAIM> (--samples N | --precision P [--mean-precision M] [--max-samples N]) --seed S [--shape uniform|pert] [--generator default|hdr] [--workers N] [--corr A,B,RHO]… [--corr-weight ID=W]… [--quantiles ID=P10,P50,P90]… [--json] ${VALUES_USAGE}`,
  ...SIPMATH_USAGE,
  ...MORE_USAGE.map((u) => `${u} ${VALUES_USAGE}`),
];

/** Most samples the CLI runs in one go (≈ 8 bytes each per input plus the output). */
const CLI_MAX_SAMPLES = 10_000_000;
/** Most worker threads `--workers` takes. */
const CLI_MAX_WORKERS = 64;
/** Sample cap of a run that stops on precision when `--max-samples` is not given. */
const DEFAULT_MAX_SAMPLES = 1_000_000;

/**
 * A claim's Monte Carlo on `workers` worker threads (one: on this thread, the same engine and the
 * same numbers without a thread to start), with the wall time it took.
 */
async function timedMonteCarlo(
  claimId: string,
  size: number | ConvergenceTarget,
  seed: number | string,
  shape: 'uniform' | 'pert' | undefined,
  generator: GeneratorName | undefined,
  workers: number,
  values: StressValues,
  correlation?: CorrelationSpec,
  quantiles?: Record<string, readonly [number, number, number]>,
): Promise<{ result: ClaimMonteCarlo | ClaimConvergedMonteCarlo; ms: number }> {
  const started = performance.now();
  const options = { seed, ...(shape ? { shape } : {}), ...(generator ? { generator } : {}), overrides: values.overrides, ...(values.mine ? { mine: values.mine } : {}), ...(correlation ? { correlation } : {}), ...(quantiles ? { quantiles } : {}) };
  if (workers === 1) {
    const result = typeof size === 'number' ? monteCarloForClaim(claimId, { ...options, samples: size }) : monteCarloToPrecision(claimId, { ...options, ...size });
    return { result, ms: performance.now() - started };
  }
  const pool = nodeStressPool(workers);
  try {
    // workers get plain data: the values in use as a record, the user's rows as rows
    const { inUse, rows } = values;
    const onWorkers = async (samples: number): Promise<ClaimMonteCarlo> => {
      const request = { claimId, samples, seed, ...(shape ? { shape } : {}), ...(generator ? { generator } : {}), ...(inUse ? { overrides: Object.fromEntries(inUse) } : {}), ...(rows ? { mine: rows } : {}), ...(quantiles ? { quantiles } : {}) };
      const { workingBytes: _bytes, workers: _used, ...result } = await monteCarloForClaimOnWorkers(request, pool.links);
      return result;
    };
    const result = typeof size === 'number' ? await onWorkers(size) : await monteCarloToPrecisionAsync(claimId, { ...options, ...size }, onWorkers);
    return { result, ms: performance.now() - started };
  } finally {
    await pool.close();
  }
}

/** `--samples N`, or a precision target (`--precision`, `--mean-precision`, `--max-samples`); not both. */
function runSize(values: ReadonlyMap<string, string>): number | ConvergenceTarget {
  const samples = numberOption(values, 'samples', (v) => Number.isInteger(v) && v >= 1 && v <= CLI_MAX_SAMPLES, `a whole number from 1 to ${CLI_MAX_SAMPLES}`);
  const precision = numberOption(values, 'precision', (v) => v > 0 && v < 0.5, 'a probability above 0 and below 0.5 (0.005 = ±0.5 pp)');
  const meanPrecision = numberOption(values, 'mean-precision', (v) => v > 0 && Number.isFinite(v), "a number above 0, in the claim's unit");
  const maxSamples = numberOption(values, 'max-samples', (v) => Number.isInteger(v) && v >= 1 && v <= CLI_MAX_SAMPLES, `a whole number from 1 to ${CLI_MAX_SAMPLES}`);
  const onPrecision = precision !== undefined || meanPrecision !== undefined || maxSamples !== undefined;
  if (samples !== undefined && onPrecision)
    throw new UsageError(`--samples ${samples} fixes the run's size, so it cannot be given with --precision, --mean-precision or --max-samples (which stop on precision); give one or the other`);
  if (samples !== undefined) return samples;
  if (!onPrecision) throw new UsageError(`needs --samples N, or --precision P to stop on precision (${USAGE[3]})`);
  return { ...(precision !== undefined ? { precision } : {}), ...(meanPrecision !== undefined ? { meanPrecision } : {}), maxSamples: maxSamples ?? DEFAULT_MAX_SAMPLES };
}

/** What a stress command computes at: the values in use, and with `--workbook` the user's claims (compiled, and as rows for workers). */
interface StressValues {
  /** The values in use with the user's figures under them. */
  readonly overrides: ReadonlyMap<string, number>;
  readonly mine?: OwnClaims;
  /** The values in use alone, and the user's rows: what a worker is sent. */
  readonly inUse: ReadonlyMap<string, number>;
  readonly rows?: UserTables;
}

const json = (io: CliIo, value: unknown): 0 => {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
  return 0;
};
const fmt = (v: number, unit: UnitId | string | undefined): string => formatValue(Number.isFinite(v) ? v : null, (unit ?? 'ratio') as UnitId);

function arity(positional: readonly string[], n: number, usage: string): void {
  if (positional.length < n) throw new UsageError(`needs ${n} argument(s): ${usage}`);
  if (positional.length > n) throw new UsageError(`unexpected argument "${positional[n]}" (${usage})`);
}

/** The words of the CLI's stress output in the language asked for. */
const words = (io: CliIo) => TEXT[io.lang ?? 'en'].cliOutput.stress;
/** A reading (tornado, table, break-even, Monte Carlo) in the language asked for. */
const reading = (io: CliIo, r: { readonly reading: { readonly en: string; readonly zh: string } }): string => (io.lang === 'zh' ? r.reading.zh : r.reading.en);

function printMonteCarlo(io: CliIo, r: ClaimMonteCarlo): void {
  const u = r.unit;
  const t = words(io);
  io.out(`${t.monteCarloHead(r.claimId, r.samples.toLocaleString('en-US'), String(r.seed))}\n\n`);
  io.out(
    renderTable(
      [...t.inputColumns],
      r.inputs.map((i) => [i.id, String(i.base), describeDistribution(i.distribution, t), t.rules[i.rule] + (i.roundingUnit !== undefined ? t.roundingUnit(String(i.roundingUnit)) : '')]),
    ),
  );
  io.out('\n');
  io.out(
    renderTable(
      [...t.statColumns],
      [
        [t.baseOutput, fmt(r.baseOutput, u)],
        [t.mean, fmt(r.mean, u)],
        [t.sd, fmt(r.sd, u)],
        [t.percentiles, `${fmt(r.percentiles.p5, u)} / ${fmt(r.percentiles.p50, u)} / ${fmt(r.percentiles.p95, u)}`],
        [t.pHolds, r.probabilityHolds === null ? t.noVerdict : `${r.probabilityHolds} (${formatHalfWidth(precisionOf(r), io.lang ?? 'en')}, 95%)`],
        ...('convergence' in r ? [stoppedRow(t, (r as ClaimConvergedMonteCarlo).convergence)] : []),
        ...(r.nonFinite ? [[t.notANumber, String(r.nonFinite)]] : []),
      ],
    ),
  );
  io.out(`\n${reading(io, r)}\n`);
  if ('convergence' in r) io.out(`${convergenceReading((r as ClaimConvergedMonteCarlo).convergence)[io.lang ?? 'en']}\n`);
}

/** The table row of a run that stops on precision: why it stopped, samples drawn, stages. */
function stoppedRow(t: ReturnType<typeof words>, c: ClaimConvergedMonteCarlo['convergence']): [string, string] {
  return [t.stoppedBy, t.stoppedDetail(t.stoppedHow[c.stoppedBy], c.samplesDrawn.toLocaleString('en-US'), c.stages.join(', '))];
}

export const stressCommand: CliCommand = {
  name: 'stress',
  summary: 'stress-test a claim: stress tornado|table|breakeven|montecarlo|drivers|ptable <CLAIM> … [--json]; stress sipmath export|import FILE.json',
  usage: USAGE,
  async run(args, io) {
    const [sub, ...rest] = args;
    /** The options of one subcommand plus the values options; prints the workbook's warnings. */
    const options = async (spec: { flags: string[]; values: string[]; repeatable?: string[]; draws?: boolean }, from = rest) => {
      const repeatable = [...VALUES_OPTIONS.repeatable, ...(spec.repeatable ?? []), ...(spec.draws ? CORRELATION_OPTIONS : [])];
      const parsed = parseOptions(from, { flags: spec.flags, values: [...spec.values, ...VALUES_OPTIONS.values], repeatable });
      const inUse = await valuesFromOptions(parsed.values, parsed.lists, io.lang ?? 'en');
      for (const w of inUse.warnings) io.err(`${w}\n`);
      const inUseValues = inUse.values.overrides;
      const user = inUse.user ? workbookUserStress(inUse.user, inUseValues) : undefined;
      const stressValues: StressValues = user ? { overrides: user.overrides, mine: user.mine, inUse: inUseValues, rows: inUse.user!.tables } : { overrides: inUseValues, inUse: inUseValues };
      // the options every analysis takes: the values in use, and the user's claims when the workbook has them
      const valuesOption = user ? { overrides: user.overrides, mine: user.mine } : { overrides: inUseValues };
      // the scenario in use (--scenario, or a --workbook's active one) applies its correlations unless --corr gives others,
      // only its pairs between this claim's inputs; one that states none says so
      const claimId = spec.draws ? parsed.positional[0] : undefined;
      const scenarios = inUse.scenarios ?? loadSeedScenarios();
      const fromScenario = claimId ? scenarioPairsFor(claimId, inUse.values.scenario, valuesOption, scenarios) : undefined;
      const lang = io.lang ?? 'en';
      const corr = spec.draws ? correlationFromOptions(parsed.lists, lang, fromScenario ? { name: scenarioDisplayName(fromScenario.scenario, lang), pairs: fromScenario.pairs } : undefined) : undefined;
      const independent = claimId && !corr ? scenarioWithoutCorrelations(inUse.values.scenario, scenarios) : undefined;
      const note = corr?.note ?? (independent ? words(io).noScenarioCorrelations(scenarioDisplayName(independent, lang)) : undefined);
      const quantiles = spec.draws ? quantilesFromOptions(parsed.lists) : undefined;
      return {
        ...parsed,
        stressValues,
        valuesOption,
        label: valuesLine(inUse.values, io.lang ?? 'en'),
        ...(corr ? { correlation: corr.correlation } : {}),
        ...(note ? { correlationNote: note } : {}),
        ...(quantiles ? { quantiles } : {}),
      };
    };
    if (!sub || sub === '--help') throw new UsageError(`needs a subcommand:\n  ${USAGE.join('\n  ')}`);
    try {
      switch (sub) {
        case 'tornado': {
          const { positional, flags, values, valuesOption, label } = await options({ flags: ['json'], values: ['pct'] });
          arity(positional, 1, USAGE[0]!);
          const pct = numberOption(values, 'pct', (v) => v > 0 && v < 1000, 'a number above 0');
          const r = tornadoForClaim(positional[0]!, { ...(pct === undefined ? {} : { pct }), ...valuesOption });
          if (flags.has('json')) return json(io, r);
          const t = words(io);
          io.out(`${t.tornadoHead(r.claimId, r.pct, fmt(r.baseOutput, r.unit), label)}\n\n`);
          io.out(
            renderTable(
              [...t.tornadoColumns],
              r.bars.map((b) => [
                b.id,
                fmt(b.inputLow, b.unit),
                fmt(b.inputHigh, b.unit),
                fmt(b.outputAtLow, r.unit),
                fmt(b.outputAtHigh, r.unit),
                fmt(b.swing, r.unit === 'date' ? 'days' : r.unit),
                r.holdsAtBase === null ? '-' : `${b.holdsAtLow ? t.holds : t.fails}/${b.holdsAtHigh ? t.holds : t.fails}`,
              ]),
            ),
          );
          io.out(`\n${reading(io, r)}\n`);
          return 0;
        }
        case 'table': {
          const { positional, flags, values, valuesOption, label } = await options({ flags: ['json'], values: ['steps'] });
          arity(positional, 3, USAGE[1]!);
          const steps = numberOption(values, 'steps', (v) => Number.isInteger(v) && v >= 2 && v <= 101, 'a whole number from 2 to 101');
          const r = twoWayForClaim(positional[0]!, positional[1]!, positional[2]!, { ...(steps === undefined ? {} : { steps }), ...valuesOption });
          if (flags.has('json')) return json(io, r);
          const t = words(io);
          io.out(`${t.twoWayHead(r.claimId, r.inputA, r.inputB, label)}\n\n`);
          io.out(
            renderTable(
              [`${r.inputA} \\ ${r.inputB}`, ...r.gridB.map((b) => String(Number(b.toPrecision(6))))],
              r.rows.map((row, i) => [String(Number(r.gridA[i]!.toPrecision(6))), ...row.map((v, j) => `${fmt(v, r.unit)}${r.holds[i]![j] === null ? '' : r.holds[i]![j] ? t.ok : t.no}`)]),
            ),
          );
          io.out(`\n${reading(io, r)}\n`);
          return 0;
        }
        case 'drivers':
          return runDrivers(io, await options({ flags: ['json'], values: ['seed', 'samples', 'shape'], draws: true }));
        case 'ptable':
          return runProbabilityTable(io, await options({ flags: ['json'], values: ['seed', 'samples', 'shape', 'steps'], draws: true }));
        case 'breakeven': {
          if (rest.some((a) => a === '--probability' || a.startsWith('--probability=')))
            return runProbabilityBreakEven(io, await options({ flags: ['json'], values: ['probability', 'seed', 'samples', 'shape'], draws: true }));
          const { positional, flags, values, valuesOption, label } = await options({ flags: ['json'], values: ['target'] });
          arity(positional, 2, USAGE[2]!);
          const target = numberOption(values, 'target', () => true, 'a number');
          const r = breakEvenForClaim(positional[0]!, positional[1]!, { ...(target === undefined ? {} : { target }), ...valuesOption });
          if (flags.has('json')) return json(io, r);
          const t = words(io);
          const field = TEXT[io.lang ?? 'en'].cliOutput.field;
          io.out(`${t.breakEvenHead(r.claimId, r.inputId, r.target === 'flip' ? null : String(r.target), label)}\n`);
          const lines = [
            ...(r.found ? [field(t.value, String(r.value)), field(t.all, r.crossings.join(', '))] : []),
            field(t.searched, `[${r.searched[0]}, ${r.searched[1]}]`),
            field(t.engine, t.breakEvenOutcome(r.outcome, formatEngineNumber)),
          ];
          io.out(`${lines.join('\n')}\n\n${reading(io, r)}\n`);
          return 0;
        }
        case 'montecarlo': {
          const { positional, flags, values, stressValues, label, correlation, correlationNote, quantiles } = await options({
            flags: ['json'],
            values: ['samples', 'seed', 'shape', 'generator', 'workers', 'precision', 'mean-precision', 'max-samples'],
            draws: true,
          });
          arity(positional, 1, USAGE[3]!);
          const samples = runSize(values);
          const seed = seedOption(values);
          if (seed === undefined) throw new UsageError(`needs --seed S, so the run can be repeated (${USAGE[3]})`);
          const shape = values.get('shape');
          if (shape !== undefined && shape !== 'uniform' && shape !== 'pert') throw new UsageError(`--shape must be uniform or pert, got "${shape}"`);
          const generator = values.get('generator') as GeneratorName | undefined;
          if (generator !== undefined && !GENERATORS.includes(generator)) throw new UsageError(`--generator must be ${GENERATORS.join(' or ')}, got "${generator}"`);
          const asked = numberOption(values, 'workers', (v) => Number.isInteger(v) && v >= 1 && v <= CLI_MAX_WORKERS, `a whole number from 1 to ${CLI_MAX_WORKERS}`);
          // Iman–Conover reorders whole columns, so a correlated run cannot be shared between workers
          const workers = correlation ? 1 : (asked ?? defaultWorkers());
          if (correlation && asked !== undefined && asked > 1) io.err(`${words(io).correlatedOneThread(asked)}\n`);
          const { result: r, ms } = await timedMonteCarlo(positional[0]!, samples, seed, shape, generator, workers, stressValues, correlation, quantiles);
          const took = `${words(io).took(Math.round(ms), workers)}\n`;
          if (flags.has('json')) {
            // stdout stays the result alone (the same for a seed); the time goes to stderr
            io.err(took);
            io.err(refusedLines(r.inputs, io.lang ?? 'en'));
            return json(io, correlation ? { ...r, correlation: { ...correlation, note: correlationNote } } : r);
          }
          io.out(`${label}\n`);
          if (correlationNote) io.out(`${correlationNote}\n`);
          io.out(refusedLines(r.inputs, io.lang ?? 'en'));
          printMonteCarlo(io, r);
          io.out(`\n${took}`);
          return 0;
        }
        case 'sipmath': {
          const [action, ...more] = rest;
          if (action === 'export') {
            const { positional, values, lists, stressValues, label } = await options({ flags: [], values: ['seed'], repeatable: ['claim', 'quantiles'] }, more);
            arity(positional, 1, SIPMATH_USAGE[0]!);
            const quantiles = quantilesFromOptions(lists);
            // the article's figures at the values in use (the user's own claims are not exported)
            return sipmathExport(io, positional[0]!, { claims: lists.get('claim') ?? [], seed: values.get('seed'), overrides: stressValues.inUse, label, ...(quantiles ? { quantiles } : {}) });
          }
          if (action === 'import') {
            const { positional, flags } = parseOptions(more, { flags: ['json'] });
            arity(positional, 1, SIPMATH_USAGE[1]!);
            return sipmathImport(io, positional[0]!, flags.has('json'));
          }
          throw new UsageError(`stress sipmath needs export or import:\n  ${SIPMATH_USAGE.join('\n  ')}`);
        }
        default:
          throw new UsageError(`unknown subcommand "${sub}"; one of:\n  ${USAGE.join('\n  ')}`);
      }
    } catch (error) {
      if (error instanceof StressClaimError) {
        throw new UsageError(error.known.length ? `${error.message}\nknown ids: ${error.known.join(', ')}` : error.message);
      }
      if (error instanceof RangeError || error instanceof CorrelationError) throw new UsageError(error.message);
      throw error;
    }
  },
};
