/**
 * Custom (namespaced) functions for the simulated host, registered into HyperFormula as a FunctionPlugin.
 *
 * HyperFormula keeps function plugins in a static, process-wide registry, so a function name maps to one
 * implementation per process: the latest `registerFunctions` call for a name wins for every simulated host.
 * The plugin is always registered WITH its translations (enGB + enUS): without them HyperFormula 3.5
 * silently answers #NAME?.
 */
import {
  ArraySize,
  CellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type FunctionPluginDefinition,
  type ImplementedFunctions,
} from 'hyperformula';

export type SimFunctionResult =
  | number
  | string
  | boolean
  | { readonly kind: 'error'; readonly code: string; readonly message?: string }
  | readonly (readonly unknown[])[];

export interface SimFunctionParam {
  readonly dimensionality: 'scalar' | 'matrix';
  readonly optional?: boolean;
}

export interface SimFunctionSpec {
  /** `CLAIM.DEBT_SHARE`, or `DEBT_SHARE` (then the namespace passed to registerFunctions is prefixed). */
  readonly name: string;
  readonly params: readonly SimFunctionParam[];
  /**
   * Called with one value per declared parameter: scalars as number | string | boolean | null
   * (null = empty cell or omitted optional argument), matrix parameters as 2-D arrays (rows first).
   */
  invoke(args: unknown[]): SimFunctionResult;
  /**
   * Size of a matrix result, predicted from the argument sizes before evaluation (HyperFormula must
   * know a spill's size in advance). Without it a matrix result is reduced to its top-left value.
   */
  readonly resultSize?: (argSizes: readonly { rows: number; cols: number }[]) => { rows: number; cols: number };
}

const ERROR_TYPES: Record<string, ErrorType> = {
  '#VALUE!': ErrorType.VALUE,
  '#NUM!': ErrorType.NUM,
  '#DIV/0!': ErrorType.DIV_BY_ZERO,
  '#N/A': ErrorType.NA,
  '#NAME?': ErrorType.NAME,
  '#REF!': ErrorType.REF,
};

/** Every registered function, by upper-case full name (process-wide, like HyperFormula's registry). */
const registry = new Map<string, SimFunctionSpec>();
let currentPlugin: FunctionPluginDefinition | undefined;

/**
 * How an empty cell reaches a custom function: 0 in Excel on Windows and Mac, null in Excel on the web
 * (office-js issue #4702; inside ranges too, #1951). Set by the workbook being calculated, around each
 * synchronous HyperFormula evaluation (the plugin itself is process-wide).
 */
export type EmptyCellArgument = 'zero' | 'null';
let emptyCellArgument: EmptyCellArgument = 'zero';

/** Runs `evaluate` with empty cells handed to custom functions as `mode` says. */
export function withEmptyCellArgument<T>(mode: EmptyCellArgument, evaluate: () => T): T {
  const before = emptyCellArgument;
  emptyCellArgument = mode;
  try {
    return evaluate();
  } finally {
    emptyCellArgument = before;
  }
}

function toPlainScalar(v: unknown): unknown {
  if (v === undefined) return null; // an omitted optional argument: null on every platform
  if (typeof v === 'symbol') return emptyCellArgument === 'zero' ? 0 : null; // HyperFormula's EmptyValue: an empty cell
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v === null) return v;
  if (v instanceof CellError) return v;
  if (typeof v === 'object' && v !== null && 'val' in v && typeof (v as { val: unknown }).val === 'number') {
    return (v as { val: number }).val; // HyperFormula rich numbers (dates, percentages, currency)
  }
  return v;
}

/**
 * Error codes whose message Excel shows; for the others the message is dropped, as Excel does
 * (CustomFunctions.ErrorCode: "A custom error message can't be used").
 */
const CODES_WITH_MESSAGE = new Set(['#VALUE!', '#N/A']);

function toCell(value: unknown): number | string | boolean | CellError {
  if (typeof value === 'number') return Number.isFinite(value) ? value : new CellError(ErrorType.NUM, 'Result is not a finite number.');
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value === null || value === undefined) return 0;
  if (typeof value === 'object' && (value as { kind?: unknown }).kind === 'error') {
    const e = value as { code: string; message?: string };
    const type = ERROR_TYPES[e.code] ?? ErrorType.VALUE;
    return CODES_WITH_MESSAGE.has(e.code) && e.message !== undefined ? new CellError(type, e.message) : new CellError(type);
  }
  return new CellError(ErrorType.VALUE, 'Unsupported result value.');
}

