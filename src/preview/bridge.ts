/**
 * The contract between the preview page (which owns the simulated workbook) and the task pane in
 * its iframe (which sees it only as `Excel.run`). Types only: the task pane bundle never imports
 * the simulated host.
 */
import type { ExcelRunWithOptions } from '../excel/run.js';

export const BRIDGE_KEY = '__claimcellPreview';

export interface PreviewBridge {
  /** Excel.run(options, batch) against the simulated workbook (the pane always passes options). */
  readonly run: ExcelRunWithOptions;
  /** Excel enum values (strings), spread into the task pane's `Excel` global. */
  readonly enums: Readonly<Record<string, unknown>>;
  /** What the preview reports as `Office.context.displayLanguage` (from `?lang=` or the browser). */
  readonly displayLanguage: string;
}
