import {
  auditClaim,
  describeMarginIn,
  nativeDialect,
  nativeVerdictFormula,
  type Claim,
  type ClaimAudit,
} from '../model/claims/index.js';
import { renderExpr, type FormulaDialect } from '../model/expr/index.js';
import { UNITS } from '../model/units/index.js';
import { scenarioDisplayName } from '../model/scenarios/index.js';
import { cellAddress, columnLetter, rangeAddress, sheetRef } from './a1.js';
import { BASELINE, SHEETS, type Layout, type PlanInput } from './context.js';
import { FIGURES_IN_USE_NAME } from './figures-sheet.js';
import type { CellPlan, ConditionalFormatPlan, SheetPlan } from './types.js';
import { TEXT, type Lang, type VerdictCode } from '../text/index.js';

export const VERDICT_STYLES: Readonly<Record<string, { fill: string; fontColor: string }>> = {
  consistent: { fill: '#C6EFCE', fontColor: '#006100' },
  inconsistent: { fill: '#FFC7CE', fontColor: '#9C0006' },
  implausible: { fill: '#FFEB9C', fontColor: '#9C5700' },
  unverifiable: { fill: '#EDEDED', fontColor: '#595959' },
};

/**
 * One conditional format per verdict over `range`, keyed on the language-neutral verdict code in
 * `codeTopLeft` (relative), so the colours hold whatever language the words are shown in.
 */
export function verdictFormats(range: string, codeTopLeft: string): ConditionalFormatPlan[] {
  return Object.entries(VERDICT_STYLES).map(([verdict, style]) => ({ range, formula: `=${codeTopLeft}="${verdict}"`, ...style }));
}

/**
 * The verdict word in the workbook's language, read from the verdict code in `codeCell`: the code
 * itself in English (the words are the codes), a nested IF in Chinese (IF, not SWITCH: Excel 2016).
 */
export function verdictWordFormula(codeCell: string, lang: Lang): string {
  const words = TEXT[lang].verdicts;
  const codes = Object.keys(words) as VerdictCode[];
  if (codes.every((c) => words[c] === c)) return `=${codeCell}`;
  const last = codes[codes.length - 1]!;
  const body = codes.slice(0, -1).reduceRight((rest, c) => `IF(${codeCell}="${c}","${words[c]}",${rest})`, `IF(${codeCell}="${last}","${words[last]}",${codeCell})`);
  return `=${body}`;
}

/** The verdict word for a code, as the cell's cached value. */
export const verdictWord = (code: string, lang: Lang): string => (TEXT[lang].verdicts as Record<string, string>)[code] ?? code;

/**
 * 1-based columns of the Claims sheet. `verdictCode` holds the native verdict formula's code
 * (consistent, inconsistent, implausible, unverifiable) in every language; `verdict` shows it as a word.
 */
export const CLAIM_COLUMNS = { id: 1, stated: 4, recomputed: 5, custom: 6, difference: 7, tolerance: 8, verdict: 9, margin: 11, bound: 13, verdictCode: 14 } as const;

const text = (v: string): CellPlan => ({ v, fmt: '@' });
const header = (v: string): CellPlan => ({ v, bold: true });

