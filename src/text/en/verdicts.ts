import type { VerdictCode } from '../types/index.js';

/** Lower case as the verdict codes are, so an English workbook reads as it always has. */
export const verdicts: Readonly<Record<VerdictCode, string>> = { consistent: 'consistent', inconsistent: 'inconsistent', implausible: 'implausible', unverifiable: 'unverifiable' };
