/** The preview's simulated workbook: every CLAIM.* function registered, as the add-in does in Excel. */
import { FUNCTIONS, invokeFunction } from '../model/registry/index.js';
import { createSimulatedExcel, type SimulatedExcel } from '../simhost/index.js';

export function createPreviewHost(): SimulatedExcel {
  return createSimulatedExcel({
    functions: FUNCTIONS.map((spec) => ({
      name: spec.name,
      params: spec.params.map((p) => ({ dimensionality: p.dimensionality, ...(p.optional ? { optional: true } : {}) })),
      invoke: (args: unknown[]) => invokeFunction(spec, args),
    })),
  });
}