/** Claims: statement, stated value, native and CLAIM.* recomputations, difference, tolerance, native verdict. */
export function claimsSheet(input: PlanInput, audits: readonly ClaimAudit[]): SheetPlan {
  const zh = input.lang === 'zh';
  const t = TEXT[input.lang].sheets.claims;
  const marginJoin = zh ? '；' : '; ';
  const rows: CellPlan[][] = [
    [
      t.id, t.paragraph, t.statement, t.stated, t.recomputedNative,
      input.includeCustomFunctions ? t.recomputedCustom : t.customFormulaText,
      t.difference, t.tolerance, t.verdict, t.reason,
      // Live through CLAIM.CHECK where the add-in is; a snapshot, and headed so, in the portable file.
      input.includeCustomFunctions ? t.margin : t.marginAtExport, t.unit, t.comparedWith, t.verdictCode,
    ].map(header),
  ];
  input.claims.claims.forEach((claim: Claim, i) => {
    const audit = audits[i]!;
    const row = i + 2;
    const format = UNITS[claim.unit].numberFormat;
    // The first check that can set the verdict; explaining checks only annotate the reason.
    const firstIndex = claim.compiledChecks.findIndex((c) => c.role === 'decides');
    const first = firstIndex < 0 ? undefined : claim.compiledChecks[firstIndex];
    const firstResult = firstIndex < 0 ? undefined : audit.checks[firstIndex];
    const recomputedCell = cellAddress(row, CLAIM_COLUMNS.recomputed);
    const statedCell = cellAddress(row, CLAIM_COLUMNS.stated);
    const boundCell = cellAddress(row, CLAIM_COLUMNS.bound);
    const valueText = first && first.valueExpr !== claim.recomputeExpr ? `(${renderExpr(first.valueExpr, nativeDialect())})` : recomputedCell;
    // Stated holds only what the article states: the article side of the first check, or the figure a claim reads as it stands.
    const statedExpr = first?.against === 'article' ? first.statedExpr : claim.echoesFigure ? claim.recomputeExpr : undefined;
    const statedCached = first?.against === 'article' ? (firstResult?.stated ?? null) : claim.echoesFigure ? audit.recomputed : null;
    const against = first?.against === 'article' ? statedCell : boundCell;
    // Differences of percentages in points (×100), of dates in days.
    const points = UNITS[claim.unit].isFraction;
    const differenceFormat = points ? '0.0##' : claim.unit === 'date' ? '0' : format;
    const rawDifference = firstResult?.value != null && firstResult.stated != null ? firstResult.value - firstResult.stated : null;
    rows.push([
      text(claim.id),
      text(claim.paragraphs.join(', ')),
      text(zh ? claim.statementZh : claim.statementEn),
      statedExpr ? { f: `=${renderExpr(statedExpr, nativeDialect())}`, cached: statedCached, fmt: format } : { v: null },
      { f: audit.nativeFormula, cached: audit.recomputed, fmt: format },
      input.includeCustomFunctions ? { f: audit.formula, cached: audit.recomputed, fmt: format } : text(audit.formula.slice(1)),
      first
        ? { f: points ? `=(${valueText}-${against})*100` : `=${valueText}-${against}`, cached: rawDifference === null ? null : points ? rawDifference * 100 : rawDifference, fmt: differenceFormat }
        : { v: null },
      first?.compare === 'approx' ? { v: points ? (first.tolerance ?? 0) * 100 : (first.tolerance ?? 0), fmt: differenceFormat } : { v: null },
      { f: verdictWordFormula(`$${columnLetter(CLAIM_COLUMNS.verdictCode)}${row}`, input.lang), cached: verdictWord(audit.verdict, input.lang) },
      text(zh ? audit.reasonZh : audit.reason),
      input.includeCustomFunctions
        ? { f: `=CLAIM.CHECK("${claim.id}","${zh ? 'margin_zh' : 'margin'}",${FIGURES_IN_USE_NAME})`, cached: audit.margins.map((m) => describeMarginIn(m, input.lang)).join(marginJoin) }
        : text(audit.margins.map((m) => describeMarginIn(m, input.lang)).join(marginJoin)),
      text(zh ? UNITS[claim.unit].labelZh : UNITS[claim.unit].labelEn),
      first && first.against !== 'article' ? { f: `=${renderExpr(first.statedExpr, nativeDialect())}`, cached: firstResult?.stated ?? null, fmt: format } : { v: null },
      { f: nativeVerdictFormula(claim, recomputedCell), cached: audit.verdict },
    ]);
  });
  const last = input.claims.claims.length + 1;
  const verdictColumn = columnLetter(CLAIM_COLUMNS.verdict);
  const codeColumn = columnLetter(CLAIM_COLUMNS.verdictCode);
  return {
    name: SHEETS.claims,
    cells: rows,
    // Statement, Reason and Margin wrap (print.ts): narrower, so the sheet prints readably on two pages across.
    columnWidths: [26, 5, 40, 13, 14, 14, 12, 10, 13, 48, 40, 10, 16, 10],
    tables: [{ name: 'ClaimCellClaims', range: rangeAddress(1, 1, last, CLAIM_COLUMNS.verdictCode) }],
    conditionalFormats: [
      ...verdictFormats(`${verdictColumn}2:${verdictColumn}${last}`, `$${codeColumn}2`),
      ...verdictFormats(`${codeColumn}2:${codeColumn}${last}`, `$${codeColumn}2`),
    ],
    validations: [],
    charts: [],
    freezeRows: 1,
  };
}

/**
 * Scenario summary: like Excel's Scenario Manager summary, but live formulas — the changing
 * inputs per scenario (changed cells highlighted), then every claim's recomputation and verdict
 * under every scenario, each column pointing at that scenario's cells in the Scenarios sheet.
 */
