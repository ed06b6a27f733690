import type { Message } from './pane.js';

/**
 * The workbook actions behind the task pane buttons. The Office.js writer (src/excel) replaces
 * these defaults by calling `setActions`; until then every action reports "not available yet".
 */
export interface ActionResult {
  readonly ok: boolean;
  /** Optional message to show instead of the generic done / not-available one, in the pane's language then and after a switch. */
  readonly message?: Message;
  /** True when the action is not implemented yet. */
  readonly unavailable?: boolean;
}

export type Action = () => Promise<ActionResult>;

export interface TaskpaneActions {
  /** "Fill workbook": write the claim sheets into the open workbook. */
  readonly fillWorkbook: Action;
  /** "Reset to article values": restore the inputs the article states. */
  readonly resetToArticle: Action;
  /** "Swap out for sharing": CLAIM.* formulas → native Excel (or values), recorded in a hidden sheet. */
  readonly swapOut: Action;
  /** "Swap back in": the recorded CLAIM.* formulas restored. */
  readonly swapIn: Action;
}

const notAvailable: Action = async () => ({ ok: false, unavailable: true });

let current: TaskpaneActions = { fillWorkbook: notAvailable, resetToArticle: notAvailable, swapOut: notAvailable, swapIn: notAvailable };

/** Injects the real implementations (partial: missing ones keep their current value). */
export function setActions(actions: Partial<TaskpaneActions>): void {
  current = { ...current, ...actions };
}

export function getActions(): TaskpaneActions {
  return current;
}
