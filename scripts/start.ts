/**
 * `npm start`: build the add-in (webpack development mode, manifest URLs stay https://localhost:3000/)
 * and the browser preview (webpack.preview.config.js → dist-preview/: the real task pane beside a
 * simulated workbook, no Excel needed), and serve both over https on localhost:3000 with the
 * Office dev certificates (the preview at /preview/), until Ctrl-C. When serving https, the preview
 * is also served over plain http on 127.0.0.1 (next port) so a browser opens it without a
 * certificate warning.
 *
 *   npm start                         build + serve
 *   npm start -- --no-build           serve the existing dist/ and dist-preview/
 *   npm start -- --no-preview         do not build the preview
 *   npm start -- --once               (or CLAIMCELL_START_SMOKE=1) serve, GET taskpane.html,
 *                                     functions.json and the preview once, print the result, exit 0/1
 *   npm start -- --port 3001          other port (CLAIMCELL_PORT); 0 = any free port
 *   CLAIMCELL_DIST=dir                build into / serve another directory than dist/
 *                                     (the preview then goes to dir-preview unless CLAIMCELL_PREVIEW_DIST)
 *   CLAIMCELL_TRUST_CERTS=1           on Linux, also try to trust the dev CA (runs sudo; off by default)
 *
 * No dependencies beyond office-addin-dev-certs: a small static server on node:https / node:http.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync, createReadStream } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as devCerts from 'office-addin-dev-certs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------
const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(name);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const once = flag('--once') || process.env['CLAIMCELL_START_SMOKE'] === '1';
const build = !flag('--no-build');
const withPreview = !flag('--no-preview');
const port = Number(option('--port') ?? process.env['CLAIMCELL_PORT'] ?? 3000);
const distDir = path.resolve(root, process.env['CLAIMCELL_DIST'] ?? 'dist');
const manifestPath = path.join(root, 'manifest.xml');
const previewDir = path.resolve(
  root,
  process.env['CLAIMCELL_PREVIEW_DIST'] ?? (process.env['CLAIMCELL_DIST'] ? `${distDir}-preview` : 'dist-preview'),
);

// ---------------------------------------------------------------------------------------------
// Static mounts: longest prefix wins.
// ---------------------------------------------------------------------------------------------
interface Mount {
  readonly prefix: string;
  readonly dir: string;
}
const MOUNTS: Mount[] = [
  { prefix: '/', dir: distDir },
  // Offline copy of Office.js (npm @microsoft/office-js) for pages used outside Office, e.g. the
  // preview. The task pane itself always loads Office.js from Microsoft's CDN, as Office requires.
  { prefix: '/office-js/', dir: path.join(root, 'node_modules', '@microsoft', 'office-js', 'dist') },
  // The browser preview: the real task pane beside a simulated workbook (webpack.preview.config.js).
  { prefix: '/preview/', dir: previewDir },
];

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Maps a request path to a file under one of the mounts, refusing anything outside them. */
function resolveRequest(mounts: readonly Mount[], urlPath: string): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(urlPath, 'http://x').pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0')) return undefined;
  const mount = [...mounts]
    .sort((a, b) => b.prefix.length - a.prefix.length)
    .find((m) => pathname.startsWith(m.prefix) || `${pathname}/` === m.prefix);
  if (!mount) return undefined;
  const rel = pathname.slice(mount.prefix.length);
  const file = path.resolve(mount.dir, `.${path.sep}${rel}`);
  if (file !== mount.dir && !file.startsWith(mount.dir + path.sep)) return undefined;
  if (existsSync(file) && statSync(file).isDirectory()) {
    const index = path.join(file, 'index.html');
    return existsSync(index) ? index : undefined;
  }
  return existsSync(file) ? file : undefined;
}

function handler(mounts: readonly Mount[]): http.RequestListener {
  return (req, res) => {
    // Excel on the web fetches functions.json etc. cross-origin.
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cache-Control', 'no-store');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (req.url === '/' || req.url === '') {
      const previewBuilt = mounts.some((m) => m.prefix === '/preview/' && existsSync(path.join(m.dir, 'index.html')));
      res.writeHead(302, { Location: previewBuilt ? '/preview/' : '/taskpane.html' }).end();
      return;
    }
    if (req.url === '/preview') {
      res.writeHead(301, { Location: '/preview/' }).end();
      return;
    }
    const file = resolveRequest(mounts, req.url ?? '/');
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': statSync(file).size,
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  };
}

