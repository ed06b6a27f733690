/**
 * `portable IN.xlsx OUT.xlsx`: swap-out, as @RISK does, for a colleague without the add-in; and
 * `portable --restore IN.xlsx OUT.xlsx`: swap-in, every recorded formula back as it was.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { partsLostInRewrite, swapInXlsx, swapOutXlsx } from '../../export/swap-xlsx.js';
import { SwapError } from '../../model/swap/index.js';
import { TEXT, type SwapText } from '../../text/index.js';
import { swapProblemText } from '../../text/messages.js';
import { parseOptions, UsageError, type CliCommand } from '../command.js';
import { ensureFolder, writeFileAtomic } from '../output.js';

function readInput(file: string, words: SwapText): Uint8Array {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(words.cannotRead(file, code === 'ENOENT' ? 'missing' : code === 'EISDIR' ? 'folder' : (code ?? String(error))));
  }
}

export const portableCommand: CliCommand = {
  name: 'portable',
  summary: 'swap CLAIM.* formulas out for native ones (and back): portable [--restore] IN.xlsx OUT.xlsx',
  usage: TEXT.en.swap.usage,
  usageIn: (lang) => TEXT[lang].swap.usage,
  async run(args, io) {
    const lang = io.lang ?? 'en';
    const words = TEXT[lang].swap;
    const { positional, flags } = parseOptions(args, { flags: ['restore'] });
    const [input, output, extra] = positional;
    if (!input || !output) throw new UsageError(words.needsFiles(positional[0]));
    if (extra !== undefined) throw new UsageError(words.unexpectedArgument(extra));
    if (resolve(input) === resolve(output)) throw new UsageError(words.sameFile(input));
    const bytes = readInput(input, words);
    const lost = partsLostInRewrite(bytes);
    try {
      const path = resolve(output);
      if (flags.has('restore')) {
        const { bytes: out, plan } = await swapInXlsx(bytes, input, lang);
        ensureFolder(dirname(path), path);
        writeFileAtomic(path, out);
        io.out(`${path}\n  ${words.restored(plan.writes.length, plan.kept.length)}\n`);
        for (const k of plan.kept) io.out(`    ${k.sheet}!${k.address}: ${k.reason}\n`);
      } else {
        const { bytes: out, plan } = await swapOutXlsx(bytes, input, lang);
        ensureFolder(dirname(path), path);
        writeFileAtomic(path, out);
        const native = plan.record.filter((r) => r.kind === 'native').length;
        const frozen = plan.record.filter((r) => r.kind === 'value');
        io.out(`${path}\n  ${words.swappedOut(native, frozen.length)}\n`);
        for (const r of frozen) io.out(`    ${r.sheet}!${r.address}: ${r.note}\n`);
      }
      if (lost.length) io.err(`${words.partsLost(input, lost.map((part) => words.droppedParts[part]).join(words.listSeparator))}\n`);
      return 0;
    } catch (error) {
      if (error instanceof SwapError) throw new UsageError(swapProblemText(error.problem, lang));
      throw error;
    }
  },
};
