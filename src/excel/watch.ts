import { SHEETS, USER_SHEETS } from '../plan/index.js';
import type { ExcelRun } from './types.js';

/** The sheets whose edits change what the task pane shows: base values, overrides, the active scenario. */
const WATCHED_SHEETS = [SHEETS.figures, SHEETS.scenarios] as const;
/** The user's own tables: followed when they are there (a user may delete them), never required. */
const ALSO_WATCHED = [USER_SHEETS.figures, USER_SHEETS.claims] as const;

/** Follows the user's edits of ClaimCell's Figures and Scenarios sheets. */
export interface WorkbookWatcher {
  /**
   * Registers a change handler on each watched sheet that has none from this watcher yet, and
   * resolves true when every watched sheet is followed. Call it after every fill and refresh: a
   * handler dies with its sheet, so a sheet deleted and written again needs a new one, and a sheet
   * already followed is never given a second handler. False where the host has no events or the
   * sheets are not there yet (the pane's Refresh button remains the way).
   */
  ensure(): Promise<boolean>;
}

/**
 * Calls `onChange` (coalesced over `delayMs`) when the user edits a watched sheet. Uses worksheet
 * `onChanged` (ExcelApi 1.7). The event fires for the add-in's own writes too; those carry
 * `triggerSource: 'ThisLocalAddin'` (ExcelApi 1.14) and are ignored. Hosts before 1.14 do not say
 * who wrote, so there a fill costs one extra refresh (a refresh only reads: no loop).
 */
export function createWorkbookWatcher(run: ExcelRun, onChange: () => void, delayMs = 300): WorkbookWatcher {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Ids of the worksheets this watcher has a handler on. */
  const watched = new Set<string>();
  const handler = async (event?: { triggerSource?: string }): Promise<void> => {
    if (event?.triggerSource === 'ThisLocalAddin') return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      onChange();
    }, delayMs);
  };
  let inFlight: Promise<boolean> | undefined;
  const register = async (): Promise<boolean> => {
    try {
      return await run(async (context) => {
        const sheets = [...WATCHED_SHEETS, ...ALSO_WATCHED].map((name) => context.workbook.worksheets.getItemOrNullObject(name).load('id'));
        await context.sync();
        const present = sheets.filter((s) => !s.isNullObject);
        // Ids of sheets that are gone lose their handlers with them; forget them.
        for (const id of [...watched]) if (!present.some((s) => s.id === id)) watched.delete(id);
        const fresh = present.filter((s) => !watched.has(s.id));
        for (const sheet of fresh) sheet.onChanged.add(handler);
        if (fresh.length) await context.sync();
        for (const sheet of fresh) watched.add(sheet.id);
        return sheets.slice(0, WATCHED_SHEETS.length).every((s) => !s.isNullObject);
      });
    } catch {
      return false; // no events on this host (or the API set is missing)
    }
  };
  return {
    // Concurrent calls share one registration, so two refreshes in a row cannot add two handlers.
    ensure() {
      inFlight ??= register().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
  };
}