// ---------------------------------------------------------------------------------------------
// Certificates
// ---------------------------------------------------------------------------------------------
interface Tls {
  readonly key: Buffer;
  readonly cert: Buffer;
  readonly ca: Buffer | undefined;
}

const certDir = path.join(os.homedir(), '.office-addin-dev-certs');
const certFiles = {
  key: path.join(certDir, 'localhost.key'),
  cert: path.join(certDir, 'localhost.crt'),
  ca: path.join(certDir, 'ca.crt'),
};

function readCerts(): Tls | undefined {
  if (!existsSync(certFiles.key) || !existsSync(certFiles.cert)) return undefined;
  return {
    key: readFileSync(certFiles.key),
    cert: readFileSync(certFiles.cert),
    ca: existsSync(certFiles.ca) ? readFileSync(certFiles.ca) : undefined,
  };
}

/**
 * Office dev certificates. Interactive: ensureCertificatesAreInstalled() (generates and trusts the
 * CA; on Linux without sudo the trust step fails but the files are written). Smoke mode never
 * installs anything: it reuses existing files or only generates them.
 */
async function loadCertificates(): Promise<{ tls: Tls | undefined; note: string }> {
  // Trusting the CA runs `sudo` on Linux (a password prompt would block `npm start`); there is no
  // Excel desktop on Linux anyway, so only generate the files there unless asked.
  const trust = process.platform !== 'linux' || process.env['CLAIMCELL_TRUST_CERTS'] === '1';
  if (!once && trust) {
    try {
      await devCerts.ensureCertificatesAreInstalled();
    } catch (err) {
      const msg = (err as Error).message.split('\n')[0] ?? '';
      console.warn(`office-addin-dev-certs could not install/trust the CA (${msg}); using the certificate files if present.`);
    }
  }
  let tls = readCerts();
  if (!tls) {
    try {
      await devCerts.generateCertificates(certFiles.ca, certFiles.cert, certFiles.key);
    } catch (err) {
      return { tls: undefined, note: `could not generate dev certificates: ${(err as Error).message}` };
    }
    tls = readCerts();
  }
  return tls ? { tls, note: `certificates from ${certDir}` } : { tls: undefined, note: `no certificates in ${certDir}` };
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------
/** Runs webpack once; resolves with its exit code. */
function webpackBuild(args: readonly string[]): Promise<number> {
  const cli = path.join(root, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) => resolve(code ?? 1));
    child.on('error', () => resolve(1));
  });
}

