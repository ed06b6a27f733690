import { describe, expect, it } from 'vitest';
import { inProcessLink, monteCarloForClaimOnWorkers } from '../../src/model/stress/claim-workers.js';
import { monteCarloForClaim } from '../../src/model/stress/claim-montecarlo.js';
import { checkFigureForm, userStress, type UserTableProblem, type UserTables } from '../../src/model/user/index.js';
import { exampleUserTables } from '../../src/plan/index.js';
import { figureProblemText } from '../../src/taskpane/sections/my-figures.js';

describe('the Add figure form\'s problems', () => {
  const current: UserTables = exampleUserTables();
  const problems = (form: Partial<Parameters<typeof checkFigureForm>[0]>): UserTableProblem[] => {
    const r = checkFigureForm({ id: 'MY_RATE', label: 'rate', value: '0.05', unit: 'percent', ...form }, current);
    return 'problems' in r ? r.problems : [];
  };

  it('name the field and the value, in English and Chinese', () => {
    const unit = problems({ unit: 'furlongs' });
    expect(unit).toHaveLength(1);
    expect(figureProblemText(unit[0]!, 'en')).toMatch(/^unit: "furlongs" is not one of ClaimCell's units/);
    expect(figureProblemText(unit[0]!, 'zh')).toMatch(/^单位（unit）：“furlongs”不是 ClaimCell 的单位/);
    const value = problems({ value: 'lots' });
    expect(figureProblemText(value[0]!, 'zh')).toBe('数值（value）：“lots”不是数字');
    const clash = problems({ id: 'WORLD_GDP' });
    expect(figureProblemText(clash[0]!, 'zh')).toBe('编号（id）：“WORLD_GDP”已是文章的数字或参考数据');
    const duplicate = problems({ id: 'my_ust_yield' });
    expect(figureProblemText(duplicate[0]!, 'en')).toBe('id: "my_ust_yield" is used by an earlier row');
    expect(figureProblemText(duplicate[0]!, 'zh')).toBe('编号（id）：“my_ust_yield”已被前面的行使用');
    const cell = problems({ id: 'AB12' });
    expect(figureProblemText(cell[0]!, 'zh')).toBe('编号（id）：“AB12”会被 Excel 当作单元格引用');
    expect(problems({})).toEqual([]);
  });
});

describe('a user\'s claim on the Monte Carlo workers', () => {
  it('is sent as rows and gives the numbers of the one-thread run', async () => {
    const tables = exampleUserTables();
    const overrides = new Map([['CN_UST_HOLDINGS', 700]]);
    const request = { claimId: 'MY_UST_INCOME', samples: 4000, seed: 5, overrides: Object.fromEntries(overrides), mine: tables };
    // plain data: what postMessage can clone
    expect(structuredClone(request)).toEqual(request);
    const { workingBytes: _b, workers: _w, ...onWorkers } = await monteCarloForClaimOnWorkers(request, [inProcessLink(), inProcessLink()]);
    const user = userStress(tables, overrides);
    expect(onWorkers).toEqual(monteCarloForClaim('MY_UST_INCOME', { samples: 4000, seed: 5, ...user }));
    expect(onWorkers.baseOutput).toBeCloseTo(700 * 0.04, 9);
  });
});
