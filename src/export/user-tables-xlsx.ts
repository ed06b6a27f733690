/**
 * `myclaims import` writes only the user's two tables into a saved workbook: the MyFigures and
 * MyClaims sheets' rows, drop-downs and table ranges, the defined names of the user's figures, and
 * the cell styles those rows need, taken from a workbook the plan writer made with the new rows.
 * Every other part (other sheets, charts, the user's own sheets and edits) stays as it was stored.
 * Strings go in as inline strings, so the shared-string table is not touched; the calculation
 * chain is dropped (Excel rebuilds it) because the rows it lists change.
 */
import { readZipParts, rewriteZipParts } from './zip-parts.js';

export class UserTablesWriteError extends Error {
  override readonly name = 'UserTablesWriteError';
}

type Parts = Map<string, () => string>;

const attr = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const resolve = (from: string, target: string): string => {
  if (target.startsWith('/')) return target.slice(1);
  const out = from.split('/').slice(0, -1);
  for (const step of target.split('/')) step === '..' ? out.pop() : out.push(step);
  return out.join('/');
};
const relsOf = (part: string): string => part.replace(/([^/]+)$/, '_rels/$1.rels');
const xmlText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function read(parts: Parts, name: string, what: string): string {
  const get = parts.get(name);
  if (!get) throw new UserTablesWriteError(`${what}: the workbook has no part ${name}`);
  return get();
}

/** The sheet part of a sheet named `sheet`, and its table part named `table`. */
function sheetParts(parts: Parts, sheet: string, table: string): { sheet: string; table: string } {
  const workbook = read(parts, 'xl/workbook.xml', sheet);
  const tag = (workbook.match(/<sheet\s[^>]*>/g) ?? []).find((t) => attr(t, 'name') === xmlText(sheet));
  if (!tag) throw new UserTablesWriteError(`the workbook has no ${sheet} sheet (fill it with the add-in, or write it again with npm run workbook)`);
  const id = attr(tag, 'r:id');
  const rel = (read(parts, 'xl/_rels/workbook.xml.rels', sheet).match(/<Relationship\s[^>]*>/g) ?? []).find((r) => attr(r, 'Id') === id);
  const sheetPart = resolve('xl/workbook.xml', attr(rel ?? '', 'Target') ?? '');
  const rels = parts.get(relsOf(sheetPart))?.() ?? '';
  const tables = (rels.match(/<Relationship\s[^>]*>/g) ?? []).filter((r) => attr(r, 'Type')?.endsWith('/table')).map((r) => resolve(sheetPart, attr(r, 'Target')!));
  const tablePart = tables.find((t) => attr(/<table\s[^>]*>/.exec(parts.get(t)?.() ?? '')?.[0] ?? '', 'name') === table);
  if (!tablePart) throw new UserTablesWriteError(`the ${sheet} sheet has no table named ${table}`);
  return { sheet: sheetPart, table: tablePart };
}

/** The generated workbook's shared strings, as XML text (still escaped). */
function sharedStrings(parts: Parts): string[] {
  const xml = parts.get('xl/sharedStrings.xml')?.() ?? '';
  return (xml.match(/<si>[\s\S]*?<\/si>/g) ?? []).map((si) => (si.match(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g) ?? []).map((t) => t.replace(/^<t[^>]*>|<\/t>$/g, '')).join(''));
}

/** A styles.xml collection's children (fonts, fills, borders, cellXfs) and where it sits. */
function collection(xml: string, tag: string, child: string): { items: string[]; whole: string } {
  const whole = new RegExp(`<${tag}(?:\\s[^>]*)?(?:/>|>[\\s\\S]*?</${tag}>)`).exec(xml)?.[0] ?? '';
  return { whole, items: whole.match(new RegExp(`<${child}(?:\\s[^>]*)?(?:/>|>[\\s\\S]*?</${child}>)`, 'g')) ?? [] };
}

