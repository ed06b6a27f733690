import type { SwapText } from '../types/swap.js';

export const swap: SwapText = {
  recordHeader: ['Sheet', 'Cell', 'Original formula', 'Written', 'Kind', 'Note'],
  kinds: { native: 'native', value: 'value' },
  reason: (why) =>
    why.code === 'unreadable'
      ? `the formula could not be read (${why.detail})`
      : why.code === 'noNative'
        ? `${why.fn} has no native Excel form (it reads ClaimCell's catalogue or runs a simulation)`
        : why.code === 'arity'
          ? `${why.fn} is given ${why.given} argument(s) where it takes ${why.takes}`
          : `${why.fn} is given the range ${why.range} for ${why.param}, which only the add-in spreads over its cells`,
  valueNote: (why) => `value kept, formula removed: ${swap.reason(why)}`,
  cellNotePrefix: 'ClaimCell swap-out: ',
  cellNote: (note, original) => `${swap.cellNotePrefix}${note}. Swap in with ClaimCell to restore ${original}`,
  keptGone: 'the sheet is gone',
  keptChanged: (now) => `changed since swap-out (now ${now}), left as it is`,
  usage: [
    'portable IN.xlsx OUT.xlsx             swap out: every CLAIM.* arithmetic formula becomes its native form; CHECK, BREAKEVEN, PROB_HOLDS, FIGURE become their values with a note; a hidden sheet "ClaimCell swap record" records each cell',
    'portable --restore IN.xlsx OUT.xlsx   swap in: every recorded cell gets its original formula back (a cell changed since swap-out is kept and listed); the record sheet is removed',
  ],
  needsFiles: (first) => `needs IN.xlsx and OUT.xlsx, got ${first !== undefined ? `only "${first}"` : 'neither'}`,
  unexpectedArgument: (arg) => `unexpected argument "${arg}"`,
  sameFile: (input) => `OUT.xlsx must differ from IN.xlsx (${input}), so the original stays as it was`,
  cannotRead: (file, why) => `cannot read ${file}: ${why === 'missing' ? 'no such file' : why === 'folder' ? 'that is a folder, not a file' : why}`,
  swappedOut: (native, frozen) => `${native} formula(s) swapped to native Excel, ${frozen} replaced by their value${frozen ? ':' : ''}`,
  restored: (restored, kept) => `${restored} formula(s) restored${kept ? `, ${kept} cell(s) kept as they are:` : ''}`,
  partsLost: (input, parts) => `warning: ${input} holds ${parts}, which the rewritten file does not carry over`,
  droppedParts: { charts: 'charts', pivotTables: 'pivot tables', legacyDrawings: 'form controls or legacy drawings', macros: 'macros', slicers: 'slicers' },
  listSeparator: ', ',
  alreadySwappedOut: (source) => `${source} is already swapped out (it has the sheet "ClaimCell swap record"): swap it in first (portable --restore)`,
  notSwappedOut: (source) => `${source} is not swapped out: it has no sheet "ClaimCell swap record"`,
};