/** Builds the add-in and (unless --no-preview) the preview, in parallel. */
async function runBuild(): Promise<void> {
  const rel = (dir: string): string => path.relative(root, dir) || '.';
  console.log(`Building the add-in into ${rel(distDir)} (webpack --mode development)${withPreview ? ` and the preview into ${rel(previewDir)}` : ''}…`);
  const started = Date.now();
  const [addin, preview] = await Promise.all([
    webpackBuild(['--mode', 'development', '--env', `outDir=${distDir}`]),
    withPreview ? webpackBuild(['--config', 'webpack.preview.config.js', '--mode', 'development', '--env', `outDir=${previewDir}`]) : Promise.resolve(0),
  ]);
  if (addin !== 0 || preview !== 0) {
    console.error(`${addin !== 0 ? 'Add-in' : 'Preview'} build failed; not serving.`);
    process.exit(1);
  }
  console.log(`Build done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

function listen(server: http.Server, host: string, p: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(p, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function get(url: string, ca: Buffer | undefined): Promise<{ status: number; bytes: number; type: string }> {
  return new Promise((resolve, reject) => {
    const client = url.startsWith('https:') ? https : http;
    const req = client.get(url, ca ? { ca } : {}, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, type: String(res.headers['content-type'] ?? '') }));
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`timeout fetching ${url}`)));
  });
}

/** True when the preview is built (index.html in its directory). */
function previewReady(): boolean {
  return withPreview && existsSync(path.join(previewDir, 'index.html'));
}

async function main(): Promise<void> {
  if (build) await runBuild();
  if (!existsSync(path.join(distDir, 'taskpane.html'))) {
    console.error(`${distDir}/taskpane.html does not exist; run without --no-build.`);
    process.exit(1);
  }

  const { tls, note } = await loadCertificates();
  const listener = handler(MOUNTS);
  const servers: http.Server[] = [];
  let plainPreview: string | undefined;
  let origin: string;
  let actualPort: number;
  if (tls) {
    const primary = https.createServer({ key: tls.key, cert: tls.cert }, listener);
    servers.push(primary);
    actualPort = await listen(primary, '127.0.0.1', port);
    if (port !== 0) {
      // "localhost" may resolve to ::1 (Excel on macOS / some Windows setups): serve there too.
      const v6 = https.createServer({ key: tls.key, cert: tls.cert }, listener);
      try {
        await listen(v6, '::1', actualPort);
        servers.push(v6);
      } catch {
        /* no IPv6 loopback: fine */
      }
    }
    origin = `https://localhost:${actualPort}`;
    console.log(`HTTPS with Office dev ${note}.`);
    if (previewReady()) {
      // The preview over plain http as well: no certificate warning in the browser.
      const previewOnly = handler(MOUNTS.filter((m) => m.prefix === '/preview/'));
      const plain = http.createServer(previewOnly);
      try {
        const p = await listen(plain, '127.0.0.1', port === 0 ? 0 : actualPort + 1);
        servers.push(plain);
        plainPreview = `http://localhost:${p}/preview/`;
        const plain6 = http.createServer(previewOnly);
        await listen(plain6, '::1', p).then(
          () => servers.push(plain6),
          () => undefined, // no IPv6 loopback: localhost resolves to 127.0.0.1
        );
      } catch {
        /* that port is taken: the https preview URL still works */
      }
    }
  } else {
    const primary = http.createServer(listener);
    servers.push(primary);
    actualPort = await listen(primary, '127.0.0.1', port);
    origin = `http://127.0.0.1:${actualPort}`;
    console.warn(
      `WARNING: no Office dev certificates (${note}). Falling back to plain HTTP at ${origin}/ — ` +
        'Excel will NOT load the add-in over http; fix certificates with `npx office-addin-dev-certs install`.',
    );
  }

  console.log('');
  if (previewReady()) {
    console.log('Try ClaimCell now, no Excel needed — open the preview in a browser:');
    console.log(`  Preview:     ${plainPreview ?? `${origin}/preview/`}`);
    if (plainPreview) console.log(`               (also ${origin}/preview/, with the dev certificate)`);
    console.log('');
  }
  console.log(`ClaimCell add-in served from ${distDir}`);
  console.log(`  Task pane:   ${origin}/taskpane.html`);
  console.log(`  Functions:   ${origin}/functions.json (+ functions.zh-CN.json, functions.js)`);
  console.log(`  Manifest:    ${manifestPath}`);
  console.log('Sideload:');
  console.log('  Excel desktop (Windows/macOS): npm run start:desktop   (stop with: npm run stop)');
  console.log('  Excel on the web: Insert → Add-ins → Upload My Add-in → choose manifest.xml');
  console.log('  (the manifest expects https://localhost:3000/ and a trusted dev certificate: npx office-addin-dev-certs install)');

  const closeAll = (): Promise<void> =>
    Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r())))).then(() => undefined);

  if (once) {
    let ok = true;
    const files = ['taskpane.html', 'functions.json', ...(previewReady() ? ['preview/', 'preview/taskpane.html', 'preview/preview.js'] : [])];
    const urls = [...files.map((file) => `${origin}/${file}`), ...(plainPreview ? [plainPreview] : [])];
    for (const url of urls) {
      try {
        const r = await get(url, tls?.ca);
        const good = r.status === 200 && r.bytes > 0;
        ok &&= good;
        console.log(`SMOKE ${good ? 'OK' : 'FAIL'} GET ${url} -> ${r.status} ${r.type} ${r.bytes} bytes`);
      } catch (err) {
        ok = false;
        console.log(`SMOKE FAIL GET ${url} -> ${(err as Error).message}`);
      }
    }
    await closeAll();
    console.log(ok ? 'SMOKE PASSED' : 'SMOKE FAILED');
    process.exit(ok ? 0 : 1);
  }

  console.log('\nServing until Ctrl-C.');
  const stop = (): void => {
    console.log('\nStopping.');
    void closeAll().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
