import { SimNotSupportedError, SimOfficeError } from '../errors.js';
import type { SimWorkbook } from '../model.js';
import { Application, Workbook } from './workbook.js';

// ------------------------------------------------------------------ context & queue

interface Op {
  readonly location: string;
  /** Bytes this operation adds to the request (the JSON of a value written). */
  readonly bytes: number;
  run(): void;
}

export interface HostCounters {
  syncs: number;
  roundTrips: number;
}

export class SimRequestContext {
  private queue: Op[] = [];
  readonly workbook: Workbook;
  readonly application: Application;
  /** Office's tracked-objects API: accepted, nothing to release in the simulator. */
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };

  constructor(
    readonly _model: SimWorkbook,
    private readonly counters: HostCounters,
    /** Excel.RunOptions.delayForCellEdit of the run this context belongs to. */
    private readonly delayForCellEdit = false,
  ) {
    this.application = new Application(this);
    this.workbook = new Workbook(this);
  }

  /** @internal */
  _enqueue(location: string, run: () => void, bytes = 0): void {
    this.queue.push({ location, run, bytes });
  }

  get _pendingCount(): number {
    return this.queue.length;
  }

  load<T extends { load(p?: unknown): unknown }>(object: T, props?: unknown): T {
    object.load(props);
    return object;
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    this.counters.syncs += 1;
    const ops = this.queue;
    this.queue = [];
    if (ops.length > 0) this.counters.roundTrips += 1;
    await Promise.resolve();
    const model = this._model;
    // Excel on the web refuses a request above 5 MB as a whole: nothing of it is applied.
    const limit = model.requestLimitBytes;
    if (limit !== undefined && ops.reduce((n, op) => n + op.bytes, 0) > limit) {
      throw new SimOfficeError('RequestPayloadSizeLimitExceeded', { errorLocation: 'RequestContext.sync' });
    }
    // While the user edits a cell Excel refuses every request, unless the run asked to wait (Excel.RunOptions).
    if (ops.length > 0 && model.events.cellEditMode) {
      if (!this.delayForCellEdit) throw new SimOfficeError('InvalidOperationInCellEditMode', { errorLocation: 'RequestContext.sync' });
      await model.events.untilEditEnds();
    }
    try {
      for (const op of ops) {
        try {
          model.takeFault(op.location);
          op.run();
        } catch (e) {
          if (e instanceof SimOfficeError) {
            throw new SimOfficeError(e.code, {
              errorLocation: op.location,
              statement: op.location,
              ...(e.debugInfo.detail !== undefined ? { detail: e.debugInfo.detail } : {}),
            });
          }
          if (e instanceof SimNotSupportedError) throw e;
          throw new SimOfficeError('GeneralException', {
            errorLocation: op.location,
            detail: e instanceof Error ? e.message : String(e),
          });
        }
      }
    } finally {
      model.calculationSuspended = false;
      // Excel recalculates at the end of the request; the partial result of a failed batch too.
      model.ensureCalculated();
      model.events.flush('ThisLocalAddin');
    }
    return passThroughValue as T;
  }
}
