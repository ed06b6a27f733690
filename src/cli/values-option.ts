/**
 * The values a command works at: `--scenario NAME`, `--workbook FILE.xlsx` (a saved ClaimCell
 * workbook: its figures' current values and active scenario) and `--set ID=VALUE` (repeatable,
 * checked as the task pane checks a typed value; it wins over the scenario). Without them, the
 * article's values.
 */
import { TEXT, type Lang } from '../text/index.js';
import { readFileSync } from 'node:fs';
import { readClaimCellWorkbook, WorkbookReadError } from '../export/read-workbook.js';
import { getFigure, loadFigures } from '../model/figures/index.js';
import { BASELINE_NAME, findSeedScenario, loadSeedScenarios, scenarioDisplayName, type Scenario } from '../model/scenarios/index.js';
import { parseFigureValue, scenarioNamed, valuesFromChoices, valuesFromWorkbook, valuesSource, type ValuesInUse } from '../model/values/index.js';
import type { ReadTables } from '../model/user/index.js';
import { UsageError } from './command.js';

/** The option names, for parseOptions. */
export const VALUES_OPTIONS = { values: ['scenario', 'workbook'], repeatable: ['set'] } as const;
export const VALUES_USAGE = '[--scenario NAME] [--workbook FILE.xlsx] [--set ID=VALUE]…';

/** `--set ID=VALUE` options as figure values, or a UsageError naming the option at fault. */
function parseSets(sets: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const set of sets) {
    const eq = set.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set needs ID=VALUE, e.g. --set AI_CHIP_TARIFF_RATE=0.3; got "${set}"`);
    const id = set.slice(0, eq).trim();
    const figure = getFigure(id);
    if (!figure) throw new UsageError(`--set ${set}: unknown figure "${id}" (run "figures" for the list, e.g. ${loadFigures()[1]!.id})`);
    const parsed = parseFigureValue(figure, set.slice(eq + 1));
    if ('problem' in parsed) {
      throw new UsageError(`--set ${set}: ${parsed.problem === 'rejected' ? parsed.reason : `"${set.slice(eq + 1)}" is not a value for ${id} (${figure.unit === 'date' ? 'an ISO date, YYYY-MM-DD' : 'a number, or a percent such as 25%'})`}`);
    }
    out.set(figure.id, parsed.value);
  }
  return out;
}

function unknownScenario(name: string, known: readonly Scenario[], where: string): UsageError {
  return new UsageError(`unknown scenario "${name}" ${where} (known: ${[BASELINE_NAME, ...known.map((s) => s.name)].map((n) => `"${n}"`).join(', ')})`);
}

/** What a command line chose: the values in use, and what a workbook written at them holds. */
export interface ChosenValues {
  readonly values: ValuesInUse;
  /** Warnings to print, in the output's language (e.g. a workbook's bad scenario cell). */
  readonly warnings: string[];
  /** Base values away from the article's: the workbook's edited ones, then `--set`. */
  readonly edits: ReadonlyMap<string, number>;
  /** The workbook's scenarios, with `--workbook` (else the shipped ones apply). */
  readonly scenarios?: readonly Scenario[];
  /** The workbook's MyFigures/MyClaims rows, with `--workbook`. */
  readonly user?: ReadTables;
}

/** The values in use for a command line, and warnings to print (e.g. a workbook's bad scenario cell). */
export async function valuesFromOptions(
  values: ReadonlyMap<string, string>,
  lists: ReadonlyMap<string, readonly string[]>,
  lang: Lang = 'en',
): Promise<ChosenValues> {
  const sets = parseSets(lists.get('set') ?? []);
  const scenarioName = values.get('scenario');
  const file = values.get('workbook');
  if (file === undefined) {
    let scenario: Scenario | undefined;
    if (scenarioName !== undefined) {
      const found = findSeedScenario(scenarioName);
      if (found === null) throw unknownScenario(scenarioName, loadSeedScenarios(), 'among the shipped scenarios');
      scenario = found;
    }
    return { values: valuesFromChoices(scenario, sets), warnings: [], edits: sets };
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UsageError(`cannot read --workbook ${file}: ${(error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error))}`);
  }
  let reading;
  try {
    reading = await readClaimCellWorkbook(bytes, file);
  } catch (error) {
    if (error instanceof WorkbookReadError) throw new UsageError(error.message);
    throw error;
  }
  let { inUse, activeScenarioCell } = reading;
  if (scenarioName !== undefined) {
    const named = scenarioNamed(scenarioName, reading.scenarios);
    if (named === undefined) throw unknownScenario(scenarioName, reading.scenarios, `in ${file}`);
    // The workbook's base values under the scenario asked for, as its own switch would give them.
    const overrides = named === BASELINE_NAME ? new Map<string, number>() : named.overrides;
    inUse = new Map([...reading.base].map(([id, v]) => [id, overrides.get(id) ?? v]));
    activeScenarioCell = named === BASELINE_NAME ? BASELINE_NAME : named.name;
  }
  const result = valuesFromWorkbook({
    inUse: new Map([...inUse, ...sets]),
    base: new Map([...reading.base, ...sets]),
    activeScenarioCell,
    scenarios: reading.scenarios,
  });
  const warnings = result.unknownScenario !== undefined ? [TEXT[lang].cliOutput.warning(TEXT[lang].cliOutput.values.unknownScenarioCell(file, result.unknownScenario))] : [];
  const edits = new Map([...reading.base].filter(([id, v]) => typeof v === 'number' && result.edited.includes(id)) as [string, number][]);
  return { values: result, warnings, edits: new Map([...edits, ...sets]), scenarios: reading.scenarios, user: reading.user };
}

/** A scenario's name as the reader sees it: a shipped scenario's Chinese name in Chinese, else the name itself. */
export function shownScenarioName(name: string, lang: Lang): string {
  const seed = findSeedScenario(name);
  return seed ? scenarioDisplayName(seed, lang) : name;
}

/** One line saying which values a result uses, e.g. `values: scenario "High", 1 figure edited`. */
export function valuesLine(values: ValuesInUse, lang: Lang = 'en'): string {
  const t = TEXT[lang].cliOutput.values;
  const source = valuesSource(values);
  if (source.code === 'article') return t.article;
  if (source.code === 'scenario') return t.scenario(shownScenarioName(source.name, lang), source.edited);
  return t.edited(source.edited, [...values.overrides.keys()].join(', '));
}
