/**
 * A simulated Excel host for tests and the browser preview: `createSimulatedExcel()` returns an
 * `Excel.run`-like `run` whose context behaves like the Excel JavaScript API (proxies, load/sync,
 * queued writes applied in order at sync, Office-like errors), calculated by HyperFormula.
 * Dev/test only (HyperFormula is GPL-3 here): never import this from src/excel, src/functions,
 * src/taskpane or src/model.
 */
import { cellKey, parseRangeAddress } from './address.js';
import { dropDownEntries, typedValueProblem } from './validation.js';
import { SimExcelEnums } from './enums.js';
import { registerSimFunctions, type SimFunctionSpec } from './functions.js';
import { isParsableFormula } from './engine-mapping.js';
import { SimWorkbook } from './model.js';
import { snapshotOf } from './snapshot.js';
import type { ExcelValue, RawContent } from './types.js';
import { SimRequestContext, type HostCounters } from './proxies.js';
import { EntryRefusedError, SimOfficeError, type SimErrorCode } from './errors.js';

export { SimExcelEnums, SimExcelEnumsAsExcel, type ExcelEnumsLike } from './enums.js';
export { EntryRefusedError, SimOfficeError, SimNotSupportedError } from './errors.js';
export type { EntryRefusal, SimErrorCode, SimDebugInfo } from './errors.js';
export type { SimFunctionSpec, SimFunctionParam, SimFunctionResult } from './functions.js';
export type { ExcelValue } from './types.js';
export type { SimWorksheetChangedEvent } from './events.js';
export { SimRequestContext, ClientResult } from './proxies.js';

/** Excel on the web's limit on one request (and one response): 5 MB. */
export const WEB_REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;

export interface SimulatedExcelOptions {
  /** Worksheets of the new workbook (default `['Sheet1']`, like a new Excel workbook). */
  readonly initialSheets?: readonly string[];
  /** Custom functions to register at once (see `registerFunctions`). */
  readonly functions?: readonly SimFunctionSpec[];
  /**
   * The Excel the host plays, for what differs by platform: an empty cell reaches a custom function as 0
   * on 'desktop' (Windows, Mac; the default) and as null on 'web' (office-js issue #4702); a request
   * above 5 MB fails on 'web' (RequestPayloadSizeLimitExceeded).
   */
  readonly platform?: 'desktop' | 'web';
  /** Namespace prefixed to function names without a dot (default `CLAIM`). */
  readonly functionNamespace?: string;
  /**
   * The ExcelApi version the host plays: 1.9 (the default) has `worksheet.pageLayout`; 1.8, the
   * manifest's minimum, fails every page layout write with ApiNotFound, as an older Excel does.
   */
  readonly excelApi?: '1.8' | '1.9';
}

export interface SimulatedNameInfo {
  readonly name: string;
  readonly formula: string;
  readonly comment: string;
}

