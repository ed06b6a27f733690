export { readFormulaCalls, partsText, FormulaSyntaxError, type FormulaPart, type FormulaCall } from './calls.js';
export { swapOutFormula, callsClaimFunction, claimFunctionKey, type FormulaSwap } from './swap.js';
export * from './record.js';
