/**
 * The parts of the simulated workbook as plain records: what SimWorkbook (model.ts) holds and the
 * proxies read and change. Cells are keyed by `cellKey(row, col)` (address.ts).
 */
import type { CellRect } from './address.js';

export type RawContent = number | string | boolean;
export type ExcelValue = number | string | boolean;

export interface SheetModel {
  readonly id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  deleted: boolean;
  readonly cells: Map<number, RawContent>;
  readonly numberFormats: Map<number, string>;
  readonly bold: Map<number, boolean>;
  readonly columnWidths: Map<number, number>;
  /** cell → JSON of the normalized data-validation rule. */
  readonly validation: Map<number, string>;
  /** cell → JSON of the data-validation prompt ({ showPrompt, title, message }). */
  readonly validationPrompt: Map<number, string>;
  /** Rows frozen at the top (worksheet.freezePanes.freezeRows), 0 when none. */
  frozenRows: number;
  /** The print set-up (worksheet.pageLayout, ExcelApi 1.9), once any of it is set. */
  pageLayout?: PageLayoutModel;
  /** cell → wrapping and vertical alignment (RangeFormat.wrapText, verticalAlignment), once any is set. */
  alignment?: Map<number, { wrapText?: boolean; verticalAlignment?: string }>;
  /** row → height in points (RangeFormat.rowHeight), once any is set. */
  rowHeights?: Map<number, number>;
}

/** What `worksheet.pageLayout` has set on a sheet. */
export interface PageLayoutModel {
  orientation?: 'Portrait' | 'Landscape';
  paperSize?: string;
  printOrder?: 'DownThenOver' | 'OverThenDown';
  zoom?: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printTitleRows?: string;
  printTitleColumns?: string;
  headersFooters: Partial<Record<'leftHeader' | 'centerHeader' | 'rightHeader' | 'leftFooter' | 'centerFooter' | 'rightFooter', string>>;
}

export interface NameModel {
  name: string;
  formula: string;
  comment: string;
  visible: boolean;
}

export interface TableModel {
  readonly id: string;
  name: string;
  readonly sheet: SheetModel;
  readonly rect: CellRect;
  readonly hasHeaders: boolean;
  deleted: boolean;
}

export interface ConditionalFormatModel {
  readonly id: string;
  readonly sheet: SheetModel;
  readonly rect: CellRect;
  readonly type: string;
  formula: string | null;
  fillColor: string | null;
  fontColor: string | null;
  fontBold: boolean | null;
  priority: number;
  stopIfTrue: boolean;
  deleted: boolean;
}

export interface ChartModel {
  readonly id: string;
  readonly sheet: SheetModel;
  name: string;
  chartType: string;
  readonly source: CellRect;
  readonly seriesBy: string;
  title: string | null;
  top: number;
  left: number;
  width: number;
  height: number;
  deleted: boolean;
}

export interface XmlPartModel {
  readonly id: string;
  namespaceUri: string;
  xml: string;
  deleted: boolean;
}

export const DEFAULT_COLUMN_WIDTH = 48;
