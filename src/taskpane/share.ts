/**
 * The pane's Share actions: swap the open workbook out for a colleague without ClaimCell, and
 * back in (src/excel/swap.ts). A refusal (already swapped out, nothing to swap in) is a message
 * in the pane's language, not an error.
 */
import { swapInWorkbook, swapOutWorkbook } from '../excel/swap.js';
import type { ExcelRun } from '../excel/types.js';
import { SwapError } from '../model/swap/index.js';
import type { Action, ActionResult } from './actions.js';
import { STRINGS, type Strings } from './i18n.js';
import type { Lang } from '../text/index.js';
import { swapProblemText } from '../text/messages.js';

/** A swap that cannot go on (already swapped out, nothing to swap in, a record sheet that was edited) says why in the pane's language. */
async function refusals(lang: Lang, act: () => Promise<ActionResult>): Promise<ActionResult> {
  try {
    return await act();
  } catch (error) {
    if (error instanceof SwapError) return { ok: false, message: swapProblemText(error.problem, lang) };
    throw error;
  }
}

/** The pane's Share actions in the pane's language (`lang`): the record sheet, the notes and every message. */
export function shareActions(run: () => ExcelRun | undefined, lang: () => Lang): { swapOut: Action; swapIn: Action } {
  const strings = (): Strings => STRINGS[lang()];
  return {
    swapOut: async () => {
      const excel = run();
      if (!excel) return { ok: false, unavailable: true };
      return refusals(lang(), async () => {
        const plan = await swapOutWorkbook(excel, lang());
        const native = plan.record.filter((r) => r.kind === 'native').length;
        return { ok: true, message: plan.record.length ? strings().swappedOut(native, plan.record.length - native) : strings().swappedNothing };
      });
    },
    swapIn: async () => {
      const excel = run();
      if (!excel) return { ok: false, unavailable: true };
      return refusals(lang(), async () => {
        const plan = await swapInWorkbook(excel, lang());
        return { ok: true, message: strings().swappedIn(plan.writes.length, plan.kept.map((k) => `${k.sheet}!${k.address}`).join(', ')) };
      });
    },
  };
}
