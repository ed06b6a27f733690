/**
 * An empty cell given to a custom function arrives as 0 in Excel on Windows and Mac and as null in
 * Excel on the web (office-js #4702, #1951). ClaimCell must give both the same meaning: every function
 * answers the same on both platforms when an argument points at an empty cell.
 */
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../src/model/registry/index.js';
import type { SimulatedExcel } from '../../src/simhost/index.js';
import { createClaimHost } from './host.js';

const literal = (v: unknown): string => (typeof v === 'string' ? `"${v}"` : typeof v === 'boolean' ? String(v).toUpperCase() : String(v));

/** For every example, one formula per numeric argument with that argument replaced by the empty cell Z1. */
function formulas(): string[] {
  const out: string[] = [];
  for (const spec of FUNCTIONS) {
    // The example with the most arguments, so that optional ones are covered too.
    const example = spec.examples.filter((e) => e.args.every((a) => !Array.isArray(a))).sort((a, b) => b.args.length - a.args.length)[0];
    if (!example) continue;
    spec.params.forEach((param, k) => {
      if (param.type !== 'number' || k >= example.args.length) return;
      const args = example.args.map((a, j) => (j === k ? 'Sheet1!Z1' : literal(a)));
      out.push(`=CLAIM.${spec.name}(${args.join(', ')})`);
    });
  }
  return out;
}

async function evaluate(host: SimulatedExcel, list: string[]): Promise<unknown[]> {
  await host.run(async (context) => {
    context.workbook.worksheets.getItem('Sheet1').getRange(`A1:A${list.length}`).formulas = list.map((f) => [f]);
    await context.sync();
  });
  return list.map((_, i) => host.getCellValue('Sheet1', `A${i + 1}`));
}

describe('empty cells as function arguments', () => {
  it('give the same result on desktop (0) and on the web (null)', async () => {
    const list = formulas();
    expect(list.length).toBeGreaterThan(20);
    const desktop = await evaluate(createClaimHost({ platform: 'desktop' }), list);
    const web = await evaluate(createClaimHost({ platform: 'web' }), list);
    const differing = list.flatMap((f, i) => (desktop[i] === web[i] ? [] : [`${f}: desktop ${String(desktop[i])}, web ${String(web[i])}`]));
    expect(differing).toEqual([]);
  });
});
