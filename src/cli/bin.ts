// Process entry of the CLI: the bundle `npm run cli` runs is built from this file (scripts/cli-bundle.mjs).
import { describeFault, runCli } from './main.js';
import type { CliIo } from './command.js';

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
