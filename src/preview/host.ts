/** The preview's simulated workbook: every CLAIM.* function registered, as the add-in does in Excel. */
import { FUNCTIONS, invokeFunction, isDomainError, shownInExcel, type FunctionResult } from '../model/registry/index.js';
import { createSimulatedExcel, type SimFunctionResult, type SimFunctionSpec, type SimulatedExcel, type SimulatedExcelOptions } from '../simhost/index.js';

/** A result as the generated wrappers hand it to Excel: each error with the code Excel shows (see shownInExcel). */
function asExcelShowsIt(result: FunctionResult): SimFunctionResult {
  const cell = (v: unknown): unknown => (isDomainError(v) ? { kind: 'error', ...shownInExcel(v) } : v);
  return (Array.isArray(result) ? result.map((row) => row.map(cell)) : cell(result)) as SimFunctionResult;
}

/** Every CLAIM.* function for the simulated host, answering as the add-in's wrappers answer in Excel. */
export const CLAIM_SIM_FUNCTIONS: readonly SimFunctionSpec[] = FUNCTIONS.map((spec) => ({
  name: spec.name,
  params: spec.params.map((p) => ({ dimensionality: p.dimensionality, ...(p.optional ? { optional: true } : {}) })),
  invoke: (args: unknown[]) => asExcelShowsIt(invokeFunction(spec, args)),
}));

export function createPreviewHost(options: SimulatedExcelOptions = {}): SimulatedExcel {
  return createSimulatedExcel({ ...options, functions: CLAIM_SIM_FUNCTIONS });
}
