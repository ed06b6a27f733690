/** The preview's own chrome in English. */
import type { PreviewText } from '../types/preview.js';

export const preview: PreviewText = {
  pageTitle: 'ClaimCell preview — simulated Excel',
  heading: 'ClaimCell preview',
  note: 'A simulated Excel workbook (no Excel needed) with the real task pane. Nothing here is saved.',
  workbookLabel: 'Simulated workbook',
  nameBoxLabel: 'Selected cell',
  formulaBarLabel: 'Formula bar: content of the selected cell (Enter to set it)',
  sheetGridLabel: (sheet) => `${sheet} sheet`,
  rowHeaderLabel: 'Row',
  detailsLabel: 'Workbook details',
  activeScenario: 'Active scenario',
  definedNames: 'Defined names',
  noNames: 'No defined names yet.',
  sheetTabsLabel: 'Sheets',
  paneFrameTitle: 'ClaimCell task pane',
  editCell: (ref) => `Edit ${ref}`,
  chooseValue: (ref) => `Choose a value for ${ref} (Alt+Down)`,
  allowedValues: (ref) => `Values allowed in ${ref}`,
  cellUpdated: (ref) => `${ref} updated; the workbook recalculated.`,
  cellRefused: (ref, why) => `Could not set ${ref}: ${why}. Fix the entry and press Enter again.`,
  refusal: (why) => {
    switch (why.reason) {
      case 'notInList':
        return `"${why.value}" is not one of the values this cell allows (${why.entries.map((e) => `"${e}"`).join(', ')}); Excel's data validation (alert style Stop) refuses it`;
      case 'invalidFormula':
        return `there is a problem with the formula ${why.value}`;
      case 'notFinite':
        return 'not a finite number';
    }
  },
};
