// The dev server of `npm start` and `webpack serve` (webpack-dev-server), as in Microsoft's Office
// add-in template: https with the office-addin-dev-certs certificates on port 3000, CORS open (Excel
// on the web fetches functions.json cross-origin). Beside the add-in it serves:
//   /preview/    the browser preview (webpack.preview.config.js, the real task pane beside a
//                simulated workbook), a second compiler of the same server
//   /office-js/  the offline Office.js of @microsoft/office-js, for pages used outside Office
// Both builds are also written to disk (dist/, dist-preview/), as `npm start` always did.
//
//   env.port       port (default 3000, CLAIMCELL_PORT; 0 = any free port)
//   env.preview    false: the add-in only
//   env.certs      { tls, note } from scripts/dev-certs.mjs (loaded here when absent)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import previewConfig from './webpack.preview.config.js';
import { loadCertificates } from './scripts/dev-certs.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));
export const DEV_PORT = 3000;

/** The preview's output directory next to the add-in's (dist → dist-preview, X → X-preview). */
export function previewDirOf(addinDir) {
  return path.resolve(root, process.env.CLAIMCELL_PREVIEW_DIST ?? (process.env.CLAIMCELL_DIST ? `${addinDir}-preview` : 'dist-preview'));
}

/** The add-in config with its devServer, and the preview's config after it unless env.preview is false. */
export async function serveConfigs(addin, env) {
  const { tls } = env.certs ?? (await loadCertificates({ install: true }));
  const withPreview = env.preview !== false && env.preview !== 'false';
  const port = Number(env.port ?? process.env.CLAIMCELL_PORT ?? DEV_PORT);
  addin.devServer = {
    // without certificates: plain http on 127.0.0.1 only (Excel will not load it; `npm start` says so)
    host: tls ? 'localhost' : '127.0.0.1',
    port: port === 0 ? 'auto' : port,
    server: tls ? { type: 'https', options: { key: tls.key, cert: tls.cert, ...(tls.ca ? { ca: tls.ca } : {}) } } : 'http',
    headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' },
    static: { directory: path.join(root, 'node_modules', '@microsoft', 'office-js', 'dist'), publicPath: '/office-js/', watch: false },
    devMiddleware: { writeToDisk: true },
    // The task pane is loaded by its own ES5 loader and checked for its engine level: no client
    // script is injected into it (no hot reload); a rebuild is served on the next load.
    hot: false,
    liveReload: false,
    client: false,
    setupMiddlewares(middlewares, server) {
      // exact paths: express's own routes would also match /preview/ for /preview
      middlewares.unshift({
        name: 'claimcell-redirects',
        middleware: (req, res, next) => {
          const pathname = (req.url ?? '').split('?')[0];
          if (pathname === '/') res.redirect(302, withPreview ? '/preview/' : '/taskpane.html');
          else if (pathname === '/preview') res.redirect(301, '/preview/');
          else next();
        },
      });
      return middlewares;
    },
  };
  if (!withPreview) return addin;
  const preview = previewConfig({ outDir: previewDirOf(addin.output.path) }, { mode: addin.mode });
  preview.output.publicPath = '/preview/';
  return [addin, preview];
}
