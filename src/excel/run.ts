import type { ExcelRun } from './types.js';

/** `Excel.run(options, batch)`, the overload every ClaimCell batch goes through. */
export type ExcelRunWithOptions = <T>(options: { readonly delayForCellEdit?: boolean }, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * Excel.run for every ClaimCell batch. While the user edits a cell, Excel fails any batch with
 * InvalidOperationInCellEditMode, and a refresh that follows an edit lands exactly then; with
 * `delayForCellEdit: true` Excel holds the batch until the edit ends instead (Excel.RunOptions).
 * Hosts older than the option ignore it.
 */
export function runAfterCellEdit(run: ExcelRunWithOptions): ExcelRun {
  return (batch) => run({ delayForCellEdit: true }, batch);
}
