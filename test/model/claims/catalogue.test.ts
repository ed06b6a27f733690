import { describe, expect, it } from 'vitest';
import seed from '../../../seeds/claims.json';
import { loadClaims, parseClaimCatalogue } from '../../../src/model/claims/index.js';
import { loadFigures } from '../../../src/model/figures/index.js';
import { loadReferences } from '../../../src/model/references/index.js';
import { DataValidationError } from '../../../src/model/validation/index.js';

type Seed = { claims: Record<string, unknown>[]; contextOnly: { figure: string; why: string }[] };
const clone = (): Seed => structuredClone(seed) as Seed;

function problems(data: unknown): string[] {
  try {
    parseClaimCatalogue(data);
    return [];
  } catch (error) {
    if (error instanceof DataValidationError) return [...error.problems];
    throw error;
  }
}

describe('claim catalogue', () => {
  it('uses every figure in a claim or lists it as context-only with a reason', () => {
    const { claims, contextOnly } = loadClaims();
    const used = new Set([...claims.flatMap((c) => c.figures), ...contextOnly.map((c) => c.figure)]);
    for (const figure of loadFigures()) expect(used.has(figure.id), figure.id).toBe(true);
  });

  it('fails when a figure is neither used nor context-only', () => {
    const data = clone();
    data.contextOnly = data.contextOnly.filter((c) => c.figure !== 'IRAN_TARIFF_RATE');
    expect(problems(data).join('\n')).toContain('figure IRAN_TARIFF_RATE is used by no claim');
  });

  it('names the claim and field for an unknown id, an unknown function and a syntax error', () => {
    const data = clone();
    data.claims[0]!.recompute = 'INDIA_UST_CUT_OCT + NO_SUCH_FIGURE';
    data.claims[1]!.recompute = 'NO_SUCH_FN(WORLD_GDP)';
    data.claims[2]!.recompute = 'WORLD_GDP * (1 +';
    const found = problems(data).join('\n');
    expect(found).toContain('claims[0] (BRICS_OCT_PARTS).recompute: unknown figure or reference "NO_SUCH_FIGURE"');
    expect(found).toContain('claims[1] (OFFICIAL_UST_GDP_RATIO).recompute: unknown function "NO_SUCH_FN"');
    expect(found).toMatch(/claims\[2\] \(TARIFF_TARGET_REPEATED\)\.recompute: the formula ends where a value is expected at character 17/);
  });

  it('requires a tolerance on approx checks and says which data would settle a claim without checks', () => {
    const data = clone();
    delete (data.claims[0]!.checks as Record<string, unknown>[])[0]!.tolerance;
    delete data.claims[8]!.needs;
    const found = problems(data).join('\n');
    expect(found).toContain('claims[0] (BRICS_OCT_PARTS).checks[0].tolerance: an approx check needs a tolerance');
    expect(found).toContain('claims[8] (CN_UST_RMB_CONVERSION).needs');
  });

  it('requires the paragraph list to be the paragraphs of the claim\'s figures', () => {
    const data = clone();
    data.claims[0]!.paragraphs = [8, 9];
    expect(problems(data).join('\n')).toContain('claims[0] (BRICS_OCT_PARTS).paragraphs: [8, 9] should be [8]');
  });

  it('rejects a finding or a needs text that quotes a number other than a year or a month', () => {
    const data = clone();
    (data.claims[8]!.needs as { en: string }).en = 'The rate of 7.2 the author used';
    expect(problems(data).join('\n')).toContain('claims[8] (CN_UST_RMB_CONVERSION).needs.en: needs may name periods (years, months) only, but quotes "7.2"');
  });

  it('gives every reference its publisher, series, as-of date and source URL, and uses each one', () => {
    const used = new Set(loadClaims().claims.flatMap((c) => c.references));
    for (const ref of loadReferences()) {
      expect(ref.publisher.length, ref.id).toBeGreaterThan(2);
      expect(ref.url, ref.id).toMatch(/^https?:\/\//);
      expect(used.has(ref.id), `${ref.id} is used by a claim`).toBe(true);
    }
  });

  it('states every tolerance with its reason', () => {
    for (const claim of loadClaims().claims) {
      for (const check of claim.compiledChecks) expect(check.toleranceWhy.length, claim.id).toBeGreaterThan(10);
      for (const check of claim.compiledChecks) expect(check.toleranceWhyZh, claim.id).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
