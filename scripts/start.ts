/**
 * `npm start`: build the add-in (webpack development mode, manifest URLs stay https://localhost:3000/)
 * and serve it over https on localhost:3000 with the Office dev certificates, until Ctrl-C.
 *
 *   npm start                         build + serve
 *   npm start -- --no-build           serve the existing dist/
 *   npm start -- --once               (or CLAIMCELL_START_SMOKE=1) serve, GET taskpane.html and
 *                                     functions.json once, print the result, exit 0/1
 *   npm start -- --port 3001          other port (CLAIMCELL_PORT); 0 = any free port
 *   CLAIMCELL_DIST=dir                build into / serve another directory than dist/
 *
 * No dependencies beyond office-addin-dev-certs: a small static server on node:https / node:http.
 */
import { spawnSync } from 'node:child_process';
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
const port = Number(option('--port') ?? process.env['CLAIMCELL_PORT'] ?? 3000);
const distDir = path.resolve(root, process.env['CLAIMCELL_DIST'] ?? 'dist');
const manifestPath = path.join(root, 'manifest.xml');

// ---------------------------------------------------------------------------------------------
// Static mounts: longest prefix wins. The preview of a later issue mounts with one line:
//   { prefix: '/preview/', dir: path.join(root, 'dist-preview') },
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
      res.writeHead(302, { Location: '/taskpane.html' }).end();
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
  if (!once) {
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
function runBuild(): void {
  const cli = path.join(root, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  console.log(`Building the add-in into ${path.relative(root, distDir) || '.'} (webpack --mode development)…`);
  const started = Date.now();
  const result = spawnSync(process.execPath, [cli, '--mode', 'development', '--env', `outDir=${distDir}`], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('Build failed; not serving.');
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

async function main(): Promise<void> {
  if (build) runBuild();
  if (!existsSync(path.join(distDir, 'taskpane.html'))) {
    console.error(`${distDir}/taskpane.html does not exist; run without --no-build.`);
    process.exit(1);
  }

  const { tls, note } = await loadCertificates();
  const listener = handler(MOUNTS);
  const servers: http.Server[] = [];
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
    for (const file of ['taskpane.html', 'functions.json']) {
      const url = `${origin}/${file}`;
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
