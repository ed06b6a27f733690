import { SHEETS } from '../plan/index.js';
import type { ExcelRun } from './types.js';

/**
 * Calls `onChange` when the user edits ClaimCell's Figures or Scenarios sheet (a base value, an
 * override, the active scenario), so the task pane's verdicts follow the workbook. Uses worksheet
 * `onChanged` events (ExcelApi 1.7); bursts of changes are coalesced. Resolves false where the host
 * has no events or the sheets are not there yet (then the pane's Refresh button remains the way).
 */
export async function watchWorkbookChanges(run: ExcelRun, onChange: () => void, delayMs = 300): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = async (): Promise<void> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      onChange();
    }, delayMs);
  };
  try {
    return await run(async (context) => {
      const sheets = [SHEETS.figures, SHEETS.scenarios].map((name) => context.workbook.worksheets.getItemOrNullObject(name));
      await context.sync();
      if (sheets.some((s) => s.isNullObject)) return false;
      for (const sheet of sheets) sheet.onChanged.add(schedule);
      await context.sync();
      return true;
    });
  } catch {
    return false;
  }
}
