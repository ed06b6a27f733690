import type { UnitId } from '../units/index.js';
import { formatQuantity, type Lang } from './format.js';
import type { Check, Verdict } from './schema.js';
import { TEXT, type ComparisonWords } from '../../text/index.js';

/** A number a reason quotes, with its unit; each is a field of the claim's audit. */
export interface Quantity {
  readonly value: number;
  readonly unit: UnitId;
}

export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

/** What a check compared its value with: a figure of the article, a published record, or a fixed bound. */
export type AgainstKind = 'article' | 'record' | 'bound';

/** What the compared value is: the claim's recomputation, a figure the article states, or another value of the check. */
export type SubjectKind = 'recomputed' | 'article' | 'check';

/** The comparison one check made, as data. */
export interface Comparison {
  readonly compare: Check['compare'];
  readonly holds: boolean;
  readonly subject: SubjectKind;
  readonly value: Quantity;
  readonly against: AgainstKind;
  readonly stated: Quantity;
  readonly statedHigh: Quantity | null;
  readonly exclusiveLow: boolean;
  /** value − stated (or the distance outside a range), in the difference unit (pp for percentages, days for dates). */
  readonly difference: Quantity | null;
  readonly tolerance: Quantity | null;
  readonly scope: Check['scope'];
}

/**
 * Why a claim got its verdict, as a structured record: the comparison that decided, the
 * recomputation when another check decided, the findings that name what a figure matches instead,
 * and the data that would settle an unverifiable claim. Rendered per language by `renderReason`.
 */
export type Reason =
  | {
      readonly code: 'compared';
      readonly verdict: Verdict;
      readonly decisive: Comparison;
      /** The checks that held before the decisive one, when the decisive check is not the first. */
      readonly passed: readonly Comparison[];
      readonly findings: readonly Bilingual[];
    }
  | { readonly code: 'notComputable'; readonly error: string; readonly recomputed: Quantity | null }
  | {
      readonly code: 'needsData';
      readonly recomputed: Quantity | null;
      readonly subject: SubjectKind;
      readonly needs: Bilingual;
      /** Findings of explaining checks that held (what the figure matches, though nothing settles the claim). */
      readonly findings: readonly Bilingual[];
    };

function sentence(c: Comparison, lang: Lang): string {
  const cat = TEXT[lang].reasons;
  const q = (x: Quantity | null): string => (x ? formatQuantity(x.value, x.unit, lang) : formatQuantity(null, 'ratio', lang));
  const strings: ComparisonWords = {
    holds: c.holds,
    value: cat.subject[c.subject](q(c.value)),
    stated: cat.against[c.against](q(c.stated)),
    statedHigh: q(c.statedHigh),
    difference: q(c.difference && { value: Math.abs(c.difference.value), unit: c.difference.unit }),
    tolerance: q(c.tolerance),
    exclusiveLow: c.exclusiveLow,
  };
  if (c.compare === 'approx') return c.tolerance?.value === 0 ? cat.exact(strings) : cat.approx(strings);
  return cat[c.compare](strings);
}

/** The reason in one language. */
export function renderReason(reason: Reason, lang: Lang): string {
  const cat = TEXT[lang].reasons;
  switch (reason.code) {
    case 'notComputable':
      return cat.notComputable(reason.error, reason.recomputed && formatQuantity(reason.recomputed.value, reason.recomputed.unit, lang));
    case 'needsData':
      return [
        cat.needsData(
          reason.recomputed && cat.subject[reason.subject](formatQuantity(reason.recomputed.value, reason.recomputed.unit, lang)),
          reason.needs[lang],
        ),
        ...reason.findings.map((f) => f[lang]),
      ].join(cat.join);
    case 'compared': {
      const parts = reason.passed.map((c) => sentence(c, lang));
      if (reason.passed.length) parts.push(cat.decidedBy(reason.decisive.scope, reason.passed.length + 1));
      parts.push(sentence(reason.decisive, lang));
      for (const finding of reason.findings) parts.push(finding[lang]);
      return parts.join(cat.join);
    }
  }
}
