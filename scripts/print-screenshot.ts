/**
 * `npm run screenshot:print`: docs/print-claims.png, page 1 of the portable workbook's Claims sheet
 * as LibreOffice prints it: a workbook holding only that sheet, converted to PDF, rendered at 100 dpi
 * by poppler's pdftoppm (LibreOffice Calc alone has no image export).
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { planToXlsxBuffer } from '../src/export/xlsx.js';
import { articlePlan } from '../src/plan/index.js';
import { convert, findSoffice, INSTALL_HINT } from '../test/export/soffice.js';

const soffice = findSoffice();
if (!soffice) throw new Error(INSTALL_HINT);
const dir = mkdtempSync(join(tmpdir(), 'claimcell-print-shot-'));
const plan = articlePlan({ edits: new Map(), activeScenario: 'Article' }, { includeCustomFunctions: false, lang: 'en' });
const wb = new ExcelJS.Workbook();
await wb.xlsx.load((await planToXlsxBuffer(plan)) as unknown as ArrayBuffer);
for (const other of [...wb.worksheets]) if (other.name !== 'Claims') wb.removeWorksheet(other.id);
const file = join(dir, 'Claims.xlsx');
writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
convert(soffice, pathToFileURL(mkdtempSync(join(tmpdir(), 'claimcell-print-profile-'))).href, [file], 'pdf', dir);
const target = join(import.meta.dirname ?? '.', '..', 'docs', 'print-claims');
execFileSync('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '1', '-singlefile', join(dir, 'Claims.pdf'), join(dir, 'page')]);
renameSync(join(dir, 'page.png'), `${target}.png`);
process.stdout.write('wrote docs/print-claims.png\n');
