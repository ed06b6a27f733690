/**
 * Bundle sizes of the add-in after a production build, and the preview's time to interactive.
 *
 * - dist/functions.js (alone, and with runtime.js + shared.js it needs) and the task pane bundle (runtime.js + shared.js + taskpane.js, what
 *   taskpane.html loads besides functions.js), raw and gzipped, reported in KB (1 KB = 1024 bytes).
 *   Targets: functions.js ≤ 60 KB gzipped, task pane ≤ 250 KB gzipped.
 *   An existing dist/ is reused when it is a production build newer than every source file;
 *   otherwise a production build is made in a temporary directory (dist/ is left alone).
 * - Preview time to interactive: ms from navigation to the task pane's "Fill workbook" button
 *   being enabled, in headless chromium (production preview build, median of 5 loads).
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { buildPreview, launchChromium, root, serve, tempDir } from '../test/e2e/support.js';
import type { Report } from './run.js';

const KB = 1024;
const TASKPANE_FILES = ['runtime.js', 'shared.js', 'taskpane.js'];

function newestSource(): number {
  let newest = 0;
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const dir of ['src', 'seeds']) walk(path.join(root, dir));
  for (const file of ['webpack.config.js', 'package.json', 'manifest.xml']) newest = Math.max(newest, statSync(path.join(root, file)).mtimeMs);
  return newest;
}

/** dist/ if it is a fresh production build, else a new production build in a temp dir. */
async function productionDist(): Promise<{ dir: string; temporary: boolean }> {
  const dist = path.join(root, 'dist');
  const files = ['functions.js', ...TASKPANE_FILES].map((f) => path.join(dist, f));
  if (files.every(existsSync)) {
    const built = Math.min(...files.map((f) => statSync(f).mtimeMs));
    // Development bundles carry webpack's module banners; production ones are minified.
    const production = !readFileSync(path.join(dist, 'taskpane.js'), 'utf8').includes('/******/');
    if (production && built > newestSource()) return { dir: dist, temporary: false };
  }
  const dir = tempDir('claimcell-bench-dist-');
  const cli = path.join(root, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  await promisify(execFile)(process.execPath, [cli, '--mode', 'production', '--env', `outDir=${dir}`], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  return { dir, temporary: true };
}

function sizes(dir: string, files: readonly string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const p = path.join(dir, f);
    if (!existsSync(p)) continue;
    const bytes = readFileSync(p);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

async function previewTti(): Promise<number> {
  const dir = tempDir('claimcell-bench-preview-');
  await buildPreview(dir, 'production');
  const server = await serve(dir);
  const browser = await launchChromium();
  try {
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      const start = Date.now();
      await page.goto(`${server.origin}/preview/?lang=en-US`, { waitUntil: 'commit' });
      await page.frameLocator('#taskpane').locator('#fill-workbook:enabled').waitFor({ timeout: 60_000 });
      if (i > 0) times.push(Date.now() - start); // the first load warms chromium up
      await context.close();
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)]!;
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(report: Report): Promise<void> {
  const { dir, temporary } = await productionDist();
  try {
    const fn = sizes(dir, ['functions.js']);
    const pane = sizes(dir, TASKPANE_FILES);
    report({ name: 'bundles.functions_js.raw_kb', value: fn.raw / KB, unit: 'KB' });
    report({ name: 'bundles.functions_js.gzip_kb', value: fn.gzip / KB, unit: 'KB' });
    report({ name: 'bundles.functions_js.gzip_target_kb', value: 60, unit: 'KB' });
    // functions.js alone is small because code it shares with the task pane sits in shared.js
    // (one shared runtime); with its chunks it is what Excel must load to compute CLAIM.*.
    const fnAll = sizes(dir, ['runtime.js', 'shared.js', 'functions.js']);
    report({ name: 'bundles.functions_with_shared_chunks.gzip_kb', value: fnAll.gzip / KB, unit: 'KB' });
    report({ name: 'bundles.taskpane.raw_kb', value: pane.raw / KB, unit: 'KB' });
    report({ name: 'bundles.taskpane.gzip_kb', value: pane.gzip / KB, unit: 'KB' });
    report({ name: 'bundles.taskpane.gzip_target_kb', value: 250, unit: 'KB' });
  } finally {
    if (temporary) rmSync(dir, { recursive: true, force: true });
  }
  report({ name: 'preview.time_to_interactive_ms', value: await previewTti(), unit: 'ms' });
}
