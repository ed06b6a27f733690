import type { ReasonText } from '../types/reasons.js';

const ordinals = ['first', 'second', 'third', 'fourth', 'fifth'];

export const reasons: ReasonText = {
  subject: { recomputed: (v) => `Recomputed ${v}`, article: (v) => `The article gives ${v}`, check: (v) => `The check's value is ${v}` },
  against: { article: (v) => `the article's ${v}`, record: (v) => `the published ${v}`, bound: (v) => `the bound ${v}` },
  approx: (c) => `${c.value} against ${c.stated}: ${c.difference} apart, ${c.holds ? 'within' : 'beyond'} the ±${c.tolerance} that rounding allows.`,
  exact: (c) => (c.holds ? `${c.value}, the same as ${c.stated}.` : `${c.value} against ${c.stated}: ${c.difference} apart, where they must match exactly.`),
  atLeast: (c) => (c.holds ? `${c.value}, at least ${c.stated}.` : `${c.value}, below ${c.stated} by ${c.difference}.`),
  atMost: (c) => (c.holds ? `${c.value}, at most ${c.stated}.` : `${c.value}, above ${c.stated} by ${c.difference}.`),
  between: (c) =>
    `${c.value}, ${c.holds ? 'inside' : `outside by ${c.difference}`} the range from ${c.stated} (${c.exclusiveLow ? 'excluded' : 'included'}) to ${c.statedHigh}.`,
  decidedBy: (scope, ordinal) => `Decided by the ${ordinals[ordinal - 1] ?? 'next'} check (${scope === 'article' ? "the article's own figures" : 'published data'}):`,
  notComputable: (error, recomputed) => `Cannot be computed with these inputs (${error})${recomputed ? `; the recomputation gives ${recomputed}` : ''}.`,
  needsData: (subject, needs) => `${subject ? `${subject}. ` : ''}No public source at hand settles it. Needed: ${needs}`,
  join: ' ',
  ordinals,
};
