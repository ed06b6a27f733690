/**
 * The preview's own chrome (src/preview): the page around the task pane, which stands in for
 * Excel's window. It is shown in Office's display language (`?lang=`), as a Chinese Excel shows
 * Chinese chrome whatever language an add-in picks for itself.
 */

/** Why the grid refused what was typed into a cell (the simulated host's `EntryRefusal`). */
export type PreviewRefusal =
  | { readonly reason: 'notInList'; readonly value: string; readonly entries: readonly string[] }
  | { readonly reason: 'invalidFormula'; readonly value: string }
  | { readonly reason: 'notFinite' };

export interface PreviewText {
  /** The browser tab's title. */
  readonly pageTitle: string;
  readonly heading: string;
  readonly note: string;
  readonly workbookLabel: string;
  /** Excel's name box: the selected cell's address. */
  readonly nameBoxLabel: string;
  readonly formulaBarLabel: string;
  /** The grid of the sheet shown. */
  readonly sheetGridLabel: (sheet: string) => string;
  /** The corner header above the row numbers. */
  readonly rowHeaderLabel: string;
  readonly detailsLabel: string;
  readonly activeScenario: string;
  readonly definedNames: string;
  readonly noNames: string;
  /** The sheet tab strip. */
  readonly sheetTabsLabel: string;
  readonly paneFrameTitle: string;
  /** `ref` is a sheet-qualified cell, `Figures!E3`. */
  readonly editCell: (ref: string) => string;
  readonly chooseValue: (ref: string) => string;
  readonly allowedValues: (ref: string) => string;
  readonly cellUpdated: (ref: string) => string;
  readonly cellRefused: (ref: string, why: string) => string;
  readonly refusal: (why: PreviewRefusal) => string;
}
