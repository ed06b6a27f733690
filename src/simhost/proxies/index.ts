/**
 * Proxy objects of the simulated Excel host, mirroring the Excel JavaScript API's client objects:
 * getters return proxies at once, writes and loads are queued and applied in order at `context.sync()`,
 * reading a property that was neither loaded nor set throws PropertyNotLoaded, errors surface at sync.
 *
 * Module layout: `base.ts` (guard, SimObject/SimCollection, load machinery, ClientResult) imports only types
 * from the others, so every `extends` resolves regardless of evaluation order; the other modules refer to
 * each other's classes only inside functions and methods.
 */
export { ClientResult } from './base.js';
export { SimRequestContext } from './context.js';
export type { HostCounters } from './context.js';
export { Application, Workbook } from './workbook.js';
export { Worksheet, WorksheetCollection } from './worksheet.js';
export { Range, formatText } from './range.js';
export type { RangeTarget } from './range.js';
export {
  ConditionalFormat,
  ConditionalFormatCollection,
  CustomConditionalFormat,
  DataValidation,
  RangeFont,
  RangeFormat,
} from './formats.js';
export { Chart, ChartCollection, ChartTitle } from './charts.js';
export { Table, TableCollection } from './tables.js';
export { NamedItem, NamedItemCollection } from './names.js';
export { CustomXmlPart, CustomXmlPartCollection, CustomXmlPartScopedCollection, Setting, SettingCollection } from './settings.js';
