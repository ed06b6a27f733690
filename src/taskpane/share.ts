/**
 * The pane's Share actions: swap the open workbook out for a colleague without ClaimCell, and
 * back in (src/excel/swap.ts). A refusal (already swapped out, nothing to swap in) is a message
 * in the pane's language, not an error.
 */
import { swapInWorkbook, swapOutWorkbook } from '../excel/swap.js';
import type { ExcelRun } from '../excel/types.js';
import { SwapError } from '../model/swap/index.js';
import type { Action, ActionResult } from './actions.js';
import type { Strings } from './i18n.js';
import type { Lang } from '../text/index.js';

async function refusals(strings: Strings, act: () => Promise<ActionResult>): Promise<ActionResult> {
  try {
    return await act();
  } catch (error) {
    if (error instanceof SwapError && error.code === 'alreadySwappedOut') return { ok: false, message: strings.alreadySwappedOut };
    if (error instanceof SwapError && error.code === 'notSwappedOut') return { ok: false, message: strings.notSwappedOut };
    throw error;
  }
}

export function shareActions(run: () => ExcelRun | undefined, strings: () => Strings, lang: () => Lang = () => 'en'): { swapOut: Action; swapIn: Action } {
  return {
    swapOut: async () => {
      const excel = run();
      if (!excel) return { ok: false, unavailable: true };
      return refusals(strings(), async () => {
        const plan = await swapOutWorkbook(excel, lang());
        const native = plan.record.filter((r) => r.kind === 'native').length;
        return { ok: true, message: plan.record.length ? strings().swappedOut(native, plan.record.length - native) : strings().swappedNothing };
      });
    },
    swapIn: async () => {
      const excel = run();
      if (!excel) return { ok: false, unavailable: true };
      return refusals(strings(), async () => {
        const plan = await swapInWorkbook(excel, lang());
        return { ok: true, message: strings().swappedIn(plan.writes.length, plan.kept.map((k) => `${k.sheet}!${k.address}`).join(', ')) };
      });
    },
  };
}
