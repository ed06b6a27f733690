import { CLAIM_SIM_FUNCTIONS } from '../../src/preview/host.js';
import { createSimulatedExcel, type SimulatedExcel, type SimulatedExcelOptions } from '../../src/simhost/index.js';

/** A simulated Excel with every CLAIM.* function registered as the add-in (and the preview) registers them. */
export function createClaimHost(options: SimulatedExcelOptions = {}): SimulatedExcel {
  return createSimulatedExcel({ ...options, functions: CLAIM_SIM_FUNCTIONS });
}
