/** `Excel.run` or a host with the same contract (the simulated host in tests and the preview). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Progress of a long operation, for the task pane's progress bar. */
export interface Progress {
  readonly stage: 'inspect' | 'read' | 'write' | 'done';
  readonly fraction: number;
  readonly message: string;
}

/** What ClaimCell records in the workbook about what it owns (a workbook setting, saved with the file). */
export interface OwnerRecord {
  readonly planVersion: number;
  readonly hash: string;
  readonly sheets: readonly string[];
  readonly names: readonly string[];
}

export const OWNER_SETTING = 'claimcell.owner';