function buildPlugin(): FunctionPluginDefinition {
  const implemented: ImplementedFunctions = {};
  const methods: Record<string, unknown> = {};
  let i = 0;
  for (const [name, spec] of registry) {
    const method = `simFn${i}`;
    const sizeMethod = `simFnSize${i}`;
    i += 1;
    implemented[name] = {
      method,
      parameters: spec.params.map((p) => ({
        argumentType: p.dimensionality === 'matrix' ? FunctionArgumentType.RANGE : FunctionArgumentType.NOERROR,
        ...(p.optional ? { optionalArg: true } : {}),
      })),
      ...(spec.resultSize ? { sizeOfResultArrayMethod: sizeMethod, vectorizationForbidden: true } : {}),
    };
    const argSizes = (self: FunctionPlugin, ast: { args: unknown[] }, state: unknown): { rows: number; cols: number }[] =>
      ast.args.map((a) => {
        const s = (self as unknown as { arraySizeForAst(a: unknown, s: unknown): ArraySize }).arraySizeForAst(a, state);
        return { rows: s.height, cols: s.width };
      });
    methods[sizeMethod] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown): ArraySize {
      const size = spec.resultSize!(argSizes(this, ast, state));
      return size.rows === 1 && size.cols === 1 ? ArraySize.scalar() : new ArraySize(size.cols, size.rows);
    };
    methods[method] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown): unknown {
      const self = this as unknown as {
        runFunction(args: unknown[], state: unknown, metadata: unknown, fn: (...a: unknown[]) => unknown): unknown;
        metadata(name: string): unknown;
      };
      const predicted = spec.resultSize ? spec.resultSize(argSizes(this, ast, state)) : { rows: 1, cols: 1 };
      return self.runFunction(ast.args, state, self.metadata(name), (...raw: unknown[]) => {
        const args: unknown[] = [];
        for (let k = 0; k < spec.params.length; k += 1) {
          const v = raw[k];
          if (v instanceof SimpleRangeValue) {
            const data = v.data.map((row) => row.map(toPlainScalar));
            for (const row of data) for (const cell of row) if (cell instanceof CellError) return cell;
            args.push(data);
          } else {
            const s = toPlainScalar(v);
            if (s instanceof CellError) return s;
            args.push(spec.params[k]?.dimensionality === 'matrix' ? [[s]] : s);
          }
        }
        let result: SimFunctionResult;
        try {
          result = spec.invoke(args);
        } catch (e) {
          return new CellError(ErrorType.VALUE, e instanceof Error ? e.message : String(e));
        }
        if (Array.isArray(result)) {
          const matrix = result as readonly (readonly unknown[])[];
          if (predicted.rows === 1 && predicted.cols === 1) return toCell(matrix[0]?.[0]);
          const out: (number | string | boolean | CellError)[][] = [];
          for (let r = 0; r < predicted.rows; r += 1) {
            const row: (number | string | boolean | CellError)[] = [];
            for (let c = 0; c < predicted.cols; c += 1) {
              const has = r < matrix.length && c < (matrix[r]?.length ?? 0);
              row.push(has ? toCell(matrix[r]![c]) : new CellError(ErrorType.NA, 'Outside the function result.'));
            }
            out.push(row);
          }
          return SimpleRangeValue.onlyValues(out as never);
        }
        return toCell(result);
      });
    };
  }
  class SimCustomFunctions extends FunctionPlugin {
    static override implementedFunctions = implemented;
  }
  Object.assign(SimCustomFunctions.prototype, methods);
  return SimCustomFunctions as unknown as FunctionPluginDefinition;
}

/** Registers (or replaces) functions process-wide. Returns the full names registered. */
export function registerSimFunctions(specs: readonly SimFunctionSpec[], namespace = 'CLAIM'): string[] {
  const names: string[] = [];
  for (const spec of specs) {
    const full = (spec.name.includes('.') ? spec.name : `${namespace}.${spec.name}`).toUpperCase();
    if (!/^[A-Z_][A-Z0-9_.]*$/.test(full)) throw new Error(`invalid custom function name: ${spec.name}`);
    registry.set(full, spec);
    names.push(full);
  }
  if (currentPlugin) HyperFormula.unregisterFunctionPlugin(currentPlugin);
  currentPlugin = buildPlugin();
  const translations: Record<string, string> = {};
  for (const name of registry.keys()) translations[name] = name;
  HyperFormula.registerFunctionPlugin(currentPlugin, { enGB: translations, enUS: translations });
  return names;
}

export function registeredSimFunctionNames(): string[] {
  return [...registry.keys()];
}
