import { TEXT } from '../../text/index.js';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { nativeOnlyProblems, planToXlsxBuffer } from '../../export/xlsx.js';
import { BASELINE_NAME, findSeedScenario, loadSeedScenarios } from '../../model/scenarios/index.js';
import { HDR_MAX_ID } from '../../model/stress/hdr.js';
import { articlePlan, SIM_DEFAULT_SEED, SIM_DEFAULT_TRIALS, type SimulationOptions } from '../../plan/index.js';
import { parseOptions, UsageError, type CliCommand } from '../command.js';
import { prepareOutput, writeFileAtomic } from '../output.js';

const LANGS = ['en', 'zh'] as const;

/** The canonical name of a shipped scenario (case-insensitive), or a UsageError naming the known ones. */
function scenarioName(name: string | undefined): string {
  if (name === undefined) return BASELINE_NAME;
  const found = findSeedScenario(name);
  if (found === undefined) return BASELINE_NAME;
  if (found === null) {
    const known = [BASELINE_NAME, ...loadSeedScenarios().map((s) => s.name)].map((n) => `"${n}"`).join(', ');
    throw new UsageError(`unknown scenario "${name}" (known: ${known})`);
  }
  return found.name;
}

/** --sim-trials / --sim-seed as the plan's simulation options; undefined for --sim-trials 0. */
function simulationOption(values: ReadonlyMap<string, string>): SimulationOptions | undefined {
  const whole = (flag: string, fallback: number, min: number): number => {
    const text = values.get(flag);
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!/^\d+$/.test(text.trim()) || n < min || n > HDR_MAX_ID) throw new UsageError(`--${flag} must be a whole number from ${min} to ${HDR_MAX_ID}, got "${text}"`);
    return n;
  };
  const trials = whole('sim-trials', SIM_DEFAULT_TRIALS, 0);
  const seed = whole('sim-seed', SIM_DEFAULT_SEED, 0);
  return trials === 0 ? undefined : { trials, seed };
}

/**
 * `workbook`: the complete article workbook as a portable .xlsx (native formulas only, no add-in
 * needed), with the shipped scenarios and the given one active.
 */
export const workbookCommand: CliCommand = {
  name: 'workbook',
  summary: 'write the article workbook as .xlsx: workbook [--out ClaimCell.xlsx] [--scenario NAME] [--lang en|zh] [--sim-trials N] [--sim-seed S]',
  usage: [`workbook [--out ClaimCell.xlsx] [--scenario NAME] [--lang en|zh] [--sim-trials N (default ${SIM_DEFAULT_TRIALS}; 0: no Simulation sheet)] [--sim-seed S (default ${SIM_DEFAULT_SEED})]`],
  async run(args, io) {
    const { positional, values } = parseOptions(args, { values: ['out', 'scenario', 'lang', 'sim-trials', 'sim-seed'] });
    if (positional.length) throw new UsageError(`unexpected argument "${positional[0]}" (use --out FILE)`);
    const lang = values.get('lang') ?? io.lang ?? 'en';
    if (!(LANGS as readonly string[]).includes(lang)) throw new UsageError(`--lang must be en or zh, not "${lang}"`);
    const out = values.get('out') ?? 'ClaimCell.xlsx';
    if (!out.trim()) throw new UsageError('--out needs a file name');
    const activeScenario = scenarioName(values.get('scenario'));
    const simulation = simulationOption(values);

    const start = performance.now();
    // a bad --out fails at once, not after the plan and the .xlsx (the Simulation sheet takes seconds)
    const path = resolve(out);
    prepareOutput(path);
    const plan = articlePlan({ edits: new Map(), activeScenario }, { includeCustomFunctions: false, lang: lang as (typeof LANGS)[number], ...(simulation ? { simulation } : {}) });
    const problems = nativeOnlyProblems(plan);
    if (problems.length) {
      io.err(`not written: formulas Excel 2016 or LibreOffice 7.4 may not calculate:\n${problems.map((p) => `  - ${p.sheet}!${p.cell}: ${p.fn} (${p.why})`).join('\n')}\n`);
      return 1;
    }
    const buffer = await planToXlsxBuffer(plan);
    writeFileAtomic(path, buffer);
    const ms = performance.now() - start;
    io.out(
      `${path}\n` +
        `${TEXT[io.lang ?? 'en'].cliOutput.workbook.written(plan.sheets.length, plan.names.length, activeScenario, lang, (buffer.length / 1024).toFixed(0), ms.toFixed(0))}\n` +
        (simulation ? `${TEXT[io.lang ?? 'en'].cliOutput.workbook.simulation(simulation.trials, simulation.seed)}\n` : ''),
    );
    return 0;
  },
};
