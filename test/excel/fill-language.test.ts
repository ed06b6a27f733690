import { describe, expect, it } from 'vitest';
import { fillWorkbook, type WorkbookState } from '../../src/excel/fill.js';
import { auditAll } from '../../src/model/claims/index.js';
import { articlePlan, CLAIM_COLUMNS, SCENARIO_NAMES, SHEETS, cellAddress } from '../../src/plan/index.js';
import { TEXT, type Lang } from '../../src/text/index.js';
import { createClaimHost } from './host.js';

const planIn = (lang: Lang) => (state: WorkbookState) => articlePlan(state, { lang });

interface Snapshot {
  readonly conditionalFormats: readonly { address: string; formula: string }[];
}

describe('refilling a workbook in the other language', () => {
  it('switches every header and verdict word, keeps the codes, and a formula of the user that tests codes', async () => {
    const host = createClaimHost();
    await fillWorkbook(host.run, planIn('en'));
    // The user's own sheet counts consistent claims from the code column, and reads one code.
    await host.run(async (context) => {
      const mine = context.workbook.worksheets.add('Mine');
      mine.getRange('A1:B1').formulas = [[`=COUNTIF(${SHEETS.claims}!$N$2:$N$200,"consistent")`, `=${SHEETS.claims}!N2`]];
      await context.sync();
    });
    const audits = auditAll();
    const consistent = audits.filter((a) => a.verdict === 'consistent').length;
    expect(host.getCellValue('Mine', 'A1')).toBe(consistent);

    for (const lang of ['zh', 'en', 'zh'] as const) {
      const result = await fillWorkbook(host.run, planIn(lang));
      expect(result.status, lang).toBe('written');
      const t = TEXT[lang];
      expect(host.getCellValue(SHEETS.claims, cellAddress(1, CLAIM_COLUMNS.verdict))).toBe(t.sheets.claims.verdict);
      expect(host.getCellValue(SHEETS.claims, cellAddress(1, CLAIM_COLUMNS.stated))).toBe(t.sheets.claims.stated);
      audits.forEach((audit, i) => {
        expect(host.getCellValue(SHEETS.claims, cellAddress(i + 2, CLAIM_COLUMNS.verdict)), audit.id).toBe(t.verdicts[audit.verdict]);
        expect(host.getCellValue(SHEETS.claims, cellAddress(i + 2, CLAIM_COLUMNS.verdictCode)), audit.id).toBe(audit.verdict);
      });
      expect(host.getCellValue('Mine', 'A1'), lang).toBe(consistent);
      expect(host.getCellValue('Mine', 'B1'), lang).toBe(audits[0]!.verdict);
      // The scenario keys stay; the row above shows them in the language.
      expect(host.getCellValue(SHEETS.scenarios, cellAddress(SCENARIO_NAMES.row, SCENARIO_NAMES.firstColumn + 1))).toBe('Stated ranges: low ends');
      expect(host.getCellValue(SHEETS.scenarios, cellAddress(SCENARIO_NAMES.row - 1, SCENARIO_NAMES.firstColumn + 1))).toBe(lang === 'zh' ? '文中区间：取低端' : 'Stated ranges: low ends');
    }
    expect(String(host.getCellValue(SHEETS.about, 'A1'))).toMatch(/核对/);
  });

  it('colours verdicts by the code column, never by the words', async () => {
    const host = createClaimHost();
    await fillWorkbook(host.run, planIn('zh'));
    const snap = host.snapshot() as Snapshot;
    const rules = snap.conditionalFormats.filter((cf) => cf.address.startsWith(`${SHEETS.claims}!`));
    expect(rules.length).toBe(8);
    for (const rule of rules) expect(rule.formula).toMatch(/^=\$N2="(consistent|inconsistent|implausible|unverifiable)"$/);
    for (const word of Object.values(TEXT.zh.verdicts)) expect(JSON.stringify(rules)).not.toContain(word);
  });
});
