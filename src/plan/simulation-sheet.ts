/**
 * The Simulation sheet: a Monte Carlo of the claims that lives in native formulas, so a colleague
 * without the add-in changes a figure or the seed and sees P(holds), the mean and the percentiles
 * move. It draws the same stream as the engine's `--generator hdr` (model/stress/hdr.ts):
 *
 * - one column per figure that some chosen claim draws (a figure draws the same values in every
 *   claim, as in the engine): HDR_2_0(trial, SIM_ENTITY, the figure's variable id, SIM_SEED, 0)
 *   turned into the figure's default distribution by its inverse CDF, at the value in use (the
 *   figure's defined name): a stated range → uniform between its two figures; otherwise
 *   NORM.INV(u, value, half the rounding unit), or 5% of |value| when no unit can be read
 *   (model/stress/claim-distributions.ts, `defaultDistribution`); exact figures (counts, years) are not drawn;
 * - per claim, its native recomputation per trial ("" where it is an error, as the engine leaves
 *   NaN out of every statistic) and, when it has a check on that value, 1/0 for "holds" with the
 *   stated side at the value in use;
 * - a summary on top: P(holds) = holds / SIM_TRIALS, AVERAGE and PERCENTILE.INC (type 7, the
 *   engine's definition) of the values.
 *
 * Size: trials × (figure columns + claim columns) formula cells stay within {@link SIM_CELL_BUDGET};
 * claims are taken in catalogue order and one that would overflow the budget is left out and named.
 */
import { claimVectorModel, checkConditionFormula, nativeDialect, type Claim } from '../model/claims/index.js';
import { formatNumber, renderExpr } from '../model/expr/index.js';
import { getFigure } from '../model/figures/index.js';
import { FALLBACK_SD_FRACTION, defaultDistribution, roundingUnitOf } from '../model/stress/claim-distributions.js';
import { HDR_DEFAULT_ENTITY, HdrStream, hdrFormula, hdrIdProblem, hdrSeedsFor, hdrVarId } from '../model/stress/hdr.js';
import { percentilesInPlace } from '../model/stress/stats.js';
import type { StressInput } from '../model/stress/types.js';
import { cellAddress, columnLetter } from './a1.js';
import { SHEETS, type PlanInput, type PlanValues } from './context.js';
import { TEXT } from '../text/index.js';
import type { CellPlan, NamePlan, SheetPlan } from './types.js';

/** Most formula cells (trials × drawn columns) the sheet holds: LibreOffice recalculates it in seconds, the file stays a few MB. */
export const SIM_CELL_BUDGET = 250_000;
export const SIM_DEFAULT_TRIALS = 1000;
export const SIM_DEFAULT_SEED = 1;
export const SIM_NAMES = { trials: 'SIM_TRIALS', seed: 'SIM_SEED', entity: 'SIM_ENTITY' } as const;
/** The defined name of a claim's P(holds) cell. */
export const simHoldsName = (claimId: string): string => `SIM_${claimId}_P_HOLDS`;

export interface SimulationOptions {
  /** Trials (rows), 1 … 9,999,999 (the HDR generator's exact range). */
  readonly trials: number;
  /** SIM_SEED, HDR's seed3: 0 … 9,999,999. */
  readonly seed: number;
  /** Claim ids to simulate; default every claim with an input to draw. */
  readonly claims?: readonly string[];
  /** Most formula cells of the trial grid; default {@link SIM_CELL_BUDGET}. */
  readonly budget?: number;
}

/** Stands for the trial's row number in a column's formula until each row fills it in (a character no formula contains). */
const ROW_SLOT = '\u0000';

/** 1-based rows of the fixed part of the sheet. */
export const SIM_ROWS = { trials: 2, seed: 3, entity: 4, summaryHeader: 7 } as const;
/** 1-based columns of the summary table. */
export const SIM_SUMMARY_COLUMNS = { claim: 1, pHolds: 2, mean: 3, p5: 4, p50: 5, p95: 6, withValue: 7 } as const;

