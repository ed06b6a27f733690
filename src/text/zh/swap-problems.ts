import type { SwapProblemText } from '../types/swap-problems.js';
import { pane } from './pane.js';
import { swap } from './swap.js';

/** The record sheet and a row of it, as a message names them. */
const row = (n: number): string => `工作表 “ClaimCell swap record” 第 ${n} 行`;

export const swapProblems: SwapProblemText = {
  alreadySwappedOut: (p) => (p.source === undefined ? pane.alreadySwappedOut : swap.alreadySwappedOut(p.source)),
  notSwappedOut: (p) => (p.source === undefined ? pane.notSwappedOut : swap.notSwappedOut(p.source)),
  recordHeader: (p) => `工作表 “ClaimCell swap record” 的表头不是 ${swap.recordHeader.join('、')}（实际为：${p.found.join('、') || '空'}）`,
  recordNoSheet: (p) => `${row(p.row)}：“${swap.recordHeader[0]}”为空`,
  recordAddress: (p) => `${row(p.row)}：“${p.value}”不是 A1 形式的单元格地址`,
  recordOriginal: (p) => `${row(p.row)}：原公式“${p.value}”不以“=”开头`,
  recordKind: (p) => `${row(p.row)}：类型“${p.value}”既不是“${swap.kinds.native}”也不是“${swap.kinds.value}”`,
  // the reader's reason is English (ExcelJS, the zip check): left out here
  unreadable: (p) => `${p.source} 不是 ClaimCell 能打开的 .xlsx 工作簿`,
};
