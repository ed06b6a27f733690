import { describe, expect, it } from 'vitest';
import { checkClaimForm, checkFigureForm, type ClaimForm, type UserTableProblem, type UserTables } from '../../../src/model/user/index.js';
import { userProblemText } from '../../../src/text/messages.js';

/** A form check with its problems rendered in English, as the pane shows them in English. */
const inEnglish = (r: { problems: UserTableProblem[] } | object) => ('problems' in r ? { problems: r.problems.map((p) => userProblemText(p, 'en')) } : r);

const current: UserTables = {
  figures: [{ id: 'MY_YIELD', label: 'yield', value: 0.04, unit: 'percent' }],
  claims: [{ id: 'MY_INCOME', statement: 's', recompute: '=CN_UST_HOLDINGS*MY_YIELD', stated: 25, compare: 'atLeast' }],
};
const form: ClaimForm = { id: 'MY_NEW', statement: 'new', recompute: 'CN_UST_HOLDINGS*MY_YIELD', stated: '20', compare: 'atLeast', tolerance: '' };

describe('the Add claim and Add figure forms', () => {
  it('accept a good row (a formula without "=" is one)', () => {
    expect(checkClaimForm(form, current)).toEqual({ claim: { id: 'MY_NEW', statement: 'new', recompute: '=CN_UST_HOLDINGS*MY_YIELD', stated: 20, compare: 'atLeast' } });
    expect(checkFigureForm({ id: 'MY_RATE', label: 'r', value: '0.3', unit: 'percent' }, current)).toEqual({ figure: { id: 'MY_RATE', label: 'r', value: 0.3, unit: 'percent' } });
  });

  it.each([
    [{ id: 'MY_INCOME' }, 'id: "MY_INCOME" is used by an earlier row'],
    [{ id: 'my_income' }, 'id: "my_income" is used by an earlier row'],
    [{ id: 'B12' }, 'id: "B12" would be read by Excel as a cell reference'],
    [{ id: 'BRICS_OCT_PARTS' }, 'id: "BRICS_OCT_PARTS" is already a claim of the article'],
    [{ recompute: '=NOT_KNOWN/2' }, 'recompute "=NOT_KNOWN/2": unknown name NOT_KNOWN'],
    [{ stated: '=SUM(1)' }, 'stated "=SUM(1)": unsupported function SUM'],
    [{ compare: 'roughly' }, 'compare: "roughly" is not one of approx, atLeast, atMost, between'],
    [{ compare: 'between' }, 'tolerance: compare "between" needs the upper bound here'],
  ])('rejects %j: %s', (change, problem) => {
    expect(inEnglish(checkClaimForm({ ...form, ...change }, current))).toEqual({ problems: [problem] });
  });

  it('rejects a bad unit, a bad value and a clash with the article, naming field and value', () => {
    expect(inEnglish(checkFigureForm({ id: 'MY_X', label: 'x', value: 'lots', unit: 'furlongs' }, current))).toEqual({
      problems: ['value: "lots" is not a number', expect.stringMatching(/^unit: "furlongs" is not one of ClaimCell's units \(usd_bn, /)],
    });
    expect(inEnglish(checkFigureForm({ id: 'WORLD_GDP', label: 'x', value: '1', unit: 'usd_bn' }, current))).toEqual({ problems: ['id: "WORLD_GDP" is already a figure of the article or a reference'] });
  });
});