/** Copies the generated cell styles a sheet uses into the workbook's styles; returns the new styles.xml and the index map. */
function transplantStyles(styles: string, genStyles: string, used: ReadonlySet<number>): { styles: string; map: Map<number, number> } {
  const map = new Map<number, number>();
  const lists = { fonts: 'font', fills: 'fill', borders: 'border', cellXfs: 'xf' } as const;
  const mine = Object.fromEntries(Object.entries(lists).map(([tag, child]) => [tag, collection(styles, tag, child)])) as Record<keyof typeof lists, ReturnType<typeof collection>>;
  const theirs = Object.fromEntries(Object.entries(lists).map(([tag, child]) => [tag, collection(genStyles, tag, child)])) as Record<keyof typeof lists, ReturnType<typeof collection>>;
  const added = { fonts: [...mine.fonts.items], fills: [...mine.fills.items], borders: [...mine.borders.items], cellXfs: [...mine.cellXfs.items] };
  const indexIn = (list: string[], item: string): number => {
    const at = list.indexOf(item);
    if (at >= 0) return at;
    list.push(item);
    return list.length - 1;
  };
  const formats = new Map([...genStyles.matchAll(/<numFmt\s[^>]*>/g)].map((m) => [attr(m[0], 'numFmtId')!, attr(m[0], 'formatCode')!]));
  const myFormats = [...styles.matchAll(/<numFmt\s[^>]*>/g)].map((m) => ({ id: Number(attr(m[0], 'numFmtId')), code: attr(m[0], 'formatCode')! }));
  const newFormats: string[] = [];
  for (const n of used) {
    let xf = theirs.cellXfs.items[n];
    if (!xf) continue;
    const swap = (name: string, value: number): void => void (xf = xf!.replace(new RegExp(`(\\s${name}=")[^"]*"`), `$1${value}"`));
    swap('fontId', indexIn(added.fonts, theirs.fonts.items[Number(attr(xf, 'fontId') ?? 0)] ?? added.fonts[0]!));
    swap('fillId', indexIn(added.fills, theirs.fills.items[Number(attr(xf, 'fillId') ?? 0)] ?? added.fills[0]!));
    swap('borderId', indexIn(added.borders, theirs.borders.items[Number(attr(xf, 'borderId') ?? 0)] ?? added.borders[0]!));
    const fmtId = attr(xf, 'numFmtId') ?? '0';
    const code = formats.get(fmtId);
    if (code !== undefined) {
      let mineFmt = myFormats.find((f) => f.code === code);
      if (!mineFmt) {
        mineFmt = { id: Math.max(163, ...myFormats.map((f) => f.id)) + 1, code };
        myFormats.push(mineFmt);
        newFormats.push(`<numFmt numFmtId="${mineFmt.id}" formatCode="${code}"/>`);
      }
      swap('numFmtId', mineFmt.id);
    }
    if (attr(xf, 'xfId') !== undefined) swap('xfId', 0);
    map.set(n, indexIn(added.cellXfs, xf));
  }
  let out = styles;
  for (const tag of Object.keys(lists) as (keyof typeof lists)[]) out = out.replace(mine[tag].whole, `<${tag} count="${added[tag].length}">${added[tag].join('')}</${tag}>`);
  if (newFormats.length) {
    out = /<numFmts[\s>]/.test(out)
      ? out.replace(/<numFmts[^>]*>([\s\S]*?)<\/numFmts>/, (_m, inner: string) => `<numFmts count="${myFormats.length}">${inner}${newFormats.join('')}</numFmts>`)
      : out.replace(/(<styleSheet[^>]*>)/, `$1<numFmts count="${newFormats.length}">${newFormats.join('')}</numFmts>`);
  }
  return { styles: out, map };
}

