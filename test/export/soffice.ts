/**
 * LibreOffice headless as a second, independent spreadsheet engine for the exported .xlsx.
 *
 * Every run gets a throwaway user profile whose registrymodifications.xcu sets
 * /org.openoffice.Office.Calc/Formula/Load OOXMLRecalcMode = 0 ("always recalculate"), so the
 * values LibreOffice exports are its own results, never the cached ones the writer stored
 * (LibreOffice's default, 1, is "never recalculate" and would just echo the cache back).
 */
import { parseCsv } from '../../src/model/csv.js';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

/**
 * CSV filter options, by token: 44 = comma, 34 = double quote, 76 = UTF-8, 1 = start row,
 * (empty) cell formats, 0 = language, false = quoted as text, true = detect special numbers,
 * false = save cell contents *as shown* (so cells export as their input strings: numbers with
 * 15 significant digits, whatever the number format shows), false = formulas, false = trim spaces,
 * -1 = every sheet to `<file>-<Sheet>.csv` (LibreOffice 7.2+).
 */
export const CSV_ALL_SHEETS = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

export const INSTALL_HINT = 'LibreOffice (soffice) is needed to recalculate the exported workbook: apt-get install libreoffice-calc-nogui';

/** The soffice binary: $SOFFICE, else the usual places; null when LibreOffice is missing. */
export function findSoffice(): string | null {
  const candidates = [process.env.SOFFICE, '/usr/bin/soffice', '/usr/local/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  try {
    const found = execFileSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' }).trim();
    return found || null;
  } catch {
    return null;
  }
}

/** The registry item that makes LibreOffice recalculate every .xlsx on load. */
export const RECALC_ALWAYS_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A fresh profile directory with the recalc-always setting; `url` is for -env:UserInstallation. */
export function recalcProfile(): { dir: string; url: string } {
  const dir = mkdtempSync(join(tmpdir(), 'claimcell-lo-profile-'));
  mkdirSync(join(dir, 'user'), { recursive: true });
  writeFileSync(join(dir, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS_XCU);
  return { dir, url: pathToFileURL(dir).href };
}

export interface ConvertRun {
  /** The exact argument list given to soffice. */
  readonly args: readonly string[];
  readonly ms: number;
  readonly output: string;
}

/** One soffice call converting every file in `files` to `target` into `outDir`. */
export function convert(soffice: string, profileUrl: string, files: readonly string[], target: string, outDir: string): ConvertRun {
  const args = [`-env:UserInstallation=${profileUrl}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', target, '--outdir', outDir, ...files];
  const start = performance.now();
  const output = execFileSync(soffice, args, {
    encoding: 'utf8',
    timeout: 120_000,
    stdio: ['ignore', 'pipe', 'pipe'],
    // A fixed locale: the exported input strings use its decimal separator and date order.
    env: { ...process.env, LC_ALL: 'en_US.UTF-8', LANG: 'en_US.UTF-8', LANGUAGE: 'en_US' },
  });
  return { args, ms: performance.now() - start, output };
}

export const readCsv = (path: string): string[][] => parseCsv(readFileSync(path, 'utf8'));

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * A number from LibreOffice's input string of a cell: `28.8`, `-2.5E-05`, `7.57404110697524%`
 * (percent-formatted cells), `2024-11-01` (date-formatted cells, as a serial day number).
 * null for text, errors and blanks.
 */
export function csvNumber(text: string): number | null {
  const t = text.trim();
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?%?$/.test(t)) {
    return t.endsWith('%') ? Number(t.slice(0, -1)) / 100 : Number(t);
  }
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (date) return (Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])) - EXCEL_EPOCH_MS) / 86_400_000;
  return null;
}

/** Coloured (not grey) pixels over every page of a PDF rendered at 30 dpi (PPM: a text header, then R, G, B bytes a pixel). */
export function colouredPixels(pdf: string): number {
  const out = mkdtempSync(join(tmpdir(), 'claimcell-ink-'));
  execFileSync('pdftoppm', ['-r', '30', pdf, join(out, 'page')]);
  let coloured = 0;
  for (const file of readdirSync(out)) {
    const bytes = readFileSync(join(out, file));
    // Header: "P6\n<width> <height>\n255\n".
    let newlines = 0;
    let start = 0;
    while (newlines < 3) if (bytes[start++] === 0x0a) newlines++;
    for (let i = start; i + 2 < bytes.length; i += 3) {
      const [r, g, b] = [bytes[i]!, bytes[i + 1]!, bytes[i + 2]!];
      if (Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
    }
  }
  rmSync(out, { recursive: true, force: true });
  return coloured;
}
