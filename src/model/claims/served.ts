import { callsOf } from '../expr/index.js';
import { loadClaims } from './catalogue.js';

/** Ids of the claims whose recomputation or checks call function `name` (registry name, no namespace). */
export function claimsServedBy(name: string): string[] {
  return loadClaims()
    .claims.filter((claim) => {
      const calls: string[] = [];
      for (const expr of [claim.recomputeExpr, ...claim.compiledChecks.flatMap((c) => [c.valueExpr, c.statedExpr, ...(c.statedHighExpr ? [c.statedHighExpr] : [])])]) callsOf(expr, calls);
      return calls.includes(name);
    })
    .map((claim) => claim.id);
}
