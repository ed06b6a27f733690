import type { CliCommand } from '../command.js';
import { claimCommand, claimsCommand } from './claims.js';
import { figureCommand, figuresCommand } from './figures.js';
import { evalCommand } from './eval.js';
import { exerciseCommand } from './exercise.js';
import { gradeCommand } from './grade.js';
import { myclaimsCommand } from './myclaims.js';
import { portableCommand } from './portable.js';
import { scenariosCommand } from './scenarios.js';
import { stressCommand } from './stress.js';
import { workbookCommand } from './workbook.js';

/** Every CLI command, in the order `--help` lists them. Add a command by adding one line here. */
export const COMMANDS: readonly CliCommand[] = [
  figuresCommand,
  figureCommand,
  claimsCommand,
  claimCommand,
  evalCommand,
  scenariosCommand,
  stressCommand,
  workbookCommand,
  exerciseCommand,
  gradeCommand,
  myclaimsCommand,
  portableCommand,
];
