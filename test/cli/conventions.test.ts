import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCliBundle, isBundleFresh } from '../../scripts/cli-bundle.mjs';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { didYouMean } from '../../src/cli/suggest.js';
import { CLI_TEXT } from '../../src/cli/text.js';
import { ROOT } from '../paths.js';
import { cli } from './run.js';

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
/** Every command, and every subcommand named in a command's usage (`stress tornado`, `scenarios export`, …). */
const INVOCATIONS = COMMANDS.flatMap((c) => [
  [c.name],
  ...c.usage.map((line) => line.split(' ')).filter((w) => w[0] === c.name && w[1] !== undefined && /^[a-z]+$/.test(w[1])).map((w) => [c.name, w[1]!]),
]);

describe('CLI conventions', () => {
  it('finds the subcommands it is to check', () => {
    expect(INVOCATIONS).toContainEqual(['stress', 'montecarlo']);
    expect(INVOCATIONS).toContainEqual(['scenarios', 'import']);
  });

  it.each(INVOCATIONS.flatMap((words) => [[...words, '--help'], [...words, '-h']]))('%s %s %s answers with its usage and exit 0', async (...argv) => {
    const words = argv.filter((a): a is string => typeof a === 'string');
    const r = await cli(...words);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const usage = words.filter((w) => !w.startsWith('-')).join(' ');
    expect(r.out).toContain(`npm run -s cli -- ${usage} `);
  });

  it('help <command> prints that command\'s help, --help and -h the overview', async () => {
    expect(await cli('help', 'grade')).toEqual(await cli('grade', '--help'));
    expect((await cli('help', 'stress', 'breakeven')).out).toMatch(/stress breakeven <CLAIM> <INPUT>/);
    expect((await cli('help', 'stress', 'breakeven')).out).not.toMatch(/-- stress tornado/);
    for (const flag of ['--help', '-h', 'help']) {
      const r = await cli(flag);
      expect(r.code).toBe(0);
      for (const c of COMMANDS) expect(r.out).toContain(`  ${c.name} `);
    }
  });

  it('--version prints the package version', async () => {
    expect(await cli('--version')).toEqual({ code: 0, out: `claimcell ${VERSION}\n`, err: '' });
  });

  it('a mistyped command gets a "did you mean" on stderr and exit 2', async () => {
    const r = await cli('stres', 'tornado', 'X');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/unknown command "stres"; did you mean "stress"\?/);
    expect((await cli('claism')).err).toMatch(/did you mean "claims"/);
    expect((await cli('help', 'grdae')).err).toMatch(/did you mean "grade"/);
    expect((await cli('zzzzzz')).err).not.toMatch(/did you mean/);
    expect(didYouMean('eval', COMMANDS.map((c) => c.name))).toEqual(['eval']);
  });

  it('--lang zh: the overview, the claims list and errors are in Chinese', async () => {
    for (const c of COMMANDS) expect(CLI_TEXT.zh.summaries[c.name], c.name).toBeTruthy();
    const overview = await cli('--lang', 'zh', '--help');
    expect(overview.out).toContain('用法');
    for (const c of COMMANDS) expect(overview.out).not.toContain(c.summary);
    const claims = await cli('claims', '--lang=zh');
    expect(claims.code).toBe(0);
    expect(claims.out).toMatch(/共 \d+ 个论断：\d+ 一致/);
    expect(claims.out).not.toMatch(/\b(consistent|inconsistent|implausible|unverifiable|claims|reason|stated)\b/i);
    expect((await cli('--lang', 'zh', 'stres')).err).toMatch(/未知命令 "stres"；?.*您是想输入 "stress" 吗/);
    expect(await cli('--lang', 'fr', 'figures')).toMatchObject({ code: 2, out: '' });
  });
});

describe('the CLI bundle `npm run cli` runs', () => {
  it('is rebuilt when any source is newer than it', () => {
    const root = mkdtempSync(join(tmpdir(), 'claimcell-bundle-'));
    mkdirSync(join(root, 'src', 'cli'), { recursive: true });
    writeFileSync(join(root, 'src', 'cli', 'a.ts'), '');
    writeFileSync(join(root, 'package.json'), '{}');
    const bundle = join(root, 'bundle.mjs');
    expect(isBundleFresh(bundle, root)).toBe(false);
    writeFileSync(bundle, '');
    const now = Date.now() / 1000;
    utimesSync(join(root, 'src', 'cli', 'a.ts'), now - 60, now - 60);
    utimesSync(join(root, 'package.json'), now - 60, now - 60);
    expect(isBundleFresh(bundle, root)).toBe(true);
    utimesSync(join(root, 'src', 'cli', 'a.ts'), now + 60, now + 60);
    expect(isBundleFresh(bundle, root)).toBe(false);
  });

  it('built from scratch, prints what the sources print, without a TypeScript loader', async () => {
    const dir = join(ROOT, 'test-artifacts', 'cli-bundle');
    mkdirSync(dir, { recursive: true });
    const bundle = await buildCliBundle(join(dir, 'claimcell.mjs'));
    for (const argv of [['--version'], ['figure', 'PBOC_GOLD_ADDED', '--json'], ['--lang', 'zh', 'claims'], ['stress', 'montecarlo', 'BRICS_OCT_PARTS', '--samples', '20000', '--seed', '7', '--workers', '2', '--json']]) {
      const printed = execFileSync(process.execPath, [bundle, ...argv], { cwd: ROOT, encoding: 'utf8' });
      expect(printed, argv.join(' ')).toBe((await cli(...argv)).out);
    }
    const bad = spawnSync(process.execPath, [bundle, 'figure', 'NOPE'], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe((await cli('figure', 'NOPE')).err);
    expect(readFileSync(bundle, 'utf8')).not.toMatch(/from "tsx|register\(\)/);
    // Grading runs in worker threads, which load their own bundled entry beside the CLI's.
    const roster = join(dir, 'roster.csv');
    writeFileSync(roster, 'student_id\nalice\nbob\n');
    const seed = 'a long seed for the bundle test';
    execFileSync(process.execPath, [bundle, 'exercise', '--seed', seed, '--roster', roster, '--out', join(dir, 'class')], { cwd: ROOT });
    const graded = spawnSync(process.execPath, [bundle, 'grade', join(dir, 'class'), '--seed', seed], { cwd: ROOT, encoding: 'utf8' });
    expect(graded.stdout + graded.stderr).toMatch(/graded 2 of 2 file\(s\)/);
    expect(graded.status).toBe(0);
  }, 60_000);
});
