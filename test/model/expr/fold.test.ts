/**
 * TEMPORARY: the folded reader against the two parsers it replaces, before they are deleted.
 * Catalogue mode must give the same Expr for every seed expression and refuse exactly what the old
 * catalogue parser refused, at the same offset; Excel mode must give the same Expr or the same
 * problem (message, part, offset) as the old parseUserFormula.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import seed from '../../../seeds/claims.json';
import { parseExpr, readExpr, type Expr } from '../../../src/model/expr/index.js';
import { parseUserFormula, userNameResolver } from '../../../src/model/user/index.js';
import { parseUserFormula as legacyUser } from './legacy-formula.js';
import { ExprSyntaxError as LegacyError, parseExpr as legacyExpr } from './legacy-parse.js';

type Check = { value?: string; stated: string; statedHigh?: string };
const seedExpressions = (seed as { claims: { id: string; recompute: string; checks?: Check[] }[] }).claims.flatMap((c) => [
  c.recompute,
  ...(c.checks ?? []).flatMap((k) => [k.value, k.stated, k.statedHigh].filter((t): t is string => t !== undefined)),
]);

const legacyCatalogue = (text: string): { expr: Expr } | { at: number; message: string } => {
  try {
    return { expr: legacyExpr(text) };
  } catch (error) {
    if (error instanceof LegacyError) return { at: error.at, message: error.message };
    throw error;
  }
};

/** The old catalogue message each new code stands for. */
const OLD_CATALOGUE_WORDING: Readonly<Record<string, (m: string) => boolean>> = {
  empty: (m) => m === 'unexpected end',
  valueExpected: (m) => m === 'unexpected end',
  expected: (m) => m === 'expected ")"',
  unsupportedChar: (m) => m.startsWith('unexpected "'),
  unexpectedChar: (m) => m.startsWith('unexpected "'),
};

describe('the folded reader against the old parsers', () => {
  it('reads every seed expression to the Expr the old catalogue parser gave', () => {
    expect(seedExpressions.length).toBeGreaterThan(100);
    for (const text of seedExpressions) expect(parseExpr(text), text).toStrictEqual(legacyExpr(text));
  });

  const catalogueTokens = fc.constantFrom(
    'INDIA_UST_CUT_OCT', 'world_gdp', 'RATIO', 'taxable_base', 'B2', 'A.B', '1', '2.5', '1e3', '1.', '.5', '2x',
    '(', ')', ',', '+', '-', '*', '/', '^', '%', '=', ' ', '"', '!', '$', '\\x',
  );
  it('accepts and refuses in catalogue mode exactly what the old catalogue parser did (property)', () => {
    fc.assert(
      fc.property(fc.array(catalogueTokens, { maxLength: 14 }), (tokens) => {
        const text = tokens.join('');
        const old = legacyCatalogue(text);
        const now = readExpr(text);
        if ('expr' in old) {
          expect(now).toStrictEqual(old);
          return true;
        }
        if (!('problem' in now) || now.problem.at !== old.at) return false;
        return OLD_CATALOGUE_WORDING[now.problem.code]?.(old.message) === true;
      }),
      { numRuns: 20000 },
    );
  });

  const resolve = userNameResolver([{ id: 'MY_EXPORTS', label: 'exports', value: 500, unit: 'usd_bn' }]);
  const excelTokens = fc.constantFrom(
    'CN_UST_HOLDINGS', 'my_exports', 'NOPE', 'CLAIM.RATIO', 'claim.pct_change', 'CLAIM.TROY_OZ_TO_TONNES', 'CLAIM.NOPE', 'CLAIM.PARTS_GAP',
    'POWER', 'sqrt', 'SUM', 'LOG10', 'B2', '$A$1', 'A1:B3', 'Sheet1', 'T[', '1', '.5', '2.', '1e3', '2x', '1:1',
    '(', ')', ',', '+', '-', '*', '/', '^', '%', '=', ' ', '"t"', '"', '!', ':', '$', '<>', '>=', '<', '&', ';', '\\x', '#',
  );
  it('reads and refuses in Excel mode exactly what the old parseUserFormula did (property)', () => {
    fc.assert(
      fc.property(fc.array(excelTokens, { maxLength: 14 }), (tokens) => {
        const text = tokens.join('');
        const old = legacyUser(text, resolve);
        const now = parseUserFormula(text, resolve);
        if ('expr' in old) {
          expect(now).toStrictEqual(old);
          return true;
        }
        if (!('problem' in now)) return false;
        // The one wording fixed by the fold: a one-argument CLAIM.* function said "1 arguments".
        const oldMessage = old.problem.message.replace(/takes 1 arguments,/, 'takes 1 argument,');
        expect({ message: now.problem.message, part: now.problem.part, at: now.problem.at }).toStrictEqual({ ...old.problem, message: oldMessage });
        return true;
      }),
      { numRuns: 20000 },
    );
  });

  it('refuses nesting past the limit as the old parseUserFormula did', () => {
    const deep = `=${'('.repeat(250)}1${')'.repeat(250)}`;
    expect(parseUserFormula(deep, resolve)).toStrictEqual({ problem: { ...(legacyUser(deep, resolve) as { problem: object }).problem, code: 'tooDeep', limit: 200 } });
  });
});
