/** The Chinese catalogue, assembled from its areas. */
import type { Catalogue } from '../types/index.js';
import { cli } from './cli.js';
import { cliOutput } from './cli-output.js';
import { pane } from './pane.js';
import { preview } from './preview.js';
import { reasons } from './reasons.js';
import { exprProblem } from './expr-problem.js';
import { exercisesPane, myClaimForm, myClaims, stressPane } from './sections.js';
import { own } from './own.js';
import { sheets } from './sheets.js';
import { stressExplain } from './stress-explain.js';
import { swap } from './swap.js';
import { gradeNotes } from './grade-notes.js';
import { userProblems } from './user-problems.js';
import { swapProblems } from './swap-problems.js';
import { gradeFileProblems } from './grade-file-problems.js';
import { verdicts } from './verdicts.js';

export const catalogue: Catalogue = { verdicts, pane, stressPane, exercisesPane, myClaims, myClaimForm, cli, cliOutput, reasons, sheets, own, stressExplain, swap, gradeNotes, userProblems, swapProblems, exprProblem, preview, gradeFileProblems };
