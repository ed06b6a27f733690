/**
 * Shapes of the pane sections' strings, read off the English catalogue: a key the Chinese
 * catalogue lacks (or adds) is a compile error there.
 */
import type { exercisesPane, myClaimForm, myClaims, stressPane } from '../en/sections.js';

export type StressPaneText = typeof stressPane;
export type ExercisesPaneText = typeof exercisesPane;
export type MyClaimsText = typeof myClaims;
export type MyClaimFormText = typeof myClaimForm;
