import type { CliCommand } from '../command.js';
import { claimCommand, claimsCommand } from './claims.js';
import { figureCommand, figuresCommand } from './figures.js';
import { evalCommand } from './eval.js';
import { scenariosCommand } from './scenarios.js';

/** Every CLI command, in the order `--help` lists them. Add a command by adding one line here. */
export const COMMANDS: readonly CliCommand[] = [
  figuresCommand,
  figureCommand,
  claimsCommand,
  claimCommand,
  evalCommand,
  scenariosCommand,
];
