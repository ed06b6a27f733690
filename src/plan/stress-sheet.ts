/**
 * Stress sheets, as plans (pure, no Office):
 * - `Stress`: one claim's stress test, written on demand from the task pane (src/excel/stress.ts):
 *   the one-line reading, a tornado table with a native bar chart, a Monte Carlo histogram table
 *   with a native column chart, and a two-way table of native formulas over the defined names;
 * - `Stress tables`: part of the main workbook plan (fill and .xlsx export): two-way tables of
 *   native formulas for claims with two inputs, whose header values follow the values in use.
 * Two-way body cells are the claim's recomputation rendered by `nativeDialect` with the two moved
 * ids mapped to the row and column header cells; every other id stays its defined name, so the
 * tables recalculate in Excel (or LibreOffice) with no add-in.
 */
import { noSpreadNote } from '../model/stress/spread.js';
import { claimVectorModel, formatValue, getClaim, nativeDialect, type Claim, type Overrides } from '../model/claims/index.js';
import { renderExpr } from '../model/expr/index.js';
import { figureValue, getFigure } from '../model/figures/index.js';
import { twoWayTable } from '../model/stress/index.js';
import {
  tornadoForClaim,
  twoWayForClaim,
  type ClaimTornado,
  type ClaimTwoWay,
  type OwnClaims,
} from '../model/stress/claims.js';
import { monteCarloForClaim, type ClaimMonteCarlo } from '../model/stress/claim-montecarlo.js';
import { UNITS, type UnitId } from '../model/units/index.js';
import type { ClaimDrivers } from '../model/stress/claim-drivers.js';
import { convergenceReading, precisionOf, type ClaimConvergedMonteCarlo } from '../model/stress/claim-precision.js';
import { formatHalfWidth } from '../model/stress/convergence.js';
import { driversRows } from './stress-drivers.js';
import { cellAddress, columnLetter, rangeAddress } from './a1.js';
import { SHEETS, type Layout, type PlanInput, type PlanValues } from './context.js';
import { TEXT } from '../text/index.js';
import type { CellPlan, ChartPlan, SheetPlan, TablePlan } from './types.js';

export const STRESS_SHEET = SHEETS.stress;
export const STRESS_TABLES_SHEET = SHEETS.stressTables;
/** Names of the Excel tables and charts on the Stress sheet. */
export const STRESS_OBJECTS = {
  tornadoTable: 'ClaimCellStressTornado',
  histogramTable: 'ClaimCellStressHistogram',
  tornadoChart: 'ClaimCellTornadoChart',
  histogramChart: 'ClaimCellHistogramChart',
} as const;

const text = (v: string): CellPlan => ({ v, fmt: '@' });
const bold = (v: string): CellPlan => ({ v, bold: true, fmt: '@' });
const num = (v: number, fmt: string): CellPlan => ({ v: Number.isFinite(v) ? v : null, fmt });
const fmtOf = (unit: string | undefined): string => (unit && unit in UNITS ? UNITS[unit as UnitId].numberFormat : 'General');
const cached = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** Rows of a two-way table of native formulas starting at `top` (1-based), column A first. */
function twoWayRows(
  claim: Claim,
  inputA: string,
  gridA: readonly (CellPlan & { value: number })[],
  inputB: string,
  gridB: readonly (CellPlan & { value: number })[],
  values: readonly (readonly number[])[],
  top: number,
  corner: string,
): CellPlan[][] {
  const unitA = fmtOf(getFigure(inputA)?.unit);
  const unitB = fmtOf(getFigure(inputB)?.unit);
  const out = fmtOf(claim.unit);
  const rows: CellPlan[][] = [[text(corner), ...gridB.map(({ value: _v, ...c }) => ({ fmt: unitB, bold: true, ...c }))]];
  gridA.forEach(({ value: _v, ...headerA }, i) => {
    const r = top + 1 + i;
    rows.push([
      { fmt: unitA, bold: true, ...headerA },
      ...gridB.map((_b, j): CellPlan => {
        const colRef = `${columnLetter(2 + j)}$${top}`;
        const dialect = nativeDialect((id) => (id === inputA ? `$A${r}` : id === inputB ? colRef : id));
        return { f: `=${renderExpr(claim.recomputeExpr, dialect)}`, cached: cached(values[i]![j]!), fmt: out };
      }),
    ]);
  });
  return rows;
}

