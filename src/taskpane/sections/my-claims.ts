/**
 * The user's own claims in the pane: audited at the values in use through the same code as the
 * article's (`model/user`), marked as the user's in the claim list, counted with the others, and
 * offered to the stress section.
 */
import type { ClaimAudit } from '../../model/claims/index.js';
import type { OwnClaims } from '../../model/stress/claims.js';
import { auditUserClaims, compileUserTables, ownClaimsOf, userOverrides, type ReadTables } from '../../model/user/index.js';
import { FIGURES_IN_USE_NAME } from '../../plan/index.js';

/** Bilingual words of this feature, kept beside it. */
export const MY_STRINGS = {
  en: { mine: 'Yours', notAudited: (id: string, why: string) => `${id} is not audited: ${why}` },
  zh: { mine: '你的', notAudited: (id: string, why: string) => `${id} 未审计：${why}` },
} as const;

export interface UserAudits {
  readonly audits: readonly ClaimAudit[];
  /** Ids of the user's claims (to mark them in the list). */
  readonly ids: ReadonlySet<string>;
  /** Rows the model cannot read, each naming the cell, the formula and the part. */
  readonly problems: readonly string[];
  /** For the stress functions: the user's claims and the overrides that hold the user's figures. */
  readonly stress: { readonly mine: OwnClaims; readonly overrides: ReadonlyMap<string, number> };
}

/** A key that changes when the user's rows do (so an edit in the grid re-audits on the next refresh). */
export const userRowsKey = (mine: ReadTables): string => JSON.stringify(mine.tables);

/** The user's claims audited at the values in use. */
export function userAudits(mine: ReadTables, overrides: ReadonlyMap<string, number>): UserAudits {
  const compiled = compileUserTables(mine.tables, { cellOf: mine.cellOf, reservedNames: [FIGURES_IN_USE_NAME] });
  const results = auditUserClaims(compiled, overrides);
  return {
    audits: results.flatMap((r) => (r.audit ? [r.audit] : [])),
    ids: new Set(results.map((r) => r.id)),
    problems: [...mine.problems, ...compiled.allProblems],
    stress: { mine: ownClaimsOf(compiled), overrides: userOverrides(compiled, overrides) },
  };
}
