/**
 * Finds English that reached a Chinese render. A Latin word is allowed only when it is one of the
 * kinds below, each with its reason; anything else is reported with where it was found.
 */

import { UNIT_IDS } from '../../src/model/units/index.js';
import { CLAIM_COLUMNS, MY_CLAIM_COLUMNS, MY_FIGURE_COLUMNS, SCENARIO_NAMES, SHEETS, USER_SHEETS } from '../../src/plan/index.js';

/** Words that stay as they are in a Chinese render, and why. */
export const ALLOWED_WORDS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    // Product and host names are names, not English prose.
    ClaimCell: 'product name',
    claimcell: 'program name: the prefix of every CLI message (claimcell portable: …)',
    Excel: 'host name',
    ExcelApi: 'requirement set name (ExcelApi 1.8)',
    Office: 'host name',
    LibreOffice: 'host name',
    Sheets: 'host name (Google Sheets)',
    Google: 'host name (Google Sheets)',
    // Sheet names are ids: formulas, defined names and the Office.js writer refer to them by name,
    // so they are the same in every language (a refill in another language keeps every reference).
    About: 'sheet name (an id)',
    Figures: 'sheet name (an id)',
    References: 'sheet name (an id)',
    Claims: 'sheet name (an id)',
    Scenarios: 'sheet name (an id)',
    Scenario: 'sheet name "Scenario summary" (an id)',
    summary: 'sheet name "Scenario summary" (an id)',
    Stress: 'sheet name (an id)',
    tables: 'sheet name "Stress tables" (an id)',
    Tasks: 'exercise sheet name (an id)',
    MyFigures: 'sheet and table name (an id)',
    MyClaims: 'sheet and table name (an id)',
    swap: 'sheet name "ClaimCell swap record" (an id: swap-in finds the record by it, in every language)',
    record: 'sheet name "ClaimCell swap record" (an id)',
    // The baseline scenario's key: B1's drop-down and MATCH look it up in every language.
    Article: 'baseline scenario key',
    // What the user types: command names, flags and comparison keywords are syntax.
    npm: 'CLI syntax', run: 'CLI syntax', cli: 'CLI syntax', lang: 'CLI flag', help: 'CLI syntax', version: 'CLI flag',
    json: 'CLI flag / file type', en: 'language code', zh: 'language code', xlsx: 'file type', csv: 'file type',
    figures: 'CLI command', figure: 'CLI command', claims: 'CLI command', claim: 'CLI command', eval: 'CLI command',
    scenarios: 'CLI command', list: 'CLI subcommand', export: 'CLI subcommand', import: 'CLI subcommand',
    stress: 'CLI command', tornado: 'CLI subcommand', table: 'CLI subcommand', breakeven: 'CLI subcommand', montecarlo: 'CLI subcommand', sipmath: 'CLI subcommand',
    workbook: 'CLI command / flag', exercise: 'CLI command', grade: 'CLI command', myclaims: 'CLI command', portable: 'CLI command',
    scenario: 'CLI flag', set: 'CLI flag', seed: 'CLI flag', roster: 'CLI flag', out: 'CLI flag', level: 'CLI flag', gradebook: 'CLI flag',
    easy: 'CLI flag value', medium: 'CLI flag value', hard: 'CLI flag value', file: 'CLI argument placeholder', samples: 'CLI flag', workers: 'CLI flag',
    approx: 'comparison keyword typed in MyClaims', atLeast: 'comparison keyword typed in MyClaims', atMost: 'comparison keyword typed in MyClaims', between: 'comparison keyword typed in MyClaims',
    id: 'the id column and field: ids are the names formulas use',
    // MyFigures / MyClaims field names: a Chinese table's headers are Chinese, but a problem names the
    // field as a myclaims file and an English table do (figures[0].unit in a file, 单位（unit） in a form).
    ...Object.fromEntries(['label', 'value', 'unit', 'note', 'statement', 'stated', 'compare', 'tolerance'].map((h) => [h, 'MyFigures / MyClaims field name (a file\'s key, named in a problem)'])),
    // Unit ids: what MyFigures' unit column takes (its drop-down's values), so a problem lists them as typed.
    ...Object.fromEntries(UNIT_IDS.map((u) => [u, "unit id (a value of MyFigures' unit column)"])),
    Enter: 'key name as on the keycap (Microsoft\'s Chinese help writes 按 Enter 键)', Alt: 'key name as on the keycap (按 Alt+向下键)',
    e: 'number exponent',
    SIPmath: "the standard's name", metalog: "the distribution's proper name (Keelin 2016); it has no settled Chinese name", hdr: 'CLI flag value (--generator hdr)', seed3: "SIPmath's name of the HDR argument",
    seed4: "SIPmath's name of the HDR argument (the sipmath import table's column, beside seed3)",
    drivers: 'CLI subcommand', ptable: 'CLI subcommand',
    uniform: 'CLI flag value (--shape uniform|pert)', pert: 'CLI flag value (--shape uniform|pert)', default: 'CLI flag value (--generator default|hdr)', none: 'CLI flag value (--stress none)',
    recompute: "MyClaims field name (as above) and task kind code: the exercise table's 题型代码 column shows the code the Tasks sheet carries and --claims ID@FIG selects",
    Simulation: 'sheet name (an id)',
  }),
);

