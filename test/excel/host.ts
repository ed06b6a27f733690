import { FUNCTIONS, invokeFunction } from '../../src/model/registry/index.js';
import { createSimulatedExcel, type SimulatedExcel, type SimulatedExcelOptions } from '../../src/simhost/index.js';

/** A simulated Excel with every CLAIM.* function of the registry registered, as the add-in does. */
export function createClaimHost(options: SimulatedExcelOptions = {}): SimulatedExcel {
  return createSimulatedExcel({
    ...options,
    functions: FUNCTIONS.map((spec) => ({
      name: spec.name,
      params: spec.params.map((p) => ({ dimensionality: p.dimensionality, ...(p.optional ? { optional: true } : {}) })),
      invoke: (args: unknown[]) => invokeFunction(spec, args),
    })),
  });
}
