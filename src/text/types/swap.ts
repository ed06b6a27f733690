/** Swap-out / swap-in (the pane's Share actions and the `portable` command): the record sheet, cell notes, CLI output. */

/** Why a CLAIM.* formula became its value at swap-out. */
export type SwapValueReason =
  | { readonly code: 'unreadable'; readonly detail: string }
  | { readonly code: 'noNative'; readonly fn: string }
  | { readonly code: 'arity'; readonly fn: string; readonly given: number; readonly takes: number }
  | { readonly code: 'range'; readonly fn: string; readonly range: string; readonly param: string };

/** Parts of a workbook that the CLI's rewrite (ExcelJS) does not carry over. */
export type DroppedPart = 'charts' | 'pivotTables' | 'legacyDrawings' | 'macros' | 'slicers';

export interface SwapText {
  /** The record sheet's header: sheet, cell, original formula, what was written, kind, note. */
  readonly recordHeader: readonly [string, string, string, string, string, string];
  /** The record's Kind column: native formula, or value. */
  readonly kinds: { readonly native: string; readonly value: string };
  readonly reason: (why: SwapValueReason) => string;
  /** The record's note for a cell that became its value. */
  readonly valueNote: (why: SwapValueReason) => string;
  /** How that note starts, so swap-in can tell ClaimCell's notes from the user's. */
  readonly cellNotePrefix: string;
  /** The note on such a cell in the file: why it holds a value, and what swap-in restores. */
  readonly cellNote: (note: string, original: string) => string;
  readonly keptGone: string;
  readonly keptChanged: (now: string) => string;
  readonly usage: readonly [string, string];
  readonly needsFiles: (first: string | undefined) => string;
  readonly unexpectedArgument: (arg: string) => string;
  readonly sameFile: (input: string) => string;
  readonly cannotRead: (file: string, why: 'missing' | 'folder' | string) => string;
  readonly swappedOut: (native: number, frozen: number) => string;
  readonly restored: (restored: number, kept: number) => string;
  readonly partsLost: (input: string, parts: string) => string;
  readonly droppedParts: Readonly<Record<DroppedPart, string>>;
  readonly listSeparator: string;
  readonly alreadySwappedOut: (source: string) => string;
  readonly notSwappedOut: (source: string) => string;
}
