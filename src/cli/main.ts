import { version } from '../../package.json';
import { COMMANDS } from './commands/index.js';
import { UsageError, type CliCommand, type CliIo } from './command.js';
import { didYouMean } from './suggest.js';
import { CLI_TEXT, LANGS, type Lang } from './text.js';

const HELP_FLAGS = new Set(['--help', '-h']);

/**
 * Runs one command line and returns its exit code; src/cli/bin.ts wires it to the process.
 * Conventions every command shares live here: `--help`/`-h` anywhere (exit 0), `help <command>`,
 * `--version`, `--lang en|zh`, and a "did you mean" for a mistyped command.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const langAt = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  let args = [...argv];
  let lang: Lang = io.lang ?? 'en';
  if (langAt >= 0) {
    const value = argv[langAt]!.includes('=') ? argv[langAt]!.slice('--lang='.length) : argv[langAt + 1];
    if (!LANGS.includes(value as Lang)) {
      io.err(`claimcell: ${CLI_TEXT[lang].badLang(value ?? '')}\n`);
      return 2;
    }
    lang = value as Lang;
    args = argv.filter((_, i) => i !== langAt && (argv[langAt]!.includes('=') || i !== langAt + 1));
  }
  const langIo: CliIo = { out: (t) => io.out(t), err: (t) => io.err(t), lang };
  const [first, ...rest] = args;
  if (first === undefined) {
    io.out(overview(lang));
    return 2;
  }
  if (first === '--version') {
    io.out(`claimcell ${version}\n`);
    return 0;
  }
  if (HELP_FLAGS.has(first) || first === 'help') {
    const [name, sub] = first === 'help' ? rest : [];
    if (name === undefined) {
      io.out(overview(lang));
      return 0;
    }
    const command = findCommand(name, io, lang);
    if (!command) return 2;
    io.out(commandHelp(command, sub, lang));
    return 0;
  }
  const command = findCommand(first, io, lang);
  if (!command) return 2;
  if (rest.some((a) => HELP_FLAGS.has(a))) {
    io.out(commandHelp(command, rest[0] !== undefined && !rest[0].startsWith('-') ? rest[0] : undefined, lang));
    return 0;
  }
  try {
    return await command.run(rest, langIo);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`claimcell ${first}: ${error.message}\n`);
      return 2;
    }
    // A fault of ClaimCell, not of the command line: one line, exit 1; the stack only on request.
    io.err(`claimcell ${first}: ${describeFault(error)}\n`);
    return 1;
  }
}

export function describeFault(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return process.env.CLAIMCELL_DEBUG ? error.stack ?? error.message : `${error.message} (set CLAIMCELL_DEBUG=1 to see where)`;
}

/** The command of that name, or undefined after saying on stderr which commands come close. */
function findCommand(name: string, io: CliIo, lang: Lang): CliCommand | undefined {
  const command = COMMANDS.find((c) => c.name === name);
  if (command) return command;
  const text = CLI_TEXT[lang];
  const near = didYouMean(name, COMMANDS.map((c) => c.name));
  io.err(`claimcell: ${text.unknownCommand(name)}${near.length ? `; ${text.didYouMean(near.slice(0, 2))}` : ''}\n${text.helpHint}\n`);
  return undefined;
}

function summaryOf(command: CliCommand, lang: Lang): string {
  return CLI_TEXT[lang].summaries[command.name] ?? command.summary;
}

function overview(lang: Lang): string {
  const text = CLI_TEXT[lang];
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [text.usageLine, '', text.commandsHeading, ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${summaryOf(c, lang)}`), '', ...text.globalOptions, ''].join('\n');
}

/** A command's usage; for `<command> <sub> --help` only that subcommand's lines when it has any. */
function commandHelp(command: CliCommand, sub: string | undefined, lang: Lang): string {
  const usage = command.usageIn?.(lang) ?? command.usage;
  const own = sub === undefined ? [] : usage.filter((line) => line.startsWith(`${command.name} ${sub} `) || line === `${command.name} ${sub}`);
  const lines = own.length ? own : usage;
  const notes = command.notes?.(lang) ?? [];
  return [summaryOf(command, lang), '', ...lines.map((l) => `  npm run -s cli -- ${l}`), ...(notes.length ? ['', ...notes.map((n) => `  ${n}`)] : []), '', ...CLI_TEXT[lang].globalOptions, ''].join('\n');
}
