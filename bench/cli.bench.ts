/**
 * CLI start-up: wall time in ms from starting `node scripts/cli.mjs …` (what `npm run cli` runs;
 * npm's own start-up is not ClaimCell's) to its exit, median of 5 runs, target under 500 ms.
 * `--version` is the floor every command pays (bundle freshness check, loading the bundle, seed
 * validation); `figures` and `claims` add one command's work. The same through tsx, as
 * `npm run cli` ran before the bundle, is measured once for comparison.
 *
 * The export commands end to end, median of 3: `workbook` with its default Simulation (1000
 * trials) and Stress sheets, `portable` on that file (82,474 formulas, none CLAIM.*: the time is
 * reading every formula and rewriting the file) and `portable --restore` of the result.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCliBundle, isBundleFresh } from '../scripts/cli-bundle.mjs';
import { root } from '../test/e2e/support.js';
import { medianMs } from './timing.js';
import type { Report } from './run.js';

const exec = (args: readonly string[]): void => {
  execFileSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
};

export async function run(report: Report): Promise<void> {
  if (!isBundleFresh()) await buildCliBundle();
  for (const args of [['--version'], ['figures'], ['claims']]) {
    report({ name: `cli start-up: ${args.join(' ')}`, value: await medianMs(() => exec([join('scripts', 'cli.mjs'), ...args])), unit: 'ms' });
  }
  const dir = mkdtempSync(join(tmpdir(), 'claimcell-bench-cli-'));
  try {
    const [book, swapped, restored] = ['book.xlsx', 'book-portable.xlsx', 'book-restored.xlsx'].map((f) => join(dir, f)) as [string, string, string];
    const cli = (...args: string[]) => () => exec([join('scripts', 'cli.mjs'), ...args]);
    report({ name: 'cli export: workbook (Simulation 1000 trials, Stress sheet)', value: await medianMs(cli('workbook', '--out', book), 3, 0), unit: 'ms' });
    report({ name: 'cli export: portable (swap out the workbook above)', value: await medianMs(cli('portable', book, swapped), 3, 0), unit: 'ms' });
    report({ name: 'cli export: portable --restore', value: await medianMs(cli('portable', '--restore', swapped, restored), 3, 0), unit: 'ms' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  report({ name: 'cli start-up through tsx (before the bundle): --version', value: await medianMs(() => exec([join('node_modules', 'tsx', 'dist', 'cli.mjs'), join('src', 'cli', 'bin.ts'), '--version']), 1, 0), unit: 'ms' });
}
