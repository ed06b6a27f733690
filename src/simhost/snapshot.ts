/**
 * The simulated workbook as deterministic JSON (`host.snapshot()`): sheets with their cells, raw and
 * calculated, formats, validations and layout; names, tables, conditional formats, charts, settings
 * and custom XML parts. Tests compare snapshots byte for byte, so the order of everything is fixed.
 */
import { colToLetters, formatRect, keyCol, keyRow, qualifiedAddress } from './address.js';
import type { SimWorkbook } from './model.js';

/** Group `key → value` cell maps into deterministic `{ value, ranges }` runs (per column, consecutive rows). */
function compressCells<T>(map: Map<number, T>): { value: T; ranges: string[] }[] {
  const byValue = new Map<string, { value: T; keys: number[] }>();
  for (const [k, v] of map) {
    const id = JSON.stringify(v);
    let entry = byValue.get(id);
    if (!entry) byValue.set(id, (entry = { value: v, keys: [] }));
    entry.keys.push(k);
  }
  const out: { value: T; ranges: string[] }[] = [];
  for (const id of [...byValue.keys()].sort()) {
    const entry = byValue.get(id)!;
    const keys = entry.keys.sort((a, b) => keyCol(a) - keyCol(b) || keyRow(a) - keyRow(b));
    const ranges: string[] = [];
    let start: number | undefined;
    let prev: number | undefined;
    const flush = (): void => {
      if (start === undefined || prev === undefined) return;
      ranges.push(formatRect({ r0: keyRow(start), c0: keyCol(start), r1: keyRow(prev), c1: keyCol(prev) }));
    };
    for (const k of keys) {
      if (prev !== undefined && keyCol(k) === keyCol(prev) && keyRow(k) === keyRow(prev) + 1) {
        prev = k;
      } else {
        flush();
        start = k;
        prev = k;
      }
    }
    flush();
    out.push({ value: entry.value, ranges });
  }
  return out;
}

/** The workbook, calculated first, as JSON. */
export function snapshotOf(workbook: SimWorkbook): unknown {
  workbook.ensureCalculated();
  const live = (x: { deleted: boolean }): boolean => !x.deleted;
  return {
    sheets: workbook.liveSheets().map((sheet, position) => {
      const keys = [...sheet.cells.keys()].sort((a, b) => a - b);
      return {
        name: sheet.name,
        id: sheet.id,
        position,
        visibility: sheet.visibility,
        cells: keys.map((k) => {
          const raw = sheet.cells.get(k)!;
          return [`${colToLetters(keyCol(k))}${keyRow(k) + 1}`, raw, workbook.cellValue(sheet, keyRow(k), keyCol(k))];
        }),
        numberFormats: compressCells(sheet.numberFormats),
        bold: compressCells(sheet.bold),
        columnWidths: [...sheet.columnWidths.entries()].sort((a, b) => a[0] - b[0]).map(([c, w]) => [colToLetters(c), w]),
        dataValidation: compressCells(sheet.validation).map((e) => ({ rule: JSON.parse(e.value) as unknown, ranges: e.ranges })),
        // Only when set, so snapshots of workbooks without them stay as they were.
        ...(sheet.validationPrompt.size ? { validationPrompts: compressCells(sheet.validationPrompt).map((e) => ({ prompt: JSON.parse(e.value) as unknown, ranges: e.ranges })) } : {}),
        ...(sheet.frozenRows ? { frozenRows: sheet.frozenRows } : {}),
        ...(sheet.pageLayout ? { pageLayout: sheet.pageLayout } : {}),
        ...(sheet.alignment?.size ? { alignment: compressCells(new Map([...sheet.alignment].map(([k, v]) => [k, JSON.stringify(v)]))) } : {}),
        ...(sheet.rowHeights?.size ? { rowHeights: [...sheet.rowHeights.entries()].sort((a, b) => a[0] - b[0]).map(([r, h]) => [r + 1, h]) } : {}),
      };
    }),
    names: [...workbook.names.values()]
      .sort((a, b) => (a.name.toUpperCase() < b.name.toUpperCase() ? -1 : a.name.toUpperCase() > b.name.toUpperCase() ? 1 : 0))
      .map((n) => ({ name: n.name, formula: n.formula, comment: n.comment, visible: n.visible })),
    tables: workbook.tables.filter(live).map((t) => ({
      id: t.id,
      name: t.name,
      address: qualifiedAddress(t.sheet.name, t.rect),
      hasHeaders: t.hasHeaders,
    })),
    conditionalFormats: workbook.conditionalFormats.filter(live).map((cf) => ({
      id: cf.id,
      address: qualifiedAddress(cf.sheet.name, cf.rect),
      type: cf.type,
      formula: cf.formula,
      fillColor: cf.fillColor,
      fontColor: cf.fontColor,
      fontBold: cf.fontBold,
      priority: cf.priority,
      stopIfTrue: cf.stopIfTrue,
    })),
    charts: workbook.charts.filter(live).map((c) => ({
      id: c.id,
      sheet: c.sheet.name,
      name: c.name,
      chartType: c.chartType,
      source: qualifiedAddress(c.sheet.name, c.source),
      seriesBy: c.seriesBy,
      title: c.title,
      top: c.top,
      left: c.left,
      width: c.width,
      height: c.height,
    })),
    settings: [...workbook.settings.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([key, value]) => ({ key, value })),
    customXmlParts: workbook.xmlParts.filter(live).map((p) => ({ id: p.id, namespaceUri: p.namespaceUri, xml: p.xml })),
  };
}