/** What a Stress sheet shows; the Monte Carlo and two-way parts are optional. */
export interface StressRun {
  readonly tornado: ClaimTornado;
  /** What drives a flip (the pane's last drivers run for this claim), written below the two-way table. */
  readonly drivers?: ClaimDrivers;
  readonly monteCarlo?: ClaimMonteCarlo;
  readonly twoWay?: ClaimTwoWay;
  readonly lang?: 'en' | 'zh';
  /** Which values the run used, as the caller labels them (e.g. "Values: scenario “High”"). */
  readonly valuesLabel?: string;
  /** The claim, when it is one of the user's (MyClaims); the article's are looked up by id. */
  readonly claim?: Claim;
}

export interface StressRunOptions {
  readonly samples?: number;
  readonly seed?: number | string;
  readonly lang?: 'en' | 'zh';
  readonly steps?: number;
  /** A Monte Carlo run already made at the same values (the pane's), used as it is; null for none (nothing was shown). */
  readonly monteCarlo?: ClaimMonteCarlo | null;
  /** The values in use (figure overrides); every part of the run is computed at them. */
  readonly overrides?: Overrides;
  /** The user's claims (MyClaims), so `id` may be one of them; `overrides` then holds the user's figures too. */
  readonly mine?: OwnClaims;
  readonly valuesLabel?: string;
  /** A drivers run already made at the same values (the pane's), written as it is. */
  readonly drivers?: ClaimDrivers | null;
}

/** Runs the analyses a Stress sheet shows for one claim (two-way over its two most influential inputs). */
export function stressRunForClaim(id: string, options: StressRunOptions = {}): StressRun {
  const values = { ...(options.overrides ? { overrides: options.overrides } : {}), ...(options.mine ? { mine: options.mine } : {}) };
  const own = getClaim(id) ? undefined : options.mine?.claims.find((c) => c.id.toUpperCase() === id.trim().toUpperCase());
  const tornado = tornadoForClaim(id, values);
  const monteCarlo = options.monteCarlo === null ? undefined : options.monteCarlo ?? monteCarloForClaim(id, { samples: options.samples ?? 10_000, seed: options.seed ?? 1, ...values });
  const [a, b] = tornado.bars;
  const twoWay = a && b ? twoWayForClaim(id, a.id, b.id, { steps: options.steps ?? 5, ...values }) : undefined;
  return { tornado, ...(monteCarlo ? { monteCarlo } : {}), ...(twoWay ? { twoWay } : {}), ...(options.drivers ? { drivers: options.drivers } : {}), ...(options.lang ? { lang: options.lang } : {}), ...(options.valuesLabel ? { valuesLabel: options.valuesLabel } : {}), ...(own ? { claim: own } : {}) };
}

/** Where the parts of a Stress sheet are, for the writer and tests (1-based rows). */
export interface StressSheetLayout {
  readonly tornadoHeaderRow: number;
  readonly histogramHeaderRow?: number;
  readonly twoWayHeaderRow?: number;
  readonly driversHeaderRow?: number;
}

/**
 * The Stress sheet plan for one claim. Columns A–F: the tornado table (input, low, high, output at
 * low, output at high, swing) and, beside it in H–J, the chart data (each input's output change
 * from the base, smallest swing first so the largest bar is on top); then the histogram table
 * (bin from, bin to, bin label, count); then the two-way table of native formulas.
 */
