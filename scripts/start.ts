/**
 * `npm start`: the dev server of webpack.config.js (webpack-dev-server, webpack.serve.js) — the
 * add-in in development mode (manifest URLs stay https://localhost:3000/) and the browser preview
 * (the real task pane beside a simulated workbook, no Excel needed) at /preview/, over https on
 * localhost:3000 with the Office dev certificates, rebuilt on change, until Ctrl-C. When serving
 * https, the preview is also served over plain http on the next port, so that a browser opens it
 * without a certificate warning.
 *
 *   npm start                         build + serve
 *   npm start -- --no-preview         the add-in only
 *   npm start -- --once               (or CLAIMCELL_START_SMOKE=1) serve, GET taskpane.html,
 *                                     functions.json and the preview once, print the result, exit 0/1
 *   npm start -- --port 3001          other port (CLAIMCELL_PORT); 0 = any free port
 *   CLAIMCELL_DIST=dir                write the add-in to another directory than dist/
 *                                     (the preview then goes to dir-preview unless CLAIMCELL_PREVIEW_DIST)
 *   CLAIMCELL_TRUST_CERTS=1           on Linux, also try to trust the dev CA (runs sudo; off by default)
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import webpack, { type Configuration } from 'webpack';
import WebpackDevServer from 'webpack-dev-server';
import { loadCertificates } from './dev-certs.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(name);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const once = flag('--once') || process.env['CLAIMCELL_START_SMOKE'] === '1';
const withPreview = !flag('--no-preview');
const port = Number(option('--port') ?? process.env['CLAIMCELL_PORT'] ?? 3000);
const distDir = path.resolve(root, process.env['CLAIMCELL_DIST'] ?? 'dist');
const manifestPath = path.join(root, 'manifest.xml');

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
    req.setTimeout(120_000, () => req.destroy(new Error(`timeout fetching ${url}`)));
  });
}

/** Resolves when every compiler of the server has finished its first build; false when one failed. */
function firstBuild(compiler: webpack.Compiler | webpack.MultiCompiler): Promise<boolean> {
  return new Promise((resolve) => compiler.hooks.done.tap('claimcell-start', (stats) => resolve(!stats.hasErrors())));
}

async function main(): Promise<void> {
  const certs = await loadCertificates({ install: !once });
  const { default: configOf } = (await import(path.join(root, 'webpack.config.js'))) as {
    default: (env: Record<string, unknown>, argv: Record<string, unknown>) => Promise<Configuration | Configuration[]>;
  };
  const configs = await configOf({ WEBPACK_SERVE: true, outDir: distDir, port, preview: withPreview, certs }, { mode: 'development' });
  const list = Array.isArray(configs) ? configs : [configs];
  const rel = (dir: string): string => path.relative(root, dir) || '.';
  console.log(`Building the add-in into ${rel(distDir)} (webpack --mode development)${withPreview ? ` and the preview into ${rel(list[1]!.output!.path!)}` : ''}, then serving…`);
  const started = Date.now();
  const compiler = webpack(list);
  const built = firstBuild(compiler);
  const server = new WebpackDevServer(list[0]!.devServer!, compiler);
  await server.start();
  if (!(await built)) {
    console.error('Build failed; not serving.');
    await server.stop();
    process.exit(1);
  }
  console.log(`Build done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);

  const actualPort = (server.server!.address() as AddressInfo).port;
  const tls = certs.tls;
  const origin = tls ? `https://localhost:${actualPort}` : `http://127.0.0.1:${actualPort}`;
  const extra: http.Server[] = [];
  let plainPreview: string | undefined;
  if (tls) {
    console.log(`HTTPS with Office dev ${certs.note}.`);
    if (withPreview) {
      // The preview over plain http as well: no certificate warning in the browser.
      const app = server.app as unknown as http.RequestListener;
      const previewOnly: http.RequestListener = (req, res) => (req.url?.startsWith('/preview') ? app(req, res) : res.writeHead(404).end());
      for (const host of ['127.0.0.1', '::1']) {
        const plain = http.createServer(previewOnly);
        try {
          const p = await listen(plain, host, plainPreview ? Number(new URL(plainPreview).port) : port === 0 ? 0 : actualPort + 1);
          extra.push(plain);
          plainPreview ??= `http://localhost:${p}/preview/`;
        } catch {
          /* that port is taken, or no IPv6 loopback: the https preview URL still works */
        }
      }
    }
  } else {
    console.warn(
      `WARNING: no Office dev certificates (${certs.note}). Falling back to plain HTTP at ${origin}/ — ` +
        'Excel will NOT load the add-in over http; fix certificates with `npx office-addin-dev-certs install`.',
    );
  }

  console.log('');
  if (withPreview) {
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

  const closeAll = async (): Promise<void> => {
    await Promise.all(extra.map((s) => new Promise<void>((r) => s.close(() => r()))));
    await server.stop();
  };

  if (once) {
    let ok = true;
    const files = ['taskpane.html', 'functions.json', ...(withPreview ? ['preview/', 'preview/taskpane.html', 'preview/preview.js'] : [])];
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

  console.log('\nServing until Ctrl-C (rebuilt on change).');
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
