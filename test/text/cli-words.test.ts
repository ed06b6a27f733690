/** The CLI's words agree with the workbook's and with one another. */
import { expect, it } from 'vitest';
import { TEXT } from '../../src/text/index.js';

/**
 * `claimcell figure ID --lang zh` names a figure's fields with the Figures sheet's headers: in the
 * workbook 说明 is the figure's label and 来源说明 its source note, so the command must not call
 * the label 名称 and the source note 说明.
 */
it('the figure command names a figure\'s fields in Chinese as the Figures sheet does', () => {
  const cli = TEXT.zh.cliOutput.figure;
  const sheet = TEXT.zh.sheets.figures;
  expect({ label: cli.labels.label, note: cli.labels.note, otherLabel: cli.otherLabel, period: cli.labels.period, asWritten: cli.labels.asWritten }).toEqual({
    label: sheet.label,
    note: sheet.sourceNote,
    otherLabel: sheet.otherLabel,
    period: sheet.period,
    asWritten: sheet.asWritten,
  });
});

it('a row left out of a myclaims export is a warning worded as every other CLI warning', () => {
  for (const lang of ['en', 'zh'] as const) {
    const t = TEXT[lang].cliOutput;
    expect(t.myclaims.leftOut('P').startsWith(t.warning(''))).toBe(true);
  }
});
