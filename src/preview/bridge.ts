/**
 * The contract between the preview page (which owns the simulated workbook) and the task pane in
 * its iframe (which sees it only as `Excel.run`). Types only: the task pane bundle never imports
 * the simulated host.
 */
import type { ExcelRun } from '../excel/types.js';

export const BRIDGE_KEY = '__claimcellPreview';
/** Fired on the task pane's window when the user edits the workbook in the preview's grid. */
export const WORKBOOK_CHANGED_EVENT = 'claimcell:workbook-changed';

export interface PreviewBridge {
  /** Excel.run against the simulated workbook. */
  readonly run: ExcelRun;
  /** Excel enum values (strings), spread into the task pane's `Excel` global. */
  readonly enums: Readonly<Record<string, unknown>>;
  /** What the preview reports as `Office.context.displayLanguage` (from `?lang=` or the browser). */
  readonly displayLanguage: string;
  /** Subscribes to edits the user makes in the grid (not the task pane's own writes). */
  onUserEdit(cb: () => void): void;
}