interface ChosenClaim {
  readonly claim: Claim;
  readonly inputs: readonly StressInput[];
  readonly judged: boolean;
}

/** The native draw of one input from the uniform `u` (a formula fragment), or undefined for an exact figure, which is not drawn. */
export function nativeDraw(input: StressInput, u: string): string | undefined {
  const figure = getFigure(input.id);
  const id = input.id;
  const single = ((): string | undefined => {
    if (figure && (figure.kind === 'count' || figure.unit === 'year')) return undefined;
    const unit = roundingUnitOf(id);
    if (unit !== undefined && unit > 0) return `NORM.INV(${u},${id},${formatNumber(unit / 2)})`;
    return `IF(${id}=0,${id},NORM.INV(${u},${id},ABS(${id})*${formatNumber(FALLBACK_SD_FRACTION)}))`;
  })();
  const pair = figure?.range ? getFigure(figure.range.pair) : undefined;
  if (!figure?.range || !pair) return single;
  const [low, high] = figure.range.role === 'low' ? [id, pair.id] : [pair.id, id];
  const uniform = `MIN(${low},${high})+(MAX(${low},${high})-MIN(${low},${high}))*${u}`;
  // a range whose two ends are equal in use is no range: the figure falls back to its own rule, as in the engine
  return `IF(${low}=${high},${single ?? id},${uniform})`;
}

/** The claims on the sheet and the figures they draw, within the budget; `omitted` lists the claims left out. */
export function chooseSimulation(input: PlanInput, values: PlanValues, options: SimulationOptions): { chosen: ChosenClaim[]; drawn: StressInput[]; omitted: string[] } {
  const wanted = options.claims?.map((c) => c.toUpperCase());
  const chosen: ChosenClaim[] = [];
  const drawn = new Map<string, StressInput>();
  const omitted: string[] = [];
  for (const claim of input.claims.claims) {
    if (wanted && !wanted.includes(claim.id)) continue;
    const model = claimVectorModel(claim, values.inUse);
    const newInputs = model.inputs.filter((i) => !drawn.has(i.id) && nativeDraw(i, '0') !== undefined);
    if (model.inputs.every((i) => nativeDraw(i, '0') === undefined)) continue;
    const columns = drawn.size + newInputs.length + chosen.reduce((n, c) => n + (c.judged ? 2 : 1), 0) + (model.judged ? 2 : 1);
    if (columns * options.trials > (options.budget ?? SIM_CELL_BUDGET)) {
      omitted.push(claim.id);
      continue;
    }
    newInputs.forEach((i) => drawn.set(i.id, i));
    chosen.push({ claim, inputs: model.inputs, judged: model.judged });
  }
  const unknown = wanted?.filter((id) => !input.claims.claims.some((c) => c.id === id));
  if (unknown?.length) throw new RangeError(`simulation claims: unknown claim id(s) ${unknown.join(', ')}`);
  return { chosen, drawn: [...drawn.values()], omitted };
}

/** Validates the options, naming the field at fault. */
export function checkSimulationOptions(options: SimulationOptions): void {
  const trials = hdrIdProblem(options.trials);
  if (trials || options.trials < 1) throw new RangeError(`simulation trials ${trials ?? 'must be at least 1, got 0'}`);
  const seed = hdrIdProblem(options.seed);
  if (seed) throw new RangeError(`simulation seed ${seed}`);
}

