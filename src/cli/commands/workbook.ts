import { TEXT } from '../../text/index.js';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { nativeOnlyProblems, planToXlsxBuffer } from '../../export/xlsx.js';
import { HDR_MAX_ID } from '../../model/stress/hdr.js';
import { defaultStressClaimId, StressClaimError } from '../../model/stress/claims.js';
import { articlePlan, SIM_DEFAULT_SEED, SIM_DEFAULT_TRIALS, type SimulationOptions } from '../../plan/index.js';
import { withStressSheet } from '../../plan/portable-stress.js';
import { numberOption, parseOptions, seedOption, UsageError, type CliCommand } from '../command.js';
import { prepareOutput, writeFileAtomic } from '../output.js';
import { shownScenarioName, valuesFromOptions, VALUES_OPTIONS, VALUES_USAGE } from '../values-option.js';

const LANGS = ['en', 'zh'] as const;
/** The Stress sheet's Monte Carlo: the pane's default run (10,000 samples, seed 1), at most a million samples. */
const STRESS_DEFAULTS = { samples: 10_000, seed: 1, maxSamples: 1_000_000 } as const;
const USAGE = `workbook [--out ClaimCell.xlsx] [--lang en|zh] [--stress CLAIM_ID|none] [--samples N] [--seed S] [--sim-trials N] [--sim-seed S] ${VALUES_USAGE}`;

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

/** The article plan with the Stress sheet of one claim; an id without inputs is a usage error naming the known ones. */
function stressPlan(plan: Parameters<typeof withStressSheet>[0], claimId: string, options: Omit<Parameters<typeof withStressSheet>[1], 'claimId'>) {
  try {
    return withStressSheet(plan, { claimId, ...options });
  } catch (error) {
    if (error instanceof StressClaimError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * `workbook`: the complete article workbook as a portable .xlsx (native formulas only, no add-in
 * needed) at the values chosen as every command chooses them: the shipped scenarios with
 * `--scenario` active, or a saved workbook's base values, scenarios, active one and own tables
 * (`--workbook`), with `--set` base values on top.
 */
export const workbookCommand: CliCommand = {
  name: 'workbook',
  summary: `write the article workbook as .xlsx, with a Simulation sheet and a Stress sheet (tornado and Monte Carlo histogram as native charts, default ${STRESS_DEFAULTS.samples} samples, seed ${STRESS_DEFAULTS.seed}) for --stress CLAIM_ID (default ${defaultStressClaimId()}; "none" leaves it out)`,
  usage: [USAGE, `workbook [--out ClaimCell.xlsx] [--lang en|zh] --stress none ${VALUES_USAGE}`],
  notes: (lang) => [TEXT[lang].cli.helpNotes.workbook(SIM_DEFAULT_TRIALS, SIM_DEFAULT_SEED, STRESS_DEFAULTS.samples, STRESS_DEFAULTS.seed)],
  async run(args, io) {
    const { positional, values, lists } = parseOptions(args, { values: ['out', 'lang', 'sim-trials', 'sim-seed', 'stress', 'samples', 'seed', ...VALUES_OPTIONS.values], repeatable: [...VALUES_OPTIONS.repeatable] });
    if (positional.length) throw new UsageError(`unexpected argument "${positional[0]}" (use --out FILE)`);
    const lang = values.get('lang') ?? io.lang ?? 'en';
    if (!(LANGS as readonly string[]).includes(lang)) throw new UsageError(`--lang must be en or zh, not "${lang}"`);
    const out = values.get('out') ?? 'ClaimCell.xlsx';
    if (!out.trim()) throw new UsageError('--out needs a file name');
    const simulation = simulationOption(values);
    const stressText = values.get('stress') ?? defaultStressClaimId();
    const stressClaim = stressText.trim().toLowerCase() === 'none' ? undefined : stressText;
    const samples = numberOption(values, 'samples', (v) => Number.isInteger(v) && v >= 1 && v <= STRESS_DEFAULTS.maxSamples, `a whole number from 1 to ${STRESS_DEFAULTS.maxSamples}`);
    const seed = seedOption(values);
    if (!stressClaim && (samples !== undefined || seed !== undefined)) throw new UsageError('--samples and --seed need a Stress sheet (not --stress none)');

    // the same values as claims and stress: --scenario, --workbook (its base values, scenarios, active one and MyFigures/MyClaims), --set
    const chosen = await valuesFromOptions(values, lists, io.lang ?? 'en');
    for (const w of chosen.warnings) io.err(`${w}\n`);
    const activeScenario = chosen.values.scenario;

    const start = performance.now();
    // a bad --out fails at once, not after the plan and the .xlsx (the Simulation sheet takes seconds)
    const path = resolve(out);
    prepareOutput(path);
    const language = lang as (typeof LANGS)[number];
    const state = { edits: chosen.edits, activeScenario, ...(chosen.scenarios ? { scenarios: chosen.scenarios } : {}), ...(chosen.user ? { userTables: chosen.user.tables } : {}) };
    const article = articlePlan(state, { includeCustomFunctions: false, lang: language, ...(simulation ? { simulation } : {}) });
    const plan = stressClaim ? stressPlan(article, stressClaim, { samples: samples ?? STRESS_DEFAULTS.samples, seed: seed ?? STRESS_DEFAULTS.seed, values: chosen.values, lang: language }) : article;
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
        `${TEXT[io.lang ?? 'en'].cliOutput.workbook.written(plan.sheets.length, plan.names.length, shownScenarioName(activeScenario, io.lang ?? 'en'), lang, (buffer.length / 1024).toFixed(0), ms.toFixed(0))}\n` +
        (simulation ? `${TEXT[io.lang ?? 'en'].cliOutput.workbook.simulation(simulation.trials, simulation.seed)}\n` : '') +
        (stressClaim ? `${TEXT[io.lang ?? 'en'].cliOutput.workbook.stress(stressClaim.trim().toUpperCase(), samples ?? STRESS_DEFAULTS.samples, String(seed ?? STRESS_DEFAULTS.seed))}\n` : ''),
    );
    return 0;
  },
};
