/**
 * CLI start-up: wall time in ms from starting `node scripts/cli.mjs …` (what `npm run cli` runs;
 * npm's own start-up is not ClaimCell's) to its exit, median of 5 runs, target under 500 ms.
 * `--version` is the floor every command pays (bundle freshness check, loading the bundle, seed
 * validation); `figures` and `claims` add one command's work. The same through tsx, as
 * `npm run cli` ran before the bundle, is measured once for comparison.
 */
import { execFileSync } from 'node:child_process';
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
  report({ name: 'cli start-up through tsx (before the bundle): --version', value: await medianMs(() => exec([join('node_modules', 'tsx', 'dist', 'cli.mjs'), join('src', 'cli', 'bin.ts'), '--version']), 1, 0), unit: 'ms' });
}
