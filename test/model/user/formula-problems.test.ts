import { describe, expect, it } from 'vitest';
import { parseUserFormula, userNameResolver, type FormulaReading } from '../../../src/model/user/index.js';
import { TEXT } from '../../../src/text/index.js';

const resolve = userNameResolver([{ id: 'MY_EXPORTS', label: 'exports', value: 500, unit: 'usd_bn' }]);
const problemOf = (formula: string): object => {
  const reading: FormulaReading = parseUserFormula(formula, resolve);
  if ('expr' in reading) throw new Error(`${formula} was read`);
  return reading.problem;
};

describe('a formula problem as data', () => {
  it.each([
    ['=SUM(MY_EXPORTS)', { code: 'unsupportedFunction', name: 'SUM', at: 1, part: 'SUM' }],
    ['=1+claim.ratio(1)', { code: 'arity', name: 'claim.ratio', min: 2, max: 2, got: 1, at: 3, part: 'claim.ratio' }],
    ['=sqrt(1,2)', { code: 'arity', name: 'SQRT', min: 1, max: 1, got: 2, at: 1, part: 'sqrt' }],
    ['=CLAIM.PARTS_GAP(1,2)', { code: 'rangeParameter', name: 'CLAIM.PARTS_GAP', at: 1, part: 'CLAIM.PARTS_GAP' }],
    ['=CLAIM.NOPE(1)', { code: 'unknownFunction', name: 'CLAIM.NOPE', at: 1, part: 'CLAIM.NOPE' }],
    ['= MY_EXPORTS + NOPE', { code: 'unknownName', name: 'NOPE', at: 15, part: 'NOPE' }],
    ['=$B$2*2', { code: 'cellReference', reference: '$B$2', at: 1, part: '$B$2' }],
    ['=MY_EXPORTS>=1', { code: 'unsupportedOperator', operator: '>=', at: 11, part: '>=' }],
  ])('%s', (formula, problem) => {
    expect(problemOf(formula)).toMatchObject(problem);
  });

  it('carries its English words, and the Chinese catalogue renders the same data', () => {
    const problem = parseUserFormula('=CLAIM.TROY_OZ_TO_TONNES(1,2)', resolve);
    expect('problem' in problem && problem.problem.message).toBe('CLAIM.TROY_OZ_TO_TONNES takes 1 argument, got 2');
    expect('problem' in problem && TEXT.zh.exprProblem(problem.problem)).toBe('CLAIM.TROY_OZ_TO_TONNES 需要 1 个参数，实际为 2 个');
  });
});
