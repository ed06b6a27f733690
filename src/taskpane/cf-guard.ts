/**
 * Bundled in front of src/functions/functions.ts (see webpack.config.js).
 *
 * In Excel's shared runtime office.js defines the `CustomFunctions` global before this deferred
 * bundle runs, and nothing here changes it. Outside Excel (browser preview, tests, office.js
 * unreachable) the global is missing and the generated `CustomFunctions.associate(...)` calls
 * would throw a ReferenceError; this installs an inert stand-in so the page keeps working.
 */
class StandInError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'CustomFunctions.Error';
  }
}

const scope = globalThis as { CustomFunctions?: unknown };
if (typeof scope.CustomFunctions === 'undefined') {
  scope.CustomFunctions = {
    associate: (): void => undefined,
    Error: StandInError,
    ErrorCode: {
      invalidValue: '#VALUE!',
      notAvailable: '#N/A',
      divisionByZero: '#DIV/0!',
      invalidNumber: '#NUM!',
      nullReference: '#NULL!',
      invalidName: '#NAME?',
      invalidReference: '#REF!',
    },
    __standIn: true,
  };
}

export {};
