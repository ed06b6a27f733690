/**
 * A workbook plan: a pure description of everything ClaimCell puts in a workbook.
 * The Office.js writer (src/excel) and the portable .xlsx export both read this one plan.
 */

/** One cell: a constant (`v`) or a formula (`f`, with the model's `cached` result for viewers that don't recalculate). */
export interface CellPlan {
  readonly v?: number | string | boolean | null;
  readonly f?: string;
  readonly cached?: number | string | boolean | null;
  /** Excel number format; '@' keeps text as text. */
  readonly fmt?: string;
  readonly bold?: boolean;
}

export interface TablePlan {
  readonly name: string;
  /** A1 range including the header row, e.g. `A1:J49`. */
  readonly range: string;
}

export interface ConditionalFormatPlan {
  readonly range: string;
  /** A formula relative to the range's top-left cell, e.g. `=$J2="consistent"`. */
  readonly formula: string;
  readonly fill: string;
  readonly fontColor: string;
}

export interface ValidationPlan {
  readonly range: string;
  /** Source of the drop-down list, e.g. `=$D$3:$F$3`. */
  readonly listSource: string;
  readonly prompt?: string;
}

export interface ChartPlan {
  readonly name: string;
  readonly type: 'BarClustered' | 'ColumnClustered';
  /** Data range with one header row and a label column. */
  readonly source: string;
  readonly title: string;
  /** Top-left cell where the chart is placed. */
  readonly anchor: string;
}

export interface SheetPlan {
  readonly name: string;
  /** Dense grid written from A1: rows of cells; rows may be shorter than the widest. */
  readonly cells: readonly (readonly CellPlan[])[];
  /** Column widths in characters, from column A. */
  readonly columnWidths: readonly number[];
  readonly tables: readonly TablePlan[];
  readonly conditionalFormats: readonly ConditionalFormatPlan[];
  readonly validations: readonly ValidationPlan[];
  readonly charts: readonly ChartPlan[];
  /** Rows kept visible at the top while scrolling. */
  readonly freezeRows: number;
}

/** A workbook-scoped defined name pointing at one cell or range. */
export interface NamePlan {
  readonly name: string;
  readonly sheet: string;
  /** Absolute A1 address, e.g. `$E$2`. */
  readonly address: string;
  readonly comment: string;
}

export interface WorkbookPlan {
  /** Bumped when the layout changes, so a fill knows to migrate what an older version wrote. */
  readonly planVersion: number;
  /** Stable hash of the content, to tell a no-op fill from one that must write. */
  readonly hash: string;
  readonly sheets: readonly SheetPlan[];
  readonly names: readonly NamePlan[];
  /**
   * The language of ClaimCell's words (absent: English). A refill writes the user's own sheets'
   * words in it (`userSheetRefresh`), keeping the user's rows.
   */
  readonly lang?: 'en' | 'zh';
}

/** Namespace of the custom XML part that records what ClaimCell owns in a workbook. */
export const OWNER_NAMESPACE = 'urn:claimcell:workbook';
export const PLAN_VERSION = 1;
