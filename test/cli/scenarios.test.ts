import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditAll } from '../../src/model/claims/index.js';
import { loadSeedScenarios } from '../../src/model/scenarios/index.js';
import { cli } from './run.js';

describe('cli scenarios', () => {
  it('lists the baseline and the shipped scenarios', async () => {
    const { code, out } = await cli('scenarios', 'list', '--json');
    expect(code).toBe(0);
    expect((JSON.parse(out) as { name: string }[]).map((r) => r.name)).toEqual(['Article', ...loadSeedScenarios().map((s) => s.name)]);
  });

  it('exports a file that imports back as valid', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cc-')), 's.json');
    expect((await cli('scenarios', 'export', file)).code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'claimcell.scenarios', version: 1 });
    const back = await cli('scenarios', 'import', file);
    expect(back.code).toBe(0);
    expect(back.out).toContain('valid');
  });

  it('rejects a bad file naming scenario, figure and field', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cc-')), 'bad.json');
    writeFileSync(file, JSON.stringify({ format: 'claimcell.scenarios', version: 1, scenarios: [{ name: 'x', createdAt: '', updatedAt: '', overrides: { NOPE: 1 } }] }));
    const { code, err } = await cli('scenarios', 'import', file);
    expect(code).toBe(1);
    expect(err).toContain('scenarios[0] "x".overrides.NOPE: unknown figure id');
  });

  it('audits claims under a scenario', async () => {
    const { out } = await cli('claims', '--json', '--scenario', 'Published values');
    const rows = JSON.parse(out) as { id: string; verdict: string }[];
    const expected = auditAll(loadSeedScenarios().find((s) => s.name === 'Published values')!.overrides, { margins: false });
    expect(rows.map((r) => r.verdict)).toEqual(expected.map((a) => a.verdict));
  });
});
