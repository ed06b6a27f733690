import type { OwnText } from '../types/own.js';

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
    fieldNames: { id: 'id', label: 'label', value: 'value', unit: 'unit', note: 'note' },
  },
};
