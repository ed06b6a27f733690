import type { VerdictCode } from '../types/index.js';

export const verdicts: Readonly<Record<VerdictCode, string>> = { consistent: '一致', inconsistent: '不一致', implausible: '不合常理', unverifiable: '无法核实' };
