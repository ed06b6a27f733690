/**
 * Office-like errors raised by the simulated Excel host. Shaped like `OfficeExtension.Error`
 * (`name: 'RichApi.Error'`, `code`, `message`, `debugInfo.errorLocation`), so code written
 * against the real Excel JavaScript API can branch on `error.code` the same way.
 */

export type SimErrorCode =
  | 'ItemAlreadyExists'
  | 'InvalidArgument'
  | 'ItemNotFound'
  | 'InvalidReference'
  | 'InvalidOperation'
  | 'InvalidOperationInCellEditMode'
  | 'RequestPayloadSizeLimitExceeded'
  | 'GeneralException'
  | 'PropertyNotLoaded'
  | 'ValueNotLoaded'
  | 'InvalidObjectPath'
  | 'RunMustReturnPromise'
  | 'ApiNotFound';

/** Office's own message texts (en-US) for the codes the host raises. */
const DEFAULT_MESSAGES: Record<SimErrorCode, string> = {
  ItemAlreadyExists: 'The resource already exists.',
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  ItemNotFound: "The requested resource doesn't exist.",
  InvalidReference: "This reference isn't valid for the current operation.",
  InvalidOperation: "The requested operation isn't supported.",
  InvalidOperationInCellEditMode:
    'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  GeneralException: 'There was an internal error while processing the request.',
  PropertyNotLoaded:
    "The property '{0}' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  InvalidObjectPath: "The object path '{0}' isn't working for what you're trying to do.",
  ApiNotFound: 'The API you are trying to use could not be found. It may be available in a newer version of Excel. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/reference/requirement-sets/excel-api-requirement-sets" for more information.',
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation.',
};

export interface SimDebugInfo {
  readonly code: SimErrorCode;
  readonly message: string;
  readonly errorLocation?: string;
  readonly statement?: string;
  /** Extra, simulator-only detail (why the argument was refused). */
  readonly detail?: string;
}

export class SimOfficeError extends Error {
  override readonly name = 'RichApi.Error';
  readonly code: SimErrorCode;
  readonly debugInfo: SimDebugInfo;
  readonly httpStatusCode: number;
  readonly traceMessages: string[] = [];
  readonly innerError = null;

  constructor(code: SimErrorCode, options: { errorLocation?: string; statement?: string; detail?: string; arg?: string } = {}) {
    const message = DEFAULT_MESSAGES[code].replace('{0}', options.arg ?? '');
    super(message);
    this.code = code;
    this.httpStatusCode = code === 'ItemNotFound' ? 404 : code === 'ItemAlreadyExists' ? 409 : 400;
    this.debugInfo = {
      code,
      message,
      ...(options.errorLocation !== undefined ? { errorLocation: options.errorLocation } : {}),
      ...(options.statement !== undefined ? { statement: options.statement } : {}),
      ...(options.detail !== undefined ? { detail: options.detail } : {}),
    };
  }

  override toString(): string {
    return `${this.name}: ${this.message}`;
  }
}

/** Raised at call time for an Excel API member the simulated host does not implement. */
export class SimNotSupportedError extends Error {
  override readonly name = 'SimNotSupportedError';
  constructor(what: string) {
    super(`not supported by the simulated host: ${what}`);
  }
}

export function notSupported(what: string): never {
  throw new SimNotSupportedError(what);
}

/** Thrown inside an operation while it is applied at sync; carries only the code and a detail. */
export function fail(code: SimErrorCode, detail?: string): never {
  throw new SimOfficeError(code, detail !== undefined ? { detail } : {});
}

/** Why a person's entry in a cell was refused (`typeIntoCell`, `setCellValue`), as data the preview words in its language. */
export type EntryRefusal =
  | { readonly reason: 'notInList'; readonly value: string; readonly entries: readonly string[] }
  | { readonly reason: 'invalidFormula'; readonly value: string }
  | { readonly reason: 'notFinite' };

function refusalMessage(why: EntryRefusal): string {
  switch (why.reason) {
    case 'notInList':
      return `"${why.value}" is not one of the values this cell allows (${why.entries.map((e) => `"${e}"`).join(', ')}); Excel's data validation (alert style Stop) refuses it`;
    case 'invalidFormula':
      return `invalid formula: ${why.value}`;
    case 'notFinite':
      return 'not a finite number';
  }
}

/** A cell entry the host refused; nothing changed. */
export class EntryRefusedError extends Error {
  constructor(readonly refusal: EntryRefusal) {
    super(refusalMessage(refusal));
  }
}
