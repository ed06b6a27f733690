/**
 * Worksheet.pageLayout (ExcelApi 1.9), write-only: orientation, paperSize, printOrder, zoom,
 * setPrintTitleRows/Columns and headersFooters.defaultForAllPages. Each write is queued and checked
 * at sync as Excel documents it; a host that plays ExcelApi 1.8 fails every one with ApiNotFound.
 */
import { fail, notSupported } from '../errors.js';
import type { SimWorkbook } from '../model.js';
import type { PageLayoutModel, SheetModel } from '../types.js';

/** What a page layout write needs from its worksheet proxy: queue an operation on the sheet. */
export interface PageLayoutOwner {
  _method(name: string, apply: (sheet: SheetModel) => void): void;
  readonly _model: SimWorkbook;
}

const ORIENTATIONS = ['Portrait', 'Landscape'];
const PRINT_ORDERS = ['DownThenOver', 'OverThenDown'];
const PAPER_TYPES = ['A3', 'A4', 'A5', 'B4', 'B5', 'Executive', 'Legal', 'Letter', 'Tabloid'];
/** Excel keeps at most 255 characters in one header or footer, its three sections and codes included. */
const HEADER_FOOTER_MAX = 255;
const SECTIONS = ['leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter'] as const;
type Section = (typeof SECTIONS)[number];

function layoutOf(owner: PageLayoutOwner, sheet: SheetModel): PageLayoutModel {
  if (owner._model.excelApiVersion < 1.9) fail('ApiNotFound', 'Worksheet.pageLayout needs ExcelApi 1.9');
  sheet.pageLayout ??= { headersFooters: {} };
  return sheet.pageLayout;
}

/** The whole header (or footer) as stored: `&L…&C…&R…`. */
function stored(sections: PageLayoutModel['headersFooters'], kind: 'Header' | 'Footer'): string {
  return ['left', 'center', 'right'].map((side, i) => `&${'LCR'[i]}${sections[`${side}${kind}` as Section] ?? ''}`).join('');
}

export class PageLayout {
  constructor(private readonly owner: PageLayoutOwner) {}

  private queue(name: string, apply: (layout: PageLayoutModel) => void): void {
    this.owner._method(`pageLayout.${name}`, (sheet) => apply(layoutOf(this.owner, sheet)));
  }

  set orientation(value: string) {
    this.queue('orientation', (layout) => {
      if (!ORIENTATIONS.includes(value)) fail('InvalidArgument', `orientation ${String(value)}`);
      layout.orientation = value as PageLayoutModel['orientation'];
    });
  }
  set paperSize(value: string) {
    this.queue('paperSize', (layout) => {
      if (!PAPER_TYPES.includes(value)) fail('InvalidArgument', `paperSize ${String(value)}`);
      layout.paperSize = value;
    });
  }
  set printOrder(value: string) {
    this.queue('printOrder', (layout) => {
      if (!PRINT_ORDERS.includes(value)) fail('InvalidArgument', `printOrder ${String(value)}`);
      layout.printOrder = value as PageLayoutModel['printOrder'];
    });
  }
  /** Set as a whole object, as Excel requires; a scale (10 to 400) or pages to fit to, not both. */
  set zoom(value: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number }) {
    const zoom = { ...value };
    this.queue('zoom', (layout) => {
      const fits = [zoom.horizontalFitToPages, zoom.verticalFitToPages].filter((n) => n !== undefined && n !== null);
      if (zoom.scale !== undefined && zoom.scale !== null) {
        if (!Number.isInteger(zoom.scale) || zoom.scale < 10 || zoom.scale > 400) fail('InvalidArgument', `zoom.scale ${zoom.scale} is not from 10 to 400`);
        if (fits.length) fail('InvalidArgument', 'zoom takes a scale or pages to fit to, not both');
      } else if (!fits.length) fail('InvalidArgument', 'zoom needs a scale or pages to fit to');
      for (const n of fits) if (!Number.isInteger(n) || n! < 1) fail('InvalidArgument', `zoom pages ${String(n)} is not a whole number of pages`);
      layout.zoom = zoom;
    });
  }
  get zoom(): never {
    return notSupported('reading Worksheet.pageLayout.zoom (set it as a whole object)');
  }

  /** Whole rows only (`$1:$1`), as print titles are. */
  setPrintTitleRows(rows: string): void {
    this.queue('setPrintTitleRows', (layout) => {
      const m = typeof rows === 'string' ? /^\$?(\d+):\$?(\d+)$/.exec(rows) : null;
      if (!m || Number(m[1]) < 1 || Number(m[2]) < Number(m[1])) fail('InvalidArgument', `print title rows ${String(rows)} are not whole rows`);
      layout.printTitleRows = `$${m[1]}:$${m[2]}`;
    });
  }
  /** Whole columns only (`$A:$A`). */
  setPrintTitleColumns(columns: string): void {
    this.queue('setPrintTitleColumns', (layout) => {
      const m = typeof columns === 'string' ? /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/i.exec(columns) : null;
      if (!m) fail('InvalidArgument', `print title columns ${String(columns)} are not whole columns`);
      layout.printTitleColumns = `$${m[1]!.toUpperCase()}:$${m[2]!.toUpperCase()}`;
    });
  }

  get headersFooters(): { defaultForAllPages: Record<Section, string> } {
    const target = {} as Record<Section, string>;
    for (const section of SECTIONS) {
      Object.defineProperty(target, section, {
        set: (text: string) =>
          this.queue(`headersFooters.defaultForAllPages.${section}`, (layout) => {
            if (typeof text !== 'string') fail('InvalidArgument', `${section} must be text`);
            const next = { ...layout.headersFooters, [section]: text };
            const kind = section.endsWith('Header') ? 'Header' : 'Footer';
            if (stored(next, kind).length > HEADER_FOOTER_MAX) fail('InvalidArgument', `the ${kind.toLowerCase()} is over ${HEADER_FOOTER_MAX} characters`);
            layout.headersFooters = next;
          }),
        get: () => notSupported(`reading ${section}`),
      });
    }
    return { defaultForAllPages: target };
  }
}
