#!/usr/bin/env node
import { COMMANDS } from './commands/index.js';
import { UsageError, type CliIo } from './command.js';

/** Runs one command line and returns its exit code; the process entry below only wires streams. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === 'help') {
    io.out(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`claimcell: unknown command "${name}"\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`claimcell ${name}: ${error.message}\n`);
      return 2;
    }
    // A fault of ClaimCell, not of the command line: one line, exit 1; the stack only on request.
    io.err(`claimcell ${name}: ${describeFault(error)}\n`);
    return 1;
  }
}

function describeFault(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return process.env.CLAIMCELL_DEBUG ? error.stack ?? error.message : `${error.message} (set CLAIMCELL_DEBUG=1 to see where)`;
}

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'usage: npm run -s cli -- <command> [options]',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
  ].join('\n');
}

const isEntry = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntry) {
  const io: CliIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`claimcell: ${describeFault(error)}\n`);
      process.exitCode = 1;
    },
  );
}
