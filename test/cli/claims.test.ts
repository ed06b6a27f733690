import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { auditAll } from '../../src/model/claims/index.js';
import { ROOT } from '../paths.js';
import { cli } from './run.js';

describe('cli claims', () => {
  it('prints the audit as JSON with the promised fields', async () => {
    const { code, out } = await cli('claims', '--json');
    expect(code).toBe(0);
    const rows = JSON.parse(out) as Record<string, unknown>[];
    expect(rows.map((r) => r.id)).toEqual(auditAll().map((a) => a.id));
    for (const row of rows) {
      for (const key of ['id', 'paragraphs', 'statementEn', 'statementZh', 'figures', 'formula', 'stated', 'recomputed', 'difference', 'tolerance', 'verdict', 'reason', 'margins']) {
        expect(row, `${String(row.id)}.${key}`).toHaveProperty(key);
      }
    }
  });

  it('prints dates as ISO dates in JSON, never as serial numbers', async () => {
    const rows = JSON.parse((await cli('claims', '--json')).out) as { id: string; stated: unknown; recomputed: unknown; bound: unknown; differenceUnit: string; checks: { stated: unknown }[] }[];
    const order = rows.find((r) => r.id === 'ORDER_DATE_VS_RECORD')!;
    expect(order).toMatchObject({ stated: '2025-01-14', recomputed: '2025-01-14', bound: '2026-01-14', differenceUnit: 'days' });
    expect(order.checks[0]!.stated).toBe('2026-01-14');
    expect(rows.find((r) => r.id === 'OFFICIAL_UST_GDP_RATIO')!.differenceUnit).toBe('pp');
  });

  it('says which check decided and what the article states, apart from the published bound', async () => {
    const { out } = await cli('claim', 'PBOC_YEAR_END_STOCK');
    expect(out).toMatch(/^article +74\.12$/m);
    expect(out).toContain('[decided the verdict]');
    expect(out).toContain('[explains only]');
    expect(out).not.toMatch(/\de[+-]?\d/);
  });

  it('groups the readable table by verdict', async () => {
    const { out } = await cli('claims');
    expect(out.indexOf('CONSISTENT')).toBeLessThan(out.indexOf('INCONSISTENT'));
    expect(out).toMatch(/\d+ claims: \d+ consistent, \d+ inconsistent, \d+ implausible, \d+ unverifiable/);
  });

  it('shows the full working of one claim', async () => {
    const { code, out } = await cli('claim', 'tariff_fills_deficit');
    expect(code).toBe(0);
    expect(out).toContain('=CLAIM.RATIO(TARIFF_REVENUE_TARGET_P14,US_DEFICIT_2025)');
    expect(out).toMatch(/check 2 +\[reference\]/);
  });

  it('rejects an unknown claim and an unknown scenario with exit code 2', async () => {
    expect((await cli('claim', 'NOPE')).code).toBe(2);
    const bad = await cli('claims', '--scenario', 'Nowhere');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('unknown scenario "Nowhere"');
  });

  it('works through npm with no build step', () => {
    const out = execFileSync('npm', ['run', '-s', 'cli', '--', 'claims', '--json'], { cwd: ROOT, encoding: 'utf8' });
    expect((JSON.parse(out) as unknown[]).length).toBe(auditAll().length);
  });
});
