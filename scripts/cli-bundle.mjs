// The CLI runs from one prebuilt ES module (dist-cli/claimcell.mjs) so that it starts in plain Node,
// without loading a TypeScript loader first (tsx alone took over a second). The bundle is derived
// data: `npm run cli` rebuilds it whenever a source is newer, `npm run build` always rebuilds it, and
// it is never committed. Plain JavaScript on purpose: this file must run before anything is compiled.
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_BUNDLE = join(ROOT, 'dist-cli', 'claimcell.mjs');
/** Everything the bundle is built from: sources, seed data (imported as modules) and the package's version. */
const INPUTS = ['src', 'seeds', 'package.json', 'tsconfig.json'];

/** Latest modification time (ms) among the bundle's inputs under `root`. */
export function newestInputTime(root = ROOT) {
  let newest = 0;
  const visit = (path) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const input of INPUTS) visit(join(root, input));
  return newest;
}

/** True when the bundle exists and no input changed after it was written. */
export function isBundleFresh(bundle = CLI_BUNDLE, root = ROOT) {
  let built;
  try {
    built = statSync(bundle).mtimeMs;
  } catch {
    return false;
  }
  return built >= newestInputTime(root);
}

/**
 * ExcelJS takes most of a second to load and only the commands that read or write .xlsx use it,
 * so in the bundle `import ExcelJS from 'exceljs'` is a stand-in that requires the real package
 * on first use (ExcelJS is CommonJS, so a synchronous require gives the same object).
 */
const lazyExcelJs = (root) => ({
  name: 'lazy-exceljs',
  setup(build) {
    build.onResolve({ filter: /^exceljs$/ }, (args) => (args.namespace === 'lazy-exceljs' ? { path: 'exceljs', external: true } : { path: 'exceljs', namespace: 'lazy-exceljs' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-exceljs' }, () => ({
      contents: [
        "import { createRequire } from 'node:module';",
        'let loaded;',
        "const load = () => (loaded ??= createRequire(import.meta.url)('exceljs'));",
        'export default new Proxy({}, { get: (_, key) => load()[key], has: (_, key) => key in load() });',
      ].join('\n'),
      loader: 'js',
      resolveDir: root,
    }));
  },
});

/**
 * Bundles src/cli/bin.ts with esbuild (no type check: `npm run lint` and the tests do that).
 * npm packages are bundled too (resolving zod's many files took longer than running them),
 * except ExcelJS (above) and office-addin-cli. Written to a temporary file and renamed, so CLIs started in parallel
 * never read half a bundle.
 */
export async function buildCliBundle(bundle = CLI_BUNDLE, root = ROOT) {
  const { build } = await import('esbuild');
  const result = await build({
    // Worker threads (Monte Carlo: src/cli/stress-pool.ts; grading: src/cli/grade-files.ts) load
    // ./<name>-worker-boot.mjs beside the code that starts them: in the bundle those are these
    // further entries, plain JavaScript as well.
    entryPoints: {
      [basename(bundle, '.mjs')]: join(root, 'src', 'cli', 'bin.ts'),
      'stress-worker-boot': join(root, 'src', 'cli', 'stress-worker.ts'),
      'grade-worker-boot': join(root, 'src', 'cli', 'grade-worker.ts'),
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: [lazyExcelJs(root)],
    // office-addin-cli pulls in Office's telemetry package, which requires Node built-ins at run time.
    external: ['office-addin-cli'],
    write: false,
    outdir: dirname(bundle),
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
    legalComments: 'none',
  });
  mkdirSync(dirname(bundle), { recursive: true });
  // The worker first, the bundle last: the bundle's time is what says the build is complete.
  const files = [...result.outputFiles].sort((a, b) => Number(a.path === bundle) - Number(b.path === bundle));
  for (const file of files) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  return bundle;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const written = await buildCliBundle();
  process.stdout.write(`CLI bundle: ${written}\n`);
}
