import { describe, expect, it } from 'vitest';
import { TEXT, type Lang } from '../../src/text/index.js';

/**
 * The Add figure / Add claim forms name a field in a problem (`所述数值（stated）`) by the word the
 * MyFigures / MyClaims header shows for its column, so the reader finds the same word in the pane
 * and in the sheet. `id` is left out: the header keeps the id column's name in every language.
 */
describe.each(['en', 'zh'] as Lang[])('form field names in %s', (lang) => {
  const t = TEXT[lang];
  const matching = (fieldNames: Readonly<Record<string, string>>, headers: Readonly<Record<string, string>>) =>
    Object.keys(fieldNames)
      .filter((field) => field !== 'id')
      .map((field) => [field, fieldNames[field], headers[field]]);

  it('the figure form names each field as the MyFigures header does', () => {
    for (const [field, name, header] of matching(t.own.figureForm.fieldNames, t.sheets.myFigures.headers)) expect(name, field).toBe(header);
  });

  it('the claim form names each field as the MyClaims header does', () => {
    for (const [field, name, header] of matching(t.myClaimForm.fieldNames, t.sheets.myClaims.headers)) expect(name, field).toBe(header);
  });
});
