import { runCli } from '../../src/cli/main.js';
import { englishIn } from '../text/latin.js';

/** Runs the CLI in-process and captures what it prints. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** English words in CLI output, leaving out what the output quotes as data (formulas, check codes). */
export const englishInCliOutput = (out: string): string[] =>
  out
    .split('\n')
    // Formulas and the check line's own codes ([article] approx) are syntax the CLI quotes.
    .filter((line) => !/^(CLAIM|原生公式)：|^检验 \d+：/.test(line))
    .flatMap((line) => englishIn(line));
