import type { GradeNoteText } from '../types/grade-notes.js';

const fromText = (n: { readonly fromText: boolean }): string => (n.fromText ? ' (read from text)' : '');
const places = (decimals: number, ofPercent: boolean): string => `${decimals} decimal(s)${ofPercent ? ' of a percent' : ''}`;

export const gradeNotes: GradeNoteText = {
  notCounted: () => 'no expected value for this variant: not counted',
  noAnswer: () => 'no answer',
  notANumber: (n) => `not a number: ${JSON.stringify(n.given)}`,
  correct: (n) => `correct${fromText(n)}`,
  percentPoints: (n) => `right value typed as percentage points (${n.given} instead of ${n.given}%)${fromText(n)}`,
  roundedTo: (n) => `right method, rounded to ${places(n.decimals, n.ofPercent)} instead of ${places(n.asked, n.ofPercent)}${fromText(n)}`,
  cutOff: (n) => `right method, cut off at ${places(n.decimals, n.ofPercent)} instead of rounded${fromText(n)}`,
  close: (n) => `close: off by ${n.off}, beyond ±${n.tolerance} (rounding error or a rounded intermediate step)${fromText(n)}`,
  wrong: (n) => `wrong${fromText(n)}`,
  editedFigures: (n) => `no credit: uses edited given figure(s) ${n.figures.join(', ')}`,
};
