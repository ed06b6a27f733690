import type { OwnText } from '../types/own.js';
import { sheets } from './sheets.js';

const FIGURE_HEADERS = sheets.myFigures.headers;

export const own: OwnText = {
  yours: 'yours',
  stressOption: (id) => `${id} (yours)`,
  ownClaimsPick: 'Your claims (a click adds one as a task): ',
  figureForm: {
    heading: 'Add your own figure',
    id: 'Id (an Excel name, e.g. MY_RATE)',
    label: 'Label',
    value: 'Value (a fraction for percents: 0.04 is 4%)',
    unit: 'Unit',
    note: 'Note',
    add: 'Add figure',
    added: (address) => `Added your figure at ${address}; its id is now a name formulas and claims can use.`,
    problems: 'Nothing was written:',
    // the words MyFigures' header shows, so a problem names the column as the sheet does
    fieldNames: { id: 'id', label: FIGURE_HEADERS.label, value: FIGURE_HEADERS.value, unit: FIGURE_HEADERS.unit, note: FIGURE_HEADERS.note },
  },
};