export function simulationSheet(input: PlanInput, values: PlanValues, options: SimulationOptions): { sheet: SheetPlan; names: NamePlan[]; omitted: string[] } {
  checkSimulationOptions(options);
  const text = TEXT[input.lang].sheets.simulation;
  const { chosen, drawn, omitted } = chooseSimulation(input, values, options);
  const n = options.trials;
  const varIdRow = SIM_ROWS.summaryHeader + chosen.length + (omitted.length ? 3 : 2);
  const headerRow = varIdRow + 1;
  const first = headerRow + 1;
  const last = first + n - 1;

  // columns: A trial, then the drawn figures, then per claim its value and (when judged) holds
  const drawColumn = new Map(drawn.map((d, i) => [d.id, 2 + i]));
  let next = 2 + drawn.length;
  const claimColumns = chosen.map((c) => {
    const value = next++;
    const holds = c.judged ? next++ : undefined;
    return { ...c, value, holds };
  });

  // cached results: the engine's own draws (HdrStream), so a viewer that does not recalculate shows the right numbers
  const columns = new Map(drawn.map((d) => [d.id, new HdrStream(hdrSeedsFor(d.id, options.seed)).fill(defaultDistribution(d).spec, new Float64Array(n))]));
  const grid: CellPlan[][] = Array.from({ length: n }, (_, k) => [{ v: k + 1 }]);
  // one formula per column with the row left open (ROW_SLOT), filled in per trial: building each cell's text from scratch costs seconds at the budget
  for (const d of drawn) {
    const column = drawColumn.get(d.id)!;
    const cached = columns.get(d.id)!;
    const u = hdrFormula(`$A${ROW_SLOT}`, { entity: SIM_NAMES.entity, varId: `${columnLetter(column)}$${varIdRow}`, seed3: SIM_NAMES.seed, seed4: '0' });
    const parts = `=${nativeDraw(d, u)!}`.split(ROW_SLOT);
    for (let k = 0; k < n; k++) grid[k]![column - 1] = { f: parts.join(String(first + k)), cached: cached[k]! };
  }
  const summaries = claimColumns.map((c) => {
    const model = claimVectorModel(c.claim, values.inUse);
    const cols = model.inputs.map((i) => columns.get(i.id) ?? new Float64Array(n).fill(i.base));
    const out = new Float64Array(n);
    model.evaluate(cols, n, out);
    const dialect = nativeDialect((id) => (drawColumn.has(id) ? `${columnLetter(drawColumn.get(id)!)}${ROW_SLOT}` : id));
    const valueParts = `=IFERROR(${renderExpr(c.claim.recomputeExpr, dialect)},"")`.split(ROW_SLOT);
    const deciding = c.claim.compiledChecks.filter((ch) => ch.role === 'decides' && ch.valueExpr === c.claim.recomputeExpr);
    const valueCell = `${columnLetter(c.value)}${ROW_SLOT}`;
    const holdsParts = `=IF(ISNUMBER(${valueCell}),IFERROR(IF(AND(${deciding.map((ch) => checkConditionFormula(ch, valueCell)).join(',')}),1,0),0),0)`.split(ROW_SLOT);
    let held = 0;
    for (let k = 0; k < n; k++) {
      const row = String(first + k);
      const v = out[k]!;
      grid[k]![c.value - 1] = { f: valueParts.join(row), cached: Number.isFinite(v) ? v : '' };
      if (c.holds !== undefined) {
        const holds = Number.isFinite(v) && model.holds(v) ? 1 : 0;
        held += holds;
        grid[k]![c.holds - 1] = { f: holdsParts.join(row), cached: holds };
      }
    }
    const finite = out.filter(Number.isFinite);
    const [p5, p50, p95] = percentilesInPlace(Float64Array.from(finite), finite.length, [0.05, 0.5, 0.95]);
    const mean = finite.length ? finite.reduce((s, x) => s + x, 0) / finite.length : NaN;
    return { ...c, pHolds: held / n, mean, p5: p5!, p50: p50!, p95: p95!, finite: finite.length };
  });

  const header = (v: string): CellPlan => ({ v, bold: true, fmt: '@' });
  const range = (column: number): string => `${cellAddress(first, column, true)}:${cellAddress(last, column, true)}`;
  const orBlank = (x: number): number | string => (Number.isFinite(x) ? x : '');
  const rows: CellPlan[][] = [
    [header(text.title), { v: text.intro, fmt: '@' }],
    [{ v: text.trials, fmt: '@' }, { v: n }, { v: text.trialsNote, fmt: '@' }],
    [{ v: text.seed, fmt: '@' }, { v: options.seed }, { v: text.seedNote, fmt: '@' }],
    [{ v: text.entity, fmt: '@' }, { v: HDR_DEFAULT_ENTITY }, { v: text.entityNote, fmt: '@' }],
    [],
    [],
    text.summaryHeaders.map(header),
    ...summaries.map((s): CellPlan[] => {
      const values = range(s.value);
      const stat = (f: string, cached: number): CellPlan => ({ f: `=IF(COUNT(${values})=0,"",${f})`, cached: orBlank(cached) });
      return [
        { v: s.claim.id, fmt: '@' },
        s.holds !== undefined ? { f: `=SUM(${range(s.holds)})/${SIM_NAMES.trials}`, cached: s.pHolds, fmt: '0.0%' } : { v: text.noVerdict, fmt: '@' },
        stat(`AVERAGE(${values})`, s.mean),
        stat(`PERCENTILE.INC(${values},0.05)`, s.p5),
        stat(`PERCENTILE.INC(${values},0.5)`, s.p50),
        stat(`PERCENTILE.INC(${values},0.95)`, s.p95),
        { f: `=COUNT(${values})`, cached: s.finite },
        { v: s.inputs.map((i) => i.id).filter((id) => drawColumn.has(id)).join(', '), fmt: '@' },
      ];
    }),
    [],
    ...(omitted.length ? [[{ v: text.omitted(omitted, options.budget ?? SIM_CELL_BUDGET), fmt: '@' }], []] : []),
  ];
  rows.length = varIdRow - 1;
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  const varIds: CellPlan[] = [header(text.varIdRow), ...drawn.map((d) => ({ v: hdrVarId(d.id) }))];
  const headers: CellPlan[] = [header(text.trial), ...drawn.map((d) => header(d.id))];
  for (const c of claimColumns) {
    headers[c.value - 1] = header(c.claim.id);
    if (c.holds !== undefined) headers[c.holds - 1] = header(`${c.claim.id} ${text.holdsSuffix}`);
  }
  const names: NamePlan[] = [
    { name: SIM_NAMES.trials, sheet: SHEETS.simulation, address: cellAddress(SIM_ROWS.trials, 2, true), comment: 'Trials of the Simulation sheet (its rows)' },
    { name: SIM_NAMES.seed, sheet: SHEETS.simulation, address: cellAddress(SIM_ROWS.seed, 2, true), comment: 'Seed of the Simulation sheet (HDR seed3)' },
    { name: SIM_NAMES.entity, sheet: SHEETS.simulation, address: cellAddress(SIM_ROWS.entity, 2, true), comment: 'HDR entity of the Simulation sheet' },
    ...summaries.flatMap((s, i) =>
      s.holds === undefined ? [] : [{ name: simHoldsName(s.claim.id), sheet: SHEETS.simulation, address: cellAddress(SIM_ROWS.summaryHeader + 1 + i, SIM_SUMMARY_COLUMNS.pHolds, true), comment: `P(holds) of ${s.claim.id} over the simulated trials` }],
    ),
  ];
  const width = Math.max(9, next - 1);
  return {
    sheet: {
      name: SHEETS.simulation,
      cells: [...rows, varIds, headers, ...grid],
      columnWidths: Array.from({ length: width }, (_, i) => (i === 0 ? 30 : i === 1 ? 16 : 14)),
      tables: [],
      conditionalFormats: [],
      validations: [],
      charts: [],
      freezeRows: 0,
    },
    names,
    omitted,
  };
}

/** Most trials the pane writes: one claim's sheet then stays under Excel on the web's 5 MB request. */
export const PANE_SIM_MAX_TRIALS = 1000;

/**
 * The Simulation sheet of one claim, as the pane's Write to workbook adds it beside the Stress sheet
 * after an HDR run: the run's seed, its samples (at most {@link PANE_SIM_MAX_TRIALS}) as trials.
 */
export function claimSimulationSheet(input: PlanInput, claimId: string, run: { samples: number; seed: number }, overrides: ReadonlyMap<string, number>) {
  const trials = Math.min(run.samples, PANE_SIM_MAX_TRIALS);
  return { trials, ...simulationSheet(input, { base: overrides, inUse: overrides }, { trials, seed: run.seed, claims: [claimId] }) };
}
