import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOCS_PATH, renderDocs } from '../scripts/gen-docs.js';
import { FUNCTIONS } from '../src/model/registry/index.js';

describe('docs/functions.md', () => {
  it('is current (regenerate with npx tsx scripts/gen-docs.ts)', () => {
    expect(readFileSync(DOCS_PATH, 'utf8')).toBe(renderDocs());
  });

  it('documents every function bilingually with its parameters and examples', () => {
    const docs = renderDocs();
    for (const spec of FUNCTIONS) {
      expect(docs).toContain(`## ${spec.name}`);
      expect(docs).toContain(spec.descriptionZh);
      for (const p of spec.params) expect(docs).toContain(p.descriptionZh);
      expect(docs).toContain(`=CLAIM.${spec.name}(`);
    }
  });
});
