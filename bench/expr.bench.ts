/**
 * The expression reader alone, in both modes: every expression of seeds/claims.json (catalogue mode)
 * and the formulas of the synthetic MyClaims tables (Excel mode), in µs per text, the fastest of the
 * runs, since on a shared machine the median measures the load as much as the code.
 */
import claimsSeed from '../seeds/claims.json';
import { parseExpr } from '../src/model/expr/index.js';
import { parseUserFormula, userNameResolver } from '../src/model/user/index.js';
import { syntheticUserTables } from './myclaims.bench.js';
import type { Report } from './run.js';
import { timesMs } from './timing.js';

type Check = { value?: string; stated: string; statedHigh?: string };

export async function run(report: Report): Promise<void> {
  const expressions = (claimsSeed as { claims: { recompute: string; checks?: Check[] }[] }).claims.flatMap((c) => [
    c.recompute,
    ...(c.checks ?? []).flatMap((k) => [k.value, k.stated, k.statedHigh].filter((t): t is string => t !== undefined)),
  ]);
  const tables = syntheticUserTables();
  const resolve = userNameResolver(tables.figures);
  const formulas = tables.claims.flatMap((c) => [c.recompute, c.stated].filter((t): t is string => typeof t === 'string'));

  /** µs per text: the fastest of 25 runs of reading every text `repeat` times. */
  const perText = async (texts: readonly string[], read: (text: string) => unknown, repeat: number): Promise<number> => {
    const times = await timesMs(() => {
      for (let r = 0; r < repeat; r++) for (const text of texts) read(text);
    }, 25);
    return (Math.min(...times) * 1000) / (repeat * texts.length);
  };
  report({ name: 'expr.read_us_best.catalogue_expression', value: await perText(expressions, parseExpr, 20), unit: 'us' });
  report({ name: 'expr.read_us_best.user_formula', value: await perText(formulas, (f) => parseUserFormula(f, resolve), 1), unit: 'us' });
}
