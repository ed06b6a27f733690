/**
 * The pane's Share actions: swap the open workbook out for a colleague without ClaimCell, and
 * back in (src/excel/swap.ts). A refusal (already swapped out, nothing to swap in) is a message
 * in the pane's language, not an error.
 */
import { swapInWorkbook, swapOutWorkbook } from '../excel/swap.js';
import type { ExcelRun } from '../excel/types.js';
import { SwapError } from '../model/swap/index.js';
import type { Action, ActionResult } from './actions.js';
import type { Lang } from '../text/index.js';
import { swapProblemText } from '../text/messages.js';

/** A swap that cannot go on (already swapped out, nothing to swap in, a record sheet that was edited) says why, in the language shown then and after a switch. */
async function refusals(act: () => Promise<ActionResult>): Promise<ActionResult> {
  try {
    return await act();
  } catch (error) {
    if (error instanceof SwapError) {
      const problem = error.problem;
      return { ok: false, message: (_s, lang) => swapProblemText(problem, lang) };
    }
    throw error;
  }
}

/** `lang`: the language of what the swap writes into the workbook (its record sheet and notes). */
export function shareActions(run: () => ExcelRun | undefined, lang: () => Lang = () => 'en'): { swapOut: Action; swapIn: Action } {
  return {
    swapOut: async () => {
      const excel = run();
      if (!excel) return { ok: false, unavailable: true };
      return refusals(async () => {
        const plan = await swapOutWorkbook(excel, lang());
        const native = plan.record.filter((r) => r.kind === 'native').length;
        return { ok: true, message: (s) => (plan.record.length ? s.swappedOut(native, plan.record.length - native) : s.swappedNothing) };
      });
    },
    swapIn: async () => {
      const excel = run();
      if (!excel) return { ok: false, unavailable: true };
      return refusals(async () => {
        const plan = await swapInWorkbook(excel, lang());
        const kept = plan.kept.map((k) => `${k.sheet}!${k.address}`).join(', ');
        return { ok: true, message: (s) => s.swappedIn(plan.writes.length, kept) };
      });
    },
  };
}
