import type { Lang } from './text.js';
import { parseNumber } from 'office-addin-cli';
/** Output streams a command writes to; tests pass buffers, the binary passes process streams. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Language of the output (`--lang`, read before the command runs); English when absent. */
  readonly lang?: Lang;
}

/** A command-line usage error: reported on stderr with exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface CliCommand {
  /** First word on the command line (`figures`, `eval`, `claims`, …). */
  readonly name: string;
  /** One line for the command list of `--help`. */
  readonly summary: string;
  /** The full usage, one line per form (a subcommand's lines start with `<name> <sub>`); `<name> --help` prints it. */
  readonly usage: readonly string[];
  /** The usage in the reader's language, for commands whose usage is in the catalogue; `usage` otherwise. */
  readonly usageIn?: (lang: Lang) => readonly string[];
  /** Lines `--help` prints under the usage, in the reader's language (from the catalogue). */
  readonly notes?: (lang: Lang) => readonly string[];
  /** Runs the command; returns the process exit code. Throws UsageError for bad command lines. */
  run(args: readonly string[], io: CliIo): Promise<number> | number;
}

/**
 * Splits `--flag value` / `--flag=value` / `--switch` options from positional arguments.
 * Only the names listed are accepted, so a mistyped flag is an error, not silently ignored.
 */
export function parseOptions(
  args: readonly string[],
  spec: { readonly flags?: readonly string[]; readonly values?: readonly string[]; readonly repeatable?: readonly string[] },
): { positional: string[]; flags: Set<string>; values: Map<string, string>; lists: Map<string, string[]> } {
  const positional: string[] = [];
  const flags = new Set<string>();
  const values = new Map<string, string>();
  /** Options that may be given more than once (`--set A=1 --set B=2`), in order. */
  const lists = new Map<string, string[]>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--') || arg === '--') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    if (spec.flags?.includes(name)) {
      if (eq >= 0) throw new UsageError(`option --${name} takes no value`);
      flags.add(name);
    } else if (spec.values?.includes(name) || spec.repeatable?.includes(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined) throw new UsageError(`option --${name} needs a value`);
      if (spec.repeatable?.includes(name)) lists.set(name, [...(lists.get(name) ?? []), value]);
      else if (values.has(name)) throw new UsageError(`option --${name} is given twice ("${values.get(name)}" and "${value}")`);
      else values.set(name, value);
    } else {
      const known = [...(spec.flags ?? []), ...(spec.values ?? []), ...(spec.repeatable ?? [])].map((n) => `--${n}`).join(', ');
      throw new UsageError(`unknown option --${name}${known ? ` (known: ${known})` : ''}`);
    }
  }
  return { positional, flags, values, lists };
}

/**
 * A numeric option's value (undefined when absent). Parsing goes through office-addin-cli's
 * `parseNumber` (the Office tools' own option parser); the whole text must be a number, so
 * `--samples 10k` is an error rather than 10, and `accept` may narrow it further.
 */
export function numberOption(
  values: ReadonlyMap<string, string>,
  name: string,
  accept: (v: number) => boolean = () => true,
  what = 'a number',
): number | undefined {
  const text = values.get(name);
  if (text === undefined) return undefined;
  const message = `--${name} must be ${what}, got "${text}"`;
  let parsed: number | undefined;
  try {
    parsed = parseNumber(text, message);
  } catch {
    throw new UsageError(message);
  }
  if (parsed === undefined || text.trim() === '' || !Number.isFinite(Number(text.trim())) || !accept(parsed)) throw new UsageError(message);
  return parsed;
}

/**
 * A `--seed` value: a whole number that a double holds exactly, or a word (letters, digits, `-`,
 * `_`, `.`). Text that reads as another number ("1.5", "1e3") or a whole number past 2^53 would be
 * silently taken as a different seed than the one typed, so it is an error; so is an empty seed.
 */
export function seedOption(values: ReadonlyMap<string, string>, name = 'seed'): number | string | undefined {
  const text = values.get(name);
  if (text === undefined) return undefined;
  if (text.trim() === '') throw new UsageError(`--${name} must not be empty: give a whole number or a word`);
  if (/^[+-]?\d+$/.test(text)) {
    const n = Number(text);
    if (!Number.isSafeInteger(n)) throw new UsageError(`--${name} ${text} is past ${Number.MAX_SAFE_INTEGER} and would lose digits; use a smaller whole number or a word`);
    return n;
  }
  if (Number.isFinite(Number(text))) throw new UsageError(`--${name} must be a whole number or a word, got "${text}" (a number that is not whole)`);
  if (!/^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u.test(text)) throw new UsageError(`--${name} must be a whole number or a word (letters, digits, - _ .), got "${text}"`);
  return text;
}