export function stressSheet(run: StressRun): { sheet: SheetPlan; layout: StressSheetLayout } {
  const zh = run.lang === 'zh';
  const words = TEXT[run.lang ?? 'en'].sheets.stress;
  const t = run.tornado;
  const claim = run.claim ?? getClaim(t.claimId)!;
  const out = fmtOf(claim.unit);
  const rows: CellPlan[][] = [];
  const tables: TablePlan[] = [];
  const charts: ChartPlan[] = [];
  const reading = run.monteCarlo?.reading ?? t.reading;
  rows.push([bold(words.title(claim.id))]);
  rows.push([text(zh ? claim.statementZh : claim.statementEn)]);
  rows.push([text(zh ? reading.zh : reading.en)]);
  rows.push(run.valuesLabel ? [text(run.valuesLabel)] : []);

  // tornado
  rows.push([bold(words.tornado(t.pct))]);
  const baseRow = rows.length + 1;
  rows.push([
    text(words.baseOutput),
    { f: `=${renderExpr(claim.recomputeExpr, nativeDialect())}`, cached: cached(t.baseOutput), fmt: out },
  ]);
  const tornadoHeaderRow = rows.length + 1;
  rows.push([...words.tornadoColumns.map(bold), {}, ...words.chartColumns.map(bold)]);
  const n = t.bars.length;
  t.bars.forEach((b, i) => {
    const r = tornadoHeaderRow + 1 + i;
    // chart block row i shows bar n-1-i (smallest first: Excel draws the first category at the bottom)
    const cr = tornadoHeaderRow + 1 + (n - 1 - i);
    const f = fmtOf(b.unit);
    rows.push([
      text(b.id),
      num(b.inputLow, f),
      num(b.inputHigh, f),
      num(b.outputAtLow, out),
      num(b.outputAtHigh, out),
      { f: `=ABS(E${r}-D${r})`, cached: cached(Math.abs(b.outputAtHigh - b.outputAtLow)), fmt: out },
      {},
      { f: `=A${cr}`, cached: t.bars[n - 1 - i]!.id, fmt: '@' },
      { f: `=D${cr}-$B$${baseRow}`, cached: cached(t.bars[n - 1 - i]!.outputAtLow - t.baseOutput), fmt: out },
      { f: `=E${cr}-$B$${baseRow}`, cached: cached(t.bars[n - 1 - i]!.outputAtHigh - t.baseOutput), fmt: out },
    ]);
  });
  const tornadoLast = tornadoHeaderRow + n;
  tables.push({ name: STRESS_OBJECTS.tornadoTable, range: rangeAddress(tornadoHeaderRow, 1, tornadoLast, 6) });
  charts.push({
    name: STRESS_OBJECTS.tornadoChart,
    type: 'BarClustered',
    source: rangeAddress(tornadoHeaderRow, 8, tornadoLast, 10),
    title: words.tornadoChart(claim.id),
    anchor: cellAddress(1, 12),
  });
  rows.push([]);

  // Monte Carlo histogram
  let histogramHeaderRow: number | undefined;
  const mc = run.monteCarlo;
  if (mc) {
    const p = mc.probabilityHolds;
    const hw = formatHalfWidth(precisionOf(mc), run.lang ?? 'en');
    rows.push([
      bold(words.monteCarlo(mc.samples, String(mc.seed), p, hw)),
    ]);
    const stop = (mc as Partial<ClaimConvergedMonteCarlo>).convergence;
    if (stop) rows.push([text(zh ? convergenceReading(stop).zh : convergenceReading(stop).en)]);
    rows.push([
      text(words.mean), num(mc.mean, out),
      text(words.sd), num(mc.sd, out),
      text('P5'), num(mc.percentiles.p5, out),
      text('P95'), num(mc.percentiles.p95, out),
    ]);
    histogramHeaderRow = rows.length + 1;
    rows.push(words.histogramColumns.map(bold));
    const e = mc.histogram.edges;
    mc.histogram.counts.forEach((c, k) => {
      rows.push([num(e[k]!, out), num(e[k + 1]!, out), text(`${formatValue(e[k]!, claim.unit)}–${formatValue(e[k + 1]!, claim.unit)}`), { v: c }]);
    });
    const last = histogramHeaderRow + mc.histogram.counts.length;
    const flat = noSpreadNote(mc);
    if (flat) rows.push([text(zh ? flat.zh : flat.en)]);
    tables.push({ name: STRESS_OBJECTS.histogramTable, range: rangeAddress(histogramHeaderRow, 1, last, 4) });
    charts.push({
      name: STRESS_OBJECTS.histogramChart,
      type: 'ColumnClustered',
      source: rangeAddress(histogramHeaderRow, 3, last, 4),
      title: words.histogramChart(claim.id, mc.samples),
      anchor: cellAddress(18, 12),
    });
    rows.push([]);
  }

  // two-way table of native formulas
  let twoWayHeaderRow: number | undefined;
  const tw = run.twoWay;
  if (tw) {
    rows.push([bold(words.twoWay(tw.inputA, tw.inputB))]);
    twoWayHeaderRow = rows.length + 1;
    const header = (v: number) => ({ v, value: v });
    rows.push(...twoWayRows(claim, tw.inputA, tw.gridA.map(header), tw.inputB, tw.gridB.map(header), tw.rows, twoWayHeaderRow, `${tw.inputA} \\ ${tw.inputB}`));
  }

  // what drives a flip (values from the engine's trials)
  let driversHeaderRow: number | undefined;
  if (run.drivers && run.drivers.claimId === claim.id) {
    rows.push([]);
    driversHeaderRow = rows.length + 3;
    rows.push(...driversRows(run.drivers, zh));
  }

  const width = Math.max(10, ...rows.map((r) => r.length));
  return {
    sheet: {
      name: STRESS_SHEET,
      cells: rows,
      columnWidths: [30, 14, 14, 16, 16, 14, 3, 20, 16, 16, ...Array.from({ length: width - 10 }, () => 14)],
      tables,
      conditionalFormats: [],
      validations: [],
      charts,
      freezeRows: 0,
    },
    layout: {
      tornadoHeaderRow,
      ...(histogramHeaderRow ? { histogramHeaderRow } : {}),
      ...(twoWayHeaderRow ? { twoWayHeaderRow } : {}),
      ...(driversHeaderRow ? { driversHeaderRow } : {}),
    },
  };
}

