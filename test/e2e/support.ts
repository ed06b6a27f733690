/**
 * Shared by the browser end-to-end tests, bench/bundles.bench.ts and scripts/screenshot.ts:
 * build the preview once, serve it from 127.0.0.1 on a random port, launch Debian's chromium.
 */
import { execFile } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import os from 'node:os';
import { mkdtempSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const ARTIFACTS = path.join(root, 'test-artifacts', 'e2e');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
};

/** Builds the preview (webpack.preview.config.js) into `outDir`. */
export async function buildPreview(outDir: string, mode: 'development' | 'production' = 'development'): Promise<void> {
  const cli = path.join(root, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  await promisify(execFile)(process.execPath, [cli, '--config', 'webpack.preview.config.js', '--mode', mode, '--env', `outDir=${outDir}`], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** A fresh temporary directory under the OS temp dir. */
export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

/** Serves `dir` under `/preview/` on 127.0.0.1, random port. */
export async function serve(dir: string, prefix = '/preview/'): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!pathname.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    let file = path.resolve(dir, `.${path.sep}${pathname.slice(prefix.length)}`);
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Headless Debian chromium with a fresh profile: playwright's launch() always starts from a new
 * temporary --user-data-dir of its own (it refuses the flag itself).
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export function artifactsDir(): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return ARTIFACTS;
}

/** A preview page opened in a fresh browser context, with what it reported. */
export interface OpenedPreview {
  readonly page: import('playwright-core').Page;
  readonly pane: import('playwright-core').FrameLocator;
  /** Uncaught page errors. */
  readonly errors: string[];
  /** Requests that tried to leave the preview's origin (aborted). */
  readonly external: string[];
}

/**
 * Opens the preview (`/preview/<query>`) in a fresh context (1440×900, en-US, downloads on), aborts
 * every request outside the preview's origin, and waits until the task pane can fill.
 */
export async function openPreview(browser: Browser, origin: string, query = '?lang=en-US'): Promise<OpenedPreview> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', acceptDownloads: true });
  const external: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('blob:') || url.startsWith('data:')) await route.continue();
    else {
      external.push(url);
      await route.abort();
    }
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}/preview/${query}`);
  const pane = page.frameLocator('#taskpane');
  await pane.locator('#fill-workbook:enabled').waitFor({ timeout: 30_000 });
  return { page, pane, errors, external };
}

/** Builds the preview once, serves it and launches chromium for a test file; `stop` undoes it all. */
export async function startPreview(prefix: string): Promise<{ browser: Browser; server: StaticServer; outDir: string; stop(): Promise<void> }> {
  const outDir = tempDir(prefix);
  await buildPreview(outDir);
  const server = await serve(outDir);
  const browser = await launchChromium();
  return {
    browser,
    server,
    outDir,
    async stop() {
      await browser.close();
      await server.close();
      if (existsSync(outDir)) rmSync(outDir, { recursive: true, force: true });
    },
  };
}