/** Where a worksheet child goes: before the first of these that the sheet has (CT_Worksheet order). */
const AFTER_VALIDATIONS = ['hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

function withValidations(sheet: string, validations: string): string {
  const without = sheet.replace(/<dataValidations[\s\S]*?<\/dataValidations>|<dataValidations[^>]*\/>/, '');
  if (!validations) return without;
  for (const tag of AFTER_VALIDATIONS) {
    const at = without.search(new RegExp(`<${tag}[\\s/>]`));
    if (at >= 0) return without.slice(0, at) + validations + without.slice(at);
  }
  return without.replace('</worksheet>', `${validations}</worksheet>`);
}

/** ClaimCell's verdict colours: the rules that test a verdict code (the user's own rules are kept). */
const VERDICT_RULE = /<conditionalFormatting\s[^>]*>(?:(?!<\/conditionalFormatting>)[\s\S])*?&quot;(?:consistent|inconsistent|implausible|unverifiable)&quot;[\s\S]*?<\/conditionalFormatting>/g;

/**
 * The generated sheet's conditional formats for the original sheet: their differential styles
 * copied into the original's `<dxfs>` (an identical one reused), their priorities after the
 * original's own. Returns the formats' XML and the new styles.xml.
 */
function transplantFormats(genSheet: string, genStyles: string, sheet: string, styles: string): { formats: string; styles: string } {
  const formats = genSheet.match(/<conditionalFormatting\s[\s\S]*?<\/conditionalFormatting>/g) ?? [];
  if (!formats.length) return { formats: '', styles };
  const theirs = collection(genStyles, 'dxfs', 'dxf').items;
  const mine = collection(styles, 'dxfs', 'dxf');
  const dxfs = [...mine.items];
  let priority = Math.max(0, ...[...sheet.matchAll(/<cfRule\s[^>]*\spriority="(\d+)"/g)].map((m) => Number(m[1])));
  const moved = formats
    .join('')
    .replace(/(<cfRule\s[^>]*)\sdxfId="(\d+)"/g, (_m, head: string, id: string) => {
      const dxf = theirs[Number(id)] ?? '<dxf/>';
      const at = dxfs.indexOf(dxf);
      return `${head} dxfId="${at >= 0 ? at : dxfs.push(dxf) - 1}"`;
    })
    .replace(/(<cfRule\s[^>]*\spriority=")\d+"/g, (_m, head: string) => `${head}${++priority}"`);
  const list = `<dxfs count="${dxfs.length}">${dxfs.join('')}</dxfs>`;
  if (mine.whole) return { formats: moved, styles: styles.replace(mine.whole, list) };
  // CT_Stylesheet order: dxfs come after cellStyles, before tableStyles, colors and extLst.
  const before = ['<tableStyles', '<colors', '<extLst', '</styleSheet>'].map((tag) => styles.indexOf(tag)).find((i) => i >= 0)!;
  return { formats: moved, styles: styles.slice(0, before) + list + styles.slice(before) };
}

/**
 * `original` with the MyFigures and MyClaims tables (and the names of the user's figures) as
 * `generated` has them; `names` are the two sheets, each holding a table of its own name.
 */
export function replaceUserTables(original: Buffer, generated: Buffer, names: { readonly figures: string; readonly claims: string }): Buffer {
  const parts = readZipParts(original);
  const gen = readZipParts(generated);
  const strings = sharedStrings(gen);
  const changed = new Map<string, string>();
  let styles = read(parts, 'xl/styles.xml', 'styles');
  const genStyles = read(gen, 'xl/styles.xml', 'styles');
  for (const name of [names.figures, names.claims]) {
    const mine = sheetParts(parts, name, name);
    const theirs = sheetParts(gen, name, name);
    const genSheet = read(gen, theirs.sheet, name);
    let rows = /<sheetData>[\s\S]*?<\/sheetData>|<sheetData\/>/.exec(genSheet)?.[0] ?? '<sheetData/>';
    rows = rows.replace(/\sx14ac:dyDescent="[^"]*"/g, '');
    rows = rows.replace(/<c ([^>]*?)\s*t="s"([^>]*)>\s*<v>(\d+)<\/v>\s*<\/c>/g, (_m, a: string, b: string, i: string) => `<c ${a}${b} t="inlineStr"><is><t xml:space="preserve">${strings[Number(i)] ?? ''}</t></is></c>`);
    const used = new Set([...rows.matchAll(/\ss="(\d+)"/g)].map((m) => Number(m[1])));
    const moved = transplantStyles(styles, genStyles, used);
    styles = moved.styles;
    rows = rows.replace(/\ss="(\d+)"/g, (_m, n: string) => ` s="${moved.map.get(Number(n)) ?? 0}"`);
    let sheet = read(parts, mine.sheet, name);
    const dimension = /<dimension\s[^>]*\/>/.exec(genSheet)?.[0];
    if (dimension) sheet = /<dimension\s[^>]*\/>/.test(sheet) ? sheet.replace(/<dimension\s[^>]*\/>/, dimension) : sheet;
    sheet = sheet.replace(/<sheetData>[\s\S]*?<\/sheetData>|<sheetData\/>/, () => rows);
    // The verdict colours go in again, as the generated sheet has them; CT_Worksheet puts them just before the drop-downs.
    sheet = sheet.replace(VERDICT_RULE, '');
    const formats = transplantFormats(genSheet, genStyles, sheet, styles);
    styles = formats.styles;
    sheet = withValidations(sheet, formats.formats + (/<dataValidations[\s\S]*?<\/dataValidations>/.exec(genSheet)?.[0] ?? ''));
    changed.set(mine.sheet, sheet);
    // The table's range, columns and header names (the generated ones: in the workbook's language, one per column).
    const genTable = read(gen, theirs.table, name);
    const ref = attr(/<table\s[^>]*>/.exec(genTable)![0], 'ref')!;
    const element = (tag: string): RegExp => new RegExp(`<${tag}(?:\\s[^>]*)?(?:/>|>[\\s\\S]*?</${tag}>)`);
    let table = read(parts, mine.table, name).replace(/(<table\s[^>]*\sref=")[^"]*"/, `$1${ref}"`);
    for (const tag of ['autoFilter', 'tableColumns']) {
      const theirsPart = element(tag).exec(genTable)?.[0];
      if (theirsPart && element(tag).test(table)) table = table.replace(element(tag), () => theirsPart);
    }
    changed.set(mine.table, table);
  }
  changed.set('xl/styles.xml', styles);
  // The names of the user's figures: the old ones out, the new ones in.
  const onFigures = (d: string): boolean => new RegExp(`>\\s*'?${names.figures}'?!`).test(d);
  const genNames = (read(gen, 'xl/workbook.xml', 'names').match(/<definedName\s[^>]*>[^<]*<\/definedName>/g) ?? []).filter(onFigures);
  let workbook = read(parts, 'xl/workbook.xml', 'names').replace(/<definedName\s[^>]*>[^<]*<\/definedName>/g, (d) => (onFigures(d) ? '' : d));
  workbook = /<definedNames>/.test(workbook) ? workbook.replace('</definedNames>', `${genNames.join('')}</definedNames>`) : workbook.replace('</sheets>', `</sheets><definedNames>${genNames.join('')}</definedNames>`);
  workbook = workbook.replace('<definedNames></definedNames>', '');
  changed.set('xl/workbook.xml', workbook);
  // The calculation chain lists cells by address; Excel rebuilds it when it is missing.
  const removed = new Set<string>();
  if (parts.has('xl/calcChain.xml')) {
    removed.add('xl/calcChain.xml');
    changed.set('[Content_Types].xml', read(parts, '[Content_Types].xml', 'types').replace(/<Override\s[^>]*PartName="\/xl\/calcChain\.xml"[^>]*\/>/, ''));
    changed.set('xl/_rels/workbook.xml.rels', read(parts, 'xl/_rels/workbook.xml.rels', 'rels').replace(/<Relationship\s[^>]*Target="[^"]*calcChain\.xml"[^>]*\/>/, ''));
  }
  return rewriteZipParts(original, changed, removed);
}
