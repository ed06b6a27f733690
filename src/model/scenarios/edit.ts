import { getFigure } from '../figures/index.js';
import { auditAll, type Verdict } from '../claims/index.js';
import { BASELINE_NAME, scenarioNameProblem } from './schema.js';
import { resolveOverride, ScenarioError, type Scenario } from './set.js';

/**
 * The scenario set as the task pane edits it: immutable values, each edit returns a new state.
 * `Article` is the baseline and is never part of the list, so it cannot be edited or deleted.
 */
export interface ScenarioState {
  readonly scenarios: readonly Scenario[];
  readonly active: string;
  /** The last deleted scenario and where it stood, for one-step undo. */
  readonly lastDeleted?: { readonly scenario: Scenario; readonly index: number };
}

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

function checkName(state: ScenarioState, name: string, except?: string): void {
  const problem = scenarioNameProblem(name);
  if (problem) throw new ScenarioError([`name: ${problem}`]);
  if (state.scenarios.some((s) => same(s.name, name) && !(except && same(s.name, except)))) {
    throw new ScenarioError([`name: a scenario called "${name}" already exists`]);
  }
}

function find(state: ScenarioState, name: string): number {
  if (same(name, BASELINE_NAME)) throw new ScenarioError([`scenario "${BASELINE_NAME}": the baseline holds the article's values and cannot be edited`]);
  const index = state.scenarios.findIndex((s) => same(s.name, name));
  if (index < 0) throw new ScenarioError([`scenario "${name}": no such scenario`]);
  return index;
}

const replaceAt = (state: ScenarioState, index: number, scenario: Scenario): ScenarioState => ({
  ...state,
  scenarios: state.scenarios.map((s, i) => (i === index ? scenario : s)),
});

export function createScenario(state: ScenarioState, name: string, now: string, author = '', description = ''): ScenarioState {
  checkName(state, name);
  return { ...state, scenarios: [...state.scenarios, { name, description, author, createdAt: now, updatedAt: now, overrides: new Map() }] };
}

export function duplicateScenario(state: ScenarioState, source: string, name: string, now: string): ScenarioState {
  checkName(state, name);
  const from = same(source, BASELINE_NAME) ? undefined : state.scenarios[find(state, source)];
  const copy: Scenario = {
    name,
    description: from ? `Copy of ${from.name}. ${from.description}`.trim() : `Copy of ${BASELINE_NAME}`,
    author: from?.author ?? '',
    createdAt: now,
    updatedAt: now,
    overrides: new Map(from?.overrides ?? []),
  };
  return { ...state, scenarios: [...state.scenarios, copy] };
}

export function renameScenario(state: ScenarioState, from: string, to: string, now: string): ScenarioState {
  const index = find(state, from);
  checkName(state, to, from);
  // The Chinese label named the old scenario; a renamed one shows its new name in every language.
  const { nameZh: _label, ...renamed } = state.scenarios[index]!;
  const next = replaceAt(state, index, { ...renamed, name: to, updatedAt: now });
  return same(state.active, from) ? { ...next, active: to } : next;
}

/** Sets (or with `null` removes) one override; the value is checked against the figure's unit. */
export function setOverride(state: ScenarioState, scenario: string, figureId: string, raw: number | string | null, now: string): ScenarioState {
  const index = find(state, scenario);
  const figure = getFigure(figureId);
  if (!figure) throw new ScenarioError([`scenario "${scenario}".overrides.${figureId}: unknown figure id`]);
  const current = state.scenarios[index]!;
  const overrides = new Map(current.overrides);
  if (raw === null) overrides.delete(figure.id);
  else {
    const value = resolveOverride(figure, raw);
    if (typeof value === 'string') throw new ScenarioError([`scenario "${scenario}".overrides.${figure.id}: ${value}`]);
    overrides.set(figure.id, value);
  }
  return replaceAt(state, index, { ...current, overrides, updatedAt: now });
}

export function deleteScenario(state: ScenarioState, name: string): ScenarioState {
  const index = find(state, name);
  const scenario = state.scenarios[index]!;
  return {
    scenarios: state.scenarios.filter((_, i) => i !== index),
    active: same(state.active, name) ? BASELINE_NAME : state.active,
    lastDeleted: { scenario, index },
  };
}

/** Brings back the last deleted scenario at its old place; a no-op when there is none. */
export function undoDelete(state: ScenarioState): ScenarioState {
  if (!state.lastDeleted) return state;
  const { scenario, index } = state.lastDeleted;
  checkName(state, scenario.name);
  const scenarios = [...state.scenarios];
  scenarios.splice(Math.min(index, scenarios.length), 0, scenario);
  return { scenarios, active: state.active };
}

export function setActive(state: ScenarioState, name: string): ScenarioState {
  if (same(name, BASELINE_NAME)) return { ...state, active: BASELINE_NAME };
  return { ...state, active: state.scenarios[find(state, name)]!.name };
}

/** Overrides of a scenario by name; the baseline has none. */
export function overridesOf(state: ScenarioState, name: string): ReadonlyMap<string, number> {
  return same(name, BASELINE_NAME) ? new Map() : state.scenarios[find(state, name)]!.overrides;
}

export interface ScenarioComparison {
  readonly inputs: readonly { figure: string; a: number | null; b: number | null }[];
  readonly verdicts: readonly { claim: string; a: Verdict; b: Verdict }[];
}

/** Which inputs differ between two scenarios (null = as baseline) and which claim verdicts change. */
export function compareScenarios(state: ScenarioState, a: string, b: string): ScenarioComparison {
  const oa = overridesOf(state, a);
  const ob = overridesOf(state, b);
  const ids = [...new Set([...oa.keys(), ...ob.keys()])].sort();
  const inputs = ids.filter((id) => oa.get(id) !== ob.get(id)).map((figure) => ({ figure, a: oa.get(figure) ?? null, b: ob.get(figure) ?? null }));
  const va = auditAll(oa, { margins: false });
  const vb = auditAll(ob, { margins: false });
  const verdicts = va.flatMap((x, i) => (x.verdict === vb[i]!.verdict ? [] : [{ claim: x.id, a: x.verdict, b: vb[i]!.verdict }]));
  return { inputs, verdicts };
}