// ---- Stress tables (main workbook plan) ---------------------------------------------------------

/** The claims and input pairs the Stress tables sheet shows (rows × columns). */
export const STRESS_TABLES: readonly { readonly claim: string; readonly rows: string; readonly columns: string }[] = [
  { claim: 'TARIFF_IMPLIED_BASE', rows: 'TARIFF_REVENUE_TARGET_P1', columns: 'AI_CHIP_TARIFF_RATE' },
  { claim: 'OFFICIAL_UST_GDP_RATIO', rows: 'OFFICIAL_UST_HOLDINGS', columns: 'WORLD_GDP' },
  { claim: 'TARIFF_FILLS_DEFICIT', rows: 'TARIFF_REVENUE_TARGET_P14', columns: 'US_DEFICIT_2025' },
];

/** Header values of the Stress tables: the value in use times these factors (−20% … +20%). */
export const STRESS_TABLE_FACTORS = [0.8, 0.9, 1, 1.1, 1.2] as const;

/** Where each table of the Stress tables sheet starts (1-based header row), for tests. */
export function stressTablesLayout(): { claim: string; rows: string; columns: string; headerRow: number }[] {
  return STRESS_TABLES.map((t, i) => ({ ...t, headerRow: 4 + i * (STRESS_TABLE_FACTORS.length + 4) }));
}

/**
 * The `Stress tables` sheet of the main workbook: for each claim of {@link STRESS_TABLES}, its
 * recomputation over a 5×5 grid of two inputs at −20% … +20% of the value in use. Header cells are
 * formulas on the defined names (`=NAME*0.9`), body cells the claim's native recomputation with the
 * two ids mapped to the header cells, so the table follows edits and the active scenario. Cached
 * values come from the model at the values in use.
 */
export function stressTablesSheet(input: PlanInput, _layout: Layout, values?: PlanValues): SheetPlan {
  const zh = input.lang === 'zh';
  const inUse =
    values?.inUse ??
    new Map([
      ...input.figures.filter((f) => typeof f.value === 'number').map((f): [string, number] => [f.id, input.baseValues?.get(f.id) ?? figureValue(f)]),
      ...(input.scenarios.find((s) => s.name === input.activeScenario)?.overrides ?? []),
    ]);
  const rows: CellPlan[][] = [
    [bold(TEXT[input.lang].sheets.stress.tablesTitle)],
    [],
  ];
  for (const spec of stressTablesLayout()) {
    const claim = getClaim(spec.claim);
    if (!claim) continue;
    const model = claimVectorModel(claim, inUse);
    const a = model.inputs.find((x) => x.id === spec.rows)!;
    const b = model.inputs.find((x) => x.id === spec.columns)!;
    const gA = STRESS_TABLE_FACTORS.map((k) => a.base * k);
    const gB = STRESS_TABLE_FACTORS.map((k) => b.base * k);
    const table = twoWayTable(model, a.id, gA, b.id, gB);
    while (rows.length < spec.headerRow - 2) rows.push([]);
    rows.push([bold(`${claim.id}: ${zh ? claim.statementZh : claim.statementEn}`)]);
    const header = (id: string, g: readonly number[]) => STRESS_TABLE_FACTORS.map((k, j) => ({ f: `=${id}*${k}`, cached: g[j]!, value: g[j]! }));
    rows.push(...twoWayRows(claim, a.id, header(a.id, gA), b.id, header(b.id, gB), table.rows.map((r) => Array.from(r)), spec.headerRow, `${a.id} \\ ${b.id}`));
  }
  return {
    name: STRESS_TABLES_SHEET,
    cells: rows,
    columnWidths: [34, 14, 14, 14, 14, 14],
    tables: [],
    conditionalFormats: [],
    validations: [],
    charts: [],
    freezeRows: 0,
  };
}
