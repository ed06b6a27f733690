/**
 * Every command and subcommand of the CLI, run with `--lang zh`: what it prints (stdout, and what a
 * successful run says on stderr) and its `--help` hold no English beyond the allowlist of
 * test/text/latin.ts. The list of runs is checked against the CLI's own command list, so a new
 * command or subcommand fails here until it is covered.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { cli, englishInCliOutput } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'cc-zh-all-'));
const at = (name: string): string => join(dir, name);
/** The output without the paths of the files the runs write (a path is the user's, not ClaimCell's words). */
const withoutPaths = (text: string): string => text.replace(new RegExp(`${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\\s，。；、）)"]*`, 'g'), '');

/** One command line per form, each run in order (later ones read the files earlier ones write). */
const RUNS: readonly (readonly string[])[] = [
  ['figures'],
  ['figure', 'CN_UST_HOLDINGS'],
  ['figure', 'DELIVERY_DELAY_LOW'],
  ['claims'],
  ['claims', '--scenario', 'Published values', '--set', 'AI_CHIP_TARIFF_RATE=0.3'],
  ['claim', 'PBOC_GOLD_ADDED_VS_STOCK'],
  ['eval', 'TARIFF_REVENUE', '1056', '0.25'],
  ['scenarios', 'list'],
  ['scenarios', 'export', at('scenarios.json')],
  ['scenarios', 'import', at('scenarios.json')],
  ['workbook', '--out', at('book.xlsx'), '--sim-trials', '10', '--samples', '200'],
  ['claims', '--workbook', at('book.xlsx')],
  ['stress', 'tornado', 'TARIFF_IMPLIED_BASE'],
  ['stress', 'table', 'OFFICIAL_UST_GDP_RATIO', 'OFFICIAL_UST_HOLDINGS', 'WORLD_GDP', '--steps', '3'],
  ['stress', 'breakeven', 'TARIFF_IMPLIED_BASE', 'AI_CHIP_TARIFF_RATE'],
  ['stress', 'breakeven', 'TARIFF_IMPLIED_BASE', 'AI_CHIP_TARIFF_RATE', '--target', '1000'],
  ['stress', 'breakeven', 'BRICS_OCT_PARTS', 'BRAZIL_UST_CUT_OCT', '--target', '-100000'],
  ['stress', 'montecarlo', 'BRICS_OCT_PARTS', '--samples', '500', '--seed', '3', '--workers', '1'],
  ['stress', 'montecarlo', 'OFFICIAL_UST_NEAR_10TN', '--precision', '0.02', '--max-samples', '20000', '--seed', '7', '--workers', '1'],
  ['stress', 'montecarlo', 'BRICS_OCT_PARTS', '--samples', '500', '--seed', '7', '--corr', 'INDIA_UST_CUT_OCT,CHINA_UST_CUT_OCT,0.6'],
  ['stress', 'montecarlo', 'OFFICIAL_UST_NEAR_10TN', '--samples', '500', '--seed', '7', '--workers', '1', '--quantiles', 'OFFICIAL_UST_HOLDINGS=9000,9360,9800'],
  ['stress', 'montecarlo', 'TARIFF_IMPLIED_BASE', '--samples', '500', '--seed', '7', '--workers', '1', '--workbook', at('book.xlsx')],
  ['stress', 'drivers', 'OFFICIAL_UST_NEAR_10TN', '--seed', '7', '--samples', '500'],
  ['stress', 'breakeven', 'OFFICIAL_UST_NEAR_10TN', 'OFFICIAL_UST_HOLDINGS', '--probability', '0.5', '--seed', '7', '--samples', '500'],
  ['stress', 'ptable', 'OFFICIAL_UST_NEAR_10TN', 'OFFICIAL_UST_HOLDINGS', 'UST_PSYCH_THRESHOLD', '--seed', '7', '--steps', '3', '--samples', '500'],
  ['stress', 'sipmath', 'export', at('sip.json'), '--claim', 'BRICS_OCT_PARTS'],
  ['stress', 'sipmath', 'import', at('sip.json')],
  ['exercise', '--seed', 'short', '--roster', at('roster.csv'), '--out', at('class'), '--level', 'medium'],
  ['grade', at('class'), '--seed', 'short'],
  ['myclaims', 'export', at('mine.json'), '--workbook', at('book.xlsx')],
  ['myclaims', 'import', at('mine.json'), '--workbook', at('book.xlsx')],
  ['portable', at('book.xlsx'), at('book-portable.xlsx')],
  ['portable', '--restore', at('book-portable.xlsx'), at('book-restored.xlsx')],
];

/** The subcommands a command's usage lists (`stress tornado …` → tornado), for the coverage check. */
function subcommandsOf(name: string): string[] {
  const usage = COMMANDS.find((c) => c.name === name)!.usage;
  return [...new Set(usage.map((line) => line.split(' ')[1]!).filter((word) => /^[a-z]+$/.test(word)))];
}

describe('every CLI command with --lang zh', () => {
  const outputs = new Map<string, { code: number; out: string; err: string }>();
  beforeAll(async () => {
    writeFileSync(at('roster.csv'), 'student_id,name\nS1,甲\nS2,乙\n');
    for (const args of RUNS) outputs.set(args.join(' '), await cli(...args, '--lang', 'zh'));
  }, 240_000);

  it('covers every command and every subcommand', () => {
    for (const command of COMMANDS) {
      expect(RUNS.some((r) => r[0] === command.name), command.name).toBe(true);
      for (const sub of subcommandsOf(command.name)) expect(RUNS.some((r) => r[0] === command.name && r[1] === sub), `${command.name} ${sub}`).toBe(true);
    }
  });

  it.each(RUNS.map((r) => [r.join(' ').replace(dir, '…')]))('%s prints Chinese', (line) => {
    const { code, out, err } = outputs.get(line.replace('…', dir))!;
    expect(code, `${line}\n${err}`).toBe(0);
    expect(englishInCliOutput(withoutPaths(out)), out).toEqual([]);
    expect(englishInCliOutput(withoutPaths(err)), err).toEqual([]);
  });

  it('--help of every command and subcommand is Chinese', async () => {
    const lines = [...COMMANDS.map((c) => [c.name]), ...COMMANDS.flatMap((c) => subcommandsOf(c.name).map((sub) => [c.name, sub]))];
    const english: string[] = [];
    for (const words of lines) {
      const { code, out } = await cli(...words, '--help', '--lang', 'zh');
      expect(code, words.join(' ')).toBe(0);
      english.push(...englishInCliOutput(out).map((word) => `${words.join(' ')} --help: ${word}`));
    }
    expect(english).toEqual([]);
    const overview = await cli('--help', '--lang', 'zh');
    expect(englishInCliOutput(overview.out)).toEqual([]);
  });

  it('the same runs in English do print English (the scan can fail)', async () => {
    const { out } = await cli('stress', 'ptable', 'OFFICIAL_UST_NEAR_10TN', 'OFFICIAL_UST_HOLDINGS', 'UST_PSYCH_THRESHOLD', '--seed', '7', '--steps', '3', '--samples', '500');
    expect(englishInCliOutput(out).length).toBeGreaterThan(3);
  });
});
