import type { SwapProblemText } from '../types/swap-problems.js';
import { pane } from './pane.js';
import { swap } from './swap.js';

/** The record sheet and a row of it, as a message names them. */
const row = (n: number): string => `"ClaimCell swap record" row ${n}`;

export const swapProblems: SwapProblemText = {
  // a file names itself (the CLI); the open workbook is "this workbook" (the pane)
  alreadySwappedOut: (p) => (p.source === undefined ? pane.alreadySwappedOut : swap.alreadySwappedOut(p.source)),
  notSwappedOut: (p) => (p.source === undefined ? pane.notSwappedOut : swap.notSwappedOut(p.source)),
  recordHeader: (p) => `the sheet "ClaimCell swap record" does not start with the header ${swap.recordHeader.join(', ')} (found: ${p.found.join(', ') || 'nothing'})`,
  recordNoSheet: (p) => `${row(p.row)}: Sheet is empty`,
  recordAddress: (p) => `${row(p.row)}: Cell "${p.value}" is not an A1 address`,
  recordOriginal: (p) => `${row(p.row)}: Original formula "${p.value}" does not start with "="`,
  recordKind: (p) => `${row(p.row)}: Kind "${p.value}" is neither ${swap.kinds.native} nor ${swap.kinds.value}`,
  unreadable: (p) => `${p.source} is not an .xlsx workbook ClaimCell can open (${p.detail})`,
};
