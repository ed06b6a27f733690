/**
 * `portable IN.xlsx OUT.xlsx`: swap-out, as @RISK does, for a colleague without the add-in; and
 * `portable --restore IN.xlsx OUT.xlsx`: swap-in, every recorded formula back as it was.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { partsLostInRewrite, swapInXlsx, swapOutXlsx } from '../../export/swap-xlsx.js';
import { SWAP_RECORD_SHEET, SwapError } from '../../model/swap/index.js';
import { parseOptions, UsageError, type CliCommand } from '../command.js';
import { ensureFolder, writeFileAtomic } from '../output.js';

function readInput(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'that is a folder, not a file' : (code ?? String(error))}`);
  }
}

export const portableCommand: CliCommand = {
  name: 'portable',
  summary: 'swap CLAIM.* formulas out for native ones (and back): portable [--restore] IN.xlsx OUT.xlsx',
  usage: [
    `portable IN.xlsx OUT.xlsx             swap out: every CLAIM.* arithmetic formula becomes its native form; CHECK, BREAKEVEN, PROB_HOLDS, FIGURE become their values with a note; a hidden sheet "${SWAP_RECORD_SHEET}" records each cell`,
    'portable --restore IN.xlsx OUT.xlsx   swap in: every recorded cell gets its original formula back (a cell changed since swap-out is kept and listed); the record sheet is removed',
  ],
  async run(args, io) {
    const { positional, flags } = parseOptions(args, { flags: ['restore'] });
    const [input, output, extra] = positional;
    if (!input || !output) throw new UsageError(`needs IN.xlsx and OUT.xlsx, got ${positional.length ? `only "${positional[0]}"` : 'neither'}`);
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    if (resolve(input) === resolve(output)) throw new UsageError(`OUT.xlsx must differ from IN.xlsx (${input}), so the original stays as it was`);
    const bytes = readInput(input);
    const lost = partsLostInRewrite(bytes);
    try {
      const path = resolve(output);
      if (flags.has('restore')) {
        const { bytes: out, plan } = await swapInXlsx(bytes, input);
        ensureFolder(dirname(path), path);
        writeFileAtomic(path, out);
        io.out(`${path}\n  ${plan.writes.length} formula(s) restored${plan.kept.length ? `, ${plan.kept.length} cell(s) kept as they are:` : ''}\n`);
        for (const k of plan.kept) io.out(`    ${k.sheet}!${k.address}: ${k.reason}\n`);
      } else {
        const { bytes: out, plan } = await swapOutXlsx(bytes, input);
        ensureFolder(dirname(path), path);
        writeFileAtomic(path, out);
        const native = plan.record.filter((r) => r.kind === 'native').length;
        const frozen = plan.record.filter((r) => r.kind === 'value');
        io.out(`${path}\n  ${native} formula(s) swapped to native Excel, ${frozen.length} replaced by their value${frozen.length ? ':' : ''}\n`);
        for (const r of frozen) io.out(`    ${r.sheet}!${r.address}: ${r.note}\n`);
      }
      if (lost.length) io.err(`warning: ${input} holds ${lost.join(', ')}, which the rewritten file does not carry over\n`);
      return 0;
    } catch (error) {
      if (error instanceof SwapError) throw new UsageError(error.message);
      throw error;
    }
  },
};
