import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadFigures } from '../../src/model/figures/index.js';
import { ROOT } from '../paths.js';
import { cli } from './run.js';

describe('cli figures', () => {
  it('prints every figure with all catalogue fields as JSON', async () => {
    const { code, out } = await cli('figures', '--json');
    expect(code).toBe(0);
    const printed = JSON.parse(out) as Record<string, unknown>[];
    expect(printed).toEqual(loadFigures());
    for (const f of printed) {
      for (const field of ['id', 'value', 'unit', 'period', 'paragraph', 'asWritten', 'labelEn', 'labelZh', 'kind']) {
        expect(f, `${String(f.id)}.${field}`).toHaveProperty(field);
      }
    }
  });

  it('prints a readable table', async () => {
    const { code, out } = await cli('figures');
    expect(code).toBe(0);
    expect(out).toMatch(/CN_UST_HOLDINGS\s+682\.6\s+USD bn/);
  });

  it('shows one figure', async () => {
    const { code, out } = await cli('figure', 'WORLD_GDP', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ id: 'WORLD_GDP', value: 123580, unit: 'usd_bn', paragraph: 27 });
  });

  it('answers an unknown id and a bad flag on stderr with exit code 2', async () => {
    const unknown = await cli('figure', 'NO_SUCH_FIGURE');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown figure id "NO_SUCH_FIGURE"');
    const badFlag = await cli('figures', '--jsn');
    expect(badFlag.code).toBe(2);
    expect(badFlag.err).toContain('unknown option --jsn');
    const badCommand = await cli('figgures');
    expect(badCommand.code).toBe(2);
  });

  it('runs through npm with no build step', () => {
    const out = execFileSync('npm', ['run', '-s', 'cli', '--', 'figure', 'PBOC_GOLD_ADDED', '--json'], { cwd: ROOT, encoding: 'utf8' });
    expect(JSON.parse(out)).toMatchObject({ value: 26.75, unit: 'tonnes' });
    const bad = spawnSync('npm', ['run', '-s', 'cli', '--', 'figure', 'NOPE'], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown figure id');
  });
});
