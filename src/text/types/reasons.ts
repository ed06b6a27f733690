/** The words a claim's reason (a `Reason` record of the model) is rendered with, per language. */
import type { AgainstKind, SubjectKind } from '../../model/claims/reasons.js';
import type { Check } from '../../model/claims/schema.js';

/** One comparison's parts, already formatted, that a sentence template puts in order. */
export interface ComparisonWords {
  readonly holds: boolean;
  readonly value: string;
  readonly stated: string;
  readonly statedHigh: string;
  readonly difference: string;
  readonly tolerance: string;
  readonly exclusiveLow: boolean;
}

export interface ReasonText {
  readonly subject: Readonly<Record<SubjectKind, (v: string) => string>>;
  readonly against: Readonly<Record<AgainstKind, (v: string) => string>>;
  readonly approx: (c: ComparisonWords) => string;
  readonly exact: (c: ComparisonWords) => string;
  readonly atLeast: (c: ComparisonWords) => string;
  readonly atMost: (c: ComparisonWords) => string;
  readonly between: (c: ComparisonWords) => string;
  /** Check positions in words, so a reason's only digits are the claim's own numbers. */
  readonly ordinals: readonly string[];
  readonly decidedBy: (scope: Check['scope'], ordinal: number) => string;
  readonly notComputable: (error: string, recomputed: string | null) => string;
  readonly needsData: (subject: string | null, needs: string) => string;
  readonly join: string;
}
