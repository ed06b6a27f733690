/**
 * The manifest's requirement sets are the ones the code needs: derived from the code (every Office API
 * member it touches, with the set its type declaration names), so that Office never loads ClaimCell
 * where one of its calls would fail, and never refuses a host for a set nothing uses.
 */
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { apiUses, requiredSets } from '../../scripts/api-sets.js';

/** Sets that no type declaration names: the manifest states them for the runtime, not for an API call. */
const RUNTIME_SETS = new Set(['SharedRuntime']);

function manifestSets(): Map<string, string> {
  const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(readFileSync(new URL('../../manifest.xml', import.meta.url), 'utf8'));
  const sets = [xml.OfficeApp.Requirements.Sets.Set].flat() as { '@Name': string; '@MinVersion': string }[];
  return new Map(sets.map((s) => [s['@Name'], s['@MinVersion']]));
}

describe('manifest requirement sets', () => {
  const uses = apiUses();
  const needed = requiredSets(uses);

  it('finds the API calls in the code (the derivation works)', () => {
    expect(uses.some((u) => u.member === 'Excel.Range.dataValidation' && u.set === 'ExcelApi' && u.version === '1.8')).toBe(true);
    expect(uses.some((u) => u.member === 'CustomFunctions.Error' && u.version === '1.2')).toBe(true);
  });

  it('counts the page layout (ExcelApi 1.9) as optional: every use of it sits inside an isSetSupported guard', () => {
    const layout = uses.filter((u) => /PageLayout|pageLayout|HeaderFooter/.test(u.member));
    expect(layout.length).toBeGreaterThan(5);
    expect(layout.filter((u) => !u.guarded).map((u) => `${u.member} (${u.at})`)).toEqual([]);
    expect(layout.every((u) => u.set === 'ExcelApi' && u.version === '1.9')).toBe(true);
    expect(needed.get('ExcelApi')?.version).toBe('1.8');
  });

  it('declare exactly the highest version of each set the code calls', () => {
    const declared = manifestSets();
    const apiSets = new Map([...declared].filter(([name]) => !RUNTIME_SETS.has(name)));
    const expected = new Map([...needed].map(([set, use]) => [set, use.version]));
    const why = [...needed].map(([set, use]) => `${set} ${use.version}: ${use.member} (${use.at})`).join('\n');
    expect(Object.fromEntries(apiSets), why).toEqual(Object.fromEntries(expected));
    expect(declared.get('SharedRuntime')).toBe('1.1');
  });
});