export function summarySheet(
  input: PlanInput,
  layout: Layout,
  auditsByScenario: readonly (readonly ClaimAudit[])[],
  /** The user's readable claims (MyClaims) and their audits per scenario: listed after the article's, under their own heading. */
  mine: { readonly claims: readonly Claim[]; readonly audits: readonly (readonly ClaimAudit[])[] } = { claims: [], audits: [] },
): SheetPlan {
  const scenarioNames = [BASELINE, ...input.scenarios.map((s) => s.name)];
  const scen = sheetRef(SHEETS.scenarios);
  const dialectFor = (k: number): FormulaDialect =>
    nativeDialect((id) => {
      const row = layout.figureRow.get(id);
      if (row === undefined) return id; // a reference: its defined name is the same in every scenario
      const r = layout.scenariosFirstRow + row - 2;
      const article = `${scen}!${cellAddress(r, layout.articleColumn, true)}`;
      if (k === 0) return article;
      const override = `${scen}!${cellAddress(r, layout.articleColumn + k, true)}`;
      return `IF(${override}="",${article},${override})`;
    });
  const t = TEXT[input.lang].sheets.summary;
  const shownNames = [TEXT[input.lang].sheets.scenarios.articleColumn, ...input.scenarios.map((s) => scenarioDisplayName(s, input.lang))];
  const header = (label: string): CellPlan[] => [{ v: label, bold: true }, ...shownNames.map((n) => ({ v: n, bold: true, fmt: '@' }))];
  const rows: CellPlan[][] = [[{ v: t.title, bold: true }], [], header(t.changingInputs)];
  const changed = input.figures.filter((f) => input.scenarios.some((s) => s.overrides.has(f.id)));
  const inputsTop = rows.length + 1;
  for (const figure of changed) {
    const format = UNITS[figure.unit].numberFormat;
    rows.push([
      { v: figure.id, fmt: '@' },
      ...scenarioNames.map((_, k): CellPlan => ({
        f: `=${dialectFor(k).id(figure.id)}`,
        cached: k === 0 ? null : input.scenarios[k - 1]!.overrides.get(figure.id) ?? null,
        fmt: format,
      })),
    ]);
  }
  const inputsBottom = rows.length;
  // The article's claims, then the user's under a heading of their own (their figures are names,
  // the same in every scenario). Every block lists the same entries, so a verdict word's code sits
  // at the same offset in the code block.
  type Entry = { readonly heading: string } | { readonly claim: Claim; readonly audits: (k: number) => ClaimAudit };
  const entries: Entry[] = [
    ...input.claims.claims.map((claim, i): Entry => ({ claim, audits: (k) => auditsByScenario[k]![i]! })),
    ...(mine.claims.length ? [{ heading: t.yours }] : []),
    ...mine.claims.map((claim, i): Entry => ({ claim, audits: (k) => mine.audits[k]![i]! })),
  ];
  const block = (cells: (claim: Claim, audit: (k: number) => ClaimAudit, j: number) => CellPlan[]): void =>
    entries.forEach((e, j) => rows.push('heading' in e ? [{ v: e.heading, bold: true, fmt: '@' }] : [{ v: e.claim.id, fmt: '@' }, ...cells(e.claim, e.audits, j)]));
  rows.push([], header(t.recomputed));
  block((claim, audit) => {
    const format = UNITS[claim.unit].numberFormat;
    return scenarioNames.map((_, k): CellPlan => ({ f: `=${renderExpr(claim.recomputeExpr, dialectFor(k))}`, cached: audit(k).recomputed, fmt: format }));
  });
  // The verdict words, then the codes they are read from: formulas and colours test the codes.
  const count = entries.length;
  rows.push([], header(t.verdict));
  const verdictTop = rows.length + 1;
  const codeTop = verdictTop + count + 2;
  block((_claim, audit, j) => scenarioNames.map((_, k): CellPlan => ({ f: verdictWordFormula(cellAddress(codeTop + j, 2 + k), input.lang), cached: verdictWord(audit(k).verdict, input.lang) })));
  const verdictBottom = rows.length;
  rows.push([], header(t.verdictCode));
  block((claim, audit) => scenarioNames.map((_, k): CellPlan => ({ f: nativeVerdictFormula(claim, undefined, dialectFor(k)), cached: audit(k).verdict })));
  const codeBottom = rows.length;
  const lastCol = scenarioNames.length + 1;
  const formats: ConditionalFormatPlan[] = [
    ...verdictFormats(rangeAddress(verdictTop, 2, verdictBottom, lastCol), cellAddress(codeTop, 2)),
    ...verdictFormats(rangeAddress(codeTop, 2, codeBottom, lastCol), cellAddress(codeTop, 2)),
  ];
  if (changed.length && scenarioNames.length > 1) {
    formats.push({
      range: rangeAddress(inputsTop, 3, inputsBottom, lastCol),
      formula: `=${cellAddress(inputsTop, 3)}<>$B${inputsTop}`,
      fill: '#DDEBF7',
      fontColor: '#1F3864',
    });
  }
  return {
    name: SHEETS.summary,
    cells: rows,
    columnWidths: [30, ...scenarioNames.map(() => 16)],
    tables: [],
    conditionalFormats: formats,
    validations: [],
    charts: [],
    freezeRows: 0,
  };
}

/**
 * Audits under each scenario, Article first; the plan's cached values come from these. `claims`
 * and `withValues` for the user's claims: theirs, audited with their figures under the scenario's values.
 */
export function auditsForScenarios(
  input: PlanInput,
  baseOverrides: ReadonlyMap<string, number>,
  claims: readonly Claim[] = input.claims.claims,
  withValues: (overrides: ReadonlyMap<string, number>) => ReadonlyMap<string, number> = (o) => o,
): ClaimAudit[][] {
  const auditUnder = (overrides: ReadonlyMap<string, number>): ClaimAudit[] => claims.map((claim) => auditClaim(claim, withValues(overrides), { margins: false }));
  return [auditUnder(baseOverrides), ...input.scenarios.map((s) => auditUnder(new Map([...baseOverrides, ...s.overrides])))];
}
