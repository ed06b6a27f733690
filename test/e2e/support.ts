/**
 * Shared by the browser end-to-end tests, bench/bundles.bench.ts and scripts/screenshot.ts:
 * build the preview once, serve it from 127.0.0.1 on a random port, launch Debian's chromium.
 */
import { execFile } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
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
