/** Why a formula or a catalogue expression could not be read (`ExprRefusal` of the model), in words. */
import type { ExprRefusal } from '../../model/expr/problem.js';

export type ExprProblemText = (problem: ExprRefusal) => string;
