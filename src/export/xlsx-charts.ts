/**
 * Native charts in the .xlsx the ExcelJS writer makes. ExcelJS writes no charts, and no maintained
 * package adds them to its files (xlsx-chart and office-chart each write a workbook of their own),
 * so this adds the parts by hand after ExcelJS: per chart a DrawingML chart part (a clustered bar or
 * column chart whose categories and series point at the plan's source range, with cached values
 * for viewers that do not recalculate), one drawing part per sheet anchoring its charts, and the
 * relationships and content types that link them (ECMA-376 Part 1, §21.2 charts, §20.5 drawings).
 */
import JSZip from 'jszip';
import { columnLetter, sheetRef } from '../plan/a1.js';
import type { ChartPlan, SheetPlan, WorkbookPlan } from '../plan/types.js';

const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
};
/** The size of a chart, in columns and rows from its anchor cell. */
const CHART_COLUMNS = 8;
const CHART_ROWS = 16;

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const unescapeXml = (text: string): string => text.replace(/&quot;/g, '"').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&');

/** 1-based bounds of an A1 range like `H9:J12` (no `$`). */
function bounds(range: string): { top: number; left: number; bottom: number; right: number } {
  const cell = (a: string) => {
    const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(a)!;
    return { row: Number(m[2]), col: [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) };
  };
  const [p, q = p] = range.split(':') as [string, string?];
  const a = cell(p);
  const b = cell(q);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

/** A cell's value as the plan caches it. */
function cachedValue(sheet: SheetPlan, row: number, col: number): number | string | null {
  const cell = sheet.cells[row - 1]?.[col - 1];
  const v = cell?.f !== undefined ? cell.cached : cell?.v;
  return typeof v === 'number' || typeof v === 'string' ? v : null;
}

function chartXml(sheet: SheetPlan, chart: ChartPlan): string {
  const { top, left, bottom, right } = bounds(chart.source);
  const ref = (col: number, from: number, to: number) => `${sheetRef(sheet.name)}!$${columnLetter(col)}$${from}:$${columnLetter(col)}$${to}`;
  const points = bottom - top;
  const cache = (col: number, numeric: boolean): string => {
    const pts = Array.from({ length: points }, (_, i) => cachedValue(sheet, top + 1 + i, col))
      .map((v, i) => (v === null || (numeric && typeof v !== 'number') ? '' : `<c:pt idx="${i}"><c:v>${escapeXml(String(v))}</c:v></c:pt>`))
      .join('');
    return `<c:ptCount val="${points}"/>${pts}`;
  };
  const series = Array.from({ length: right - left }, (_, k) => {
    const col = left + 1 + k;
    const name = String(cachedValue(sheet, top, col) ?? '');
    return (
      `<c:ser><c:idx val="${k}"/><c:order val="${k}"/>` +
      `<c:tx><c:strRef><c:f>${escapeXml(`${sheetRef(sheet.name)}!$${columnLetter(col)}$${top}`)}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${escapeXml(name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
      `<c:invertIfNegative val="0"/>` +
      `<c:cat><c:strRef><c:f>${escapeXml(ref(left, top + 1, bottom))}</c:f><c:strCache>${cache(left, false)}</c:strCache></c:strRef></c:cat>` +
      `<c:val><c:numRef><c:f>${escapeXml(ref(col, top + 1, bottom))}</c:f><c:numCache><c:formatCode>General</c:formatCode>${cache(col, true)}</c:numCache></c:numRef></c:val>` +
      `</c:ser>`
    );
  }).join('');
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  // A tornado's bars overlap fully (low and high change of one input on one line).
  const overlap = chart.type === 'BarClustered' ? '<c:overlap val="100"/>' : '';
  const [catPos, valPos] = chart.type === 'BarClustered' ? ['l', 'b'] : ['b', 'l'];
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="${chart.type === 'BarClustered' ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="60"/>${overlap}<c:axId val="1001"/><c:axId val="1002"/></c:barChart>` +
    `<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${catPos}"/><c:tickLblPos val="low"/><c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
    `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${valPos}"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="1001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`
  );
}

function drawingXml(anchors: readonly { chart: ChartPlan; relId: string }[]): string {
  const frames = anchors.map(({ chart, relId }, i) => {
    const { top, left } = bounds(chart.anchor);
    const marker = (tag: string, col: number, row: number) => `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    return (
      `<xdr:twoCellAnchor>${marker('from', left - 1, top - 1)}${marker('to', left - 1 + CHART_COLUMNS, top - 1 + CHART_ROWS)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(chart.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="${relId}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${frames.join('')}</xdr:wsDr>`;
}

const relationships = (rels: readonly { id: string; type: string; target: string }[]): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels
    .map((r) => `<Relationship Id="${r.id}" Type="${NS.rel}/${r.type}" Target="${r.target}"/>`)
    .join('')}</Relationships>`;

/** Adds every planned chart to the .xlsx bytes ExcelJS wrote for `plan`; returns the new bytes. */
export async function addPlannedCharts(bytes: Uint8Array, plan: WorkbookPlan): Promise<Uint8Array> {
  if (!plan.sheets.some((s) => s.charts.length)) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const workbookRels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  let types = await zip.file('[Content_Types].xml')!.async('string');
  let chartCount = 0;
  let drawingCount = 0;
  for (const sheet of plan.sheets.filter((s) => s.charts.length)) {
    const entry = [...workbook.matchAll(/<sheet [^>]*name="([^"]*)"[^>]*r:id="([^"]+)"/g)].find((m) => unescapeXml(m[1]!) === sheet.name);
    const target = entry && new RegExp(`Id="${entry[2]}"[^>]*Target="([^"]+)"`).exec(workbookRels)?.[1];
    if (!target) throw new Error(`the .xlsx has no part for sheet "${sheet.name}"`);
    const sheetPath = `xl/${target.replace(/^\/?xl\//, '')}`;
    const relsPath = sheetPath.replace(/worksheets\/(sheet\d+\.xml)$/, 'worksheets/_rels/$1.rels');
    const drawing = ++drawingCount;
    const anchors = sheet.charts.map((chart, i) => {
      const number = ++chartCount;
      zip.file(`xl/charts/chart${number}.xml`, chartXml(sheet, chart));
      types = types.replace('</Types>', `<Override PartName="/xl/charts/chart${number}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`);
      return { chart, relId: `rId${i + 1}`, number };
    });
    zip.file(`xl/drawings/drawing${drawing}.xml`, drawingXml(anchors));
    zip.file(`xl/drawings/_rels/drawing${drawing}.xml.rels`, relationships(anchors.map((a) => ({ id: a.relId, type: 'chart', target: `../charts/chart${a.number}.xml` }))));
    types = types.replace('</Types>', `<Override PartName="/xl/drawings/drawing${drawing}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>`);
    // The sheet's relationships gain the drawing; ExcelJS has written one for its tables already, or none.
    const existing = zip.file(relsPath) ? await zip.file(relsPath)!.async('string') : relationships([]);
    const drawingRel = `rIdClaimCellDrawing${drawing}`;
    zip.file(relsPath, existing.replace('</Relationships>', `<Relationship Id="${drawingRel}" Type="${NS.rel}/drawing" Target="../drawings/drawing${drawing}.xml"/></Relationships>`));
    // <drawing> goes after the page set-up and before <tableParts> / <extLst> (CT_Worksheet's order).
    const xml = await zip.file(sheetPath)!.async('string');
    const at = ['<legacyDrawing', '<tableParts', '<extLst', '</worksheet>'].map((tag) => xml.indexOf(tag)).find((i) => i >= 0)!;
    zip.file(sheetPath, `${xml.slice(0, at)}<drawing r:id="${drawingRel}"/>${xml.slice(at)}`);
  }
  zip.file('[Content_Types].xml', types);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