export interface SimulatedExcel {
  /**
   * Like `Excel.run`: runs the batch with a fresh request context, then syncs what is still queued.
   * Takes `Excel.RunOptions` first, as Excel does: `{ delayForCellEdit: true }` waits out cell-edit mode.
   */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(options: { readonly delayForCellEdit?: boolean }, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /**
   * The user starts (true) or ends (false) editing a cell. Meanwhile a request of a run without
   * `delayForCellEdit` fails with InvalidOperationInCellEditMode; one with it waits until the edit ends.
   */
  setCellEditMode(editing: boolean): void;
  /** onChanged handlers registered on a worksheet (to check that the add-in never registers twice). */
  changedHandlerCount(sheet: string): number;
  /** `context.sync()` calls so far (explicit ones, plus run's implicit final sync when it had queued work). */
  syncCount(): number;
  /** Syncs that carried at least one queued operation (a real round trip in Office). */
  roundTripCount(): number;
  resetSyncCount(): void;
  getSheetNames(): string[];
  getCellValue(sheet: string, address: string): ExcelValue;
  getCellFormula(sheet: string, address: string): ExcelValue;
  /** For an error cell, the message behind it (e.g. a custom function's DomainError message); else undefined. */
  getCellErrorMessage(sheet: string, address: string): string | undefined;
  getNames(): SimulatedNameInfo[];
  /** A plain cell edit, as a user typing (`'=A1*2'` enters a formula); recalculates dependents. */
  setCellValue(sheet: string, address: string, value: number | string | boolean | null): void;
  /**
   * A person typing into a cell in Excel's grid: like setCellValue, but a cell's data validation
   * applies first, and a value it refuses throws and changes nothing (Excel's Stop alert).
   */
  typeIntoCell(sheet: string, address: string, value: number | string | boolean | null): void;
  /**
   * Makes the next operation queued at `location` (e.g. 'NamedItemCollection.add') fail with `code` when
   * it is applied: the operations before it in the batch stay applied, as in Excel. For testing recovery.
   */
  failNextOperation(location: string, code?: SimErrorCode): void;
  /** The entries a cell's list validation offers in its in-cell drop-down; undefined when it has none. */
  dropDownEntries(sheet: string, address: string): string[] | undefined;
  /** Deterministic JSON-able dump of the whole workbook. */
  snapshot(): unknown;
  /** `JSON.stringify(snapshot())`, for byte-for-byte comparisons. */
  snapshotJson(): string;
  /** Registers namespaced custom functions (HyperFormula FunctionPlugin, with translations); returns full names. */
  registerFunctions(specs: readonly SimFunctionSpec[], namespace?: string): string[];
  /** Enum string values the writer may use in place of the global `Excel` enums. */
  readonly enums: typeof SimExcelEnums;
  /** `Office.context.requirements.isSetSupported` as this host answers it (ExcelApi up to the version it plays). */
  isSetSupported(name: string, minVersion?: string): boolean;
  /** The print set-up `worksheet.pageLayout` set on a sheet, or undefined. */
  getPageLayout(sheet: string): unknown;
  /** Engine statistics (HyperFormula rebuilds and the duration of the last one). */
  stats(): { rebuilds: number; lastRebuildMs: number };
}

/** `1.10` after `1.9`: versions compare part by part. */
function compareVersions(a: string, b: string): number {
  const [a1 = 0, a2 = 0] = a.split('.').map(Number);
  const [b1 = 0, b2 = 0] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
}

function sheetOf(model: SimWorkbook, name: string) {
  const sheet = model.findSheet(name);
  if (!sheet) throw new Error(`no worksheet named ${name}`);
  return sheet;
}

function cellOf(address: string): { row: number; col: number } {
  const rect = parseRangeAddress(address);
  if (!rect || rect.r0 !== rect.r1 || rect.c0 !== rect.c1) throw new Error(`not a single-cell address: ${address}`);
  return { row: rect.r0, col: rect.c0 };
}

export function createSimulatedExcel(options: SimulatedExcelOptions = {}): SimulatedExcel {
  const model = new SimWorkbook();
  model.emptyCellArgument = options.platform === 'web' ? 'null' : 'zero';
  model.excelApiVersion = Number(options.excelApi ?? '1.9');
  if (options.platform === 'web') model.requestLimitBytes = WEB_REQUEST_LIMIT_BYTES;
  for (const name of options.initialSheets ?? ['Sheet1']) model.addSheet(name);
  const counters: HostCounters = { syncs: 0, roundTrips: 0 };
  if (options.functions && options.functions.length > 0) registerSimFunctions(options.functions, options.functionNamespace);

  const host: SimulatedExcel = {
    async run<T>(
      first: { readonly delayForCellEdit?: boolean } | ((context: Excel.RequestContext) => Promise<T>),
      second?: (context: Excel.RequestContext) => Promise<T>,
    ): Promise<T> {
      const batch = typeof first === 'function' ? first : second;
      const options = typeof first === 'function' ? {} : first;
      if (typeof batch !== 'function') throw new SimOfficeError('InvalidArgument', { errorLocation: 'Excel.run' });
      const ctx = new SimRequestContext(model, counters, options.delayForCellEdit === true);
      const pending = batch(ctx as unknown as Excel.RequestContext) as unknown;
      if (!pending || typeof (pending as { then?: unknown }).then !== 'function') {
        throw new SimOfficeError('RunMustReturnPromise', { errorLocation: 'Excel.run' });
      }
      const value = await (pending as Promise<T>);
      if (ctx._pendingCount > 0) await ctx.sync();
      return value;
    },
    syncCount: () => counters.syncs,
    roundTripCount: () => counters.roundTrips,
    resetSyncCount: () => {
      counters.syncs = 0;
      counters.roundTrips = 0;
    },
    getSheetNames: () => model.liveSheets().map((s) => s.name),
    getCellValue(sheet, address) {
      const { row, col } = cellOf(address);
      return model.cellValue(sheetOf(model, sheet), row, col);
    },
    getCellFormula(sheet, address) {
      const { row, col } = cellOf(address);
      return model.cellFormula(sheetOf(model, sheet), row, col);
    },
    getCellErrorMessage(sheet, address) {
      const { row, col } = cellOf(address);
      return model.cellErrorMessage(sheetOf(model, sheet), row, col);
    },
    getNames: () =>
      [...model.names.values()]
        .sort((a, b) => (a.name.toUpperCase() < b.name.toUpperCase() ? -1 : 1))
        .map((n) => ({ name: n.name, formula: n.formula, comment: n.comment })),
    dropDownEntries(sheet, address) {
      const s = sheetOf(model, sheet);
      const { row, col } = cellOf(address);
      return dropDownEntries(s.validation.get(cellKey(row, col)), sheet, (name, r, c) => model.cellValue(sheetOf(model, name), r, c));
    },
    typeIntoCell(sheet, address, value) {
      const s = sheetOf(model, sheet);
      const { row, col } = cellOf(address);
      const problem = typedValueProblem(s.validation.get(cellKey(row, col)), value, sheet, (name, r, c) => model.cellValue(sheetOf(model, name), r, c));
      if (problem) throw new EntryRefusedError(problem);
      host.setCellValue(sheet, address, value);
    },
    setCellValue(sheet, address, value) {
      const s = sheetOf(model, sheet);
      const { row, col } = cellOf(address);
      if (typeof value === 'string' && value.startsWith('=') && value.length > 1 && !isParsableFormula(value)) {
        throw new EntryRefusedError({ reason: 'invalidFormula', value });
      }
      if (typeof value === 'number' && !Number.isFinite(value)) throw new EntryRefusedError({ reason: 'notFinite' });
      model.editCell(s, row, col, value as RawContent | null);
      model.events.flush('Unknown'); // a user's edit: not this add-in's
    },
    setCellEditMode: (editing) => model.events.setCellEditMode(editing),
    changedHandlerCount: (sheet) => model.events.count(sheetOf(model, sheet)),
    failNextOperation: (location, code = 'GeneralException') => model.injectFault(location, code),
    snapshot: () => snapshotOf(model),
    snapshotJson: () => JSON.stringify(snapshotOf(model)),
    registerFunctions(specs, namespace) {
      const names = registerSimFunctions(specs, namespace ?? options.functionNamespace);
      model.markDirty(); // the engine is rebuilt with the new plugin at the next read
      return names;
    },
    enums: SimExcelEnums,
    isSetSupported: (name, minVersion) => name !== 'ExcelApi' || minVersion === undefined || compareVersions(minVersion, String(model.excelApiVersion)) <= 0,
    getPageLayout: (sheet) => structuredClone(sheetOf(model, sheet).pageLayout),
    stats: () => ({ rebuilds: model.rebuildCount, lastRebuildMs: model.lastRebuildMs }),
  };
  return host;
}
