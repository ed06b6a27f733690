import type { UnitId } from '../units/index.js';
import { formatQuantity, type Lang } from './format.js';
import type { Check, Verdict } from './schema.js';

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

type Catalogue = {
  readonly subject: Record<SubjectKind, (v: string) => string>;
  readonly against: Record<AgainstKind, (v: string) => string>;
  readonly approx: (c: Strings) => string;
  readonly exact: (c: Strings) => string;
  readonly atLeast: (c: Strings) => string;
  readonly atMost: (c: Strings) => string;
  readonly between: (c: Strings) => string;
  readonly decidedBy: (scope: Check['scope'], ordinal: number) => string;
  readonly notComputable: (error: string, recomputed: string | null) => string;
  readonly needsData: (subject: string | null, needs: string) => string;
  readonly join: string;
};

interface Strings {
  readonly holds: boolean;
  readonly value: string;
  readonly stated: string;
  readonly statedHigh: string;
  readonly difference: string;
  readonly tolerance: string;
  readonly exclusiveLow: boolean;
}

/** Check positions in words, so a reason's only digits are the claim's own numbers. */
const ORDINALS: Readonly<Record<Lang, readonly string[]>> = {
  en: ['first', 'second', 'third', 'fourth', 'fifth'],
  zh: ['一', '二', '三', '四', '五'],
};

/** One catalogue per language, as zod renders an issue through a locale. */
const CATALOGUES: Readonly<Record<Lang, Catalogue>> = {
  en: {
    subject: { recomputed: (v) => `Recomputed ${v}`, article: (v) => `The article gives ${v}`, check: (v) => `The check's value is ${v}` },
    against: { article: (v) => `the article's ${v}`, record: (v) => `the published ${v}`, bound: (v) => `the bound ${v}` },
    approx: (c) => `${c.value} against ${c.stated}: ${c.difference} apart, ${c.holds ? 'within' : 'beyond'} the ±${c.tolerance} that rounding allows.`,
    exact: (c) => (c.holds ? `${c.value}, the same as ${c.stated}.` : `${c.value} against ${c.stated}: ${c.difference} apart, where they must match exactly.`),
    atLeast: (c) => (c.holds ? `${c.value}, at least ${c.stated}.` : `${c.value}, below ${c.stated} by ${c.difference}.`),
    atMost: (c) => (c.holds ? `${c.value}, at most ${c.stated}.` : `${c.value}, above ${c.stated} by ${c.difference}.`),
    between: (c) =>
      `${c.value}, ${c.holds ? 'inside' : `outside by ${c.difference}`} the range from ${c.stated} (${c.exclusiveLow ? 'excluded' : 'included'}) to ${c.statedHigh}.`,
    decidedBy: (scope, ordinal) => `Decided by the ${ORDINALS.en[ordinal - 1] ?? 'next'} check (${scope === 'article' ? "the article's own figures" : 'published data'}):`,
    notComputable: (error, recomputed) => `Cannot be computed with these inputs (${error})${recomputed ? `; the recomputation gives ${recomputed}` : ''}.`,
    needsData: (subject, needs) => `${subject ? `${subject}. ` : ''}No public source at hand settles it. Needed: ${needs}`,
    join: ' ',
  },
  zh: {
    subject: { recomputed: (v) => `重算得${v}`, article: (v) => `文中为${v}`, check: (v) => `该检验的值为${v}` },
    against: { article: (v) => `文中的${v}`, record: (v) => `公开数据${v}`, bound: (v) => `界限${v}` },
    approx: (c) => `${c.value}，对照${c.stated}：相差${c.difference}，${c.holds ? '在' : '超出'}舍入允许的±${c.tolerance}${c.holds ? '之内' : ''}。`,
    exact: (c) => (c.holds ? `${c.value}，与${c.stated}相同。` : `${c.value}，对照${c.stated}：相差${c.difference}，而两者应完全一致。`),
    atLeast: (c) => (c.holds ? `${c.value}，不低于${c.stated}。` : `${c.value}，低于${c.stated}，差${c.difference}。`),
    atMost: (c) => (c.holds ? `${c.value}，不高于${c.stated}。` : `${c.value}，高于${c.stated}，差${c.difference}。`),
    between: (c) =>
      `${c.value}，在${c.stated}（${c.exclusiveLow ? '不含' : '含'}）至${c.statedHigh}的区间${c.holds ? '之内' : `之外，差${c.difference}`}。`,
    decidedBy: (scope, ordinal) => `由第${ORDINALS.zh[ordinal - 1] ?? '后一'}项检验（${scope === 'article' ? '文内数字' : '公开数据'}）决定：`,
    notComputable: (error, recomputed) => `按这些输入无法计算（${error}）${recomputed ? `；重算得${recomputed}` : ''}。`,
    needsData: (subject, needs) => `${subject ? `${subject}。` : ''}手头没有能核实它的公开来源。所需数据：${needs}`,
    join: '',
  },
};

function sentence(c: Comparison, lang: Lang): string {
  const cat = CATALOGUES[lang];
  const q = (x: Quantity | null): string => (x ? formatQuantity(x.value, x.unit, lang) : formatQuantity(null, 'ratio', lang));
  const strings: Strings = {
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
  const cat = CATALOGUES[lang];
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
