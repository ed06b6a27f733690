/**
 * Only #VALUE! and #N/A carry a custom message in Excel. A ClaimCell function whose message tells the
 * user what to type must answer with one of them, or the hint never reaches the cell's error indicator.
 */
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../src/model/registry/index.js';
import { createClaimHost } from './host.js';

async function enter(formulas: string[][]) {
  const host = createClaimHost();
  await host.run(async (context) => {
    context.workbook.worksheets.getItem('Sheet1').getRange(`A1:A${formulas.length}`).formulas = formulas;
    await context.sync();
  });
  return host;
}

describe('function errors as Excel shows them (simulated host drops messages Excel drops)', () => {
  it('a whole-number percent where a fraction is expected shows the hint', async () => {
    const host = await enter([['=CLAIM.TARIFF_REVENUE(1056, 25)']]);
    expect(host.getCellValue('Sheet1', 'A1')).toBe('#VALUE!');
    expect(host.getCellErrorMessage('Sheet1', 'A1')).toBe('rate 25 looks like a percent; enter 0.25 or 25%');
  });

  it('every #NUM! example of the registry shows #VALUE! with its message in the cell; #DIV/0! and #N/A keep their codes', async () => {
    const literal = (v: unknown): string => (typeof v === 'string' ? `"${v}"` : typeof v === 'boolean' ? String(v).toUpperCase() : v === null ? '' : String(v));
    const cases = FUNCTIONS.flatMap((spec) =>
      spec.examples
        .filter((e) => typeof e.result === 'string' && e.result.startsWith('#') && e.args.every((a) => !Array.isArray(a)))
        .map((e) => ({ formula: `=CLAIM.${spec.name}(${e.args.map(literal).join(', ')})`, expected: e.result as string })),
    );
    expect(cases.filter((c) => c.expected === '#NUM!').length).toBeGreaterThan(5);
    const host = await enter(cases.map((c) => [c.formula]));
    cases.forEach((c, i) => {
      const value = host.getCellValue('Sheet1', `A${i + 1}`);
      const message = host.getCellErrorMessage('Sheet1', `A${i + 1}`);
      if (c.expected === '#NUM!' || c.expected === '#VALUE!') {
        expect(value, c.formula).toBe('#VALUE!');
        expect(message, c.formula).toMatch(/\w/);
      } else {
        expect(value, c.formula).toBe(c.expected);
        if (c.expected === '#N/A') expect(message, c.formula).toMatch(/\w/);
      }
    });
  });
});