/** A unit id followed by its label, as the pane's unit drop-down shows it. */
const UNIT_OPTION = new RegExp(`^(${UNIT_IDS.join('|')}) · `);

/** Tokens allowed by their form: ids (upper case, digits, underscores), cell addresses, function names. */
function allowedByForm(word: string): boolean {
  return /^[A-Z][A-Z0-9_]*$/.test(word) || /^[A-Z]+_[A-Za-z0-9_]+$/.test(word) || /^[A-Z][0-9]+$/.test(word);
}

/** The Latin words of `text` that are not allowed, after removing formulas and CLAIM.* calls. */
export function englishIn(text: string): string[] {
  if (text.startsWith('=')) return []; // a formula
  const stripped = text
    .replace(/=[A-Z][A-Z0-9_.]*\([^)]*\)/g, ' ') // formula examples inside prose
    .replace(/CLAIM\.[A-Z_*]+/g, ' ')
    .replace(UNIT_OPTION, ' ') // a unit id as the pane's form offers it ("usd_bn · 十亿美元"): what MyFigures' unit column takes
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[\w.-]+\.(txt|json|xlsx|csv)\b/g, ' ') // file names
    .replace(/(^|[\s\[(|；，：（、])--?[a-z][a-z-]*/g, ' '); // command-line flags (also after Chinese punctuation)
  return [...stripped.matchAll(/[A-Za-z][A-Za-z0-9_]*/g)].map((m) => m[0]).filter((w) => !ALLOWED_WORDS.has(w) && !allowedByForm(w));
}

/**
 * Cells whose text stays as written in a Chinese workbook, and why:
 * - the other-language label column of Figures and References (C): kept so a reader can match a
 *   figure with an English-language source;
 * - References' publisher and series (G, H): bibliographic citations keep their original titles;
 * - the verdict code column (Claims!N) and block (summary): language-neutral codes formulas test;
 * - Scenarios!B1 and the names row (3): scenario names are keys (B1's drop-down, the MATCH that
 *   picks the active column, scenario files, the CLI's --scenario); row 2 above shows each in
 *   Chinese, as do the summary's headers and the pane;
 * - MyFigures' unit column (D) and MyClaims' verdict code column (J), below the header: unit ids
 *   the user picks from the drop-down, and the language-neutral verdict codes the verdict word and
 *   the colours read. Everything else in those two sheets is ClaimCell's words in Chinese or the
 *   user's own text (the worked example's is Chinese); `compare` keywords are allowed words above.
 */
export function keptInChinese(sheet: string, row: number, column: number, codeRows: ReadonlySet<number>): boolean {
  if ((sheet === SHEETS.figures || sheet === SHEETS.references) && column === 3) return true;
  if (sheet === SHEETS.references && (column === 7 || column === 8)) return true;
  if (sheet === SHEETS.claims && column === CLAIM_COLUMNS.verdictCode && row > 1) return true;
  if (sheet === SHEETS.summary && codeRows.has(row)) return true;
  if (sheet === SHEETS.scenarios && ((row === SCENARIO_NAMES.row && column >= SCENARIO_NAMES.firstColumn) || (row === 1 && column === 2))) return true;
  if (sheet === USER_SHEETS.figures && column === MY_FIGURE_COLUMNS.unit && row > 1) return true;
  return sheet === USER_SHEETS.claims && column === MY_CLAIM_COLUMNS.verdictCode && row > 1;
}

