/**
 * The print set-up through Office.js, on the simulated host: the same plan as the .xlsx export
 * (src/plan/print.ts) on an ExcelApi 1.9 host; on a 1.8 host the fill still works, without the page
 * layout. And the page layout writes Excel refuses are refused here too.
 */
import { describe, expect, it } from 'vitest';
import { fillWorkbook, type WorkbookState } from '../../src/excel/fill.js';
import { articlePlan } from '../../src/plan/index.js';
import { printSetupFor } from '../../src/plan/print.js';
import { createClaimHost } from './host.js';

const makePlan = (state: WorkbookState) => articlePlan(state);

interface Layout {
  orientation: string;
  paperSize: string;
  printOrder: string;
  zoom: { horizontalFitToPages: number };
  printTitleRows?: string;
  printTitleColumns?: string;
  headersFooters: Record<string, string>;
}

describe('print set-up in the Office.js writer (simulated host)', () => {
  it('applies the plan\'s set-up to every sheet where the host has ExcelApi 1.9', async () => {
    const host = createClaimHost();
    const plan = makePlan({ edits: new Map(), activeScenario: 'Article' } as WorkbookState);
    const result = await fillWorkbook(host.run, makePlan, { requirements: host });
    expect(result.status).toBe('written');
    for (const sheet of plan.sheets) {
      const setup = printSetupFor(sheet);
      const layout = host.getPageLayout(sheet.name) as Layout;
      expect(layout, sheet.name).toMatchObject({
        orientation: setup.orientation === 'landscape' ? 'Landscape' : 'Portrait',
        paperSize: 'A4',
        printOrder: 'OverThenDown',
        zoom: { horizontalFitToPages: setup.fitToPagesWide },
        headersFooters: { leftHeader: '&A', rightHeader: setup.header.right, centerFooter: setup.footer.center },
      });
      expect(layout.printTitleRows, sheet.name).toBe(setup.titleRows ? `$${setup.titleRows[0]}:$${setup.titleRows[1]}` : undefined);
      expect(layout.printTitleColumns, sheet.name).toBe(setup.titleColumns ? '$A:$A' : undefined);
    }
    const claims = plan.sheets.find((s) => s.name === 'Claims')!;
    expect((host.getPageLayout('Claims') as Layout).zoom.horizontalFitToPages).toBe(2);
    const snapshot = host.snapshot() as { sheets: { name: string; alignment?: { value: string; ranges: string[] }[]; rowHeights?: [number, number][] }[] };
    const claimsSheet = snapshot.sheets.find((s) => s.name === 'Claims')!;
    expect(claimsSheet.alignment?.some((a) => JSON.parse(a.value).wrapText === true)).toBe(true);
    expect(new Map(claimsSheet.rowHeights)).toEqual(new Map([...printSetupFor(claims).rowLines].map(([row, lines]) => [row, 15 * lines])));
  });

  it('still fills on an ExcelApi 1.8 host, without the page layout (wrapping and row heights stay)', async () => {
    const host = createClaimHost({ excelApi: '1.8' });
    expect(host.isSetSupported('ExcelApi', '1.9')).toBe(false);
    expect(host.isSetSupported('ExcelApi', '1.8')).toBe(true);
    const result = await fillWorkbook(host.run, makePlan, { requirements: host });
    expect(result.status).toBe('written');
    expect(host.getPageLayout('Claims')).toBeUndefined();
    const snapshot = host.snapshot() as { sheets: { name: string; rowHeights?: unknown[] }[] };
    expect(snapshot.sheets.find((s) => s.name === 'Claims')!.rowHeights?.length).toBeGreaterThan(0);
  });

  it('refuses what Excel refuses: a scale outside 10–400, scale and fit together, title rows that are not whole rows, a header over 255 characters, and any of it below ExcelApi 1.9', async () => {
    const attempt = async (write: (layout: Excel.PageLayout) => void, excelApi: '1.8' | '1.9' = '1.9'): Promise<string> => {
      const host = createClaimHost({ excelApi });
      try {
        await host.run(async (context) => {
          write(context.workbook.worksheets.getItem('Sheet1').pageLayout);
          await context.sync();
        });
        return 'accepted';
      } catch (error) {
        return (error as { code: string }).code;
      }
    };
    expect(await attempt((l) => (l.zoom = { scale: 5 }))).toBe('InvalidArgument');
    expect(await attempt((l) => (l.zoom = { scale: 80, horizontalFitToPages: 1 }))).toBe('InvalidArgument');
    expect(await attempt((l) => l.setPrintTitleRows('A1:B2'))).toBe('InvalidArgument');
    expect(await attempt((l) => (l.headersFooters.defaultForAllPages.centerHeader = 'x'.repeat(250)))).toBe('InvalidArgument');
    expect(await attempt((l) => (l.orientation = 'Sideways' as Excel.PageOrientation))).toBe('InvalidArgument');
    expect(await attempt((l) => (l.orientation = 'Landscape'), '1.8')).toBe('ApiNotFound');
    expect(await attempt((l) => (l.zoom = { horizontalFitToPages: 2 }))).toBe('accepted');
    expect(await attempt((l) => l.setPrintTitleRows('$1:$2'))).toBe('accepted');
  });
});
